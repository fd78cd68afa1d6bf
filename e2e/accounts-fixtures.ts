import type { APIRequestContext, Browser } from '@playwright/test';
import { startConcord } from './concord-process.ts';
import { expect, test as base, type Person } from './fixtures.ts';
import { EditorPage } from './pages/editor-page.ts';

type StorageState = Awaited<ReturnType<APIRequestContext['storageState']>>;

/** The password every account of these stories has: its name and this. */
export const passwordOf = (name: string) => `${name}-correct-horse`;

interface AccountsWorker {
  /** Alice (the first account, an admin) and Bob, each signed in once through the API. */
  signedIn: { Alice: StorageState; Bob: StorageState };
}

/**
 * The base fixtures on a server with accounts on (`CONCORD_AUTH=accounts`, as `npm start`):
 * `alice` and `bob` are real signed-in users whose browser contexts start from the cookies
 * they got signing in through the API, and `api` (so `seededDoc`) is Alice's.
 */
export const test = base.extend<object, AccountsWorker>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startConcord({ CONCORD_AUTH: 'accounts' });
      await use(server);
      await server.dispose();
    },
    { scope: 'worker' },
  ],

  signedIn: [
    async ({ playwright, server }, use) => {
      const alice = await playwright.request.newContext({ baseURL: server.url });
      const first = await alice.post('/api/users', {
        data: { username: 'Alice', password: passwordOf('Alice') },
      });
      expect(first.status(), await first.text()).toBe(201);
      const made = await alice.post('/api/users', {
        data: { username: 'Bob', password: passwordOf('Bob') },
      });
      expect(made.status(), await made.text()).toBe(201);
      const bob = await playwright.request.newContext({ baseURL: server.url });
      const signedIn = await bob.post('/api/session', {
        data: { username: 'Bob', password: passwordOf('Bob') },
      });
      expect(signedIn.status()).toBe(204);
      await use({ Alice: await alice.storageState(), Bob: await bob.storageState() });
      await Promise.all([alice.dispose(), bob.dispose()]);
    },
    { scope: 'worker' },
  ],

  api: async ({ playwright, server, signedIn }, use) => {
    const api = await playwright.request.newContext({
      baseURL: server.url,
      storageState: signedIn.Alice,
    });
    await use(api);
    await api.dispose();
  },

  alice: async ({ browser, baseURL, signedIn }, use) => {
    await openSignedIn('Alice', signedIn.Alice, browser, baseURL!, use);
  },

  bob: async ({ browser, baseURL, signedIn }, use) => {
    await openSignedIn('Bob', signedIn.Bob, browser, baseURL!, use);
  },
});

export { expect };

async function openSignedIn(
  name: string,
  storageState: StorageState,
  browser: Browser,
  baseURL: string,
  use: (person: Person) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({ baseURL, storageState });
  const page = await context.newPage();
  await use({ name, page, editor: new EditorPage(page) });
  await context.close();
}
