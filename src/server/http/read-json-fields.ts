import type { Context } from 'hono';
import { problemTypes } from '../../protocol/problem.ts';
import type { InvalidParam } from '../../protocol/problem.ts';
import { ProblemError } from './problem-error.ts';
import { createInvalidBodyProblem } from './read-document-input.ts';
import { readRequestHeader } from './read-request-header.ts';

// Account requests are a name, a password and a role: a few hundred bytes.
const maxBytes = 8 * 1024;

/**
 * Reads a small JSON object body (sign-in, account, token requests) and returns its string
 * fields named in `fields`, checked by each one's `check` (which returns why it is wrong, or
 * nothing). Throws 415 for a body that is not JSON, 413 past 8 KiB, 400 with `invalid_params`.
 */
export async function readJsonFields<Name extends string>(
  c: Context,
  fields: Record<Name, (value: string | undefined) => string | undefined>,
): Promise<Partial<Record<Name, string>>> {
  const mediaType = (readRequestHeader(c, 'Content-Type') ?? '').split(';')[0]!.trim();
  if (!/^application\/(?:[\w.+-]+\+)?json$/i.test(mediaType)) {
    throw new ProblemError({
      type: problemTypes.unsupportedMediaType,
      title: 'Unsupported media type',
      status: 415,
      detail: 'Send the request as application/json.',
    });
  }
  if (Number(readRequestHeader(c, 'Content-Length') ?? 0) > maxBytes) throw createTooLarge();
  const text = await c.req.text();
  if (Buffer.byteLength(text) > maxBytes) throw createTooLarge();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw createInvalidBodyProblem([{ name: '', reason: 'is not valid JSON' }]);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw createInvalidBodyProblem([{ name: '', reason: 'must be a JSON object' }]);
  }
  const record = value as Record<string, unknown>;
  const invalid: InvalidParam[] = [];
  const out: Partial<Record<Name, string>> = {};
  for (const [name, check] of Object.entries(fields) as [
    Name,
    (v?: string) => string | undefined,
  ][]) {
    const field = record[name];
    if (field !== undefined && typeof field !== 'string') {
      invalid.push({ name, reason: 'must be a string' });
      continue;
    }
    const reason = check(field);
    if (reason) invalid.push({ name, reason });
    else if (field !== undefined) out[name] = field;
  }
  if (invalid.length > 0) throw createInvalidBodyProblem(invalid);
  return out;
}

function createTooLarge(): ProblemError {
  return new ProblemError({
    type: problemTypes.tooLarge,
    title: 'Request too large',
    status: 413,
    detail: `The request body is larger than ${maxBytes} bytes.`,
  });
}
