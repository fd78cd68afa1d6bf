import { toTitleKey } from './to-title-key.ts';
import { containsControlCharacter } from './contains-control-character.ts';
import type { DocumentInput } from './document.ts';
import { limits } from './document.ts';
import type { InvalidParam } from './problem.ts';

/** What `validateDocumentInput` found: the cleaned input, or every reason it was refused. */
export type DocumentInputValidation =
  { ok: true; value: DocumentInput } | { ok: false; invalidParams: InvalidParam[] };

// A UTF-16 surrogate without its partner cannot be encoded as UTF-8, so it cannot be stored
// or sent back faithfully.
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const allowedFields = new Set(['title', 'body']);

/**
 * Checks a parsed JSON value against the `{ title, body }` shape of `POST /api/docs` and
 * `PUT /api/docs/{id}`. Returns the title trimmed; the body exactly as sent. Shared by client
 * and server, so a form can show the same reasons the server would answer with.
 *
 * @example
 * validateDocumentInput({ title: '  Plan ', body: '' }) // { ok: true, value: { title: 'Plan', body: '' } }
 * validateDocumentInput({ title: '' })
 * // { ok: false, invalidParams: [{ name: 'title', reason: … }, { name: 'body', reason: … }] }
 */
export function validateDocumentInput(value: unknown): DocumentInputValidation {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, invalidParams: [{ name: '', reason: 'must be a JSON object' }] };
  }
  const input = value as Record<string, unknown>;
  const invalidParams: InvalidParam[] = [];
  for (const name of Object.keys(input)) {
    if (!allowedFields.has(name)) invalidParams.push({ name, reason: 'is not a known field' });
  }
  const title = checkTitle(input.title, invalidParams);
  const body = checkBody(input.body, invalidParams);
  if (invalidParams.length > 0 || title === undefined || body === undefined) {
    return { ok: false, invalidParams };
  }
  return { ok: true, value: { title, body } };
}

function checkTitle(title: unknown, invalidParams: InvalidParam[]): string | undefined {
  const reason = findTitleProblem(title);
  if (reason !== undefined) {
    invalidParams.push({ name: 'title', reason });
    return undefined;
  }
  return (title as string).trim();
}

/** Why a title would be refused, or `undefined` when it is fine. */
export function findTitleProblem(title: unknown): string | undefined {
  if (title === undefined) return 'is required';
  if (typeof title !== 'string') return 'must be a string';
  const trimmed = title.trim();
  if (trimmed.length === 0) return 'must not be empty';
  if (trimmed.length > limits.titleMaxLength) {
    return `must be at most ${limits.titleMaxLength} characters`;
  }
  if (containsControlCharacter(trimmed)) return 'must not contain control characters';
  // Only invisible characters (zero-width spaces, bidi marks): it would show as no title.
  if (toTitleKey(trimmed) === '') return 'must contain a visible character';
  if (loneSurrogate.test(trimmed)) return 'must be valid Unicode';
  return undefined;
}

function checkBody(body: unknown, invalidParams: InvalidParam[]): string | undefined {
  if (body === undefined) {
    invalidParams.push({ name: 'body', reason: 'is required' });
    return undefined;
  }
  if (typeof body !== 'string') {
    invalidParams.push({ name: 'body', reason: 'must be a string' });
    return undefined;
  }
  if (loneSurrogate.test(body)) {
    invalidParams.push({ name: 'body', reason: 'must be valid Unicode' });
    return undefined;
  }
  return body;
}
