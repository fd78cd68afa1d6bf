import type { Draft, DraftBase, DraftResolution, VersionedDocument } from '../client/index.ts';
import type { DocumentInput } from '../protocol/index.ts';

/** What the editor holds for one document: where the edits started, and the edits. */
export type EditorSession = Omit<Draft, 'savedAt' | 'resolving'>;

/** The base a loaded or saved document gives. */
export function baseOf({ doc, etag }: VersionedDocument): DraftBase {
  return { title: doc.title, body: doc.body, etag, version: doc.version };
}

/** A session with no unsaved edits on a document as loaded or saved. */
export function cleanSession(loaded: VersionedDocument): EditorSession {
  const base = baseOf(loaded);
  return { base, mine: { title: base.title, body: base.body } };
}

/** Whether two contents are the same. */
export function sameContent(a: DocumentInput, b: DocumentInput): boolean {
  return a.title === b.title && a.body === b.body;
}

/** Whether the session holds edits that are not on the server. */
export function isDirty(session: EditorSession): boolean {
  return !sameContent(session.mine, session.base);
}

/**
 * Whether a draft holds anything a person would lose: edits, edits dropped by "Take theirs"
 * (still recoverable), or a conflict being resolved. Only such drafts are kept or offered back.
 */
export function holdsWork(draft: EditorSession & { resolving?: DraftResolution }): boolean {
  return isDirty(draft) || draft.discarded !== undefined || draft.resolving !== undefined;
}

/** The editor session a stored draft resumes. */
export function sessionOf({ base, mine, discarded }: Draft): EditorSession {
  return { base, mine, discarded };
}

/**
 * Bodies past this many characters (about 2,000 lines of prose) get the large-document paths:
 * drafts stored lazily, the editor's text box hidden behind an open dialog.
 */
export const largeBodyChars = 200_000;

/** Prose merges best by words: edits to different sentences of one paragraph both stay. */
export const granularity = 'word';
