import DiffMatchPatch from 'diff-match-patch';
import { measureCommonEnds } from '../merge/index.ts';

/** A selection in a text box, as `selectionStart`/`selectionEnd` give it (a caret: start = end). */
export interface TextSelection {
  start: number;
  end: number;
}

// A live update must not stall typing: past this, diff-match-patch returns a coarser diff.
const diffTimeoutSeconds = 0.1;

/**
 * Where a selection in `before` lands in `after`, so that a caret stays between the same
 * characters when someone else's change replaces the text: text inserted or removed before it
 * shifts it, text inserted at it goes before it, a removed selected passage shrinks it.
 *
 * @example mapSelection('The cat', 'The big cat', { start: 5, end: 7 }) // { start: 9, end: 11 }
 */
export function mapSelection(
  before: string,
  after: string,
  selection: TextSelection,
): TextSelection {
  if (before === after) return selection;
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = diffTimeoutSeconds;
  const diffs = dmp.diff_main(before, after);
  const start = dmp.diff_xIndex(diffs, selection.start);
  // An empty selection stays a caret even when an insertion lands right at it.
  const end = selection.end === selection.start ? start : dmp.diff_xIndex(diffs, selection.end);
  return {
    start: Math.min(start, after.length),
    end: Math.min(Math.max(start, end), after.length),
  };
}

/**
 * Whether every difference between `before` and `after` lies before `position` of `before`: then
 * the text above the caret grew or shrank, and the view should move with it to keep the caret's
 * line where it was on screen.
 */
export function isChangeBefore(before: string, after: string, position: number): boolean {
  const { prefix, suffix } = measureCommonEnds(before, after);
  return before !== after && before.length - suffix <= position && prefix <= position;
}
