import { chromium } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Playwright's own Chromium where it is installed; otherwise the system's (Debian's
 * /usr/bin/chromium), or whatever CHROMIUM_PATH names.
 */
export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync(chromium.executablePath())) return undefined;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/**
 * Runs `concord serve` on a free loopback port against `database` (a file or postgres:// URL).
 * Without accounts (`CONCORD_AUTH=off`, allowed on loopback) unless `env` says otherwise: the
 * stories about documents sign their saves with Concord-User as before.
 */
export function spawnConcord(database: string, env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(
    process.execPath,
    ['bin/concord.js', 'serve', '--port', '0', '--host', '127.0.0.1', '--db', database],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, CONCORD_AUTH: 'off', ...env } },
  );
}

/** The URL from the server's one line `Concord listening on http://HOST:PORT`. */
export async function readServerUrl(child: ChildProcess): Promise<string> {
  const url = await readLine(child, /Concord listening on (http:\/\/\S+)/);
  if (url === undefined) throw new Error('The server exited before listening');
  return url;
}

/** The first capture of `pattern` on the child's stdout; `undefined` if it exits first. */
export function readLine(child: ChildProcess, pattern: RegExp): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No ${pattern} within 30 s`)), 30_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = pattern.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
}

/** Asks a child to stop (SIGTERM) and waits until it has. */
export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** A `concord serve` on a fresh SQLite file in a temporary folder (`startConcord`). */
export interface StartedConcord {
  url: string;
  databasePath: string;
  /** Stops the server and removes its folder. */
  dispose(): Promise<void>;
}

/** Starts `concord serve` (`spawnConcord`) on a new SQLite file in a temporary folder. */
export async function startConcord(env: NodeJS.ProcessEnv = {}): Promise<StartedConcord> {
  const dir = mkdtempSync(join(tmpdir(), 'concord-e2e-'));
  const databasePath = join(dir, 'concord.db');
  const child = spawnConcord(databasePath, env);
  const url = await readServerUrl(child);
  return {
    url,
    databasePath,
    async dispose() {
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
