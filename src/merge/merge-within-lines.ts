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
  // Texts of token ranges are cut from the inputs, not joined token by token: a word merge of a
  // 5 MiB document joins hundreds of thousands of tokens, and each join was a string to collect.
  const baseSide = new Side(base, baseTokens);
  const mineSide = new Side(mine, mineTokens);
  const theirsSide = new Side(theirs, theirsTokens);
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
  const units = new Units(baseSide, mineSide, theirsSide);
  readUnits(pieces, mineSide, theirsSide, findUnitStarts(mineSide), units);
  units.close(baseTokens.length, mineTokens.length, theirsTokens.length);
  return units.regions;
}

/** One side's text and where each of its tokens starts in it (at the end, the text's length). */
class Side {
  readonly starts: Int32Array;

  constructor(
    readonly text: string,
    readonly tokens: string[],
  ) {
    this.starts = new Int32Array(tokens.length + 1);
    for (let i = 0; i < tokens.length; i++)
      this.starts[i + 1] = this.starts[i]! + tokens[i]!.length;
  }

  /** Tokens `from` to `to` as one string. */
  cut(from: number, to: number): string {
    return this.text.slice(this.starts[from], this.starts[to]);
  }
}

/**
 * Reads the pieces into units, closing one wherever a unit starts inside an unchanged piece. A
 * loop of its own with nothing after it (see mark-changes-like-git.ts): this runs once per line
 * conflict, and code after a loop that V8 had compiled early fell back to the interpreter.
 */
function readUnits(
  pieces: LinePiece[],
  mine: Side,
  theirs: Side,
  startsUnit: Uint8Array,
  units: Units,
): void {
  const mineCount = mine.tokens.length;
  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k]!;
    if (p.kind !== 'unchanged') {
      units.add(p.kind);
      units.merged += p.kind === 'theirs' ? theirs.cut(p.t0, p.t1) : mine.cut(p.m0, p.m1);
      continue;
    }
    // Only where all three sides run alike can a unit end: there its line break is shared.
    let from = p.m0;
    for (let m = p.m0 + 1; m <= p.m1; m++) {
      if (startsUnit[m] && m < mineCount) {
        units.merged += mine.cut(from, m);
        from = m;
        units.close(p.b0 + m - p.m0, m, p.t0 + m - p.m0);
      }
    }
    units.merged += mine.cut(from, p.m1);
    units.add('unchanged');
  }
}

/** Bits of `Units.kinds`, one per kind of piece. */
const KIND_BITS: Record<LinePiece['kind'], number> = {
  unchanged: 1,
  mine: 2,
  theirs: 4,
  both: 8,
  conflict: 16,
};

/**
 * The regions so far and the unit being read: where it starts on each side, the kinds of piece
 * in it (as bits) and its merged text. A class, not closures over them: a word merge runs this
 * once per line conflict, thousands of times in one merge, and closures cost a first merge more.
 */
class Units {
  readonly regions: MergeRegion[] = [];
  merged = '';
  private kinds = 0;
  private b = 0;
  private m = 0;
  private t = 0;

  constructor(
    private readonly base: Side,
    private readonly mine: Side,
    private readonly theirs: Side,
  ) {}

  add(kind: LinePiece['kind']): void {
    this.kinds |= KIND_BITS[kind];
  }

  /** Ends the unit at tokens `b`, `m` and `t`; the next one starts there. */
  close(b: number, m: number, t: number): void {
    const base = this.base.cut(this.b, b);
    const mine = this.mine.cut(this.m, m);
    const theirs = this.theirs.cut(this.t, t);
    pushRegion(this.regions, describeUnit(this.kinds, base, mine, theirs, this.merged));
    this.b = b;
    this.m = m;
    this.t = t;
    this.kinds = 0;
    this.merged = '';
  }
}

function hasLineBreak(tokens: string[], begin: number, end: number): boolean {
  for (let i = begin; i < end; i++) if (isLineBreak(tokens[i]!)) return true;
  return false;
}

function isLineBreak(token: string): boolean {
  return token === '\n' || token === '\r\n';
}

/** For each token index of mine: whether a prose unit starts there (never at 0). */
function findUnitStarts(side: Side): Uint8Array {
  const { tokens } = side;
  const starts = new Uint8Array(tokens.length + 1);
  let previous: string | undefined;
  for (let i = 0; i < tokens.length;) {
    let j = i;
    while (j < tokens.length && !isLineBreak(tokens[j]!)) j++;
    const line = side.cut(i, Math.min(j + 1, tokens.length));
    if (previous !== undefined && startsProseUnit(line, previous)) starts[i] = 1;
    previous = line;
    i = j + 1;
  }
  return starts;
}

/** The region a unit makes, from the kinds of piece in it (`KIND_BITS`). */
function describeUnit(
  kinds: number,
  base: string,
  mine: string,
  theirs: string,
  merged: string,
): MergeRegion | undefined {
  if (base === '' && mine === '' && theirs === '') return undefined;
  if (kinds & KIND_BITS.conflict) return { kind: 'conflict', base, mine, theirs };
  switch (kinds & ~KIND_BITS.unchanged) {
    case 0:
      return { kind: 'unchanged', text: base };
    case KIND_BITS.mine:
      return { kind: 'mine', text: mine, base };
    case KIND_BITS.theirs:
      return { kind: 'theirs', text: theirs, base };
    case KIND_BITS.both:
      return { kind: 'both', text: mine, base };
  }
  return { kind: 'merged', text: merged, base, mine, theirs, reason: 'within-line' };
}

function pushRegion(regions: MergeRegion[], region: MergeRegion | undefined): void {
  if (region === undefined) return;
  const last = regions.at(-1);
  if (region.kind === 'unchanged' && last?.kind === 'unchanged') last.text += region.text;
  else regions.push(region);
}
