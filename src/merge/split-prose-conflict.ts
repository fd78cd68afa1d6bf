import { diffIds } from './diff-ids.ts';
import type { Hunk } from './diff-ids.ts';
import { internLines } from './intern-lines.ts';
import { startsProseUnit } from './prose-units.ts';
import { splitLines } from './split-lines.ts';
import type { MergeInput } from './types.ts';

/**
 * Cuts one line-level conflict into pieces at the boundaries of prose units (paragraphs,
 * headings, list items) that all three sides line up: a base line boundary where the diffs to
 * mine and to theirs both keep lines in step (unchanged lines, or a stretch rewritten line for
 * line), and where a unit starts on every side. Each piece is then merged at word level on its
 * own, so two list items both sides rewrote are two decisions. Joining the pieces gives the three
 * inputs back.
 *
 * @example
 * splitProseConflict({ base: '- a\n- b\n', mine: '- A\n- b\n', theirs: '- a!\n- B\n' });
 * // [{ base: '- a\n', mine: '- A\n', theirs: '- a!\n' }, { base: '- b\n', mine: '- b\n', theirs: '- B\n' }]
 */
export function splitProseConflict(input: MergeInput): MergeInput[] {
  const baseLines = splitLines(input.base);
  // A cut needs a unit to start inside the base: without one, spare the diffs (most conflicts
  // of a few lines, and every one of a document without blank lines, headings or lists).
  if (!hasInnerUnitStart(baseLines)) return [input];
  const lines = [baseLines, splitLines(input.mine), splitLines(input.theirs)];
  const [, mineLines, theirsLines] = lines as [string[], string[], string[]];
  const { ids, count } = internLines(lines);
  const toMine = mapBoundaries(baseLines.length, diffIds(ids[0]!, ids[1]!, count));
  const toTheirs = mapBoundaries(baseLines.length, diffIds(ids[0]!, ids[2]!, count));

  const pieces: MergeInput[] = [];
  let from = [0, 0, 0];
  const textOf = (side: string[], i: number, j: number): string => side.slice(i, j).join('');
  const cut = (to: number[]): void => {
    pieces.push({
      base: textOf(baseLines, from[0]!, to[0]!),
      mine: textOf(mineLines, from[1]!, to[1]!),
      theirs: textOf(theirsLines, from[2]!, to[2]!),
    });
    from = to;
  };
  for (let k = 1; k < baseLines.length; k++) {
    const m = toMine[k]!;
    const t = toTheirs[k]!;
    if (m < from[1]! || t < from[2]!) continue;
    if (startsUnitAt(baseLines, k) && startsUnitAt(mineLines, m) && startsUnitAt(theirsLines, t)) {
      cut([k, m, t]);
    }
  }
  cut([baseLines.length, mineLines.length, theirsLines.length]);
  return pieces;
}

/** Whether a unit starts at a line boundary strictly inside `lines` (where a cut may go). */
function hasInnerUnitStart(lines: string[]): boolean {
  for (let k = 1; k < lines.length; k++) if (startsProseUnit(lines[k]!, lines[k - 1])) return true;
  return false;
}

/** A unit starts at boundary `k` of `lines`; either end of the conflict counts as a start. */
function startsUnitAt(lines: string[], k: number): boolean {
  return k === 0 || k === lines.length || startsProseUnit(lines[k]!, lines[k - 1]);
}

/**
 * For each base line boundary, the side's boundary a diff keeps in step with it, or -1 inside a
 * stretch where the two sides have different numbers of lines.
 */
function mapBoundaries(baseLength: number, hunks: Hunk[]): Int32Array {
  const map = new Int32Array(baseLength + 1);
  let i = 0;
  let j = 0;
  for (let k = 0; k < hunks.length; k++) {
    const h = hunks[k]!;
    while (i < h.a) map[i++] = j++;
    map[h.a] = h.b;
    for (let k = 1; k < h.aLen; k++) map[h.a + k] = h.aLen === h.bLen ? h.b + k : -1;
    i = h.a + h.aLen;
    j = h.b + h.bLen;
  }
  while (i <= baseLength) map[i++] = j++;
  return map;
}
