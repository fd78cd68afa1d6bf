import type { Draft, DraftResolution, ResolutionHow, VersionedDocument } from '../client/index.ts';
import type { Resolution, ResolutionState } from '../conflict/index.ts';
import type { DocumentInput } from '../protocol/index.ts';
import {
  mergeNewerIntoDraft,
  mergeWithoutDialog,
  resolveConflict,
  type MergeNotice,
} from './editor-flow-merges.ts';
import {
  baseOf,
  cleanSession,
  isDirty,
  sameContent,
  sessionOf,
  type EditorSession,
} from './editor-session.ts';
import { describeOverLimit } from './describe-limit.ts';
import type { LiveUpdate } from './describe-newer-version.ts';
import { describeWhose } from './describe-whose.ts';
import { formatWhen } from './format-when.ts';
import type { TakenTitle } from './title-taken.ts';
import { restoreDiscarded } from './restore-discarded.ts';
import { resumeConflict } from './resume-conflict.ts';

/**
 * A save the flow wants sent: the hook sends it and answers with `saved`, `conflicted`,
 * `failed` or `deletedOnSave`. `purpose` says whose text it is: the session's own edits, a
 * resolved conflict's result (the dialog stays open until it lands), or a merge with nothing to
 * decide. `merged` and `note` are what the editor says once it lands.
 */
export interface SaveRequest {
  id: number;
  content: DocumentInput;
  etag: string;
  purpose: 'edits' | 'resolution' | 'merge';
  merged?: MergeNotice;
  note?: string;
  /** How a conflict was settled, for the server's count of resolutions (Concord-Resolution). */
  resolution?: ResolutionHow;
}

/** A merge prepared in a worker, for the conflict whose theirs has this ETag. */
export interface PreparedMerge {
  etag: string;
  state: ResolutionState;
}

/**
 * Everything the editor decides about one open document. `conflict` is the dialog's inputs and
 * progress (`mode` `save` after a refused save, `draft` when a newer version is merged into the
 * draft without saving, `restore` when dropped edits are merged back; `setAside` after Escape);
 * `request` is the save on its way; `merged` what the last merge without a dialog took in.
 */
export interface EditorFlowState {
  session: EditorSession;
  conflict: DraftResolution | null;
  prepared: PreparedMerge | undefined;
  request: SaveRequest | null;
  /** Counts requests, so each has its own id. */
  requests: number;
  error: string | null;
  note: string | null;
  merged: MergeNotice | null;
  /** A save answered 404: the document is gone (the events may not have said so yet). */
  deletedOnSave: boolean;
  /** The document that had the title when a save was refused for it (shown at the field). */
  titleTaken: TakenTitle | undefined;
  /** The last version followed with nothing unsaved: what it changed, for its notice. */
  liveUpdate: LiveUpdate | undefined;
  /**
   * What failed saves sent since the last one landed: a save whose answer was lost may have
   * landed all the same, and a conflict with it is no conflict (it is the person's own text).
   */
  unanswered: DocumentInput[];
  /**
   * Save was asked for while another save was on its way (a retry waiting for the server, say):
   * once that one lands, what was typed since goes out too, as the person asked.
   */
  saveAgain: boolean;
}

export type EditorFlowAction =
  | { type: 'edited'; change: Partial<DocumentInput> }
  | { type: 'saveRequested' }
  | { type: 'saved'; request: SaveRequest; saved: VersionedDocument }
  | {
      type: 'conflicted';
      request: SaveRequest;
      conflict: DraftResolution;
      prepared?: ResolutionState | undefined;
    }
  /** Something failed; with `request`, that save (which is then no longer on its way). */
  | { type: 'failed'; message: string; request?: SaveRequest }
  | { type: 'deletedOnSave'; request: SaveRequest }
  /** A save refused because another document has the title (a 409 that is no lost update). */
  | { type: 'titleTaken'; request: SaveRequest; existing: TakenTitle }
  | { type: 'resolved'; resolution: Resolution }
  | { type: 'cancelled' }
  | { type: 'progressed'; progress: NonNullable<DraftResolution['progress']> }
  | { type: 'loaded'; loaded: VersionedDocument }
  | { type: 'mergeNewerRequested'; loaded: VersionedDocument }
  | { type: 'mergeUndone' }
  | { type: 'restoredClosedTab'; draft: Draft }
  | { type: 'restoredDiscarded' };

/**
 * The state an editor opens in: this tab's draft if it has one (with a dialog that was open
 * before a reload open again, with the work done in it), else the document as loaded.
 */
export function initEditorFlow(loaded: VersionedDocument, restored?: Draft): EditorFlowState {
  return {
    session: restored ? sessionOf(restored) : cleanSession(loaded),
    conflict: restored?.resolving ?? null,
    prepared: undefined,
    request: null,
    requests: 0,
    error: null,
    note: null,
    merged: null,
    deletedOnSave: false,
    titleTaken: undefined,
    liveUpdate: undefined,
    unanswered: [],
    saveAgain: false,
  };
}

/**
 * The editor's save flow as a pure reducer: every decision about what the person's text becomes,
 * and which save goes out, is made here; the hook only sends requests and reports answers.
 *
 * @example
 * let state = initEditorFlow(loaded);
 * state = reduceEditorFlow(state, { type: 'edited', change: { body: 'new' } });
 * state = reduceEditorFlow(state, { type: 'saveRequested' });
 * state.request; // { content: { title, body: 'new' }, etag: loaded.etag, purpose: 'edits', ... }
 */
export function reduceEditorFlow(
  state: EditorFlowState,
  action: EditorFlowAction,
): EditorFlowState {
  switch (action.type) {
    case 'edited': {
      const { session } = state;
      return { ...state, session: { ...session, mine: { ...session.mine, ...action.change } } };
    }
    case 'saveRequested': {
      // None while the dialog decides what to save; one at a time, the next once it lands.
      if (isDialogOpen(state)) return state;
      if (state.request) return state.saveAgain ? state : { ...state, saveAgain: true };
      const { mine, base } = state.session;
      // The server would refuse it: say at once, in words, how much to cut.
      const overLimit = describeOverLimit(mine);
      if (overLimit) return { ...state, error: overLimit, note: null };
      return {
        ...sendSave(state, { content: mine, etag: base.etag, purpose: 'edits' }),
        note: null,
      };
    }
    case 'saved':
      return state.request?.id === action.request.id ? landSave(state, action) : state;
    case 'conflicted':
      return state.request?.id === action.request.id ? meetConflict(state, action) : state;
    case 'failed':
      if (!action.request) return { ...state, error: action.message };
      if (state.request?.id !== action.request.id) return state;
      return {
        ...state,
        request: null,
        saveAgain: false,
        error: action.message,
        // A few are enough: each new save sends the latest text.
        unanswered: [...state.unanswered, action.request.content].slice(-4),
      };
    case 'deletedOnSave':
      if (state.request?.id !== action.request.id) return state;
      // A resolution is in the editor already (resolveConflict put it there): close the dialog,
      // so that the deleted notice and its "Save as a new document" can be reached.
      return {
        ...state,
        request: null,
        saveAgain: false,
        deletedOnSave: true,
        conflict: action.request.purpose === 'resolution' ? null : state.conflict,
      };
    case 'titleTaken':
      if (state.request?.id !== action.request.id) return state;
      // A resolution is in the editor already: the title is the person's to change there.
      return {
        ...state,
        request: null,
        saveAgain: false,
        conflict: null,
        titleTaken: action.existing,
      };
    case 'resolved': {
      const resolved = resolveConflict(state, action.resolution);
      return resolved.send ? sendSave(resolved.state, resolved.send) : resolved.state;
    }
    case 'cancelled':
      // Set aside, not dropped: every choice and every character typed in the dialog is kept.
      return state.conflict ? { ...state, conflict: { ...state.conflict, setAside: true } } : state;
    case 'progressed':
      return state.conflict
        ? { ...state, conflict: { ...state.conflict, progress: action.progress } }
        : state;
    case 'loaded': {
      // With nothing unsaved, follow the newest version the server has (a refetch found one).
      const s = state.session;
      if (isDirty(s) || action.loaded.doc.version <= s.base.version) return state;
      const { doc, etag } = action.loaded;
      const liveUpdate = {
        before: s.mine,
        after: { title: doc.title, body: doc.body },
        version: doc.version,
        etag,
        updatedBy: doc.updated_by,
      };
      return {
        ...state,
        session: { ...cleanSession(action.loaded), discarded: s.discarded },
        liveUpdate,
      };
    }
    case 'mergeNewerRequested': {
      const { session, conflict } = state;
      const next = { base: session.base, mine: session.mine, theirs: action.loaded };
      if (conflict?.setAside)
        return { ...state, conflict: resumeConflict(conflict, { ...next, mode: 'draft' }) };
      return { ...state, note: null, ...mergeNewerIntoDraft(session, action.loaded) };
    }
    case 'mergeUndone':
      return undoMerge(state);
    case 'restoredClosedTab': {
      const { draft } = action;
      return {
        ...state,
        session: sessionOf(draft),
        conflict: draft.resolving ?? null,
        note: `Restored the edits of a closed tab from ${formatWhen(draft.savedAt)} (started from version ${draft.base.version}).`,
      };
    }
    case 'restoredDiscarded': {
      const restored = restoreDiscarded(state.session);
      return restored ? { ...state, merged: null, ...restored } : state;
    }
  }
}

/** Whether the conflict dialog shows (a conflict set aside with Escape waits for Save). */
export function isDialogOpen(state: EditorFlowState): boolean {
  return state.conflict !== null && !state.conflict.setAside;
}

/** Whether a newer version than the draft's base waits to be merged (the notice shows). */
export function isNewerWaiting(
  state: EditorFlowState,
  loaded: VersionedDocument,
  deleted: boolean,
): boolean {
  return (
    !deleted &&
    !isDialogOpen(state) &&
    isDirty(state.session) &&
    loaded.doc.version > state.session.base.version
  );
}

function sendSave(state: EditorFlowState, request: Omit<SaveRequest, 'id'>): EditorFlowState {
  const id = state.requests + 1;
  return {
    ...state,
    requests: id,
    request: { ...request, id },
    // Still asked for if this save is not of the person's latest text.
    saveAgain: state.saveAgain && !sameContent(request.content, state.session.mine),
    error: null,
    merged: null,
  };
}

function landSave(
  state: EditorFlowState,
  { request, saved }: { request: SaveRequest; saved: VersionedDocument },
): EditorFlowState {
  const { conflict } = state;
  const landed: EditorFlowState = {
    ...state,
    request: null,
    saveAgain: false,
    unanswered: [],
    session: {
      base: baseOf(saved),
      // Keep what was typed while the save was on its way.
      mine: sameContent(state.session.mine, request.content)
        ? { title: saved.doc.title, body: saved.doc.body }
        : state.session.mine,
    },
    // A saved resolution closes the dialog; saved edits make a set-aside conflict moot.
    conflict: request.purpose === 'resolution' || conflict?.setAside ? null : conflict,
    merged: request.merged ?? null,
    note: request.note ?? state.note,
  };
  // Save was pressed again while this one was on its way: send what was typed since.
  if (!state.saveAgain || !isDirty(landed.session) || isDialogOpen(landed)) return landed;
  const { mine, base } = landed.session;
  if (describeOverLimit(mine)) return landed;
  const next = sendSave(landed, { content: mine, etag: base.etag, purpose: 'edits' });
  return { ...next, merged: landed.merged };
}

function meetConflict(
  state: EditorFlowState,
  action: Extract<EditorFlowAction, { type: 'conflicted' }>,
): EditorFlowState {
  const { conflict, request } = action;
  const { theirs } = conflict;
  // Theirs is this very text: nothing to merge, the save has (in effect) landed.
  if (sameContent(request.content, theirs.doc)) return landSave(state, { request, saved: theirs });
  // Theirs is an earlier save of this person whose answer was lost, and it had landed: going on
  // from it is no merge (one would add the text it shares with mine twice). Send again onto it.
  if (state.unanswered.some((sent) => sameContent(sent, theirs.doc))) {
    const session = { ...state.session, base: baseOf(theirs) };
    return sendSave({ ...state, session, unanswered: [] }, { ...request, etag: theirs.etag });
  }
  const prepared = action.prepared && { etag: theirs.etag, state: action.prepared };
  const next = { ...state, request: null, saveAgain: false, prepared };
  // Save after Escape: the set-aside conflict again, where the person left it.
  if (state.conflict?.setAside)
    return { ...next, conflict: resumeConflict(state.conflict, conflict) };
  // Nothing to decide and nothing to review: save the merge, and say what it took in. (Not when
  // a resolution meets yet another save: the person is in the dialog, and sees it re-merge.)
  const merge =
    request.purpose !== 'resolution' && sameContent(state.session.mine, conflict.mine)
      ? mergeWithoutDialog(state.session, conflict, action.prepared)
      : undefined;
  if (merge) return sendSave({ ...next, session: merge.session }, merge.send);
  return { ...next, conflict };
}

function undoMerge(state: EditorFlowState): EditorFlowState {
  const { merged } = state;
  if (!merged) return state;
  if (merged.mode === 'draft') return { ...state, merged: null, session: merged.before };
  // A guarded save of my version over the merge: a save landed since still meets a conflict.
  const mine = merged.before.mine;
  return sendSave(
    { ...state, session: { ...state.session, mine } },
    {
      content: mine,
      etag: state.session.base.etag,
      purpose: 'edits',
      resolution: 'kept-mine',
      note: `Undid the merge: your version is saved. ${describeWhose(merged.who, 'start')} version stays in the history (version ${merged.version}).`,
    },
  );
}
