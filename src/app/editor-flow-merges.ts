import { refuseUnresolved, type DraftResolution, type VersionedDocument } from '../client/index.ts';
import {
  countConflictsLeft,
  createResolution,
  type Resolution,
  type ResolutionState,
} from '../conflict/index.ts';
import type { DocumentInput } from '../protocol/index.ts';
import type { EditorFlowState, SaveRequest } from './editor-flow.ts';
import { describeWhose } from './describe-whose.ts';
import { baseOf, cleanSession, granularity, type EditorSession } from './editor-session.ts';
import { resolutionInput } from './prepare-resolution.ts';
import { summarizeMerge, type MergeSummary } from './summarize-merge.ts';

/**
 * A merge that needed no dialog, as the notice tells it: who and what it took in, and the session
 * before it, for "Undo the merge". `saved` after a Save (the merge was saved), `draft` after
 * "Merge their changes" (only the draft changed).
 */
export interface MergeNotice extends MergeSummary {
  mode: 'saved' | 'draft';
  before: EditorSession;
}

/** The merge of a conflict's three versions when it leaves nothing to decide or review. */
function mergeIfSettled(conflict: DraftResolution, prepared?: ResolutionState) {
  const state =
    prepared ??
    createResolution(resolutionInput(conflict.base, conflict.mine, conflict.theirs), {
      granularity,
    });
  if (countConflictsLeft(state) > 0 || state.reviews.length > 0) return undefined;
  return { title: state.title.value, body: state.text };
}

/**
 * A refused save whose merge leaves nothing to decide or review: the session becomes the merge on
 * their version, and the save of it, which says what it merged once it lands. Else undefined
 * (the dialog opens).
 */
export function mergeWithoutDialog(
  before: EditorSession,
  conflict: DraftResolution,
  prepared: ResolutionState | undefined,
): { session: EditorSession; send: Omit<SaveRequest, 'id'> } | undefined {
  const content = mergeIfSettled(conflict, prepared);
  if (!content) return undefined;
  const { theirs } = conflict;
  const merged: MergeNotice = {
    ...summarizeMerge(conflict.base, conflict.mine, theirs),
    mode: 'saved',
    before,
  };
  return {
    session: { base: baseOf(theirs), mine: content },
    send: { content, etag: theirs.etag, purpose: 'merge', merged, resolution: 'auto-merged' },
  };
}

/**
 * "Merge their changes": a merge with nothing to decide or review goes into the draft (nothing is
 * saved) with a notice; else the dialog opens in draft mode.
 */
export function mergeNewerIntoDraft(
  session: EditorSession,
  loaded: VersionedDocument,
): Pick<EditorFlowState, 'session'> & Partial<Pick<EditorFlowState, 'conflict' | 'merged'>> {
  const conflict: DraftResolution = {
    base: { title: session.base.title, body: session.base.body },
    mine: session.mine,
    theirs: loaded,
    mode: 'draft',
  };
  const content = mergeIfSettled(conflict);
  if (!content) return { session, conflict };
  const merged: MergeNotice = {
    ...summarizeMerge(session.base, session.mine, loaded),
    mode: 'draft',
    before: session,
  };
  return { session: { base: baseOf(loaded), mine: content }, merged };
}

/**
 * What the dialog's answer does: the new state, and the save to send, if any (a resolution in
 * `save` mode is saved against theirs; `draft` and `restore` only change the draft).
 */
export function resolveConflict(
  state: EditorFlowState,
  resolution: Resolution,
): { state: EditorFlowState; send?: Omit<SaveRequest, 'id'> } {
  const { conflict, session } = state;
  if (!conflict) return { state };
  const closed = { ...state, conflict: null };
  const content: DocumentInput = { title: resolution.title, body: resolution.body };
  // Never let a conflict marker the dialog wrote into the draft or onto the server.
  const refusal = refuseUnresolved(
    content.body,
    {
      base: conflict.base.body,
      mine: conflict.mine.body,
      theirs: conflict.theirs.doc.body,
      theirsEtag: conflict.theirs.etag,
    },
    resolution.markers,
  );
  if (refusal) return { state: { ...state, error: refusal.message } };
  if (conflict.mode === 'restore')
    return { state: { ...closed, session: restore(session, resolution) } };
  const { theirs } = conflict;
  if (resolution.how === 'theirs') {
    // Their version is already saved; mine stays recoverable until the next save.
    const dropped = { base: session.base, mine: session.mine };
    return { state: { ...closed, session: { ...cleanSession(theirs), discarded: dropped } } };
  }
  // The resolution is the person's work now: it starts from their version.
  const resolved = { base: baseOf(theirs), mine: content };
  if (conflict.mode === 'draft') return { state: { ...closed, session: resolved } };
  const note =
    resolution.how === 'mine'
      ? `Your version is saved. ${describeWhose(theirs.doc.updated_by, 'start')} version stays in the history (version ${theirs.doc.version}).`
      : undefined;
  // The dialog stays open (busy) until the save lands or meets yet another version.
  return {
    state: { ...state, session: resolved },
    send: {
      content,
      etag: theirs.etag,
      purpose: 'resolution',
      resolution: resolution.how === 'mine' ? 'kept-mine' : 'resolved',
      ...(note && { note }),
    },
  };
}

/** Restore mode: mine is the text typed since, theirs the dropped edits. */
function restore(session: EditorSession, resolution: Resolution): EditorSession {
  const { discarded } = session;
  if (!discarded) return session;
  // Keeping what was typed since leaves the dropped edits to restore later.
  if (resolution.how === 'mine') return session;
  const content = { title: resolution.title, body: resolution.body };
  // Using the dropped edits alone keeps what was typed since recoverable in turn.
  const dropped =
    resolution.how === 'theirs' ? { base: session.base, mine: session.mine } : undefined;
  // Both sides are on the session's base (the dropped edits replayed onto it): so is the result.
  return { base: session.base, mine: content, ...(dropped && { discarded: dropped }) };
}
