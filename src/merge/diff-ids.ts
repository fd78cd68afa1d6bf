import DiffMatchPatch from 'diff-match-patch';
import { BUDGET_FLOOR, budgetFor, diffWithin } from './bounded-diff.ts';
import { compactChanges } from './compact-changes.ts';

/** A change between two id sequences: `aLen` items at `a` became `bLen` items at `b`. */
export interface Hunk {
  a: number;
  aLen: number;
  b: number;
  bLen: number;
}

/** diff-match-patch diffs UTF-16 code units, so one diff can tell at most this many lines apart. */
const MAX_CODES = 0x10000;
/** Code for lines only the old side has, and for lines only the new side has. */
const ONLY_A = 0;
const ONLY_B = 1;
/**
 * A stretch too varied for one code table is cut at unique common lines about this far apart.
 * Short pieces keep diff-match-patch's bisection (time ∝ lines × changes) cheap: 256 rather than
 * 4,096 made the 200,000-line benchmark a quarter faster.
 */
const CHUNK_LINES = 256;

/** The fallback's windows: their exact diffs always fit `BUDGET_FLOOR`. */
const WINDOW_LINES = 256;

/**
 * Diffs two sequences of line ids (from `internLines`) with diff-match-patch, then slides the
 * changes where git's xdiff puts them. Returns the hunks in order; an empty array means equal.
 *
 * diff-match-patch's own line mode stops telling lines apart after 65,535 distinct lines; here
 * lines that only one side has share one code per side (they can never match anyway), and a
 * stretch with more distinct common lines than codes is cut at lines unique to both sides, so any
 * number of lines works.
 *
 * @example
 * diffIds(Int32Array.of(0, 1, 2), Int32Array.of(0, 2), 3); // [{ a: 1, aLen: 1, b: 1, bLen: 0 }]
 */
export function diffIds(a: Int32Array, b: Int32Array, idCount: number): Hunk[] {
  // One flag per line, shifted by one to leave a zero sentinel at each end.
  const changedA = new Uint8Array(a.length + 2);
  const changedB = new Uint8Array(b.length + 2);
  markChanges({ a, b, changedA, changedB, idCount }, 0, a.length, 0, b.length);
  compactChanges(changedA, a, changedB, b.length);
  compactChanges(changedB, b, changedA, a.length);
  return collectHunks(changedA, a.length, changedB, b.length);
}

/** Where a diff writes its verdict: one flag per line of each side (see `diffIds`). */
interface Marks {
  a: Int32Array;
  b: Int32Array;
  changedA: Uint8Array;
  changedB: Uint8Array;
  idCount: number;
}

function markChanges(marks: Marks, aLo: number, aHi: number, bLo: number, bHi: number): void {
  const done = markChangesExactly(marks, aLo, aHi, bLo, bHi, budgetFor(aHi - aLo + bHi - bLo));
  if (done === 'too varied') markChangesInChunks(marks, aLo, aHi, bLo, bHi);
  else if (done === 'over budget') markChangesCoarsely(marks, aLo, aHi, bLo, bHi);
}

/**
 * The exact diff of a stretch, by diff-match-patch, unless it has more distinct common lines than
 * codes or would take more than `budget` steps; then nothing is marked.
 */
function markChangesExactly(
  { a, b, changedA, changedB, idCount }: Marks,
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
  budget: number,
): 'done' | 'too varied' | 'over budget' {
  // Trim off common prefix and suffix (speedup).
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) {
    aLo++;
    bLo++;
  }
  while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) {
    aHi--;
    bHi--;
  }
  if (aLo === aHi || bLo === bHi) {
    changedA.fill(1, aLo + 1, aHi + 1);
    changedB.fill(1, bLo + 1, bHi + 1);
    return 'done';
  }

  // Number the lines both sides have; the rest get the one code of their side.
  const { inA, code } = getScratch(idCount);
  for (let i = aLo; i < aHi; i++) inA[a[i] as number] = 1;
  let next = ONLY_B + 1;
  for (let j = bLo; j < bHi; j++) {
    const id = b[j] as number;
    if (inA[id] && code[id] === 0) code[id] = next++;
  }
  const fits = next <= MAX_CODES;
  const textA = fits ? encode(a, aLo, aHi, code, ONLY_A) : '';
  const textB = fits ? encode(b, bLo, bHi, code, ONLY_B) : '';
  // Leave the tables zeroed for the next call: cheaper than new ones for each of many chunks.
  for (let i = aLo; i < aHi; i++) inA[a[i] as number] = 0;
  for (let j = bLo; j < bHi; j++) code[b[j] as number] = 0;
  if (!fits) return 'too varied';
  const diffs = diffWithin(textA, textB, budget);
  if (diffs === null) return 'over budget';

  let i = aLo;
  let j = bLo;
  for (const [op, text] of diffs) {
    if (op === DiffMatchPatch.DIFF_EQUAL) {
      i += text.length;
      j += text.length;
    } else if (op === DiffMatchPatch.DIFF_DELETE) {
      changedA.fill(1, i + 1, i + 1 + text.length);
      i += text.length;
    } else {
      changedB.fill(1, j + 1, j + 1 + text.length);
      j += text.length;
    }
  }
  return 'done';
}

/**
 * The fallback when an exact diff would cost too much (many changes among few distinct lines:
 * the shortest diff then takes time quadratic in the length): patience anchoring. The stretch
 * is cut at every line that occurs once on each side, in the same order on both, and each piece
 * between two such lines gets its own exact diff within its own budget. A piece still too costly,
 * or a stretch without such lines at all, is diffed in windows of `WINDOW_LINES`. The diff is
 * correct (every line kept or marked), only not always the shortest.
 */
function markChangesCoarsely(
  marks: Marks,
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
): void {
  const { chainA, chainB } = findUniqueChain(marks, aLo, aHi, bLo, bHi);
  // Without anchors, trying the whole stretch again would spend the same budget for nothing.
  if (chainA.length === 0) {
    markChangesInWindows(marks, aLo, aHi, bLo, bHi);
    return;
  }
  let fromA = aLo;
  let fromB = bLo;
  for (let k = 0; k <= chainA.length; k++) {
    const i = k < chainA.length ? (chainA[k] as number) : aHi;
    const j = k < chainA.length ? (chainB[k] as number) : bHi;
    const budget = budgetFor(i - fromA + j - fromB);
    if (markChangesExactly(marks, fromA, i, fromB, j, budget) !== 'done') {
      markChangesInWindows(marks, fromA, i, fromB, j);
    }
    fromA = i + 1;
    fromB = j + 1;
  }
}

/**
 * Diffs a stretch as windows of about `WINDOW_LINES` lines cut at the same fraction of each side.
 * A window is small enough for its exact diff to fit the smallest budget; one that still does
 * not counts as rewritten.
 */
function markChangesInWindows(
  marks: Marks,
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
): void {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const windows = Math.max(1, Math.ceil(Math.max(n, m) / WINDOW_LINES));
  for (let w = 0; w < windows; w++) {
    const a0 = aLo + Math.floor((n * w) / windows);
    const a1 = aLo + Math.floor((n * (w + 1)) / windows);
    const b0 = bLo + Math.floor((m * w) / windows);
    const b1 = bLo + Math.floor((m * (w + 1)) / windows);
    if (markChangesExactly(marks, a0, a1, b0, b1, BUDGET_FLOOR) !== 'done') {
      marks.changedA.fill(1, a0 + 1, a1 + 1);
      marks.changedB.fill(1, b0 + 1, b1 + 1);
    }
  }
}

/**
 * Tables by line id for `markChanges`, kept between calls and all zero between them: a big
 * document is diffed in hundreds of chunks, and fresh tables for each would cost more than the
 * diffs.
 */
let scratch = { inA: new Uint8Array(0), code: new Int32Array(0) };

function getScratch(idCount: number): typeof scratch {
  if (scratch.inA.length < idCount) {
    scratch = { inA: new Uint8Array(idCount), code: new Int32Array(idCount) };
  }
  return scratch;
}

/** One UTF-16 code unit per line. */
function encode(ids: Int32Array, lo: number, hi: number, code: Int32Array, only: number): string {
  const units = new Uint16Array(hi - lo);
  for (let i = lo; i < hi; i++) units[i - lo] = code[ids[i] as number] || only;
  let text = '';
  // Spread in slices: one call with hundreds of thousands of arguments overflows the stack.
  for (let i = 0; i < units.length; i += 8192) {
    text += String.fromCharCode(...units.subarray(i, i + 8192));
  }
  return text;
}

/**
 * Diffs a stretch with more distinct common lines than codes: cuts it at lines that occur exactly
 * once on each side and in the same order on both (the longest such chain, as patience diff
 * finds it), about `CHUNK_LINES` apart, and diffs the pieces one by one. A cut is made only where
 * the line before the anchor is an anchor too, on both sides: two lines in a row that match
 * uniquely are where any shortest diff lines the sides up as well.
 */
function markChangesInChunks(
  marks: Marks,
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
): void {
  const { chainA, chainB } = findUniqueChain(marks, aLo, aHi, bLo, bHi);
  let fromA = aLo;
  let fromB = bLo;
  let cuts = 0;
  for (let k = 1; k < chainA.length; k++) {
    const i = chainA[k] as number;
    const j = chainB[k] as number;
    if (i - fromA < CHUNK_LINES && j - fromB < CHUNK_LINES) continue;
    if (chainA[k - 1] !== i - 1 || chainB[k - 1] !== j - 1) continue;
    markChanges(marks, fromA, i, fromB, j);
    fromA = i + 1;
    fromB = j + 1;
    cuts++;
  }
  if (cuts === 0) {
    // No usable anchor (a huge stretch of repeated lines): windows give a correct, if coarse,
    // diff.
    markChangesInWindows(marks, aLo, aHi, bLo, bHi);
    return;
  }
  markChanges(marks, fromA, aHi, fromB, bHi);
}

/**
 * Lines unique to each side, increasing on both sides (the longest such chain), as two arrays:
 * `chainA[k]` and `chainB[k]` are the same line. Typed arrays: there can be 100,000s of them.
 */
function findUniqueChain(
  { a, b, idCount }: Marks,
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
): { chainA: Int32Array; chainB: Int32Array } {
  // Per id: how often it occurs on each side (capped at 2) and where in A.
  const countA = new Uint8Array(idCount);
  const posA = new Int32Array(idCount);
  for (let i = aLo; i < aHi; i++) {
    const id = a[i] as number;
    if (countA[id]! < 2) countA[id]!++;
    posA[id] = i;
  }
  const countB = new Uint8Array(idCount);
  for (let j = bLo; j < bHi; j++) {
    const id = b[j] as number;
    if (countB[id]! < 2) countB[id]!++;
  }
  // Pairs in B order.
  const pairsA = new Int32Array(bHi - bLo);
  const pairsB = new Int32Array(bHi - bLo);
  let n = 0;
  for (let j = bLo; j < bHi; j++) {
    const id = b[j] as number;
    if (countA[id] === 1 && countB[id] === 1) {
      pairsA[n] = posA[id] as number;
      pairsB[n++] = j;
    }
  }
  // Longest increasing subsequence of the A positions: patience sorting.
  const tails = new Int32Array(n);
  let length = 0;
  const previous = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    const i = pairsA[k] as number;
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pairsA[tails[mid] as number] as number) < i) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1] as number;
    tails[lo] = k;
    if (lo === length) length++;
  }
  const chainA = new Int32Array(length);
  const chainB = new Int32Array(length);
  for (let k = length > 0 ? (tails[length - 1] as number) : -1, m = length - 1; k >= 0; m--) {
    chainA[m] = pairsA[k] as number;
    chainB[m] = pairsB[k] as number;
    k = previous[k] as number;
  }
  return { chainA, chainB };
}

function collectHunks(
  changedA: Uint8Array,
  lengthA: number,
  changedB: Uint8Array,
  lengthB: number,
): Hunk[] {
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  while (i < lengthA || j < lengthB) {
    if (changedA[i + 1] || changedB[j + 1]) {
      const a = i;
      const b = j;
      while (changedA[i + 1]) i++;
      while (changedB[j + 1]) j++;
      hunks.push({ a, aLen: i - a, b, bLen: j - b });
    } else {
      i++;
      j++;
    }
  }
  return hunks;
}
