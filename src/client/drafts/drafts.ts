import type { DocumentDto, DocumentInput } from '../../protocol/index.ts';
import { mirrorDraft, previousTabId, startMirroringDrafts } from './closed-tab-drafts.ts';
import { readTabDraft } from './draft-database.ts';
import { parseDraft } from './parse-draft.ts';
import { webStorage } from './web-storage.ts';

/** The version an edit started from: what this tab last loaded or saved. */
export interface DraftBase extends DocumentInput {
  etag: string;
  version: number;
}

/**
 * A tab's unsaved work on one document. `base` is kept next to `mine` so that a conflict found
 * after a reload still merges against the version the edits really started from.
 */
export interface Draft {
  base: DraftBase;
  mine: DocumentInput;
  /** Edits dropped by "Take theirs", recoverable until the next save. */
  discarded?: { base: DraftBase; mine: DocumentInput };
  /** A conflict being resolved, with the merged result as far as the person got. */
  resolving?: DraftResolution;
  savedAt: string;
}

/** An open conflict dialog's inputs and progress, so a reload reopens it where it was. */
export interface DraftResolution {
  base: DocumentInput;
  mine: DocumentInput;
  theirs: { doc: DocumentDto; etag: string };
  /** `restore`: edits dropped by "Take theirs" being merged back into what was typed since. */
  mode: 'save' | 'draft' | 'restore';
  /**
   * The merged result and title as they stood, and the choice made for each conflict
   * (undefined until the person changed something).
   */
  progress?: DocumentInput & {
    choices?: ReadonlyArray<'mine' | 'theirs' | 'both' | 'both-theirs-first' | 'base' | null>;
  };
  /** Put aside with Escape or Cancel: the next Save reopens it where the person left it. */
  setAside?: boolean;
}

const prefix = 'concord:draft:';

/**
 * A tab's own drafts live in its sessionStorage: one store per tab, read at once on a reload, so
 * two tabs of one browser never overwrite each other's drafts (docs/decisions/0003). Each is
 * also kept in IndexedDB (closed-tab-drafts.ts, docs/decisions/0020), which outlives a crash and
 * holds what is too large for sessionStorage.
 */
function storage(): Storage | undefined {
  return webStorage('sessionStorage');
}

/**
 * Reads this tab's draft of a document, if any (a corrupt entry reads as none): the newer of its
 * sessionStorage copy and its IndexedDB copy (the only one when the draft was too large).
 */
export async function loadDraft(docId: string): Promise<Draft | undefined> {
  const inTab = parseDraft(storage()?.getItem(prefix + docId));
  const tab = previousTabId();
  const kept = tab ? await readTabDraft(tab, docId) : undefined;
  if (!kept || (inTab && inTab.savedAt >= kept.savedAt)) return inTab;
  return kept;
}

/**
 * Stores this tab's draft of a document (`now`: as the page is left, not after earlier writes).
 * Resolves false when the browser refused it everywhere (quota): the caller must then tell the
 * person their edits are not backed up.
 */
export function storeDraft(
  docId: string,
  draft: Omit<Draft, 'savedAt'>,
  { now = false }: { now?: boolean } = {},
): Promise<boolean> {
  const stored: Draft = { ...draft, savedAt: new Date().toISOString() };
  const store = storage();
  let inTab = store !== undefined;
  try {
    // Past what sessionStorage takes, spare the megabytes of JSON it would refuse anyway.
    if (textLength(stored) > sessionStorageChars) throw new RangeError('too large');
    store?.setItem(prefix + docId, JSON.stringify(stored));
  } catch {
    inTab = false;
    // An older, smaller draft must not be read back in its place.
    store?.removeItem(prefix + docId);
  }
  const mirrored = mirrorDraft(docId, stored, { now });
  return inTab ? Promise.resolve(true) : mirrored;
}

/**
 * About what a draft may hold in sessionStorage: browsers take 5 million characters per site
 * (Chromium's 10 MB of UTF-16), shared with every other draft of the tab.
 */
const sessionStorageChars = 4_000_000;

/** The characters of text a draft holds (its JSON is a little longer). */
function textLength(draft: Draft): number {
  const sides = [draft.base, draft.mine, draft.discarded?.base, draft.discarded?.mine];
  const resolving = draft.resolving;
  if (resolving)
    sides.push(resolving.base, resolving.mine, resolving.theirs.doc, resolving.progress);
  return sides.reduce((n, side) => n + (side ? side.title.length + side.body.length : 0), 0);
}

/** Forgets this tab's draft of a document (after a save that holds everything in it). */
export function clearDraft(docId: string): void {
  storage()?.removeItem(prefix + docId);
  void mirrorDraft(docId, undefined);
}

/**
 * Keeps a copy of this tab's drafts where another tab can recover them once this one is closed
 * or the browser crashed (`findClosedTabDrafts`). Call once when the app starts; without Web
 * Locks it does nothing.
 */
export function startClosedTabRecovery(): Promise<void> {
  return startMirroringDrafts(function* () {
    const store = storage();
    for (let i = 0; store && i < store.length; i++) {
      const key = store.key(i);
      const draft = key?.startsWith(prefix) ? parseDraft(store.getItem(key)) : undefined;
      if (key && draft) yield [key.slice(prefix.length), draft] as const;
    }
  });
}
