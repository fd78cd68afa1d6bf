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
  const large = text.length >= compressibleLength;
  const response = new Response(text, {
    status,
    // A caller's Content-Type (`application/problem+json`) names a more specific JSON type.
    // A large answer varies with Accept-Encoding (`compressJson`), compressed or not: said here,
    // in the plain object, because adding it to the answer afterwards makes its headers a fetch
    // `Headers` (~6 µs of a 1 KB GET's server CPU, `bench/server-cpu.ts`).
    headers: {
      'Content-Type': 'application/json',
      ...headers,
      ...(large && { Vary: 'Accept-Encoding' }),
    },
  });
  if (large) (response as LargeAnswer)[largeText] = text;
  return response;
}

/**
 * JSON texts from this many UTF-16 units on are worth compressing (see `compressJson`); below
 * it, a compressed answer saves less than a packet and costs a round through zlib.
 */
export const compressibleLength = 1024;

// The text of each large JSON answer, kept on the answer itself, so `compressJson` finds the few
// answers worth compressing with one lookup and without reading any answer's headers or body.
// A property rather than a WeakMap entry, which V8's collector treats as an ephemeron: that
// cost ~2 µs of a 1 KB GET's server CPU (`bench/server-cpu.ts`).
const largeText = Symbol('concord.largeJsonText');

interface LargeAnswer extends Response {
  [largeText]?: string;
}

/** The JSON text of `response` when `createJsonResponse` made it and it is large; else undefined. */
export function readLargeJsonText(response: Response): string | undefined {
  return (response as LargeAnswer)[largeText];
}
