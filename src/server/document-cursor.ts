import { idPattern } from './create-document-routes.ts';
import type { DocumentCursor } from './store.ts';

/**
 * Encodes where the next page of `GET /api/docs` starts as an opaque token: clients pass it
 * back as `cursor` and never look inside, so its form may change.
 */
export function encodeDocumentCursor(cursor: DocumentCursor): string {
  return Buffer.from(JSON.stringify([cursor.updated_at, cursor.id])).toString('base64url');
}

/** Decodes a `cursor` query parameter; `undefined` when it is not one this server made. */
export function decodeDocumentCursor(token: string): DocumentCursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(token)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [updatedAt, id] = value as unknown[];
  if (typeof updatedAt !== 'string' || typeof id !== 'string') return undefined;
  if (!idPattern.test(id) || !isIsoTimestamp(updatedAt)) return undefined;
  return { updated_at: updatedAt, id };
}

function isIsoTimestamp(text: string): boolean {
  const time = Date.parse(text);
  return !Number.isNaN(time) && new Date(time).toISOString() === text;
}
