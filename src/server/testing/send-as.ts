import type { Hono } from 'hono';
import type { DocumentDto } from '../../protocol/document.ts';

/** A request as one signed-in person (`cookie`, a session `Cookie` header) or as nobody. */
export type SendAs = (
  path: string,
  init?: RequestInit & { cookie?: string | undefined },
) => Promise<Response>;

/**
 * `app.request` with JSON bodies and an optional session cookie, for tests that play several
 * people.
 *
 * @example const send = createSendAs(t.app); await send('/api/docs', { cookie: cookies.bob });
 */
export function createSendAs(app: Hono): SendAs {
  return (path, init = {}) => {
    const { cookie, headers, ...rest } = init;
    return Promise.resolve(
      app.request(path, {
        ...rest,
        headers: {
          ...(rest.body !== undefined && { 'Content-Type': 'application/json' }),
          ...(cookie && { Cookie: cookie }),
          ...(headers as Record<string, string>),
        },
      }),
    );
  };
}

/** Creates a document as `cookie`'s account; returns it and its ETag. */
export async function createDocAs(
  send: SendAs,
  cookie: string,
  title: string,
): Promise<{ doc: DocumentDto; etag: string }> {
  const res = await send('/api/docs', {
    method: 'POST',
    body: JSON.stringify({ title, body: 'one\n' }),
    cookie,
  });
  if (res.status !== 201) throw new Error(`create answered ${res.status}`);
  return { doc: (await res.json()) as DocumentDto, etag: res.headers.get('ETag')! };
}

/** Shares document `id` (as its owner, `cookie`) with `username` as `role`. */
export async function shareAs(
  send: SendAs,
  cookie: string,
  id: string,
  username: string,
  role: 'editor' | 'viewer',
): Promise<Response> {
  return send(`/api/docs/${id}/members/${encodeURIComponent(username)}`, {
    method: 'PUT',
    body: JSON.stringify({ role }),
    cookie,
  });
}
