import type { Context } from 'hono';
import { limits, userHeader } from '../../protocol/document.ts';
import { decodeUserName } from '../../protocol/encode-user-name.ts';
import { readAccount } from '../auth/authenticate.ts';
import { createInvalidBodyProblem } from './read-document-input.ts';
import { readRequestHeader } from './read-request-header.ts';

/**
 * The saving person's name: the signed-in account's. Only without accounts (`CONCORD_AUTH=off`)
 * is it read from `Concord-User`: `''` when absent, 400 when malformed.
 */
export function readUser(c: Context): string {
  const account = readAccount(c);
  if (account) return account.username;
  const name = decodeUserName(readRequestHeader(c, userHeader));
  if (name === undefined) {
    throw createInvalidBodyProblem([
      {
        name: userHeader,
        reason: `must be percent-encoded UTF-8, at most ${limits.userNameMaxLength} characters, without control characters`,
      },
    ]);
  }
  return name;
}
