import { diffWords, measureCommonEnds } from '../merge/index.ts';

/** Where a conflict's text stands in the merged result: `[start, end)`, in UTF-16 offsets. */
export type TextRange = readonly [start: number, end: number];

/** One replacement in a text: `[from, to)` of the old text became `length` new characters. */
export type TextChange = readonly [from: number, to: number, length: number];

/**
 * The changes that turn `before` into `after`, in order. The common start and end are cut off
 * first, so a keystroke in a 20,000-line result costs one scan; only the stretch in between is
 * diffed word by word (which matters when a whole edited result comes back, e.g. after a reload).
 *
 * @example findChanges('a b c', 'a x c'); // [[2, 3, 1]]
 */
export function findChanges(before: string, after: string): TextChange[] {
  const { prefix: start, suffix: end } = measureCommonEnds(before, after);
  const changes: TextChange[] = [];
  let at = start;
  let change: [number, number, number] | null = null;
  for (const { kind, text } of diffWords(
    before.slice(start, before.length - end),
    after.slice(start, after.length - end),
  )) {
    if (kind === 'same') {
      at += text.length;
      change = null;
      continue;
    }
    if (!change) changes.push((change = [at, at, 0]));
    if (kind === 'removed') at = change[1] += text.length;
    else change[2] += text.length;
  }
  return changes;
}

/**
 * The ranges, in document order and never overlapping, as they stand after `changes`. A range
 * an edit touches takes in what was typed there (the conflict is then "edited"); an insertion at
 * a range's very start or end stays outside it, so a note typed next to a resolved conflict
 * survives changing that conflict's choice. Where one edit spans several ranges, the first takes
 * in the new text and the others shrink to nothing after it.
 *
 * @example mapRanges([[2, 5]], [[0, 0, 3]]); // [[5, 8]]
 */
export function mapRanges(
  ranges: ReadonlyArray<TextRange>,
  changes: ReadonlyArray<TextChange>,
): TextRange[] {
  let mapped = ranges.slice();
  // From the last change back: each change's offsets are still those of the old text.
  for (let i = changes.length - 1; i >= 0; i--) {
    const [from, to, length] = changes[i]!;
    const delta = length - (to - from);
    let previousEnd = 0;
    mapped = mapped.map(([start, end]) => {
      if (end <= from) {
        // wholly before the change: unmoved
      } else if (start >= to) {
        start += delta;
        end += delta;
      } else {
        start = Math.min(start, from);
        end = Math.max(end + delta, from + length);
      }
      start = Math.max(start, previousEnd);
      previousEnd = end = Math.max(end, start);
      return [start, end] as const;
    });
  }
  return mapped;
}
