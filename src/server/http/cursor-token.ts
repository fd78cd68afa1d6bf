/**
 * A page cursor as an opaque token: its parts as base64url JSON. Clients pass it back as
 * `cursor` and never look inside, so its form may change.
 *
 * @example encodeCursorToken(['v', 20]) // 'WyJ2IiwyMF0'
 */
export function encodeCursorToken(parts: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/**
 * The parts of a token {@link encodeCursorToken} made with `length` parts, or `undefined` when
 * it is not one (wrong alphabet, longer than `maxLength`, not JSON, not such an array). The
 * caller checks each part.
 */
export function decodeCursorToken(
  token: string,
  length: number,
  maxLength: number,
): unknown[] | undefined {
  if (token.length > maxLength || !/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  return Array.isArray(value) && value.length === length ? (value as unknown[]) : undefined;
}
