/**
 * A JSON answer (`application/json`) with `status` and `headers`, which stay a plain object.
 *
 * Why not `c.json`: given more than one header, Hono copies them into a fetch `Headers` first,
 * and @hono/node-server then copies that back into Node's own. A `Response` built from a string
 * and a plain object is written straight to Node's response instead, which `npm run
 * bench:server` measures on every read and save.
 *
 * @example return createJsonResponse(toDocumentDto(document), 200, { ETag: document.etag });
 */
export function createJsonResponse(
  body: unknown,
  status: number,
  headers: Record<string, string> = {},
): Response {
  const text = JSON.stringify(body);
  const response = new Response(text, {
    status,
    // A caller's Content-Type (`application/problem+json`) names a more specific JSON type.
    headers: { 'Content-Type': 'application/json', ...headers },
  });
  if (text.length >= compressibleLength) largeAnswers.set(response, text);
  return response;
}

/**
 * JSON texts from this many UTF-16 units on are worth compressing (see `compressJson`); below
 * it, a compressed answer saves less than a packet and costs a round through zlib.
 */
export const compressibleLength = 1024;

// The text of each large JSON answer, so `compressJson` finds the few answers worth compressing
// with one lookup and without reading any answer's headers or body.
const largeAnswers = new WeakMap<Response, string>();

/** The JSON text of `response` when `createJsonResponse` made it and it is large; else undefined. */
export function readLargeJsonText(response: Response): string | undefined {
  return largeAnswers.get(response);
}
