/**
 * Where the next page of `GET /api/docs/{id}/versions` starts, as an opaque token: the
 * version the previous page ended on. Clients pass it back as `cursor` and never look inside.
 */
export function encodeVersionCursor(version: number): string {
  return Buffer.from(JSON.stringify(['v', version])).toString('base64url');
}

// Versions are 32-bit on PostgreSQL (`integer`), so no cursor names a larger one.
const maxVersion = 2 ** 31 - 1;

/** Decodes a `cursor` of a versions page; `undefined` when it is not one this server made. */
export function decodeVersionCursor(token: string): number | undefined {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(token)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 2 || value[0] !== 'v') return undefined;
  const version: unknown = value[1];
  return Number.isSafeInteger(version) &&
    (version as number) >= 1 &&
    (version as number) <= maxVersion
    ? (version as number)
    : undefined;
}
