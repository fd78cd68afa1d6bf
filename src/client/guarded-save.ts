import { isProblem, type Problem } from '../protocol/index.ts';
import { ApiError } from './api-error.ts';

/** One stored version of a text, with the ETag that guards the next save of it. */
export interface Versioned {
  text: string;
  etag: string;
}

/** What to save: the edited text, and the version it was edited from. */
export interface SaveDraft {
  /** The text as last loaded or saved: the merge base if the save meets a conflict. */
  base: string;
  /** The edited text to store. */
  text: string;
  /** The ETag of `base`, sent as `If-Match`. */
  etag: string;
}

/** A lost update, as the conflict dialog takes it: save the resolution with `theirsEtag`. */
export interface SaveConflict {
  base: string;
  mine: string;
  theirs: string;
  theirsEtag: string;
}

/** How a guarded save ended. A conflict is an expected outcome, so it is a value, not an error. */
export type GuardedSaveResult =
  ({ status: 'saved' } & Versioned) | ({ status: 'conflict' } & SaveConflict);

/** How to read a server's answers; every member has a default that fits a plain text resource. */
export interface SaveReading {
  /** The text of a successful GET. Default: the body as text. */
  readText?: ((response: Response) => Promise<string>) | undefined;
  /**
   * Theirs from the parsed JSON body of a 409/412, when the server sends it; `undefined` makes
   * the hook refetch with GET. Default: Concord's `{ current, current_etag }` (see
   * {@link readConcordTheirs}).
   */
  readTheirs?: ((body: unknown, response: Response) => Versioned | undefined) | undefined;
}

/** A resource saved with a request to its URL and reread with GET from the same URL. */
export interface UrlSaveTarget extends SaveReading {
  url: string | URL;
  /** Default: `PUT`. */
  method?: string | undefined;
  /** Extra request headers (authorization, content type), or a function read at each request. */
  headers?: HeadersInit | (() => HeadersInit) | undefined;
  /** The request body for a text. Default: the text itself, as `text/plain`. */
  toBody?: ((text: string) => BodyInit) | undefined;
  fetch?: typeof fetch | undefined;
}

/** A resource saved and read by the embedder's own requests; the hook reads the answers. */
export interface RequestSaveTarget extends SaveReading {
  /** Sends the save; it must carry `If-Match: etag`. */
  send: (text: string, etag: string) => Promise<Response>;
  /** Reads the current version; the answer must carry its `ETag`. */
  load: () => Promise<Response>;
}

export type SaveTarget = UrlSaveTarget | RequestSaveTarget;

/** A stored version of any value (a text, a document with a title and a body): its ETag guards the next save. */
export interface StoredValue<S> {
  value: S;
  etag: string;
}

/** What to save: the edited value, and the version it was edited from. */
export interface ValueDraft<T> {
  /** The value as last loaded or saved: the merge base if the save meets a conflict. */
  base: T;
  /** The edited value to store. */
  value: T;
  /** The ETag of `base`, sent as `If-Match`. */
  etag: string;
}

/** A lost update of a value: `theirs` is what is stored now; save the resolution with `theirsEtag`. */
export interface ValueConflict<T, S extends T = T> {
  base: T;
  mine: T;
  theirs: S;
  theirsEtag: string;
  /** The refused answer: its status, and its problem document when it sent one (RFC 9457). */
  refusal: { status: number; problem: Problem | undefined };
}

/** How a guarded save of a value ended; a conflict is an expected outcome, so it is a value. */
export type GuardedValueResult<T, S extends T = T> =
  ({ status: 'saved' } & StoredValue<S>) | ({ status: 'conflict' } & ValueConflict<T, S>);

/**
 * How one kind of value is sent to and read from its server: everything {@link guardedSave}
 * needs besides the rules of If-Match itself. `T` is what a person edits, `S` what the server
 * stores and answers (a document with its version and author; for a text, the text).
 */
export interface SaveAdapter<T, S extends T = T> {
  /** Sends the save; it must carry `If-Match: etag`. */
  send: (value: T, etag: string) => Promise<Response>;
  /** Reads the current version afresh; the answer must carry its `ETag`. */
  load: () => Promise<Response>;
  /** The stored value of a successful GET. */
  read: (response: Response) => Promise<S>;
  /** The stored value after a save answered 2xx with an `ETag`: from its body, or what was sent. */
  readSaved: (response: Response, sent: T) => Promise<S>;
  /**
   * Theirs from the parsed JSON body of a lost-update answer, when the server sends it (or the
   * caller knows it); `undefined` makes the save read it with `load`.
   */
  readTheirs?: ((body: unknown, response: Response) => StoredValue<S> | undefined) | undefined;
  /**
   * Whether a refused save is a lost update, to merge. Default: a 409 or a 412. A server whose
   * 409 can also mean something else (a name already used) says which it is here.
   */
  isLostUpdate?: ((response: Response, body: unknown) => boolean) | undefined;
  /** Whether two values hold the same content. Default: `Object.is`. */
  same?: ((a: T, b: T) => boolean) | undefined;
}

/**
 * Saves a draft with `If-Match` and reads a lost update (409 or 412, RFC 9110 §13.1.1) into the
 * conflict dialog's inputs: theirs from the answer's body when the server sends it, otherwise by
 * rereading the resource. Any other failure throws an {@link ApiError}.
 *
 * A text is saved through a {@link SaveTarget}; any other value (a document with a title and a
 * body) through a {@link SaveAdapter} that says how to send and read it.
 *
 * @example
 * const result = await guardedSave({ url: '/notes/1' }, { base, text: draft, etag });
 * if (result.status === 'conflict') openDialog(result); // { base, mine, theirs, theirsEtag }
 */
export function guardedSave(target: SaveTarget, draft: SaveDraft): Promise<GuardedSaveResult>;
export function guardedSave<T, S extends T = T>(
  adapter: SaveAdapter<T, S>,
  draft: ValueDraft<T>,
): Promise<GuardedValueResult<T, S>>;
export async function guardedSave<T, S extends T>(
  target: SaveTarget | SaveAdapter<T, S>,
  draft: SaveDraft | ValueDraft<T>,
): Promise<GuardedSaveResult | GuardedValueResult<T, S>> {
  if ('readSaved' in target) return saveValue(target, draft as ValueDraft<T>);
  const { base, text, etag } = draft as SaveDraft;
  const result = await saveValue(createTextSaveAdapter(target), { base, value: text, etag });
  if (result.status === 'saved') return { status: 'saved', text: result.value, etag: result.etag };
  const { status, mine, theirs, theirsEtag } = result;
  return { status, base, mine, theirs, theirsEtag };
}

async function saveValue<T, S extends T>(
  adapter: SaveAdapter<T, S>,
  draft: ValueDraft<T>,
): Promise<GuardedValueResult<T, S>> {
  const response = await adapter.send(draft.value, draft.etag);
  if (response.ok) {
    const etag = response.headers.get('ETag');
    if (etag)
      return { status: 'saved', value: await adapter.readSaved(response, draft.value), etag };
    await response.body?.cancel();
    // A 2xx without a validator (often a 204): what is stored now is the only next base there is.
    return { status: 'saved', ...(await readStored(await adapter.load(), adapter.read)) };
  }
  const body = await readJson(response);
  const lost = adapter.isLostUpdate
    ? adapter.isLostUpdate(response, body)
    : response.status === 409 || response.status === 412;
  if (!lost) throw toApiError(response, body);

  const theirs =
    adapter.readTheirs?.(body, response) ?? (await readStored(await adapter.load(), adapter.read));
  // Our own earlier save that landed (its answer lost), or the same edit made twice: nothing to do.
  if ((adapter.same ?? Object.is)(theirs.value, draft.value)) return { status: 'saved', ...theirs };
  // A server that refuses the very tag it serves (a weak ETag, which If-Match never matches,
  // RFC 9110 §13.1.1) would send the resolution round forever.
  if (theirs.etag === draft.etag) throw toApiError(response, body, theirs.etag);
  return {
    status: 'conflict',
    base: draft.base,
    mine: draft.value,
    theirs: theirs.value,
    theirsEtag: theirs.etag,
    refusal: { status: response.status, problem: isProblem(body) ? body : undefined },
  };
}

/**
 * A text resource as a {@link SaveAdapter}: what {@link guardedSave} and `useGuardedSave` make of
 * a {@link SaveTarget}, its reading defaults fitting a plain text.
 *
 * @example const adapter = createTextSaveAdapter({ url: '/api/note' });
 */
export function createTextSaveAdapter(target: SaveTarget): SaveAdapter<string> {
  const { send, load } = toRequests(target);
  const readTheirs = target.readTheirs ?? readConcordTheirs;
  return {
    send,
    load,
    read: target.readText ?? ((response) => response.text()),
    readSaved: async (response, sent) => {
      await response.body?.cancel();
      return sent;
    },
    readTheirs: (body, response) => {
      const theirs = readTheirs(body, response);
      return theirs && { value: theirs.text, etag: theirs.etag };
    },
  };
}

/**
 * Theirs from a Concord-style conflict body: `current_etag` and `current`, either the text or a
 * document with a `body`.
 *
 * @example readConcordTheirs({ current: { body: 'x' }, current_etag: '"7"' }) // { text: 'x', etag: '"7"' }
 */
export function readConcordTheirs(body: unknown): Versioned | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { current, current_etag: etag } = body as Record<string, unknown>;
  if (typeof etag !== 'string') return undefined;
  if (typeof current === 'string') return { text: current, etag };
  if (typeof current === 'object' && current !== null) {
    const text = (current as Record<string, unknown>).body;
    if (typeof text === 'string') return { text, etag };
  }
  return undefined;
}

function toRequests(target: SaveTarget): Pick<RequestSaveTarget, 'send' | 'load'> {
  if ('send' in target) return target;
  const doFetch = target.fetch ?? ((...args) => globalThis.fetch(...args));
  const headersFor = (extra: Record<string, string>) => {
    const headers = new Headers(
      typeof target.headers === 'function' ? target.headers() : target.headers,
    );
    for (const [name, value] of Object.entries(extra)) headers.set(name, value);
    return headers;
  };
  return {
    send: (text, etag) =>
      doFetch(target.url, {
        method: target.method ?? 'PUT',
        headers: headersFor({
          'If-Match': etag,
          ...(target.toBody ? {} : { 'Content-Type': 'text/plain; charset=utf-8' }),
        }),
        body: target.toBody ? target.toBody(text) : text,
      }),
    // A cached answer could carry an old ETag: ask the server itself.
    load: () => doFetch(target.url, { headers: headersFor({}), cache: 'no-store' }),
  };
}

/**
 * The version a GET answered: its text and `ETag`, to edit from and to guard the next save with.
 * A failed answer throws an {@link ApiError}; one without an `ETag` throws too, since a save from
 * it could not be guarded.
 *
 * @example
 * const note = await readVersioned(await fetch('/api/note', { cache: 'no-store' }));
 * // { text: 'Hello\n', etag: '"3"' }
 */
export async function readVersioned(
  response: Response,
  reading: Pick<SaveReading, 'readText'> = {},
): Promise<Versioned> {
  const { value, etag } = await readStored(response, reading.readText ?? ((r) => r.text()));
  return { text: value, etag };
}

async function readStored<S>(
  response: Response,
  read: (response: Response) => Promise<S>,
): Promise<StoredValue<S>> {
  if (!response.ok) throw toApiError(response, await readJson(response));
  const etag = response.headers.get('ETag');
  // Without a validator the resolution could not be guarded: refuse rather than guess. A
  // cross-origin server must list ETag in Access-Control-Expose-Headers for the page to see it.
  if (!etag) throw new Error(`${response.url || 'The resource'} was read without an ETag`);
  return { value: await read(response), etag };
}

/**
 * The {@link ApiError} of a refused answer whose body was already read (`undefined` when it had
 * none or it was not JSON); `etag` when known otherwise than from the answer's header.
 */
export function toApiError(response: Response, body: unknown, etag?: string): ApiError {
  return new ApiError(
    response.status,
    isProblem(body) ? body : undefined,
    etag ?? response.headers.get('ETag') ?? undefined,
  );
}

/** The parsed JSON body of an answer, or `undefined` when it has none or it is not JSON. */
export async function readJson(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text());
  } catch {
    // No body (a bare 412), or not JSON: the status must do.
    return undefined;
  }
}
