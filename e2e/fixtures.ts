import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import type { DocumentDto } from '../src/protocol/index.ts';
import { startConcord } from './concord-process.ts';
import { EditorPage } from './pages/editor-page.ts';

/** A running Concord server: the real CLI, on a free port, with a fresh SQLite file. */
interface ServerHandle {
  url: string;
  databasePath: string;
}

/** A person in their own browser context, with their name set. */
export interface Person {
  name: string;
  page: Page;
  editor: EditorPage;
}

/** A document seeded through the API, with helpers to read what the server holds. */
export interface SeededDoc {
  id: string;
  title: string;
  body: string;
  /** The document as the server has it now. */
  fetch(): Promise<{ doc: DocumentDto; etag: string }>;
}

interface WorkerFixtures {
  server: ServerHandle;
}

interface TestFixtures {
  api: APIRequestContext;
  seedBody: string;
  seededDoc: SeededDoc;
  alice: Person;
  bob: Person;
  /** Two tabs of one browser (one context: shared localStorage, separate sessionStorage). */
  tabs: [EditorPage, EditorPage];
}

export const paragraphs = [
  'The first paragraph sets the scene.',
  'The second paragraph makes the argument.',
  'The third paragraph draws the conclusion.',
];

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startConcord();
      await use(server);
      await server.dispose();
    },
    { scope: 'worker' },
  ],

  baseURL: async ({ server }, use) => use(server.url),

  api: async ({ playwright, server }, use) => {
    // A connection per request, so a check made after the page was busy for longer than the
    // server's 5 s keep-alive never reuses a connection the server is closing (ECONNRESET).
    const api = await playwright.request.newContext({
      baseURL: server.url,
      extraHTTPHeaders: { Connection: 'close' },
    });
    await use(api);
    await api.dispose();
  },

  seedBody: [`${paragraphs.join('\n\n')}\n`, { option: true }],

  seededDoc: async ({ api, seedBody }, use, testInfo) => {
    const title = `${testInfo.title.slice(0, 60)} ${testInfo.testId.slice(0, 8)}-${testInfo.repeatEachIndex}`;
    const created = await api.post('/api/docs', { data: { title, body: seedBody } });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as DocumentDto;
    await use({
      id,
      title,
      body: seedBody,
      async fetch() {
        const response = await api.get(`/api/docs/${id}`);
        expect(response.status()).toBe(200);
        return { doc: (await response.json()) as DocumentDto, etag: response.headers().etag! };
      },
    });
  },

  alice: async ({ browser, baseURL }, use) => {
    await openPerson('Alice', browser, baseURL!, use);
  },

  bob: async ({ browser, baseURL }, use) => {
    await openPerson('Bob', browser, baseURL!, use);
  },

  tabs: async ({ browser, baseURL }, use) => {
    const context = await browser.newContext({ baseURL });
    await context.addInitScript(() => localStorage.setItem('concord:user-name', 'Tabby'));
    const tabs: [EditorPage, EditorPage] = [
      new EditorPage(await context.newPage()),
      new EditorPage(await context.newPage()),
    ];
    await use(tabs);
    await context.close();
  },
});

export { expect };

async function openPerson(
  name: string,
  browser: import('@playwright/test').Browser,
  baseURL: string,
  use: (person: Person) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({ baseURL });
  await context.addInitScript((n) => localStorage.setItem('concord:user-name', n), name);
  const page = await context.newPage();
  await use({ name, page, editor: new EditorPage(page) });
  await context.close();
}
