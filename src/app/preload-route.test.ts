import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  createConcordClient,
  docKeys,
  documentQuery,
  versionKeys,
} from '../client/index.ts';
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

  describe('a document the preload found missing', () => {
    const notFound = () =>
      new Response(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404 }), {
        status: 404,
        headers: { 'Content-Type': 'application/problem+json' },
      });

    /** A preload of `/docs/a` answered `first`, then `later` for every read after it. */
    async function preloadAnswered(first: () => Response, later: () => Response = document) {
      let answered = 0;
      const { client, asked } = createRecordingClient(() => (answered++ === 0 ? first() : later()));
      const queryClient = new QueryClient();
      preloadRoute('/docs/a', queryClient, client);
      await expect.poll(() => queryClient.getQueryState(docKeys.detail('a'))?.status).toBe('error');
      // What the editor page does as it mounts: an observer of its query subscribes.
      const mount = () => {
        const observer = new QueryObserver(queryClient, documentQuery(client, 'a'));
        return { observer, unmount: observer.subscribe(() => {}) };
      };
      const reads = () => asked.filter((path) => path === '/api/docs/a').length;
      return { queryClient, mount, reads };
    }

    it('is not read again by the page that mounts after the 404 came', async () => {
      const { mount, reads } = await preloadAnswered(notFound);
      const page = mount();
      await Promise.resolve();
      expect(reads()).toBe(1);
      expect(page.observer.getCurrentResult().error).toBeInstanceOf(ApiError);
      expect(page.observer.getCurrentResult().fetchStatus).toBe('idle');
    });

    it('is not read again when StrictMode mounts the page twice', async () => {
      const { mount, reads } = await preloadAnswered(notFound);
      const page = mount();
      page.unmount();
      page.observer.subscribe(() => {});
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(reads()).toBe(1);
    });

    it('is read again once that page has gone (created or restored meanwhile)', async () => {
      const { queryClient, mount, reads } = await preloadAnswered(notFound);
      mount().unmount();
      await new Promise((resolve) => setTimeout(resolve, 0));
      const back = mount();
      expect(reads()).toBe(2);
      await expect.poll(() => back.observer.getCurrentResult().status).toBe('success');
      expect(queryClient.getQueryState(docKeys.detail('a'))?.status).toBe('success');
    });

    it('is read again by a retry button (refetch)', async () => {
      const { mount, reads } = await preloadAnswered(notFound);
      const page = mount();
      await page.observer.refetch();
      expect(reads()).toBe(2);
      expect(page.observer.getCurrentResult().status).toBe('success');
    });

    it('keeps nothing but a 404: a refusal while signed out is read again on mount', async () => {
      const unauthenticated = () =>
        new Response(JSON.stringify({ type: 'about:blank', title: 'No', status: 401 }), {
          status: 401,
          headers: { 'Content-Type': 'application/problem+json' },
        });
      const { mount, reads } = await preloadAnswered(unauthenticated);
      const page = mount();
      expect(reads()).toBe(2);
      await expect.poll(() => page.observer.getCurrentResult().status).toBe('success');
    });
  });
});
