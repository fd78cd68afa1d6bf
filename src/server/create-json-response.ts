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
  return new Response(JSON.stringify(body), {
    status,
    // A caller's Content-Type (`application/problem+json`) names a more specific JSON type.
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}
