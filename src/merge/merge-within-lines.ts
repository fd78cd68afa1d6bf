import { internLines } from './intern-lines.ts';
import { mergeLineIds } from './merge-line-ids.ts';
import type { LinePiece } from './merge-line-ids.ts';
import { startsProseUnit } from './prose-units.ts';
import { tokenizeWords } from './tokenize-words.ts';
import type { MergeRegion } from './types.ts';

/**
 * Merges one line-level conflict again at word and punctuation level, with the same rules as
 * lines: changes to different words merge, changes to the same or touching words (with no space
 * or punctuation between them) still conflict, so no word is ever made of two sides' halves.
 *
 * The conflict is cut into units of prose — paragraphs, headings, list items (see
 * `startsProseUnit`) — wherever all three sides agree on the line break between two units, and
 * each unit is its own result: a `conflict` if its words conflict, `merged` (`within-line`, for
 * review) if both sides changed it and its words merged, and `mine`, `theirs`, `both` or
 * `unchanged` as for lines otherwise. The regions cover the three inputs exactly, in order.
 *
 * @example
 * mergeWithinLines('I like cats. Dogs too.\n', 'I love cats. Dogs too.\n', 'I like cats. Birds too.\n');
 * // [{ kind: 'merged', text: 'I love cats. Birds too.\n', reason: 'within-line', ... }]
 */
export function mergeWithinLines(base: string, mine: string, theirs: string): MergeRegion[] {
  const tokens = [tokenizeWords(base), tokenizeWords(mine), tokenizeWords(theirs)] as const;
  const [baseTokens, mineTokens, theirsTokens] = tokens;
  const { ids, count } = internLines(tokens);
  // Word conflicts on different lines never join here: which lines share a decision is up to
  // the units below, and a joined conflict would hide the line break they are cut at.
  const pieces = mergeLineIds(
    ids[0]!,
    ids[1]!,
    ids[2]!,
    count,
    (i) => mineTokens[i]!,
    true,
    (begin, end) => hasLineBreak(mineTokens, begin, end),
  );
  const startsUnit = findUnitStarts(mineTokens);

  const regions: MergeRegion[] = [];
  let from = { b: 0, m: 0, t: 0 };
  let kinds = new Set<LinePiece['kind']>();
  let merged = '';
  const closeUnit = (b: number, m: number, t: number): void => {
    const side = (list: string[], i: number, j: number): string => list.slice(i, j).join('');
    const unit = {
      base: side(baseTokens, from.b, b),
      mine: side(mineTokens, from.m, m),
      theirs: side(theirsTokens, from.t, t),
    };
    pushRegion(regions, describeUnit(kinds, unit, merged));
    from = { b, m, t };
    kinds = new Set();
    merged = '';
  };

  for (const p of pieces) {
    if (p.kind !== 'unchanged') {
      kinds.add(p.kind);
      const [list, i, j] =
        p.kind === 'theirs' ? [theirsTokens, p.t0, p.t1] : [mineTokens, p.m0, p.m1];
      merged += list.slice(i, j).join('');
      continue;
    }
    // Only where all three sides run alike can a unit end: there its line break is shared.
    for (let m = p.m0; m < p.m1; m++) {
      merged += mineTokens[m];
      if (startsUnit[m + 1] && m + 1 < mineTokens.length) {
        closeUnit(p.b0 + m + 1 - p.m0, m + 1, p.t0 + m + 1 - p.m0);
      }
    }
    kinds.add('unchanged');
  }
  closeUnit(baseTokens.length, mineTokens.length, theirsTokens.length);
  return regions;
}

function hasLineBreak(tokens: string[], begin: number, end: number): boolean {
  for (let i = begin; i < end; i++) if (isLineBreak(tokens[i]!)) return true;
  return false;
}

function isLineBreak(token: string): boolean {
  return token === '\n' || token === '\r\n';
}

/** For each token index of mine: whether a prose unit starts there (never at 0). */
function findUnitStarts(tokens: string[]): Uint8Array {
  const starts = new Uint8Array(tokens.length + 1);
  let previous: string | undefined;
  for (let i = 0; i < tokens.length;) {
    let j = i;
    while (j < tokens.length && !isLineBreak(tokens[j]!)) j++;
    const line = tokens.slice(i, Math.min(j + 1, tokens.length)).join('');
    if (previous !== undefined && startsProseUnit(line, previous)) starts[i] = 1;
    previous = line;
    i = j + 1;
  }
  return starts;
}

/** The region a unit makes, from the kinds of piece in it. */
function describeUnit(
  kinds: Set<LinePiece['kind']>,
  unit: { base: string; mine: string; theirs: string },
  merged: string,
): MergeRegion | undefined {
  const { base, mine, theirs } = unit;
  if (base === '' && mine === '' && theirs === '') return undefined;
  if (kinds.has('conflict')) return { kind: 'conflict', base, mine, theirs };
  const changes = [...kinds].filter((k) => k !== 'unchanged');
  if (changes.length === 0) return { kind: 'unchanged', text: base };
  if (changes.length === 1 && changes[0] === 'mine') return { kind: 'mine', text: mine, base };
  if (changes.length === 1 && changes[0] === 'theirs') {
    return { kind: 'theirs', text: theirs, base };
  }
  if (changes.length === 1 && changes[0] === 'both') return { kind: 'both', text: mine, base };
  return { kind: 'merged', text: merged, base, mine, theirs, reason: 'within-line' };
}

function pushRegion(regions: MergeRegion[], region: MergeRegion | undefined): void {
  if (region === undefined) return;
  const last = regions.at(-1);
  if (region.kind === 'unchanged' && last?.kind === 'unchanged') last.text += region.text;
  else regions.push(region);
}
