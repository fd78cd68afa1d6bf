import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createConcordClient, docKeys, versionKeys } from '../client/index.ts';
import { versionsPerPage } from './history-page.tsx';
import { preloadRoute } from './preload-route.ts';

/** A client whose fetch records each path asked for, and answers each with `answer`. */
function createRecordingClient(answer: () => Response) {
  const asked: string[] = [];
  const client = createConcordClient({
    fetch: async (input) => {
      const url = new URL(String(input), 'http://concord.test');
      asked.push(`${url.pathname}${url.search}`);
      return answer();
    },
  });
  return { client, asked };
}

const document = () =>
  new Response(JSON.stringify({ id: 'a b', title: 'T', body: 'b', version: 3, items: [] }), {
    status: 200,
    headers: { 'Content-Type': 'application/json', ETag: '"v3"' },
  });

describe('preloadRoute', () => {
  it('asks for a History page’s document and first page of versions at once, where the page reads them', async () => {
    const { client, asked } = createRecordingClient(document);
    const queryClient = new QueryClient();
    preloadRoute('/docs/a%20b/history', queryClient, client);
    expect(asked.sort()).toEqual([
      '/api/docs/a%20b',
      `/api/docs/a%20b/versions?limit=${versionsPerPage}`,
    ]);
    // The page's own queries find them (so the page asks for nothing again).
    await expect
      .poll(() => queryClient.getQueryState(docKeys.detail('a b'))?.status)
      .toBe('success');
    await expect
      .poll(() => queryClient.getQueryState(versionKeys.pages('a b', versionsPerPage))?.status)
      .toBe('success');
  });

  it('asks for an editor’s document only, and for nothing on the other pages', () => {
    const { client, asked } = createRecordingClient(document);
    preloadRoute('/docs/a%20b', new QueryClient(), client);
    expect(asked).toEqual(['/api/docs/a%20b']);
    for (const path of ['/', '/new', '/trash', '/sign-in', '/docs/a/b/c'])
      preloadRoute(path, new QueryClient(), client);
    expect(asked).toHaveLength(1);
  });

  it('keeps a refusal (signed out) as the query’s error, for the page to ask again once it mounts', async () => {
    const { client } = createRecordingClient(
      () =>
        new Response(
          JSON.stringify({ type: 'about:blank', title: 'Unauthenticated', status: 401 }),
          {
            status: 401,
            headers: { 'Content-Type': 'application/problem+json' },
          },
        ),
    );
    const queryClient = new QueryClient();
    preloadRoute('/docs/a', queryClient, client);
    await expect.poll(() => queryClient.getQueryState(docKeys.detail('a'))?.status).toBe('error');
  });
});
