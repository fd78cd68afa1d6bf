import type { MiddlewareHandler } from 'hono';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { readLargeJsonText } from './create-json-response.ts';
import { readRequestHeader } from './read-request-header.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

// Brotli's default quality (11) takes tens of milliseconds on a megabyte; 5 compresses JSON
// about as well as gzip -9 at gzip's speed. zlib runs on the thread pool: the event loop
// goes on meanwhile.
const brotliOptions = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };

/** The content codings Concord sends, best first. */
type Coding = 'br' | 'gzip';

/**
 * Compresses large JSON answers (a document list, a long document, a conflict carrying one)
 * with Brotli or gzip, as the request's `Accept-Encoding` allows (RFC 9110 §12.5.3), and
 * says `Vary: Accept-Encoding`. Small answers, event streams and static files pass as they
 * are. The ETag stays: it names the document version, not the bytes, and is what `If-Match`
 * must send back; Concord serves no byte ranges that a coding could confuse.
 *
 * @example app.use('/api/*', compressJson);
 */
export const compressJson: MiddlewareHandler = async (c, next) => {
  await next();
  const text = readLargeJsonText(c.res);
  if (text === undefined || c.req.method === 'HEAD') return;
  const coding = chooseCoding(readRequestHeader(c, 'Accept-Encoding'));
  // The answer says `Vary: Accept-Encoding` already (createJsonResponse), coded or not.
  if (coding === undefined) return;
  const res = c.res;
  const bytes = coding === 'br' ? await brotli(text, brotliOptions) : await gzipAsync(text);
  const headers = new Headers(res.headers);
  headers.set('Content-Encoding', coding);
  // Cleared first, so that Hono does not copy the old answer's headers into a streamed copy
  // of the new one: a byte array keeps its Content-Length.
  c.res = undefined;
  c.res = new Response(new Uint8Array(bytes), { status: res.status, headers });
};

/**
 * The coding to answer with for an `Accept-Encoding` value: `br` before `gzip` when both are
 * acceptable (q above 0, directly or through `*`); `undefined` for none.
 *
 * @example chooseCoding('gzip, deflate, br;q=0') // 'gzip'
 */
export function chooseCoding(acceptEncoding: string | undefined): Coding | undefined {
  if (!acceptEncoding) return undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name) weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding: Coding) =>
    weights.get(coding) ??
    (coding === 'gzip' ? weights.get('x-gzip') : undefined) ??
    weights.get('*') ??
    0;
  const best = (['br', 'gzip'] as const).filter((coding) => weightOf(coding) > 0);
  return best.sort((a, b) => weightOf(b) - weightOf(a))[0];
}
