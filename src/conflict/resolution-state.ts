import { merge } from '../merge/index.ts';
import type { Granularity, MergeRegion } from '../merge/types.ts';
import {
  findLeftoverMarkers,
  findMarkerLikeLines,
  renderConflictBlock,
} from './find-leftover-markers.ts';

/** How one conflict was settled from its buttons. */
export type Choice = 'mine' | 'theirs' | 'both' | 'both-theirs-first' | 'base';

/** One conflict of the body, numbered from 1 as people count. */
export interface ConflictEntry {
  number: number;
  base: string;
  mine: string;
  theirs: string;
  /** Its conflict-marker block as it stands in `text` while unresolved (unique per conflict). */
  block: string;
  /** The block's marker lines, without line ends: none of them may reach the saved text. */
  markers: readonly string[];
}

/** A stretch both sides changed that a finer merge resolved: shown for review. */
export type ReviewEntry = Extract<MergeRegion, { kind: 'merged' }>;

export interface TitleResolution {
  base: string;
  mine: string;
  theirs: string;
  /** The title that will be saved. */
  value: string;
  /** False only while both sides changed the title differently and nobody picked yet. */
  resolved: boolean;
}

interface Snapshot {
  text: string;
  title: TitleResolution;
  choices: ReadonlyArray<Choice | null>;
}

/**
 * The headless state of a conflict resolution. `text` is the merged result as the person sees it
 * and is the single source of truth: an unresolved conflict is its marker block inside `text`, so
 * choosing a side and editing the result by hand are the same kind of change, and undo covers both.
 */
export interface ResolutionState extends Snapshot {
  conflicts: ReadonlyArray<ConflictEntry>;
  reviews: ReadonlyArray<ReviewEntry>;
  /** The text before any choice, for `reset`. */
  initial: Snapshot;
  past: ReadonlyArray<Snapshot>;
  future: ReadonlyArray<Snapshot>;
}

export type ResolutionAction =
  | { type: 'choose'; conflict: number; choice: Choice }
  | { type: 'chooseAll'; choice: 'mine' | 'theirs' }
  /** Settles every conflict where one choice loses nothing anyone wrote (see simpleChoice). */
  | { type: 'resolveSimple' }
  | { type: 'edit'; text: string }
  | { type: 'chooseTitle'; choice: 'mine' | 'theirs' }
  | { type: 'editTitle'; value: string }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'reset' };

export interface ResolutionInput {
  base: string;
  mine: string;
  theirs: string;
  /** Titles, when the document has one; resolved like a one-line body. */
  titles?: { base: string; mine: string; theirs: string };
}

/**
 * Merges the three versions and returns the state the dialog starts from: every change that does
 * not overlap already applied, every overlapping one a marker block in `text`.
 *
 * @example
 * const state = createResolution({ base: 'a\n', mine: 'b\n', theirs: 'c\n' });
 * const next = resolveReducer(state, { type: 'choose', conflict: 1, choice: 'mine' });
 * next.text; // 'b\n'
 */
export function createResolution(
  input: ResolutionInput,
  options: { granularity?: Granularity } = {},
): ResolutionState {
  const result = merge(input, { granularity: options.granularity ?? 'line' });
  const conflicts: ConflictEntry[] = [];
  const reviews: ReviewEntry[] = [];
  let text = '';
  // Marker lines the documents themselves hold: the engine's own must differ from them.
  const taken = findMarkerLikeLines([input.base, input.mine, input.theirs]);
  for (const region of result.regions) {
    if (region.kind === 'conflict') {
      const number = conflicts.length + 1;
      const { block, markers } = renderConflictBlock(region, number, taken);
      conflicts.push({
        number,
        base: region.base,
        mine: region.mine,
        theirs: region.theirs,
        block,
        markers,
      });
      text += block;
    } else {
      if (region.kind === 'merged') reviews.push(region);
      text += region.text;
    }
  }
  const title = resolveTitle(input.titles ?? { base: '', mine: '', theirs: '' });
  const initial: Snapshot = { text, title, choices: conflicts.map(() => null) };
  return { ...initial, conflicts, reviews, initial, past: [], future: [] };
}

/**
 * The resolution of the same base and mine against a newer theirs, keeping every choice that
 * still applies: a conflict whose own base and mine are unchanged keeps "mine"; one whose theirs
 * is also unchanged keeps whatever was chosen. A choice on text that changed is asked again, and
 * edits typed into the merged result are not carried over (their context changed).
 *
 * @example
 * const next = rebaseResolution(state, { ...input, theirs: newerTheirs });
 */
export function rebaseResolution(
  state: ResolutionState,
  input: ResolutionInput,
  options: { granularity?: Granularity } = {},
): ResolutionState {
  let next = createResolution(input, options);
  for (const entry of next.conflicts) {
    const old = state.conflicts.find((c) => c.base === entry.base && c.mine === entry.mine);
    const choice = old && state.choices[old.number - 1];
    if (!old || !choice) continue;
    const stillApplies = choice === 'mine' || choice === 'base' || old.theirs === entry.theirs;
    if (stillApplies)
      next = resolveReducer(next, { type: 'choose', conflict: entry.number, choice });
  }
  if (
    state.title.resolved &&
    !state.initial.title.resolved &&
    next.title.theirs === state.title.theirs
  ) {
    next = resolveReducer(next, { type: 'editTitle', value: state.title.value });
  }
  // The kept choices are the starting point, not steps to undo one by one.
  return { ...next, initial: snapshotOf(next), past: [], future: [] };
}

/** Whether two resolution inputs are the same three texts (and titles). */
export function sameResolutionInput(a: ResolutionInput, b: ResolutionInput): boolean {
  return (
    a.base === b.base &&
    a.mine === b.mine &&
    a.theirs === b.theirs &&
    a.titles?.base === b.titles?.base &&
    a.titles?.mine === b.titles?.mine &&
    a.titles?.theirs === b.titles?.theirs
  );
}

/** Applies one action; every action but undo and redo can be undone. */
export function resolveReducer(state: ResolutionState, action: ResolutionAction): ResolutionState {
  switch (action.type) {
    case 'undo': {
      const previous = state.past.at(-1);
      if (!previous) return state;
      return {
        ...state,
        ...previous,
        past: state.past.slice(0, -1),
        future: [snapshotOf(state), ...state.future],
      };
    }
    case 'redo': {
      const next = state.future[0];
      if (!next) return state;
      return {
        ...state,
        ...next,
        past: [...state.past, snapshotOf(state)],
        future: state.future.slice(1),
      };
    }
    case 'reset':
      return commit(state, state.initial);
    case 'choose': {
      const entry = state.conflicts[action.conflict - 1];
      if (!entry) throw new RangeError(`No conflict ${action.conflict}`);
      const at = state.text.indexOf(entry.block);
      if (at < 0) return state; // already settled (by a choice or by hand)
      const text =
        state.text.slice(0, at) +
        textOfChoice(entry, action.choice, state.text) +
        state.text.slice(at + entry.block.length);
      const choices = state.choices.map((c, i) => (i === action.conflict - 1 ? action.choice : c));
      return commit(state, { text, title: state.title, choices });
    }
    case 'chooseAll':
    case 'resolveSimple': {
      let { text } = state;
      const choices = state.choices.slice();
      for (const entry of state.conflicts) {
        const choice = action.type === 'chooseAll' ? action.choice : simpleChoice(entry);
        const at = choice ? text.indexOf(entry.block) : -1;
        if (!choice || at < 0) continue;
        text =
          text.slice(0, at) +
          textOfChoice(entry, choice, text) +
          text.slice(at + entry.block.length);
        choices[entry.number - 1] = choice;
      }
      const title =
        state.title.resolved || action.type === 'resolveSimple'
          ? state.title
          : { ...state.title, value: state.title[action.choice], resolved: true };
      if (text === state.text && title === state.title) return state;
      return commit(state, { text, title, choices });
    }
    case 'edit':
      if (action.text === state.text) return state;
      return commit(state, { text: action.text, title: state.title, choices: state.choices });
    case 'chooseTitle':
      return commit(state, {
        text: state.text,
        title: { ...state.title, value: state.title[action.choice], resolved: true },
        choices: state.choices,
      });
    case 'editTitle':
      return commit(state, {
        text: state.text,
        title: { ...state.title, value: action.value, resolved: true },
        choices: state.choices,
      });
  }
}

/**
 * The choice that settles a conflict without losing anything either side wrote, if there is one:
 * the two sides differ only in white space (keep mine), or one side only added text and the
 * other side's text contains all of it (keep the fuller side).
 *
 * @example simpleChoice({ base: 'a\n', mine: 'a b\n', theirs: 'a b c\n', ... }) // 'theirs'
 */
export function simpleChoice(
  entry: Pick<ConflictEntry, 'base' | 'mine' | 'theirs'>,
): Choice | null {
  // Compare without the final line break: 'b\n' is inside 'b plus\n' for this purpose.
  const [base, mine, theirs] = [entry.base, entry.mine, entry.theirs].map((t) =>
    t.replace(/\r?\n$/, ''),
  ) as [string, string, string];
  const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
  if (squash(mine) === squash(theirs)) return 'mine';
  if (mine.includes(base) && theirs.includes(mine)) return 'theirs';
  if (theirs.includes(base) && mine.includes(theirs)) return 'mine';
  return null;
}

/** Whether conflict `number` (from 1) still stands unresolved in the merged result. */
export function isUnresolved(state: ResolutionState, number: number): boolean {
  const entry = state.conflicts[number - 1];
  return entry !== undefined && state.text.includes(entry.block);
}

/**
 * The numbers of the conflicts still unresolved, found in one pass over the text: blocks stay in
 * document order whatever is chosen or typed around them, so each search starts where the last
 * one ended (a 20,000-line result with 200 conflicts is scanned once, not 200 times).
 */
export function findUnresolved(state: ResolutionState): Set<number> {
  const unresolved = new Set<number>();
  let from = 0;
  for (const entry of state.conflicts) {
    const at = state.text.indexOf(entry.block, from);
    if (at < 0) continue;
    unresolved.add(entry.number);
    from = at + entry.block.length;
  }
  return unresolved;
}

/**
 * How many conflicts are left: those with any of their marker lines still in the result (a block
 * a person edited inside, or only part of whose markers they deleted, is not resolved), plus an
 * unresolved title.
 */
export function countConflictsLeft(state: ResolutionState): number {
  const left = new Set(findLeftoverMarkers(state.text, state.conflicts).map((m) => m.conflict));
  return left.size + (state.title.resolved ? 0 : 1);
}

/** Whether undo / redo would do anything. */
export function canUndo(state: ResolutionState): boolean {
  return state.past.length > 0;
}
export function canRedo(state: ResolutionState): boolean {
  return state.future.length > 0;
}

function commit(state: ResolutionState, next: Snapshot): ResolutionState {
  return { ...state, ...next, past: [...state.past, snapshotOf(state)], future: [] };
}

function snapshotOf(state: ResolutionState): Snapshot {
  return { text: state.text, title: state.title, choices: state.choices };
}

function textOfChoice(entry: ConflictEntry, choice: Choice, whole: string): string {
  switch (choice) {
    case 'mine':
      return entry.mine;
    case 'theirs':
      return entry.theirs;
    case 'base':
      return entry.base;
    case 'both':
      return joinLines(entry.mine, entry.theirs, whole);
    case 'both-theirs-first':
      return joinLines(entry.theirs, entry.mine, whole);
  }
}

// Keeping both sides must not glue the last line of one to the first line of the other.
function joinLines(first: string, second: string, whole: string): string {
  if (first === '' || second === '' || first.endsWith('\n')) return first + second;
  return first + (whole.includes('\r\n') ? '\r\n' : '\n') + second;
}

function resolveTitle(titles: { base: string; mine: string; theirs: string }): TitleResolution {
  const { base, mine, theirs } = titles;
  if (mine === theirs || theirs === base) return { ...titles, value: mine, resolved: true };
  if (mine === base) return { ...titles, value: theirs, resolved: true };
  return { ...titles, value: mine, resolved: false };
}
