import { internLines } from './intern-lines.ts';
import { mergeLineIds } from './merge-line-ids.ts';
import { mergeWithinLines } from './merge-within-lines.ts';
import { splitLines } from './split-lines.ts';
import type { MergeInput, MergeOptions, MergeRegion, MergeResult } from './types.ts';

/**
 * Three-way merges `mine` and `theirs`, both edited from `base`. Changes of one side are taken,
 * identical changes of both sides are clean, and different changes to the same or touching lines
 * are conflicts — the same verdict and the same clean text as `git merge-file`. A conflict is a
 * result, not an error: check `clean`.
 *
 * With `granularity: 'word'` each line conflict is merged again at word level (see
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
  const pieces = mergeLineIds(
    ids[0]!,
    ids[1]!,
    ids[2]!,
    count,
    (i) => mineLines[i]!,
    options.conflictSize !== 'whole',
  );

  const regions: MergeRegion[] = [];
  // Texts of line ranges are cut from the inputs: joining the lines again would copy the
  // whole document into new strings.
  const baseAt = findLineStarts(baseLines);
  const mineAt = findLineStarts(mineLines);
  const theirsAt = findLineStarts(theirsLines);
  for (const p of pieces) {
    const base = input.base.slice(baseAt[p.b0], baseAt[p.b1]);
    const mine = input.mine.slice(mineAt[p.m0], mineAt[p.m1]);
    const theirs = input.theirs.slice(theirsAt[p.t0], theirsAt[p.t1]);
    const last = regions.at(-1);
    switch (p.kind) {
      case 'unchanged':
        // Runs of unchanged pieces read as one region.
        if (last?.kind === 'unchanged') last.text += base;
        else regions.push({ kind: 'unchanged', text: base });
        break;
      case 'mine':
        regions.push({ kind: 'mine', text: mine, base });
        break;
      case 'theirs':
        regions.push({ kind: 'theirs', text: theirs, base });
        break;
      case 'both':
        regions.push({ kind: 'both', text: mine, base });
        break;
      case 'conflict':
        regions.push(
          options.granularity === 'word'
            ? mergeConflictFiner(base, mine, theirs, p.inserted === true)
            : { kind: 'conflict', base, mine, theirs },
        );
        break;
    }
  }
  return summarize(regions);
}

/** Where each line starts in its text, and at the end the text's length. */
function findLineStarts(lines: string[]): Float64Array {
  const starts = new Float64Array(lines.length + 1);
  for (let i = 0; i < lines.length; i++) starts[i + 1] = starts[i]! + lines[i]!.length;
  return starts;
}

function mergeConflictFiner(
  base: string,
  mine: string,
  theirs: string,
  inserted: boolean,
): MergeRegion {
  // Keeping both insertions must not glue mine's last line to theirs' first.
  if (inserted && base === '' && mine.endsWith('\n')) {
    return { kind: 'merged', text: mine + theirs, base, mine, theirs, reason: 'both-inserted' };
  }
  const text = mergeWithinLines(base, mine, theirs);
  if (text === null) return { kind: 'conflict', base, mine, theirs };
  return { kind: 'merged', text, base, mine, theirs, reason: 'within-line' };
}

/** Counts the conflicts and, when there are none, joins the merged text. */
export function summarize(regions: MergeRegion[]): MergeResult {
  let conflicts = 0;
  let text = '';
  for (const region of regions) {
    if (region.kind === 'conflict') conflicts++;
    else text += region.text;
  }
  return conflicts === 0
    ? { clean: true, text, regions, conflicts: 0 }
    : { clean: false, regions, conflicts };
}
