import { merge } from '../merge/index.ts';
import type { Granularity, MergeRegion } from '../merge/types.ts';
import {
  findLeftoverMarkers,
  findMarkerLikeLines,
  renderConflictBlock,
  type LeftoverMarker,
} from './find-leftover-markers.ts';
import { defaultMarkerLabels, type MarkerLabels } from '../protocol/engine-markers.ts';
import { findChanges, mapRanges, type TextRange } from './map-ranges.ts';

/** How one conflict was settled from its buttons. */
export type Choice = 'mine' | 'theirs' | 'both' | 'both-theirs-first' | 'base';

/**
 * Where a conflict stands, read from its range of the merged result: still its marker block, the
 * text of one choice, or anything else ("edited" by hand — VS Code's "unrecognized").
 */
export type ConflictStatus = Choice | 'unresolved' | 'edited';

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
  /** Conflict N's place in `text` (index N - 1), mapped through every choice and edit. */
  ranges: ReadonlyArray<TextRange>;
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
  titles?: { base: string; mine: string; theirs: string } | undefined;
}

/** How a resolution is made: the merge's granularity and the marker lines' labels. */
export interface ResolutionOptions {
  /** `line` (default) or `word`. */
  granularity?: Granularity | undefined;
  /** The labels of the marker lines around each conflict (default: the English ones). */
  markers?: MarkerLabels | undefined;
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
  options: ResolutionOptions = {},
): ResolutionState {
  const markerLabels = options.markers ?? defaultMarkerLabels;
  const result = merge(input, { granularity: options.granularity ?? 'line' });
  const conflicts: ConflictEntry[] = [];
  const reviews: ReviewEntry[] = [];
  const ranges: TextRange[] = [];
  let text = '';
  // Marker lines the documents themselves hold: the engine's own must differ from them.
  const taken = findMarkerLikeLines([input.base, input.mine, input.theirs]);
  for (const region of result.regions) {
    if (region.kind === 'conflict') {
      const number = conflicts.length + 1;
      const { block, markers } = renderConflictBlock(region, number, taken, markerLabels);
      conflicts.push({
        number,
        base: region.base,
        mine: region.mine,
        theirs: region.theirs,
        block,
        markers,
      });
      ranges.push([text.length, text.length + block.length]);
      text += block;
    } else {
      if (region.kind === 'merged') reviews.push(region);
      text += region.text;
    }
  }
  const title = resolveTitle(input.titles ?? { base: '', mine: '', theirs: '' });
  const initial: Snapshot = { text, title, ranges };
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
  options: ResolutionOptions = {},
): ResolutionState {
  let next = createResolution(input, options);
  const statuses = findStatuses(state);
  for (const entry of next.conflicts) {
    const old = state.conflicts.find((c) => c.base === entry.base && c.mine === entry.mine);
    const choice = old && statuses[old.number - 1];
    if (!choice || choice === 'unresolved' || choice === 'edited') continue;
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
      // Any conflict, resolved or not, edited or not, takes a new choice in its place.
      const entry = state.conflicts[action.conflict - 1];
      if (!entry) throw new RangeError(`No conflict ${action.conflict}`);
      return commit(state, applyChoice(state, entry, action.choice));
    }
    case 'chooseAll':
    case 'resolveSimple': {
      // Only conflicts still open: a choice made or a text typed is not overridden in bulk.
      const statuses = findStatuses(state);
      let next: Snapshot = state;
      for (const entry of state.conflicts) {
        const choice = action.type === 'chooseAll' ? action.choice : simpleChoice(entry);
        if (choice && statuses[entry.number - 1] === 'unresolved')
          next = applyChoice(next, entry, choice);
      }
      const title =
        state.title.resolved || action.type === 'resolveSimple'
          ? state.title
          : { ...state.title, value: state.title[action.choice], resolved: true };
      if (next === state && title === state.title) return state;
      return commit(state, { ...next, title });
    }
    case 'edit':
      if (action.text === state.text) return state;
      return commit(state, {
        text: action.text,
        title: state.title,
        ranges: mapRanges(state.ranges, findChanges(state.text, action.text)),
      });
    case 'chooseTitle':
    case 'editTitle':
      return commit(state, {
        ...state,
        title: {
          ...state.title,
          value: action.type === 'editTitle' ? action.value : state.title[action.choice],
          resolved: true,
        },
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
  // One side only changed white space: the other side's words are the change to keep.
  if (squash(mine) === squash(base)) return 'theirs';
  if (squash(theirs) === squash(base)) return 'mine';
  if (mine.includes(base) && theirs.includes(mine)) return 'theirs';
  if (theirs.includes(base) && mine.includes(theirs)) return 'mine';
  return null;
}

const recognised: Choice[] = ['mine', 'theirs', 'both', 'both-theirs-first', 'base'];

/**
 * Every conflict's status (index N - 1 for conflict N), read from the text in its range: its
 * marker block, the text one of the choices gives, or else "edited". Reading it from the text
 * (not from the last button pressed) keeps decision 4: undo, a hand edit that happens to restore
 * a side, and a reload all agree with what the person sees.
 *
 * @example findStatuses(resolveReducer(state, { type: 'choose', conflict: 1, choice: 'mine' }))[0]; // 'mine'
 */
export function findStatuses(state: ResolutionState): ConflictStatus[] {
  const crlf = state.text.includes('\r\n');
  return state.conflicts.map((entry, i) => {
    const text = state.text.slice(...state.ranges[i]!);
    if (text === entry.block) return 'unresolved';
    return recognised.find((choice) => textOfChoice(entry, choice, crlf) === text) ?? 'edited';
  });
}

/** Whether conflict `number` (from 1) still stands unresolved in the merged result. */
export function isUnresolved(state: ResolutionState, number: number): boolean {
  return findStatuses(state)[number - 1] === 'unresolved';
}

/** The numbers of the conflicts still unresolved. */
export function findUnresolved(state: ResolutionState): Set<number> {
  return new Set(
    findStatuses(state).flatMap((status, i) => (status === 'unresolved' ? [i + 1] : [])),
  );
}

/**
 * How many conflicts are left: those with any of their marker lines still in the result (a block
 * a person edited inside, or only part of whose markers they deleted, is not resolved), plus an
 * unresolved title. `leftovers` is the result's {@link findLeftoverMarkers}, if already found.
 *
 * @example countConflictsLeft(state); // 2
 */
export function countConflictsLeft(
  state: ResolutionState,
  leftovers: ReadonlyArray<LeftoverMarker> = findLeftoverMarkers(state.text, state.conflicts),
): number {
  const left = new Set(leftovers.map((m) => m.conflict));
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
  return { text: state.text, title: state.title, ranges: state.ranges };
}

/** `snapshot` with `choice`'s text in conflict `entry`'s range; later ranges move with it. */
function applyChoice(snapshot: Snapshot, entry: ConflictEntry, choice: Choice): Snapshot {
  const { text, ranges } = snapshot;
  const [start, end] = ranges[entry.number - 1]!;
  const chosen = textOfChoice(entry, choice, text.includes('\r\n'));
  const delta = chosen.length - (end - start);
  return {
    ...snapshot,
    text: text.slice(0, start) + chosen + text.slice(end),
    // Ranges are in order and never overlap: earlier ones end by `start`, later ones begin
    // at `end` or after.
    ranges: ranges.map((range, i) =>
      i < entry.number - 1
        ? range
        : i === entry.number - 1
          ? [start, start + chosen.length]
          : [range[0] + delta, range[1] + delta],
    ),
  };
}

function textOfChoice(entry: ConflictEntry, choice: Choice, crlf: boolean): string {
  switch (choice) {
    case 'mine':
      return entry.mine;
    case 'theirs':
      return entry.theirs;
    case 'base':
      return entry.base;
    case 'both':
      return joinLines(entry.mine, entry.theirs, crlf);
    case 'both-theirs-first':
      return joinLines(entry.theirs, entry.mine, crlf);
  }
}

// Keeping both sides must not glue the last line of one to the first line of the other.
function joinLines(first: string, second: string, crlf: boolean): string {
  if (first === '' || second === '' || first.endsWith('\n')) return first + second;
  return first + (crlf ? '\r\n' : '\n') + second;
}

function resolveTitle(titles: { base: string; mine: string; theirs: string }): TitleResolution {
  const { base, mine, theirs } = titles;
  if (mine === theirs || theirs === base) return { ...titles, value: mine, resolved: true };
  if (mine === base) return { ...titles, value: theirs, resolved: true };
  return { ...titles, value: mine, resolved: false };
}
