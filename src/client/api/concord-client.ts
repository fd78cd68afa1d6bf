import {
  encodeUserName,
  problemTypes,
  resolutionHeader,
  userHeader,
  type DocumentDto,
  type DocumentInput,
  type DocumentSummary,
  type EditConflictProblem,
  type MemberDto,
  type MemberRole,
  type MembersDto,
  type ResolutionHow,
  type TrashEntry,
  type VersionEntry,
  type VersionPage,
} from '../../protocol/index.ts';
import { ApiError } from '../api-error.ts';
import { createDocumentSaveAdapter, type VersionedDocument } from './document-save-adapter.ts';
import { guardedSave, readJson, toApiError } from '../guarded-save.ts';
import { toSendableUserName } from './user-name.ts';

/** One page of `GET /api/docs`. */
export interface DocumentPage {
  items: DocumentSummary[];
  /** Where the next page starts; `null` on the last page. */
  next_cursor: string | null;
}

/** One page of `GET /api/trash`, most recently deleted first. */
export interface TrashPage {
  items: TrashEntry[];
  /** Where the next page starts; `null` on the last page. */
  next_cursor: string | null;
}

export type { VersionedDocument } from './document-save-adapter.ts';

export type { ResolutionHow } from '../../protocol/index.ts';

/** How a save is sent, beyond its content and ETag. */
export interface SaveOptions {
  /**
   * The save resolves a conflict, this way (`Concord-Resolution`): the server counts
   * resolutions by it in `GET /metrics`. Omit it for an ordinary save.
   */
  resolution?: ResolutionHow;
  /**
   * A version newer than the one edited that the caller holds already (from the events): the
   * save asks the server not to send it back in a 409 (`Prefer: return=minimal`), and the
   * error carries it as `current` just the same. If the server's current version is another
   * one, the client reads that instead.
   */
  knownCurrent?: VersionedDocument;
}

export interface ConcordClientOptions {
  /** Where the API lives; '' means this origin. */
  baseUrl?: string;
  /** The saving person's name, sent with every write. */
  userName?: () => string;
  fetch?: typeof fetch;
}

export interface ConcordClient {
  /** One page of the list, newest first; pass the last page's `next_cursor` for the next. */
  listDocuments(options?: { cursor?: string; signal?: AbortSignal }): Promise<DocumentPage>;
  getDocument(id: string, signal?: AbortSignal): Promise<VersionedDocument>;
  createDocument(input: DocumentInput, idempotencyKey?: string): Promise<VersionedDocument>;
  /** Saves with `If-Match: etag`; throws an {@link ApiError} (409/412 on a lost update). */
  saveDocument(
    id: string,
    input: DocumentInput,
    etag: string,
    options?: SaveOptions,
  ): Promise<VersionedDocument>;
  /**
   * Moves a document to the trash with `If-Match: etag`; throws an {@link ApiError} (409 with
   * `current` when it changed since that version, 409 `document-deleted` when already deleted).
   */
  deleteDocument(id: string, etag: string): Promise<void>;
  /** One page of the trash, most recently deleted first. */
  listTrash(options?: { cursor?: string; signal?: AbortSignal }): Promise<TrashPage>;
  /** Brings a document back from the trash as it was (history, version and ETag unchanged). */
  restoreDocument(id: string): Promise<VersionedDocument>;
  /**
   * One page of a document's versions, newest first, each with how much it changed; `cursor`
   * is the previous page's `next_cursor`.
   */
  listVersionPage(
    id: string,
    options?: { cursor?: string; limit?: number; signal?: AbortSignal },
  ): Promise<VersionPage>;
  /** Every version of a document, newest first: the pages one after another. */
  listVersions(id: string, signal?: AbortSignal): Promise<VersionEntry[]>;
  getVersion(id: string, version: number, signal?: AbortSignal): Promise<DocumentDto>;
  /** Who the document is shared with (the owner first) and the signed-in person's role. */
  listMembers(id: string, signal?: AbortSignal): Promise<MembersDto>;
  /** Shares the document with `username` as `role` (the owner only; 404 for no such account). */
  setMember(id: string, username: string, role: MemberRole): Promise<MemberDto>;
  /** Stops sharing the document with `username` (the owner only). */
  removeMember(id: string, username: string): Promise<void>;
  /** The URL of a document's server-sent event stream. */
  eventsUrl(id: string): string;
  /** The URL of the stream of every document's changes. */
  listEventsUrl(): string;
}

/**
 * A typed fetch client for the Concord HTTP API.
 *
 * @example
 * const client = createConcordClient({ userName: () => 'alice' });
 * const { doc, etag } = await client.getDocument(id);
 * await client.saveDocument(id, { title: doc.title, body: doc.body + '!' }, etag);
 * // A save that resolves a conflict says how:
 * await client.saveDocument(id, resolved, theirsEtag, { resolution: 'kept-mine' });
 */
export function createConcordClient(options: ConcordClientOptions = {}): ConcordClient {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((...args) => globalThis.fetch(...args));

  /** Sends a request to the API; the answer comes back whatever its status. */
  function send(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Accept', 'application/json, application/problem+json');
    if (init.body !== undefined) headers.set('Content-Type', 'application/json');
    // A name the server would refuse must not make every save fail: send it cleaned.
    const name = toSendableUserName(options.userName?.() ?? '');
    if (name) headers.set(userHeader, encodeUserName(name));
    return doFetch(`${baseUrl}${path}`, { ...init, headers });
  }

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await send(path, init);
    if (!response.ok) throw await readError(response);
    return response;
  }

  async function readVersioned(response: Response): Promise<VersionedDocument> {
    const doc = (await response.json()) as DocumentDto;
    const etag = response.headers.get('ETag');
    // Without a validator the next save could not be guarded: refuse rather than guess.
    if (!etag) throw new ApiError(response.status, undefined, undefined);
    return { doc, etag };
  }

  const docPath = (id: string) => `/api/docs/${encodeURIComponent(id)}`;
  const getDocument = async (id: string, signal?: AbortSignal) =>
    readVersioned(await request(docPath(id), { signal, cache: 'no-store' }));

  const listVersionPage: ConcordClient['listVersionPage'] = async (id, options = {}) => {
    const query = new URLSearchParams();
    if (options.limit !== undefined) query.set('limit', String(options.limit));
    if (options.cursor !== undefined) query.set('cursor', options.cursor);
    const search = query.size > 0 ? `?${query}` : '';
    const response = await request(`${docPath(id)}/versions${search}`, { signal: options.signal });
    const page = (await response.json()) as Partial<VersionPage>;
    return { items: page.items ?? [], next_cursor: page.next_cursor ?? null };
  };
  return {
    async listDocuments({ cursor, signal } = {}) {
      const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
      const response = await request(`/api/docs${query}`, { signal });
      const page = (await response.json()) as Partial<DocumentPage>;
      // A server without paging sends no cursor: then this is the whole list.
      return { items: page.items ?? [], next_cursor: page.next_cursor ?? null };
    },
    getDocument,
    async createDocument(input, idempotencyKey) {
      const headers: Record<string, string> = {};
      if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
      return readVersioned(
        await request('/api/docs', { method: 'POST', body: JSON.stringify(input), headers }),
      );
    },
    async saveDocument(id, input, etag, { resolution, knownCurrent } = {}) {
      // The library's guarded save, on a document: the app saves through what it ships.
      const adapter = createDocumentSaveAdapter(
        {
          put: (body, headers) =>
            send(docPath(id), { method: 'PUT', body: JSON.stringify(body), headers }),
          get: () => send(docPath(id), { cache: 'no-store' }),
        },
        { headers: resolution ? { [resolutionHeader]: resolution } : {}, knownCurrent },
      );
      const result = await guardedSave(adapter, { base: input, value: input, etag });
      if (result.status === 'saved') return { doc: result.value, etag: result.etag };
      // A lost update is this client's error, carrying the current version always whole (a
      // minimal 409 completed, a bare 412 read afresh).
      const { refusal, theirs, theirsEtag } = result;
      const problem: EditConflictProblem = {
        title: 'Edit conflict',
        detail: 'The document changed since the version you edited.',
        ...refusal.problem,
        type: problemTypes.editConflict,
        status: 409,
        current: theirs,
        current_etag: theirsEtag,
      };
      throw new ApiError(refusal.status, problem, theirsEtag);
    },
    async deleteDocument(id, etag) {
      await request(docPath(id), { method: 'DELETE', headers: { 'If-Match': etag } });
    },
    async listTrash({ cursor, signal } = {}) {
      const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
      const response = await request(`/api/trash${query}`, { signal, cache: 'no-store' });
      const page = (await response.json()) as Partial<TrashPage>;
      return { items: page.items ?? [], next_cursor: page.next_cursor ?? null };
    },
    async restoreDocument(id) {
      return readVersioned(
        await request(`/api/trash/${encodeURIComponent(id)}/restore`, { method: 'POST' }),
      );
    },
    listVersionPage,
    async listVersions(id, signal) {
      const versions: VersionEntry[] = [];
      let cursor: string | undefined;
      do {
        const page = await listVersionPage(id, { cursor, limit: 1000, signal });
        versions.push(...page.items);
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      return versions;
    },
    async listMembers(id, signal) {
      const response = await request(`${docPath(id)}/members`, { signal, cache: 'no-store' });
      return (await response.json()) as MembersDto;
    },
    async setMember(id, username, role) {
      const path = `${docPath(id)}/members/${encodeURIComponent(username)}`;
      const response = await request(path, { method: 'PUT', body: JSON.stringify({ role }) });
      return (await response.json()) as MemberDto;
    },
    async removeMember(id, username) {
      const path = `${docPath(id)}/members/${encodeURIComponent(username)}`;
      await request(path, { method: 'DELETE' });
    },
    eventsUrl(id) {
      return `${baseUrl}${docPath(id)}/events`;
    },
    listEventsUrl() {
      return `${baseUrl}/api/events`;
    },
    async getVersion(id, version, signal) {
      const response = await request(`${docPath(id)}/versions/${version}`, { signal });
      return (await response.json()) as DocumentDto;
    },
  };
}

/** Turns a failed response into an {@link ApiError}, parsing a problem+json body if any. */
export async function readError(response: Response): Promise<ApiError> {
  // No body, or not JSON (a proxy's HTML error page): the status alone must do.
  return toApiError(response, await readJson(response));
}
