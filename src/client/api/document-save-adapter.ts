import {
  isEditConflict,
  isProblem,
  problemTypes,
  type DocumentDto,
  type DocumentInput,
} from '../../protocol/index.ts';
import { isLostUpdateAnswer } from '../api-error.ts';
import type { SaveAdapter } from '../guarded-save.ts';

/** A document with the strong ETag that guards its next save. */
export interface VersionedDocument {
  doc: DocumentDto;
  etag: string;
}

export interface DocumentSaveRequests {
  /** Sends the document's PUT with these headers (If-Match among them); never throws for a status. */
  put: (input: DocumentInput, headers: Record<string, string>) => Promise<Response>;
  /** Reads the document afresh (`cache: 'no-store'`). */
  get: () => Promise<Response>;
}

/**
 * A Concord document as the value {@link guardedSave} saves: title and body sent as JSON, the
 * stored document read back, theirs taken from the 409's `current`. With `knownCurrent` (a newer
 * version the caller holds already) the save asks for a minimal 409 (`Prefer: return=minimal`,
 * RFC 7240) and theirs is the known version when the server names it, else read afresh.
 *
 * @example
 * const result = await guardedSave(createDocumentSaveAdapter(requests, { headers: {} }), {
 *   base: { title, body }, value: { title, body: edited }, etag,
 * });
 */
export function createDocumentSaveAdapter(
  requests: DocumentSaveRequests,
  options: { headers: Record<string, string>; knownCurrent?: VersionedDocument | undefined },
): SaveAdapter<DocumentInput, DocumentDto> {
  const readDoc = async (response: Response) => (await response.json()) as DocumentDto;
  return {
    send: (input, etag) => {
      // The known version is the one edited: a 409 could name no other, so ask for nothing.
      const known = options.knownCurrent?.etag === etag ? undefined : options.knownCurrent;
      return requests.put(
        { title: input.title, body: input.body },
        {
          ...options.headers,
          'If-Match': etag,
          ...(known && { Prefer: 'return=minimal' }),
        },
      );
    },
    load: requests.get,
    read: readDoc,
    readSaved: readDoc,
    readTheirs: (body) => {
      if (isProblem(body) && isEditConflict(body))
        return { value: body.current, etag: body.current_etag };
      const known = options.knownCurrent;
      if (known && isMinimalEditConflict(body) && body.current_etag === known.etag) {
        return { value: known.doc, etag: known.etag };
      }
      // A minimal 409 naming another version, or a 412 from a proxy: read the current one.
      return undefined;
    },
    isLostUpdate: (response, body) =>
      isLostUpdateAnswer(response.status, isProblem(body) ? body.type : undefined),
    same: (a, b) => a.title === b.title && a.body === b.body,
  };
}

function isMinimalEditConflict(body: unknown): body is { current_etag: string } {
  return (
    isProblem(body) &&
    body.type === problemTypes.editConflict &&
    body.status === 409 &&
    body.current === undefined &&
    typeof body.current_etag === 'string'
  );
}
