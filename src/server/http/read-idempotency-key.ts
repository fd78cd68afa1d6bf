import type { Context } from 'hono';
import { createInvalidBodyProblem } from './read-document-input.ts';
import { readRequestHeader } from './read-request-header.ts';

/** The request header of draft-ietf-httpapi-idempotency-key-header. */
export const idempotencyKeyHeader = 'Idempotency-Key';

// The draft makes the value a Structured Field String (RFC 8941 §3.3.3), e.g. "8e03…"; clients
// in the wild (and ours) also send the bare token, so both are accepted.
const quoted = /^"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"$/;
const bare = /^[\x21\x23-\x7e]+$/;
const maxLength = 255;

/**
 * The `Idempotency-Key` of a request, unquoted; `undefined` when absent. Throws 400 (with
 * `invalid_params`) for a value that is neither an sf-string nor a token of printable ASCII,
 * or is empty or longer than 255 characters.
 *
 * @example readIdempotencyKey(c) // '8e03978e-40d5-43e8-bc93-6894a57f9324'
 */
export function readIdempotencyKey(c: Context): string | undefined {
  const value = readRequestHeader(c, idempotencyKeyHeader)?.trim();
  if (value === undefined) return undefined;
  const match = quoted.exec(value);
  const key = match ? match[1]!.replace(/\\(["\\])/g, '$1') : bare.test(value) ? value : '';
  if (key.length === 0 || key.length > maxLength) {
    throw createInvalidBodyProblem([
      {
        name: idempotencyKeyHeader,
        reason: `must be a string of 1 to ${maxLength} printable ASCII characters, such as a UUID`,
      },
    ]);
  }
  return key;
}
