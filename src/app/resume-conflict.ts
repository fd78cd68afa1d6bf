import type { DraftResolution } from '../client/index.ts';
import {
  createResolution,
  findStatuses,
  rebaseResolution,
  resolveReducer,
  sameResolutionInput,
  type ResolutionState,
} from '../conflict/index.ts';
import { merge } from '../merge/index.ts';
import { granularity } from './editor-session.ts';
import { resolutionInput } from './prepare-resolution.ts';

type Progress = NonNullable<DraftResolution['progress']>;

/**
 * The conflict a Save reopens after the person set one aside with Escape or Cancel. On the same
 * three versions it is the set-aside one, choices and typing as they were. If a newer version
 * landed (or the draft changed) meanwhile, it is the new conflict with every choice that still
 * applies (`rebaseResolution`) and, when they merge cleanly, the words typed into the result.
 */
export function resumeConflict(setAside: DraftResolution, next: DraftResolution): DraftResolution {
  const before = resolutionInput(setAside.base, setAside.mine, setAside.theirs);
  const after = resolutionInput(next.base, next.mine, next.theirs);
  if (sameResolutionInput(before, after) && setAside.theirs.etag === next.theirs.etag) {
    return { ...next, progress: setAside.progress };
  }
  const { progress } = setAside;
  if (!progress) return next;
  const chosen = replayChoices(createResolution(before, { granularity }), progress);
  let typed = resolveReducer(chosen, { type: 'edit', text: progress.body });
  if (progress.title !== typed.title.value)
    typed = resolveReducer(typed, { type: 'editTitle', value: progress.title });
  let rebased = rebaseResolution(typed, after, { granularity });
  if (typed.text !== chosen.text) {
    // What was typed by hand, replayed onto the new result where it does not collide.
    const carried = merge(
      { base: chosen.text, mine: typed.text, theirs: rebased.text },
      { granularity },
    );
    if (carried.clean) rebased = resolveReducer(rebased, { type: 'edit', text: carried.text });
  }
  return {
    ...next,
    progress: {
      title: rebased.title.value,
      body: rebased.text,
      choices: findStatuses(rebased).map((s) => (s === 'unresolved' || s === 'edited' ? null : s)),
    },
  };
}

function replayChoices(state: ResolutionState, progress: Progress): ResolutionState {
  let next = state;
  progress.choices?.forEach((choice, i) => {
    if (choice && i < state.conflicts.length)
      next = resolveReducer(next, { type: 'choose', conflict: i + 1, choice });
  });
  return next;
}
