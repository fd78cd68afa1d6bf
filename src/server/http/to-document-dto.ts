import type { DocumentDto } from '../../protocol/document.ts';
import type { StoredDocument } from '../store/store.ts';

/** The wire shape of a stored document: everything but the ETag, which travels in a header. */
export function toDocumentDto(document: StoredDocument): DocumentDto {
  const { id, title, body, version, created_at, updated_at, updated_by } = document;
  return { id, title, body, version, created_at, updated_at, updated_by };
}
