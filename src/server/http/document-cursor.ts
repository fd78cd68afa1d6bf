import { idPattern } from './routes/create-document-routes.ts';
import { decodeCursorToken, encodeCursorToken } from './cursor-token.ts';
import type { DocumentCursor } from '../store/store.ts';

/**
 * Encodes where the next page of `GET /api/docs` starts as an opaque token: clients pass it
 * back as `cursor` and never look inside, so its form may change.
 */
export function encodeDocumentCursor(cursor: DocumentCursor): string {
  return encodeCursorToken([cursor.updated_at, cursor.id]);
}

/** Decodes a `cursor` query parameter; `undefined` when it is not one this server made. */
export function decodeDocumentCursor(token: string): DocumentCursor | undefined {
  const parts = decodeCursorToken(token, 2, 400);
  if (!parts) return undefined;
  const [updatedAt, id] = parts;
  if (typeof updatedAt !== 'string' || typeof id !== 'string') return undefined;
  if (!idPattern.test(id) || !isIsoTimestamp(updatedAt)) return undefined;
  return { updated_at: updatedAt, id };
}

function isIsoTimestamp(text: string): boolean {
  const time = Date.parse(text);
  return !Number.isNaN(time) && new Date(time).toISOString() === text;
}
