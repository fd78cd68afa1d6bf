import { measureCommonEnds } from '../merge/index.ts';

/** The lines a change touched, before and after it, to show what someone else changed. */
export interface ChangedPassage {
  before: string;
  after: string;
  /** Whether lines were left out of a long change (only its start is shown). */
  shortened: boolean;
}

// A notice shows a glimpse of the change, not a second copy of the document.
const maxPassageChars = 400;

/**
 * The whole lines around everything that differs between two texts (from the first difference
 * to the last), or `undefined` when they are the same. A long passage keeps its first lines.
 *
 * @example findChangedPassage('a\nb\nc\n', 'a\nB!\nc\n') // { before: 'b', after: 'B!', shortened: false }
 */
export function findChangedPassage(before: string, after: string): ChangedPassage | undefined {
  if (before === after) return undefined;
  const { prefix, suffix } = measureCommonEnds(before, after);
  // Widen the change to whole lines in both texts (their common ends are the same text).
  const start = before.lastIndexOf('\n', prefix - 1) + 1;
  const endInBefore = lineEnd(before, before.length - suffix);
  const endInAfter = after.length - (before.length - endInBefore);
  const passage = {
    before: before.slice(start, endInBefore),
    after: after.slice(start, endInAfter),
  };
  const shortened = Math.max(passage.before.length, passage.after.length) > maxPassageChars;
  return {
    before: shorten(passage.before),
    after: shorten(passage.after),
    shortened,
  };
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

function shorten(text: string): string {
  if (text.length <= maxPassageChars) return text;
  const cut = text.lastIndexOf('\n', maxPassageChars);
  return text.slice(0, cut > 0 ? cut : maxPassageChars);
}
