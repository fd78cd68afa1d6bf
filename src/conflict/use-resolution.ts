'use client';

import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Granularity } from '../merge/types.ts';
import { findLeftoverMarkers, type LeftoverMarker } from './find-leftover-markers.ts';
import { defaultLabels, type ConflictLabels } from './labels.ts';
import { describeNewerTheirs } from './list-their-changes.ts';
import {
  countConflictsLeft,
  createResolution,
  findStatuses,
  resolveReducer,
  sameResolutionInput,
  type Choice,
  type ConflictStatus,
  type ResolutionAction,
  type ResolutionInput,
  type ResolutionState,
} from './resolution-state.ts';

/**
 * How far a resolution got: the merged result and title, and the choice made for each conflict
 * (by number − 1), so a dialog reopened on the same inputs shows them as chosen.
 */
export interface ResolutionProgress {
  title: string;
  body: string;
  choices?: ReadonlyArray<Choice | null> | undefined;
}

export interface UseResolutionOptions extends ResolutionInput {
  /** Who saved theirs: said when another save lands while resolving. */
  theirsAuthor?: string | undefined;
  /** Theirs' version number, if it has one. */
  theirsVersion?: number | undefined;
  /** `word` (default) also merges edits to different words of one line. */
  granularity?: Granularity | undefined;
  /** The texts of what is said when another save lands (`savedAgain`, `describeChange`). */
  labels?: Partial<ConflictLabels> | undefined;
  /** The merge of exactly these inputs, if already computed (e.g. in a worker): used as is. */
  resolution?: ResolutionState | undefined;
  /** Where an earlier resolution on the same inputs got to (e.g. before a reload): restored. */
  progress?: ResolutionProgress | undefined;
  /** Called with the merged result, title and choices after every change, to back them up. */
  onProgress?: ((progress: ResolutionProgress) => void) | undefined;
}

/** A resolution's state, what follows from it, and its one way to change: `dispatch`. */
export interface ResolutionController {
  state: ResolutionState;
  dispatch: (action: ResolutionAction) => void;
  /** What landed while the person was resolving ('' when nothing did), until the inputs change. */
  newer: string;
  /** Conflicts left to decide (a marker left in the text counts). */
  left: number;
  /** Each conflict's status, by number − 1. */
  statuses: ConflictStatus[];
  /** A marker left of a conflict whose block is no longer whole (its buttons are gone). */
  stray: LeftoverMarker | undefined;
}

/**
 * The conflict dialog's state without its view: a {@link ResolutionState} over the three inputs,
 * changed only through `dispatch` (the reducer), started afresh when a newer theirs arrives, and
 * reported through `onProgress` after every change. `ConflictDialog` renders one; a custom view
 * can too.
 *
 * @example
 * const resolution = useResolution({ base, mine, theirs });
 * resolution.dispatch({ type: 'choose', conflict: 1, choice: 'mine' });
 * <ConflictDialogView base={base} mine={mine} theirs={theirs} resolution={resolution} … />
 */
export function useResolution(props: UseResolutionOptions): ResolutionController {
  const labels = useMemo(() => ({ ...defaultLabels, ...props.labels }), [props.labels]);
  const { base, mine, theirs, titles } = props;
  const granularity = props.granularity ?? 'word';
  const author = props.theirsAuthor;
  const [inputs, setInputs] = useState({ base, mine, theirs, titles, author });
  const [state, setState] = useState<ResolutionState>(() =>
    resumeResolution(
      props.resolution ?? createResolution(inputs, { granularity, markers: labels.markers }),
      props.progress,
    ),
  );
  // What landed while the person was resolving, said until the inputs change again.
  const [newer, setNewer] = useState('');
  // A newer "theirs" (another save landed meanwhile) starts a new resolution from new inputs.
  const next = { base, mine, theirs, titles, author };
  if (!sameResolutionInput(inputs, next)) {
    const what = describeNewerTheirs(inputs, next, labels.describeChange);
    setNewer(
      what === null
        ? ''
        : labels.savedAgain(author, author === inputs.author, props.theirsVersion, what),
    );
    setInputs(next);
    setState(createResolution(next, { granularity, markers: labels.markers }));
  }
  const dispatch = useCallback(
    (action: ResolutionAction) => setState((s) => resolveReducer(s, action)),
    [],
  );

  const onProgress = useRef(props.onProgress);
  onProgress.current = props.onProgress;
  const reported = useRef(state);
  // A layout effect: the report (and the caller's state update it makes) happens within the
  // keystroke's own task, so the caller's backup runs before a reload could come. From a passive
  // effect, the caller's re-render was a later task, which a reload right after could beat.
  useLayoutEffect(() => {
    if (reported.current === state) return; // nothing new since it opened
    reported.current = state;
    onProgress.current?.({ title: state.title.value, body: state.text, choices: choicesOf(state) });
  }, [state]);

  // One scan of the merged result for marker lines, for the count and for the stray-marker note.
  const leftovers = useMemo(
    () => findLeftoverMarkers(state.text, state.conflicts),
    [state.text, state.conflicts],
  );
  const statuses = useMemo(() => findStatuses(state), [state]);
  return {
    state,
    dispatch,
    newer,
    left: countConflictsLeft(state, leftovers),
    statuses,
    stray: leftovers.find((m) => statuses[m.conflict - 1] !== 'unresolved'),
  };
}

/** Each conflict's choice as the text shows it (null: unresolved or edited by hand). */
function choicesOf(state: ResolutionState): Array<Choice | null> {
  return findStatuses(state).map((s) => (s === 'unresolved' || s === 'edited' ? null : s));
}

/** A fresh resolution brought to where an earlier one on the same inputs stood. */
function resumeResolution(
  state: ResolutionState,
  progress: ResolutionProgress | undefined,
): ResolutionState {
  if (!progress) return state;
  let resumed = state;
  // The choices first, so they show as made; then the text as it stood (typing included).
  progress.choices?.forEach((choice, i) => {
    if (choice && i < state.conflicts.length)
      resumed = resolveReducer(resumed, { type: 'choose', conflict: i + 1, choice });
  });
  resumed = resolveReducer(resumed, { type: 'edit', text: progress.body });
  if (progress.title !== resumed.title.value) {
    resumed = resolveReducer(resumed, { type: 'editTitle', value: progress.title });
  }
  return resumed;
}
