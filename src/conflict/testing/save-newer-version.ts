import type { APIRequestContext } from '@playwright/test';

export interface SaveNewerVersionOptions {
  /** The resource, read with GET and saved with `method` and `If-Match`. */
  url: string;
  /** The edit someone else makes: the new text from the current one. */
  change: (text: string) => string;
  /** Default: `PUT`. */
  method?: string;
  /** Extra request headers (authorization, content type). */
  headers?: Record<string, string>;
  /** The text of a GET answer's body. Default: the body itself. */
  readText?: (body: string) => string;
  /** The save's body for a text. Default: the text itself. */
  toBody?: (text: string) => string;
}

/**
 * Saves a newer version of a resource as someone else would, behind the page's back, so that the
 * page's next save meets a lost update (409 or 412) and opens the conflict dialog. Returns the
 * new version's text and ETag. Throws when the server refuses the save.
 *
 * @example
 * await saveNewerVersion(request, { url: '/api/note', change: (t) => t.replace('Four.', 'Four, Alice.') });
 * await page.getByRole('button', { name: 'Save' }).click(); // meets the newer version
 */
export async function saveNewerVersion(
  request: APIRequestContext,
  options: SaveNewerVersionOptions,
): Promise<{ text: string; etag: string | undefined }> {
  const current = await request.get(options.url, { headers: options.headers ?? {} });
  const etag = current.headers()['etag'];
  if (!current.ok() || !etag) {
    throw new Error(`GET ${options.url} answered ${current.status()} without an ETag to save over`);
  }
  const body = await current.text();
  const text = options.change(options.readText ? options.readText(body) : body);
  const saved = await request.fetch(options.url, {
    method: options.method ?? 'PUT',
    headers: { ...options.headers, 'If-Match': etag },
    data: options.toBody ? options.toBody(text) : text,
  });
  if (!saved.ok()) {
    throw new Error(
      `${options.method ?? 'PUT'} ${options.url} answered ${saved.status()}: ${await saved.text()}`,
    );
  }
  return { text, etag: saved.headers()['etag'] };
}
