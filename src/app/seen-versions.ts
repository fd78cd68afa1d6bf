import { webStorage } from '../client/index.ts';

/** The version of a document this browser last showed to the person, and its ETag. */
export interface SeenVersion {
  version: number;
  etag: string;
}

const prefix = 'concord:seen:';
const keyOf = (id: string) => `${prefix}${id}`;

/**
 * How many documents' records a browser keeps. Past it, the ones shown longest ago go (each
 * record is about 60 bytes, and documents deleted long ago would otherwise stay for ever); a
 * forgotten one only means a first visit's silence if that document is opened again.
 */
export const seenVersionsKept = 500;

/** A stored record as read back: anything that is not one (edited by hand, older app) is none. */
function parseSeen(text: string | null): SeenVersion | undefined {
  if (text === null) return undefined;
  try {
    const value = JSON.parse(text) as Partial<SeenVersion> | null;
    if (
      value &&
      Number.isSafeInteger(value.version) &&
      value.version! > 0 &&
      typeof value.etag === 'string'
    )
      return { version: value.version!, etag: value.etag };
  } catch {
    // Not JSON: as if nothing was seen.
  }
  return undefined;
}

/**
 * The version of document `id` this browser last showed, shared by its tabs (localStorage), or
 * `undefined` when it never showed one (or the browser keeps nothing).
 */
export function readSeenVersion(
  id: string,
  storage = webStorage('localStorage'),
): SeenVersion | undefined {
  try {
    return parseSeen(storage?.getItem(keyOf(id)) ?? null);
  } catch {
    return undefined;
  }
}

/**
 * Remembers that this browser showed `shown` of document `id`. Never goes back: another tab may
 * have shown a newer version already (a tab with unsaved edits stays on its older base), and
 * what the person saw there counts.
 *
 * @example recordSeenVersion('d1', { version: 3, etag: '"v3"' }) // stored unless 3+ was seen
 */
export function recordSeenVersion(
  id: string,
  shown: SeenVersion,
  storage = webStorage('localStorage'),
): void {
  const known = readSeenVersion(id, storage);
  if (known && known.version > shown.version) return;
  if (known?.version === shown.version && known.etag === shown.etag) return;
  try {
    if (!known) forgetOldest(storage, seenVersionsKept - 1);
    const at = Date.now();
    storage?.setItem(keyOf(id), JSON.stringify({ version: shown.version, etag: shown.etag, at }));
  } catch {
    // Full or refused: the next visit may point out changes the person saw; nothing is lost.
  }
}

/** Removes the records shown longest ago until at most `keep` are left (only when over it). */
function forgetOldest(storage: Storage | undefined, keep: number): void {
  if (!storage) return;
  const records: Array<{ key: string; at: number }> = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(prefix)) continue;
    const at = readShownAt(storage.getItem(key));
    records.push({ key, at });
  }
  if (records.length <= keep) return;
  records.sort((a, b) => a.at - b.at);
  for (const { key } of records.slice(0, records.length - keep)) storage.removeItem(key);
}

/** When a record was written (0: before records said so, or damaged — those go first). */
function readShownAt(text: string | null): number {
  try {
    const at = (JSON.parse(text ?? 'null') as { at?: unknown } | null)?.at;
    return typeof at === 'number' ? at : 0;
  } catch {
    return 0;
  }
}
