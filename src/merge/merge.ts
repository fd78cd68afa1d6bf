import { internLines } from './intern-lines.ts';
import { mergeLineIds } from './merge-line-ids.ts';
import type { LinePiece } from './merge-line-ids.ts';
import { mergeWithinLines } from './merge-within-lines.ts';
import { startsProseUnit } from './prose-units.ts';
import { splitProseConflict } from './split-prose-conflict.ts';
import { splitLines } from './split-lines.ts';
import type { MergeInput, MergeOptions, MergeRegion, MergeResult } from './types.ts';

/**
 * Three-way merges `mine` and `theirs`, both edited from `base`. Changes of one side are taken,
 * identical changes of both sides are clean, and different changes to the same or touching lines
 * are conflicts — the same verdict and the same clean text as `git merge-file`. A conflict is a
 * result, not an error: check `clean`.
 *
 * With `granularity: 'word'` conflicts are never joined across a paragraph, heading or list item
 * (each is its own decision), each line conflict is merged again at word level, unit by unit (see
 * `mergeWithinLines`), and where both sides only inserted different whole lines at one point both
 * are kept, mine first; such regions are clean but `merged`, for a person to review.
 *
 * @example
 * const result = merge({ base: 'a\nb\n', mine: 'A\nb\n', theirs: 'a\nb\nc\n' });
 * if (result.clean) result.text; // 'A\nb\nc\n'
 */
export function merge(input: MergeInput, options: MergeOptions = {}): MergeResult {
  const baseLines = splitLines(input.base);
  const mineLines = splitLines(input.mine);
  const theirsLines = splitLines(input.theirs);
  const { ids, count } = internLines([baseLines, mineLines, theirsLines]);
  // Texts of line ranges are cut from the inputs: joining the lines again would copy the whole
  // document into new strings.
  const baseAt = findLineStarts(baseLines);
  const mineAt = findLineStarts(mineLines);
  const theirsAt = findLineStarts(theirsLines);
  const mineLine = (i: number): string => mineLines[i]!;
  const words = options.granularity === 'word';
  const pieces = mergeLineIds(
    ids[0]!,
    ids[1]!,
    ids[2]!,
    count,
    mineLine,
    options.conflictSize !== 'whole',
    // Prose: a paragraph, heading or list item is its own decision, however near the next one.
    words ? (begin, end) => separatesUnits(mineLine, mineAt.length - 1, begin, end) : undefined,
  );
  return summarize(collectRegions(pieces, input, baseAt, mineAt, theirsAt, words));
}

/**
 * The regions of the pieces, each cutting from the inputs only the texts it keeps. A loop of its
 * own, with nothing after it but the return (see mark-changes-like-git.ts).
 */
function collectRegions(
  pieces: LinePiece[],
  input: MergeInput,
  baseAt: Int32Array,
  mineAt: Int32Array,
  theirsAt: Int32Array,
  words: boolean,
): MergeRegion[] {
  // Characters still allowed through the word merge (see WORD_MERGE_CHARS).
  let wordBudget = WORD_MERGE_CHARS;
  const regions: MergeRegion[] = [];
  // Indexes, not for-of, here and in the loops around: until V8 has compiled a loop, each for-of
  // step allocates a result object (4 of the 20 MB a first merge of 40,000 lines allocated).
  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k]!;
    const base = cutLines(input.base, baseAt, p.b0, p.b1);
    switch (p.kind) {
      case 'unchanged':
        pushUnchanged(regions, base);
        break;
      case 'mine':
        regions.push({ kind: 'mine', text: cutLines(input.mine, mineAt, p.m0, p.m1), base });
        break;
      case 'theirs':
        regions.push({ kind: 'theirs', text: cutLines(input.theirs, theirsAt, p.t0, p.t1), base });
        break;
      case 'both':
        regions.push({ kind: 'both', text: cutLines(input.mine, mineAt, p.m0, p.m1), base });
        break;
      case 'conflict': {
        const mine = cutLines(input.mine, mineAt, p.m0, p.m1);
        const theirs = cutLines(input.theirs, theirsAt, p.t0, p.t1);
        const size = base.length + mine.length + theirs.length;
        if (!words || size > wordBudget) {
          regions.push({ kind: 'conflict', base, mine, theirs });
          break;
        }
        wordBudget -= size;
        const finer = mergeConflictFiner(base, mine, theirs, p.inserted);
        for (let r = 0; r < finer.length; r++) {
          const region = finer[r]!;
          if (region.kind === 'unchanged') pushUnchanged(regions, region.text);
          else regions.push(region);
        }
        break;
      }
    }
  }
  return regions;
}

/** Where each line starts in its text, and at the end the text's length. */
function findLineStarts(lines: string[]): Int32Array {
  const starts = new Int32Array(lines.length + 1);
  for (let i = 0; i < lines.length; i++) starts[i + 1] = starts[i]! + lines[i]!.length;
  return starts;
}

/** Lines `from` to `to` of `text`, whose lines start at `starts`. */
function cutLines(text: string, starts: Int32Array, from: number, to: number): string {
  return text.slice(starts[from], starts[to]);
}

/** Runs of unchanged text read as one region. */
function pushUnchanged(regions: MergeRegion[], text: string): void {
  const last = regions.length > 0 ? regions[regions.length - 1] : undefined;
  if (last?.kind === 'unchanged') last.text += text;
  else regions.push({ kind: 'unchanged', text });
}

/**
 * Characters (base, mine and theirs together) a merge refines at word level; conflicts beyond
 * stay line conflicts, as git would have them. Tokenizing costs about ten times what a line
 * merge of the same text does, so this bounds a word merge of a document of the server's size
 * limit (5 MiB) to a few times git's time (docs/decisions/0015-bounded-merge-cost.md), while any
 * real document's conflicts fit many times over.
 */
export const WORD_MERGE_CHARS = 3 * 1024 * 1024;

/** Whether a prose unit starts at any line boundary from `begin` to `end` of mine. */
function separatesUnits(
  line: (i: number) => string,
  lineCount: number,
  begin: number,
  end: number,
): boolean {
  for (let k = Math.max(begin, 1); k <= end && k < lineCount; k++) {
    if (startsProseUnit(line(k), line(k - 1))) return true;
  }
  return false;
}

function mergeConflictFiner(
  base: string,
  mine: string,
  theirs: string,
  inserted: boolean,
): MergeRegion[] {
  // Keeping both insertions must not glue mine's last line to theirs' first.
  if (inserted && base === '' && mine.endsWith('\n')) {
    return [{ kind: 'merged', text: mine + theirs, base, mine, theirs, reason: 'both-inserted' }];
  }
  return splitProseConflict({ base, mine, theirs }).flatMap((piece) =>
    mergeWithinLines(piece.base, piece.mine, piece.theirs),
  );
}

/** Counts the conflicts and, when there are none, joins the merged text. */
export function summarize(regions: MergeRegion[]): MergeResult {
  let conflicts = 0;
  let text = '';
  for (let k = 0; k < regions.length; k++) {
    const region = regions[k]!;
    if (region.kind === 'conflict') conflicts++;
    else text += region.text;
  }
  return conflicts === 0
    ? { clean: true, text, regions, conflicts: 0 }
    : { clean: false, regions, conflicts };
}
