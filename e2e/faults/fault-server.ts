import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLine, readServerUrl, stop } from '../concord-process.ts';

/**
 * The real `concord serve` on a fixed loopback port and SQLite file, so that it can be killed
 * (SIGKILL, mid-request) and started again where the browsers expect it.
 */
export class FaultServer {
  private child: ChildProcess | undefined;
  private constructor(
    readonly url: string,
    private readonly port: number,
    private readonly dir: string,
    /** With PostgreSQL: the process holding the throwaway cluster, and its URL. */
    private readonly postgres?: { child: ChildProcess; url: string },
  ) {}

  /** On a fresh SQLite file, or with `postgres` on a throwaway PostgreSQL cluster. */
  static async start(options: { postgres?: boolean } = {}): Promise<FaultServer> {
    const dir = mkdtempSync(join(tmpdir(), 'concord-faults-'));
    const port = await findFreePort();
    const postgres = options.postgres ? await startPostgres() : undefined;
    const server = new FaultServer(`http://127.0.0.1:${port}`, port, dir, postgres);
    await server.restart();
    return server;
  }

  /** Restarts PostgreSQL as a crash would (every connection cut), under the running server. */
  async restartPostgres(): Promise<void> {
    const pg = this.postgres;
    if (!pg) throw new Error('This server runs on SQLite');
    const restarted = readLine(pg.child, /(PostgreSQL restarted)/);
    pg.child.stdin!.write('restart\n');
    if ((await restarted) === undefined) throw new Error('PostgreSQL exited instead of restarting');
  }

  /** Starts the server (again) on the same port and store. */
  async restart(): Promise<void> {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) return;
    const child = spawn(
      process.execPath,
      [
        'bin/concord.js',
        'serve',
        '--port',
        String(this.port),
        '--host',
        '127.0.0.1',
        '--db',
        this.postgres?.url ?? join(this.dir, 'concord.db'),
      ],
      // The harness saves through the API far more often than a person: no rate limit.
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, CONCORD_RATE_LIMIT: 'off', CONCORD_AUTH: 'off' },
      },
    );
    this.child = child;
    await readServerUrl(child);
  }

  /** SIGKILL: no shutdown hook runs, whatever was in flight is cut. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async dispose(): Promise<void> {
    if (this.child) await stop(this.child);
    if (this.postgres) await stop(this.postgres.child);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

async function startPostgres(): Promise<{ child: ChildProcess; url: string }> {
  // A process of its own: e2e code imports no server code.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/server/testing/run-test-postgres.ts'],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const url = await readLine(child, /PostgreSQL ready at (\S+)/);
  if (url === undefined) throw new Error('PostgreSQL did not start (is it installed?)');
  return { child, url };
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
