import { test as base, expect } from '@playwright/test';
import type { DocumentDto } from '../src/protocol/index.ts';
import { startConcord } from './concord-process.ts';
import { EditorPage } from './pages/editor-page.ts';

// A server that holds one event stream per client: a second tab's stream is refused (429).
const test = base.extend<{ serverUrl: string }>({
  // eslint-disable-next-line no-empty-pattern
  serverUrl: async ({}, use) => {
    const server = await startConcord({ CONCORD_MAX_STREAMS_PER_CLIENT: '1' });
    await use(server.url);
    await server.dispose();
  },
});

test('a tab whose live updates were refused at the cap of streams gets them once there is room', async ({
  browser,
  serverUrl,
  playwright,
}) => {
  // Two tabs, and the pause before the refused stream is opened again.
  test.slow();
  const api = await playwright.request.newContext({ baseURL: serverUrl });
  const created = await api.post('/api/docs', {
    data: { title: 'Streams at the cap', body: 'The first line.\n' },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as DocumentDto;
  const context = await browser.newContext({ baseURL: serverUrl });

  const first = new EditorPage(await context.newPage());
  await first.open(id);
  const refused = first.page.context().waitForEvent('response', {
    predicate: (r) => r.url().endsWith(`/api/docs/${id}/events`) && r.status() === 429,
  });
  const second = new EditorPage(await context.newPage());
  await second.open(id);
  await refused;
  // Room again: the second tab's stream is opened again after its pause.
  await first.page.close();
  await second.page.waitForResponse(
    (r) => r.url().endsWith(`/api/docs/${id}/events`) && r.status() === 200,
  );

  const saved = await api.put(`/api/docs/${id}`, {
    headers: { 'If-Match': created.headers().etag!, 'Concord-User': 'Alice' },
    data: { title: 'Streams at the cap', body: 'The first line.\nAlice adds a second.\n' },
  });
  expect(saved.status()).toBe(200);
  await expect(second.body).toHaveValue('The first line.\nAlice adds a second.\n');
  await expect(second.liveUpdate()).toContainText('Alice');
  const { body } = (await (await api.get(`/api/docs/${id}`)).json()) as DocumentDto;
  expect(body).toBe('The first line.\nAlice adds a second.\n');
  await context.close();
  await api.dispose();
});
