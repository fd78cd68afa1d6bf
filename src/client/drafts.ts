import type { DocumentDto, DocumentInput } from '../protocol/index.ts';
import { mirrorDraft, startMirroringDrafts } from './closed-tab-drafts.ts';
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
 * Drafts live in sessionStorage: one store per tab, kept across reloads and crash restore, so
 * two tabs of one browser never overwrite each other's drafts (docs/decisions/0003).
 */
function storage(): Storage | undefined {
  return webStorage('sessionStorage');
}

/** Reads this tab's draft of a document, if any (a corrupt entry reads as none). */
export function loadDraft(docId: string): Draft | undefined {
  return parseDraft(storage()?.getItem(prefix + docId));
}

/**
 * Stores this tab's draft of a document. Returns false when the browser refused (quota): the
 * caller must then tell the person their edits are not backed up.
 */
export function storeDraft(docId: string, draft: Omit<Draft, 'savedAt'>): boolean {
  const json = JSON.stringify({ ...draft, savedAt: new Date().toISOString() });
  try {
    storage()?.setItem(prefix + docId, json);
  } catch {
    return false;
  }
  mirrorDraft(docId, json);
  return true;
}

/** Forgets this tab's draft of a document (after a save that holds everything in it). */
export function clearDraft(docId: string): void {
  storage()?.removeItem(prefix + docId);
  mirrorDraft(docId, undefined);
}

/**
 * Keeps a copy of this tab's drafts where another tab can recover them once this one is closed
 * (`findClosedTabDrafts`). Call once when the app starts; without Web Locks it does nothing.
 */
export function startClosedTabRecovery(): Promise<void> {
  return startMirroringDrafts(function* () {
    const store = storage();
    for (let i = 0; store && i < store.length; i++) {
      const key = store.key(i);
      const json = key?.startsWith(prefix) ? store.getItem(key) : null;
      if (key && json) yield [key.slice(prefix.length), json] as const;
    }
  });
}
