import type { Draft, DraftResolution, VersionedDocument } from '../client/index.ts';
import {
  countConflictsLeft,
  createResolution,
  type Resolution,
  type ResolutionState,
} from '../conflict/index.ts';
import type { DocumentInput } from '../protocol/index.ts';
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
import { formatWhen } from './format-when.ts';
import type { TakenTitle } from './title-taken.ts';

/** Prose merges best by words: edits to different sentences of one paragraph both stay. */
export const granularity = 'word';

/**
 * A save the flow wants sent: the hook sends it and answers with `saved`, `conflicted`,
 * `failed` or `deletedOnSave`. `purpose` says whose text it is: the session's own edits, or a
 * resolved conflict's result (saved against theirs, with the dialog still open until it lands).
 */
export interface SaveRequest {
  id: number;
  content: DocumentInput;
  etag: string;
  purpose: 'edits' | 'resolution';
}

/** A merge prepared in a worker, for the conflict whose theirs has this ETag. */
export interface PreparedMerge {
  etag: string;
  state: ResolutionState;
}

/**
 * Everything the editor decides about one open document. `conflict` is the open dialog's inputs
 * and progress (`mode` `save` after a refused save, `draft` when a newer version is merged into
 * the draft without saving); `request` is the save on its way, if any.
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
  /** A save answered 404: the document is gone (the events may not have said so yet). */
  deletedOnSave: boolean;
  /** The document that had the title when a save was refused for it (shown at the field). */
  titleTaken: TakenTitle | undefined;
  /** The last version followed with nothing unsaved: what it changed, for its notice. */
  liveUpdate: LiveUpdate | undefined;
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
  | { type: 'progressed'; progress: DocumentInput }
  | { type: 'loaded'; loaded: VersionedDocument }
  | { type: 'mergeNewerRequested'; loaded: VersionedDocument }
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
    deletedOnSave: false,
    titleTaken: undefined,
    liveUpdate: undefined,
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
    case 'edited':
      return { ...state, session: edit(state.session, action.change) };
    case 'saveRequested': {
      // One save at a time, and none while the dialog decides what to save.
      if (state.request || state.conflict) return state;
      const { mine, base } = state.session;
      // The server would refuse it: say at once, in words, how much to cut.
      const overLimit = describeOverLimit(mine);
      if (overLimit) return { ...state, error: overLimit, note: null };
      return {
        ...send(state, mine, base.etag, 'edits'),
        note: null,
      };
    }
    case 'saved': {
      if (state.request?.id !== action.request.id) return state;
      const { saved, request } = action;
      return {
        ...state,
        request: null,
        session: {
          base: baseOf(saved),
          // Keep what was typed while the save was on its way.
          mine: sameContent(state.session.mine, request.content)
            ? { title: saved.doc.title, body: saved.doc.body }
            : state.session.mine,
        },
        conflict: request.purpose === 'resolution' ? null : state.conflict,
      };
    }
    case 'conflicted':
      if (state.request?.id !== action.request.id) return state;
      return {
        ...state,
        request: null,
        conflict: action.conflict,
        prepared: action.prepared && { etag: action.conflict.theirs.etag, state: action.prepared },
      };
    case 'failed':
      if (!action.request) return { ...state, error: action.message };
      if (state.request?.id !== action.request.id) return state;
      return { ...state, request: null, error: action.message };
    case 'deletedOnSave':
      if (state.request?.id !== action.request.id) return state;
      return { ...state, request: null, deletedOnSave: true };
    case 'titleTaken':
      if (state.request?.id !== action.request.id) return state;
      // A resolution is in the editor already: the title is the person's to change there.
      return { ...state, request: null, conflict: null, titleTaken: action.existing };
    case 'resolved':
      return resolve(state, action.resolution);
    case 'cancelled':
      return { ...state, conflict: null };
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
    case 'mergeNewerRequested':
      return mergeNewer(state, action.loaded);
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
      const { discarded } = state.session;
      if (!discarded) return state;
      return { ...state, session: { base: discarded.base, mine: discarded.mine } };
    }
  }
}

/** Whether a newer version than the draft's base waits to be merged (the notice shows). */
export function isNewerWaiting(
  state: EditorFlowState,
  loaded: VersionedDocument,
  deleted: boolean,
): boolean {
  return (
    !deleted &&
    !state.conflict &&
    isDirty(state.session) &&
    loaded.doc.version > state.session.base.version
  );
}

function edit(session: EditorSession, change: Partial<DocumentInput>): EditorSession {
  return { ...session, mine: { ...session.mine, ...change } };
}

function send(
  state: EditorFlowState,
  content: DocumentInput,
  etag: string,
  purpose: SaveRequest['purpose'],
): EditorFlowState {
  const id = state.requests + 1;
  return { ...state, requests: id, request: { id, content, etag, purpose }, error: null };
}

function resolve(state: EditorFlowState, resolution: Resolution): EditorFlowState {
  const { conflict } = state;
  if (!conflict) return state;
  const { theirs } = conflict;
  if (resolution.how === 'theirs') {
    // Their version is already saved; mine stays recoverable until the next save.
    const dropped = state.session;
    return {
      ...state,
      conflict: null,
      session: { ...cleanSession(theirs), discarded: { base: dropped.base, mine: dropped.mine } },
    };
  }
  const content = { title: resolution.title, body: resolution.body };
  // The resolution is the person's work now: it starts from their version.
  const session = { base: baseOf(theirs), mine: content };
  if (conflict.mode === 'draft') {
    // Only the draft changes, so the next save is clean.
    return { ...state, session, conflict: null };
  }
  // The dialog stays open (busy) until the save lands or meets yet another version.
  return send({ ...state, session }, content, theirs.etag, 'resolution');
}

function mergeNewer(state: EditorFlowState, loaded: VersionedDocument): EditorFlowState {
  const now = state.session;
  const resolution = createResolution(
    {
      base: now.base.body,
      mine: now.mine.body,
      theirs: loaded.doc.body,
      titles: { base: now.base.title, mine: now.mine.title, theirs: loaded.doc.title },
    },
    { granularity },
  );
  if (countConflictsLeft(resolution) === 0) {
    const who = loaded.doc.updated_by || 'someone else';
    return {
      ...state,
      session: {
        base: baseOf(loaded),
        mine: { title: resolution.title.value, body: resolution.text },
      },
      note: `Merged the changes ${who} saved (version ${loaded.doc.version}) into your draft.`,
    };
  }
  return {
    ...state,
    conflict: { base: now.base, mine: now.mine, theirs: loaded, mode: 'draft' },
  };
}
