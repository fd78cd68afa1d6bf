import { isProblem } from '../protocol/index.ts';
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

/**
 * Saves a draft with `If-Match` and reads a lost update (409 or 412, RFC 9110 §13.1.1) into the
 * conflict dialog's inputs: theirs from the answer's body when the server sends it, otherwise by
 * rereading the resource. Any other failure throws an {@link ApiError}.
 *
 * @example
 * const result = await guardedSave({ url: '/notes/1' }, { base, text: draft, etag });
 * if (result.status === 'conflict') openDialog(result); // { base, mine, theirs, theirsEtag }
 */
export async function guardedSave(
  target: SaveTarget,
  draft: SaveDraft,
): Promise<GuardedSaveResult> {
  const { send, load } = toRequests(target);
  const response = await send(draft.text, draft.etag);
  if (response.ok) {
    const etag = response.headers.get('ETag');
    await response.body?.cancel();
    if (etag) return { status: 'saved', text: draft.text, etag };
    // A 2xx without a validator (often a 204): what is stored now is the only next base there is.
    return { status: 'saved', ...(await readVersioned(await load(), target)) };
  }
  if (response.status !== 409 && response.status !== 412) throw await readApiError(response);

  const body = await readJson(response);
  const theirs =
    (target.readTheirs ?? readConcordTheirs)(body, response) ??
    (await readVersioned(await load(), target));
  // Our own earlier save that landed (its answer lost), or the same edit made twice: nothing to do.
  if (theirs.text === draft.text) return { status: 'saved', ...theirs };
  // A server that refuses the very tag it serves (a weak ETag, which If-Match never matches,
  // RFC 9110 §13.1.1) would send the resolution round forever.
  if (theirs.etag === draft.etag) {
    throw new ApiError(response.status, isProblem(body) ? body : undefined, theirs.etag);
  }
  return {
    status: 'conflict',
    base: draft.base,
    mine: draft.text,
    theirs: theirs.text,
    theirsEtag: theirs.etag,
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
  if (!response.ok) throw await readApiError(response);
  const etag = response.headers.get('ETag');
  // Without a validator the resolution could not be guarded: refuse rather than guess. A
  // cross-origin server must list ETag in Access-Control-Expose-Headers for the page to see it.
  if (!etag) throw new Error(`${response.url || 'The resource'} was read without an ETag`);
  const text = await (reading.readText ?? ((r: Response) => r.text()))(response);
  return { text, etag };
}

async function readApiError(response: Response): Promise<ApiError> {
  const body = await readJson(response);
  return new ApiError(
    response.status,
    isProblem(body) ? body : undefined,
    response.headers.get('ETag') ?? undefined,
  );
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text());
  } catch {
    // No body (a bare 412), or not JSON: the status must do.
    return undefined;
  }
}
