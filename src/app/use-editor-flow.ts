import { useEffect, useReducer, useRef } from 'react';
import {
  ApiError,
  conflictProblemOf,
  documentDeletedProblemOf,
  titleTakenProblemOf,
  useSaveDocument,
  type Draft,
  type VersionedDocument,
} from '../client/index.ts';
import type { Resolution, ResolutionProgress } from '../conflict/index.ts';
import type { DocumentInput } from '../protocol/index.ts';
import { describeError, describeSaveError } from './describe-error.ts';
import { granularity } from './editor-session.ts';
import {
  initEditorFlow,
  isNewerWaiting,
  reduceEditorFlow,
  type EditorFlowAction,
  type EditorFlowState,
  type SaveRequest,
} from './editor-flow.ts';
import {
  prepareResolution,
  resolutionInput,
  takePreparedResolution,
} from './prepare-resolution.ts';
import { useClosedTabDraft } from './use-closed-tab-draft.ts';
import { typedIntoResult } from './typed-into-result.ts';
import { useDraftBackup } from './use-draft-backup.ts';

/**
 * Connects the editor's flow (editor-flow.ts) to the world: sends the saves it asks for and
 * reports their answers, follows the loaded document, backs the draft up, offers a closed tab's
 * draft, and prepares the merge with a newer version in a worker.
 */
export function useEditorFlow(
  id: string,
  loaded: VersionedDocument,
  deletedElsewhere: boolean,
  restored: Draft | undefined,
  /** A viewer's editor: Ctrl/Cmd+S saves nothing (the server would refuse it). */
  readOnly = false,
) {
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;
  const [state, dispatch] = useReducer(reduceEditorFlow, undefined, () =>
    initEditorFlow(loaded, restored),
  );
  const stateRef = useRef(state);
  stateRef.current = state;
  const deleted = deletedElsewhere || state.deletedOnSave;

  const { backupFailed, writer } = useDraftBackup(id, state.session, state.conflict);
  // A tab that was closed may have left unsaved edits of this document: offer them back.
  const closedTabs = useClosedTabDraft(id, !restored);

  useEffect(() => dispatch({ type: 'loaded', loaded }), [loaded]);

  const save = useSaveDocument(id);
  const mutate = save.mutate;
  // The newest version the events brought: a save refused for it need not carry it back.
  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;
  const sent = useRef(0);
  const { request } = state;
  useEffect(() => {
    if (!request || sent.current >= request.id) return;
    sent.current = request.id;
    mutate(
      {
        ...request.content,
        etag: request.etag,
        resolution: request.resolution,
        knownCurrent: loadedRef.current,
      },
      {
        onSuccess: (saved) => dispatch({ type: 'saved', request, saved }),
        onError: (saveError) => reportSaveError(request, saveError, stateRef.current, dispatch),
      },
    );
  }, [request, mutate]);

  const requestSave = () => dispatch({ type: 'saveRequested' });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (!readOnlyRef.current) dispatch({ type: 'saveRequested' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const newer = isNewerWaiting(state, loaded, deleted);
  // While a newer version waits, merge it with the draft in a worker (after a pause in typing),
  // so that a save refused for it opens the dialog at once.
  const { session } = state;
  useEffect(() => {
    if (!newer) return;
    const timer = setTimeout(
      () => prepareResolution(resolutionInput(session.base, session.mine, loaded), granularity),
      200,
    );
    return () => clearTimeout(timer);
  }, [newer, session, loaded]);

  /**
   * Dispatches an edit or a report of the dialog's progress, backed up first: before the render
   * it causes, so that if that render throws, the error page's promise that the edits are kept
   * holds for this keystroke too.
   */
  const dispatchBackedUp = (action: EditorFlowAction) => {
    const next = reduceEditorFlow(stateRef.current, action);
    writer.offer(next.session, next.conflict);
    dispatch(action);
  };

  return {
    state,
    restored,
    deleted,
    newer,
    backupFailed,
    closedTabs,
    save: { isPending: save.isPending, isPaused: save.isPaused },
    requestSave,
    edit: (change: Partial<DocumentInput>) => dispatchBackedUp({ type: 'edited', change }),
    resolve: (resolution: Resolution) => dispatch({ type: 'resolved', resolution }),
    cancel: () => dispatch({ type: 'cancelled' }),
    progress: (progress: ResolutionProgress) => dispatchBackedUp({ type: 'progressed', progress }),
    /**
     * The dialog's merged result typed into, from the keystroke's change handler: backed up
     * before the dialog's render (which reports the progress only after it), so a render that
     * throws cannot take this keystroke with it. The report after the render writes it exactly.
     */
    resultTyped: (body: string) => {
      const { session, conflict } = stateRef.current;
      if (conflict) writer.offer(session, typedIntoResult(conflict, body));
    },
    mergeNewer: () => dispatch({ type: 'mergeNewerRequested', loaded }),
    undoMerge: () => dispatch({ type: 'mergeUndone' }),
    restoreDiscarded: () => dispatch({ type: 'restoredDiscarded' }),
    restoreClosedTab: () => {
      const found = closedTabs.found;
      if (!found) return;
      closedTabs.forget();
      dispatch({ type: 'restoredClosedTab', draft: found.draft });
    },
    fail: (error: unknown) => dispatch({ type: 'failed', message: describeError(error) }),
  };
}

/** Turns a refused save into the flow's action: gone, a conflict to merge, or an error. */
function reportSaveError(
  request: SaveRequest,
  error: unknown,
  now: EditorFlowState,
  dispatch: (action: EditorFlowAction) => void,
): void {
  // In the trash (409 document-deleted) or gone for good (404): the editor offers ways out.
  const gone = request.purpose === 'edits' && error instanceof ApiError && error.status === 404;
  if (gone || documentDeletedProblemOf(error)) {
    dispatch({ type: 'deletedOnSave', request });
    return;
  }
  const taken = titleTakenProblemOf(error);
  if (taken) {
    dispatch({ type: 'titleTaken', request, existing: taken.existing });
    return;
  }
  // The client's save completes every lost update (a bare 412, a minimal 409) with the
  // current version, so a conflict always carries theirs.
  const problem = conflictProblemOf(error);
  if (!problem) {
    dispatch({ type: 'failed', message: describeSaveError(error), request });
    return;
  }
  const theirs = { doc: problem.current, etag: problem.current_etag };
  // Edits merge from where the session stands now (what was typed since included); a resolution
  // that met yet another save merges onto the newer version with the previous theirs as base.
  const { base, mine } =
    request.purpose === 'edits'
      ? { base: now.session.base, mine: now.session.mine }
      : { base: now.session.base, mine: request.content };
  const baseContent = { title: base.title, body: base.body };
  void (async () => {
    // Usually the newer version was known before the save: its merge may be ready already.
    const prepared = await takePreparedResolution(
      resolutionInput(baseContent, mine, theirs),
      granularity,
    );
    dispatch({
      type: 'conflicted',
      request,
      conflict: { base: baseContent, mine, theirs, mode: 'save' },
      prepared,
    });
  })().catch((e: unknown) => dispatch({ type: 'failed', message: describeSaveError(e), request }));
}
