import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../../bin/concord.js', import.meta.url));

/** A `concord serve` child process on a free loopback port. */
export interface ServerProcess {
  url: string;
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string | null>;
}

/**
 * Starts `concord serve --port 0` on `databaseUrl` the way a deployment would, and resolves
 * once it prints `Concord listening on …`.
 *
 * @example const server = await startServerProcess(t.databaseUrl); server.child.kill('SIGKILL');
 */
export function startServerProcess(databaseUrl: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--db', databaseUrl], {
    // Without accounts (allowed on loopback): these tests are about documents.
    env: { ...process.env, PORT: '', HOST: '', CONCORD_STATIC_DIR: '', CONCORD_AUTH: 'off' },
  });
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /Concord listening on (http:\/\/\S+)\n/.exec(stdout);
      if (match) resolve({ url: match[1]!, child, exited });
    });
    void exited.then((code) =>
      reject(new Error(`concord serve exited with ${code} before listening:\n${stderr}`)),
    );
  });
}
