import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A throwaway PostgreSQL cluster, started by `startTestPostgres`. */
export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:PORT/concord`: a superuser on an empty database. */
  url: string;
  /** The temp folder holding the cluster's data, socket and log. */
  dir: string;
  /** Stops the server (fast shutdown) and removes the folder. Safe to call twice. */
  stop(): Promise<void>;
  /**
   * Restarts the server as a crash would (immediate shutdown: no checkpoint, every connection
   * cut), on the same port and data, for tests of what clients do meanwhile.
   */
  restart(): Promise<void>;
}

export interface TestPostgresOptions {
  /**
   * Keep `fsync` on, as a real deployment would (default false). Tests crash the Concord
   * process, never PostgreSQL itself, so they need no flush to disk; benchmarks want it.
   */
  durable?: boolean;
}

/**
 * The folder of PostgreSQL's server programs (`initdb`, `pg_ctl`): `CONCORD_PG_BIN` when set,
 * else the newest Debian install under /usr/lib/postgresql, else `undefined`.
 */
export function findPostgresBin(): string | undefined {
  if (process.env.CONCORD_PG_BIN) return process.env.CONCORD_PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

/** Why PostgreSQL tests cannot run here, said so that a person knows what to install. */
export const postgresMissingMessage =
  'PostgreSQL is not installed: no /usr/lib/postgresql/*/bin/initdb (on Debian: apt-get install postgresql), ' +
  'and CONCORD_PG_BIN does not name a folder with initdb and pg_ctl.';

/**
 * Starts a fresh PostgreSQL cluster in a temp folder: `initdb`, then `pg_ctl start` on a free
 * loopback port with its unix socket in the same folder, then `CREATE DATABASE concord`.
 * PostgreSQL refuses to run as root, so as root the programs run as the `postgres` user
 * (Debian's package creates it) and the folder is handed to that user.
 *
 * @example
 * const pg = await startTestPostgres();
 * const store = await openPostgresStore(pg.url);
 * // …
 * await pg.stop();
 */
export async function startTestPostgres(options: TestPostgresOptions = {}): Promise<TestPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(postgresMissingMessage);
  const dir = mkdtempSync(join(tmpdir(), 'concord-pg-'));
  const asOwner = await findOwner(dir);
  const data = join(dir, 'data');
  const port = await findFreePort();
  let started = false;
  const stop = async () => {
    if (started) {
      started = false;
      await asOwner(join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'fast', '-w']).catch(
        () => undefined,
      );
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const settings = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    // Room for every test worker's pools plus the 1,000-save race.
    '-c max_connections=300',
    ...(options.durable ? [] : ['-c fsync=off', '-c full_page_writes=off']),
  ];
  try {
    // --no-sync: the cluster is thrown away, so initdb need not flush (saves ~1 s).
    await asOwner(join(bin, 'initdb'), [
      ...['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C'],
      '--no-sync',
      '--no-instructions',
    ]);
    started = true;
    await asOwner(join(bin, 'pg_ctl'), [
      ...['start', '-D', data, '-w', '-t', '30'],
      ...['-l', join(dir, 'server.log'), '-o', settings.join(' ')],
    ]);
    await asOwner(join(bin, 'psql'), [
      ...['-h', dir, '-p', String(port), '-U', 'postgres', '-d', 'postgres'],
      ...['-v', 'ON_ERROR_STOP=1', '-qc', 'CREATE DATABASE concord'],
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  const restart = async () => {
    await asOwner(join(bin, 'pg_ctl'), [
      ...['restart', '-D', data, '-m', 'immediate', '-w', '-t', '30'],
      ...['-l', join(dir, 'server.log'), '-o', settings.join(' ')],
    ]);
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/concord`, dir, stop, restart };
}

type Runner = (file: string, args: string[]) => Promise<unknown>;

/**
 * How to run PostgreSQL's programs on `dir`: directly, or as root through `runuser` as the
 * `postgres` user after giving it the folder.
 */
async function findOwner(dir: string): Promise<Runner> {
  const direct: Runner = (file, args) => run(file, args, { cwd: dir });
  if (process.getuid?.() !== 0) return direct;
  const { stdout } = await run('id', ['-u', 'postgres']).catch(() => {
    throw new Error('Running as root, but there is no "postgres" user to run PostgreSQL as.');
  });
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  return (file, args) => run('runuser', ['-u', 'postgres', '--', file, ...args], { cwd: dir });
}

/** A loopback port nobody listens on right now (the OS picks it). */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
