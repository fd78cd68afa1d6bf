import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readLine, readServerUrl, spawnConcord, stop } from './concord-process.ts';
import { EditorPage } from './pages/editor-page.ts';
import { test as base, type Person } from './fixtures.ts';

/** Two Concord servers on one PostgreSQL database, as behind a load balancer. */
interface ScaleOutFixtures {
  /** The throwaway PostgreSQL cluster's URL. */
  postgresUrl: string;
  /** The second server (the first is the `server` every other fixture uses). */
  serverB: { url: string };
}

/**
 * The base fixtures with `server` (A) and `serverB` both on one PostgreSQL cluster that the
 * worker starts: `alice`, `api` and `seededDoc` use server A, `bob` uses server B. PostgreSQL
 * runs as a separate process (src/server/testing/run-test-postgres.ts): e2e code imports no
 * server code. Specs skip without PostgreSQL (`postgresInstalled`) except in CI.
 */
export const test = base.extend<{ bob: Person }, ScaleOutFixtures>({
  postgresUrl: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'src/server/testing/run-test-postgres.ts'],
        { stdio: ['pipe', 'pipe', 'inherit'] },
      );
      const line = await readLine(child, /PostgreSQL ready at (\S+)/);
      if (line === undefined) throw new Error('PostgreSQL did not start (is it installed?)');
      await use(line);
      await stop(child);
    },
    { scope: 'worker' },
  ],

  server: [
    async ({ postgresUrl }, use) => {
      const child = spawnConcord(postgresUrl);
      await use({ url: await readServerUrl(child), databasePath: postgresUrl });
      await stop(child);
    },
    { scope: 'worker' },
  ],

  serverB: [
    async ({ postgresUrl }, use) => {
      const child = spawnConcord(postgresUrl);
      await use({ url: await readServerUrl(child) });
      await stop(child);
    },
    { scope: 'worker' },
  ],

  bob: async ({ browser, serverB }, use) => {
    const context = await browser.newContext({ baseURL: serverB.url });
    await context.addInitScript(() => localStorage.setItem('concord:user-name', 'Bob'));
    const page = await context.newPage();
    await use({ name: 'Bob', page, editor: new EditorPage(page) });
    await context.close();
  },
});

export { expect } from './fixtures.ts';

/**
 * Whether PostgreSQL's server programs are here (Debian's layout, or `CONCORD_PG_BIN`). Specs
 * skip without them, except in CI, where the fixture then fails with the reason.
 */
export const postgresInstalled =
  !!process.env.CONCORD_PG_BIN ||
  (existsSync('/usr/lib/postgresql') &&
    readdirSync('/usr/lib/postgresql').some((v) =>
      existsSync(`/usr/lib/postgresql/${v}/bin/initdb`),
    ));
