import { decodeCursorToken, encodeCursorToken } from './cursor-token.ts';

/**
 * Where the next page of `GET /api/docs/{id}/versions` starts, as an opaque token: the
 * version the previous page ended on. Clients pass it back as `cursor` and never look inside.
 */
export function encodeVersionCursor(version: number): string {
  return encodeCursorToken(['v', version]);
}

// Versions are 32-bit on PostgreSQL (`integer`), so no cursor names a larger one.
const maxVersion = 2 ** 31 - 1;

/** Decodes a `cursor` of a versions page; `undefined` when it is not one this server made. */
export function decodeVersionCursor(token: string): number | undefined {
  const parts = decodeCursorToken(token, 2, 100);
  if (parts?.[0] !== 'v') return undefined;
  const version: unknown = parts[1];
  return Number.isSafeInteger(version) &&
    (version as number) >= 1 &&
    (version as number) <= maxVersion
    ? (version as number)
    : undefined;
}
