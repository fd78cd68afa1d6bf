/**
 * The line diff `git merge-file` runs (xdiff's Myers diff at its default options), reimplemented
 * over line ids so that the same inputs give the same changed lines, byte for byte the same merge.
 * Decision 15 (docs/decisions/0015-bounded-merge-cost.md) says why: the exact shortest diff costs
 * time quadratic in the length on adversarial inputs, while xdiff's cut-offs bound it, and git's
 * choices among equally short diffs are the ones people compare with.
 *
 * Three steps, as xdiff takes them:
 * 1. Lines both sides start or end with are left out.
 * 2. Lines the other side does not have at all are changed, and so are lines it has very often
 *    (a blank line, a `}`) when they sit among such lines: the diff proper never sees them.
 * 3. Myers' middle-snake bisection on what is left, which gives up looking for the shortest diff
 *    after a number of steps about the square root of the length and then takes the furthest
 *    path found, or sooner, once it is far into the box on a long run of matching lines.
 *
 * The algorithm, its constants and its tie-breaking are xdiff's (LibXDiff by Davide Libenzi, as
 * in git's xdiff/xprepare.c and xdiff/xdiffi.c, LGPL-2.1-or-later): byte-identical output needs
 * them step for step. The code is written anew over typed arrays of line ids.
 */

import { ScratchArrays } from './scratch-arrays.ts';

/** Lines matched in a row that make a "good" run for the early cut-off. */
const SNAKE_COUNT = 20;
/** Steps before the early cut-off may apply. */
const EARLY_CUT_MIN_STEPS = 256;
/** How much further than the steps taken a path must reach for the early cut-off. */
const EARLY_CUT_FACTOR = 4;
/** Fewest steps a bisection may take before it settles for the furthest path. */
const MIN_MAX_STEPS = 256;
/** Most occurrences on the other side that still make a line count as rare. */
const MAX_RARE_LIMIT = 1024;
/** How far around a frequent line the look at its neighbours goes. */
const NEIGHBOUR_WINDOW = 100;
/** Frequent lines among unmatched ones are dropped when they are fewer than one in this many. */
const FREQUENT_AMONG_UNMATCHED = 4;
/** Stands for "beyond every line" in the backward path's table. */
const FAR = 0x7fffffff;

/** Arrays reused between diffs, by slot (one diff at a time: diffs never nest). */
const scratch = new ScratchArrays();
const KIND = 0;
const CHANGED_1 = 1;
const CHANGED_2 = 2;
const KEPT_IDS = 0; // and 1
const KEPT_LINES = 2; // and 3
const FORWARD = 4;
const BACKWARD = 5;
const ZEROS = 6;
const RUN_BEFORE = 7;
const RUN_AFTER = 8;

/**
 * `minimal: true` makes every diff a shortest one (xdiff's `XDF_NEED_MINIMAL`, no cut-offs): for
 * the benchmark's check that the bounded diff gives the same merge wherever the exact one finishes
 * in time. Nothing in Concord sets it.
 */
export const diffTuning = { minimal: false };

/** xdiff's integer square root: a power of two, the smallest with a square above `n`'s bits. */
function roughSqrt(n: number): number {
  let root = 1;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 4)) root *= 2;
  return root;
}

/**
 * Marks the lines of `a` and `b` that git's diff of them calls changed: `changedA[i + 1]` for
 * line `i` of `a`, and alike for `b` (index 0 and `length + 1` are sentinels, left 0). The arrays
 * come zeroed; `counts` is scratch of at least `idCount` entries, all zero, and is left so.
 *
 * @example
 * const changedA = new Uint8Array(5), changedB = new Uint8Array(4);
 * markChangesLikeGit(Int32Array.of(0, 1, 2), Int32Array.of(0, 2), changedA, changedB, new Int32Array(3));
 * // changedA: [0, 0, 1, 0, 0] (line 1 of a deleted)
 */
export function markChangesLikeGit(
  a: Int32Array,
  b: Int32Array,
  changedA: Uint8Array,
  changedB: Uint8Array,
  counts: Int32Array,
): void {
  const n = a.length;
  const m = b.length;
  const start = countCommonStart(a, b);
  const tail = countCommonEnd(a, b, start);

  // Step 2: what the diff proper sees of each side, as ids and as line numbers.
  addCounts(b, counts, 1);
  const keptA = keepLines(a, start, n - tail, counts, roughSqrt(n), changedA, 0);
  addCounts(b, counts, -1);
  addCounts(a, counts, 1);
  const keptB = keepLines(b, start, m - tail, counts, roughSqrt(m), changedB, 1);
  addCounts(a, counts, -1);

  const changed1 = scratch.zeroedBytes(CHANGED_1, keptA.ids.length);
  const changed2 = scratch.zeroedBytes(CHANGED_2, keptB.ids.length);
  bisectAll(keptA.ids, keptB.ids, changed1, changed2);
  copyMarks(changed1, keptA.lines, changedA);
  copyMarks(changed2, keptB.lines, changedB);
}

// Each loop below is a function of its own, with nothing after the loop that V8 must learn
// about: a loop compiled while it runs (on-stack replacement) before the code after it had ever
// run left that code without type feedback, and every later call then fell back to the
// interpreter there — thousands of times in one merge of many conflicts.

function countCommonStart(a: Int32Array, b: Int32Array): number {
  const shorter = Math.min(a.length, b.length);
  let k = 0;
  while (k < shorter && a[k] === b[k]) k++;
  return k;
}

function countCommonEnd(a: Int32Array, b: Int32Array, start: number): number {
  const n = a.length;
  const m = b.length;
  const most = Math.min(n, m) - start;
  let k = 0;
  while (k < most && a[n - 1 - k] === b[m - 1 - k]) k++;
  return k;
}

function addCounts(ids: Int32Array, counts: Int32Array, delta: number): void {
  for (let i = 0; i < ids.length; i++) counts[ids[i] as number]! += delta;
}

function copyMarks(marks: Uint8Array, lines: Int32Array, changed: Uint8Array): void {
  for (let k = 0; k < marks.length; k++) if (marks[k]) changed[(lines[k] as number) + 1] = 1;
}

/**
 * The lines from `start` to `end` of one side the diff proper sees (xdiff's
 * `xdl_cleanup_records`); the others are marked changed. `otherCounts[id]` is how often the
 * other side has the line.
 */
function keepLines(
  ids: Int32Array,
  start: number,
  end: number,
  otherCounts: Int32Array,
  sqrtLength: number,
  changed: Uint8Array,
  side: 0 | 1,
): { ids: Int32Array; lines: Int32Array } {
  const length = Math.max(0, end - start);
  const kind = scratch.zeroedBytes(KIND, length);
  classifyLines(ids, start, otherCounts, Math.min(sqrtLength, MAX_RARE_LIMIT), kind);
  const keptIds = scratch.ints32(KEPT_IDS + side, length);
  const keptLines = scratch.ints32(KEPT_LINES + side, length);
  const kept = collectKept(ids, start, kind, keptIds, keptLines, changed);
  return { ids: keptIds.subarray(0, kept), lines: keptLines.subarray(0, kept) };
}

/** Per line: 0 when the other side lacks it, 1 when it has it a few times, 2 when many times. */
function classifyLines(
  ids: Int32Array,
  start: number,
  otherCounts: Int32Array,
  rareLimit: number,
  kind: Uint8Array,
): void {
  for (let k = 0; k < kind.length; k++) {
    const count = otherCounts[ids[start + k] as number] as number;
    kind[k] = count === 0 ? 0 : count >= rareLimit ? 2 : 1;
  }
}

/** Copies the lines the diff proper sees into `keptIds`/`keptLines`; marks the rest changed. */
function collectKept(
  ids: Int32Array,
  start: number,
  kind: Uint8Array,
  keptIds: Int32Array,
  keptLines: Int32Array,
  changed: Uint8Array,
): number {
  const runs = measureRuns(kind);
  let kept = 0;
  for (let k = 0; k < kind.length; k++) {
    const what = kind[k];
    if (what === 1 || (what === 2 && !isAmongUnmatched(runs, k))) {
      keptIds[kept] = ids[start + k] as number;
      keptLines[kept++] = start + k;
    } else {
      changed[start + k + 1] = 1;
    }
  }
  return kept;
}

/** Around each line, the runs of unmatched and frequent lines (kinds 0 and 2), by counts. */
interface Runs {
  /** `zeros[k]`: unmatched lines before line k. */
  zeros: Int32Array;
  /** `before[k]`: lines of kind 0 or 2 right before line k. */
  before: Int32Array;
  /** `after[k]`: lines of kind 0 or 2 right after line k. */
  after: Int32Array;
}

/**
 * Counts the runs once for all lines: xdiff scans up to 100 lines each way from every frequent
 * line, and on a document of few distinct lines, all frequent, that scan was a tenth of a merge.
 */
function measureRuns(kind: Uint8Array): Runs {
  const n = kind.length;
  const zeros = scratch.ints32(ZEROS, n + 1);
  const before = scratch.ints32(RUN_BEFORE, n);
  const after = scratch.ints32(RUN_AFTER, n);
  fillRuns(kind, zeros, before, after);
  return { zeros, before, after };
}

function fillRuns(kind: Uint8Array, zeros: Int32Array, before: Int32Array, after: Int32Array) {
  const n = kind.length;
  zeros[0] = 0;
  let run = 0;
  for (let k = 0; k < n; k++) {
    before[k] = run;
    run = kind[k] === 1 ? 0 : run + 1;
    zeros[k + 1] = (zeros[k] as number) + (kind[k] === 0 ? 1 : 0);
  }
  run = 0;
  for (let k = n - 1; k >= 0; k--) {
    after[k] = run;
    run = kind[k] === 1 ? 0 : run + 1;
  }
}

/**
 * Whether frequent line `i` sits in a run of unmatched and frequent lines, with unmatched ones
 * on both sides and making up enough of it, looking at most `NEIGHBOUR_WINDOW` lines each way
 * (xdiff's `xdl_clean_mmatch`).
 */
function isAmongUnmatched({ zeros, before, after }: Runs, i: number): boolean {
  const n = before.length;
  const lengthBefore = Math.min(before[i] as number, i, NEIGHBOUR_WINDOW);
  const unmatched = (zeros[i] as number) - (zeros[i - lengthBefore] as number);
  if (unmatched === 0) return false;
  const lengthAfter = Math.min(after[i] as number, n - 1 - i, NEIGHBOUR_WINDOW);
  const unmatchedAfter = (zeros[i + 1 + lengthAfter] as number) - (zeros[i + 1] as number);
  if (unmatchedAfter === 0) return false;
  // Line i counts once for the run before it and once for the run after it, as in xdiff.
  const frequent = 2 + lengthBefore - unmatched + (lengthAfter - unmatchedAfter);
  return frequent * FREQUENT_AMONG_UNMATCHED < frequent + unmatched + unmatchedAfter;
}

/**
 * Divide and conquer over boxes (xdiff's `xdl_recs_cmp`): each box drops its common ends, marks
 * everything when one side is empty, and is otherwise split in two at a middle snake. A stack
 * instead of recursion: the marks do not depend on the order the boxes are done in.
 */
function bisectAll(x: Int32Array, y: Int32Array, changedX: Uint8Array, changedY: Uint8Array) {
  search.start(x, y);
  // Boxes as (off1, lim1, off2, lim2, needMin) quintuples.
  const stack: number[] = [0, x.length, 0, y.length, diffTuning.minimal ? 1 : 0];
  while (stack.length > 0) {
    const needMin = stack.pop() === 1;
    let lim2 = stack.pop() as number;
    let off2 = stack.pop() as number;
    let lim1 = stack.pop() as number;
    let off1 = stack.pop() as number;
    while (off1 < lim1 && off2 < lim2 && x[off1] === y[off2]) {
      off1++;
      off2++;
    }
    while (off1 < lim1 && off2 < lim2 && x[lim1 - 1] === y[lim2 - 1]) {
      lim1--;
      lim2--;
    }
    if (off1 === lim1) {
      changedY.fill(1, off2, lim2);
    } else if (off2 === lim2) {
      changedX.fill(1, off1, lim1);
    } else {
      search.split(off1, lim1, off2, lim2, needMin);
      stack.push(off1, search.i1, off2, search.i2, search.minLow ? 1 : 0);
      stack.push(search.i1, lim1, search.i2, lim2, search.minHigh ? 1 : 0);
    }
  }
}

/**
 * Finds where to split a box (xdiff's `xdl_split`): the middle snake of a shortest path, or,
 * unless a minimal diff is needed, a good enough point once the search has taken too long. The
 * steps are methods of their own: the rarely taken cut-offs then cannot throw the optimised hot
 * loops away when first reached (which made a first merge ten times slower than the next).
 */
class SnakeSearch {
  private x: Int32Array = new Int32Array(0);
  private y: Int32Array = new Int32Array(0);
  /** Furthest x reached on each diagonal k (at `k + o`), from the top left. */
  private kf: Int32Array = new Int32Array(0);
  /** Least x reached on each diagonal, from the bottom right. */
  private kb: Int32Array = new Int32Array(0);
  private o = 0;
  private maxSteps = 0;
  // The box and the diagonals reached so far.
  private off1 = 0;
  private lim1 = 0;
  private off2 = 0;
  private lim2 = 0;
  private fmin = 0;
  private fmax = 0;
  private bmin = 0;
  private bmax = 0;
  private gotSnake = false;
  // The answer: where to split, and whether each half must be diffed minimally.
  i1 = 0;
  i2 = 0;
  minLow = false;
  minHigh = false;

  /** Gets ready for the boxes of one diff of `x` and `y`. */
  start(x: Int32Array, y: Int32Array): void {
    this.x = x;
    this.y = y;
    const diagonals = x.length + y.length + 3;
    // Every entry read is written first in the same box: no need to clear them.
    this.kf = scratch.ints32(FORWARD, diagonals);
    this.kb = scratch.ints32(BACKWARD, diagonals);
    this.o = y.length + 1;
    this.maxSteps = Math.max(roughSqrt(diagonals), MIN_MAX_STEPS);
  }

  /** Splits the box; both sides have at least one line and differ at both ends. */
  split(off1: number, lim1: number, off2: number, lim2: number, needMin: boolean): void {
    this.off1 = off1;
    this.lim1 = lim1;
    this.off2 = off2;
    this.lim2 = lim2;
    const fmid = off1 - off2;
    const bmid = lim1 - lim2;
    const odd = ((fmid - bmid) & 1) !== 0;
    this.fmin = this.fmax = fmid;
    this.bmin = this.bmax = bmid;
    this.kf[fmid + this.o] = off1;
    this.kb[bmid + this.o] = lim1;
    for (let steps = 1; ; steps++) {
      this.gotSnake = false;
      if (this.stepForward(odd) || this.stepBackward(odd)) return;
      if (needMin) continue;
      if (this.gotSnake && steps > EARLY_CUT_MIN_STEPS) {
        if (this.cutForward(steps) || this.cutBackward(steps)) return;
      }
      if (steps >= this.maxSteps) {
        this.takeFurthest();
        return;
      }
    }
  }

  /** One more step of the forward paths; true when one met a backward path. */
  private stepForward(odd: boolean): boolean {
    const { x, y, kf, kb, o, lim1, lim2 } = this;
    const dmin = this.off1 - lim2;
    const dmax = lim1 - this.off2;
    // Widen the diagonals by one each way, or narrow at the box's edge.
    if (this.fmin > dmin) kf[--this.fmin - 1 + o] = -1;
    else ++this.fmin;
    if (this.fmax < dmax) kf[++this.fmax + 1 + o] = -1;
    else --this.fmax;
    const { bmin, bmax } = this;
    for (let d = this.fmax; d >= this.fmin; d -= 2) {
      const left = kf[d - 1 + o] as number;
      const right = kf[d + 1 + o] as number;
      let i1 = left >= right ? left + 1 : right;
      const from = i1;
      let i2 = i1 - d;
      while (i1 < lim1 && i2 < lim2 && x[i1] === y[i2]) {
        i1++;
        i2++;
      }
      if (i1 - from > SNAKE_COUNT) this.gotSnake = true;
      kf[d + o] = i1;
      if (odd && bmin <= d && d <= bmax && (kb[d + o] as number) <= i1) {
        this.answer(i1, i2, true, true);
        return true;
      }
    }
    return false;
  }

  /** One more step of the backward paths; true when one met a forward path. */
  private stepBackward(odd: boolean): boolean {
    const { x, y, kf, kb, o, off1, off2 } = this;
    const dmin = off1 - this.lim2;
    const dmax = this.lim1 - off2;
    if (this.bmin > dmin) kb[--this.bmin - 1 + o] = FAR;
    else ++this.bmin;
    if (this.bmax < dmax) kb[++this.bmax + 1 + o] = FAR;
    else --this.bmax;
    const { fmin, fmax } = this;
    for (let d = this.bmax; d >= this.bmin; d -= 2) {
      const left = kb[d - 1 + o] as number;
      const right = kb[d + 1 + o] as number;
      let i1 = left < right ? left : right - 1;
      const from = i1;
      let i2 = i1 - d;
      while (i1 > off1 && i2 > off2 && x[i1 - 1] === y[i2 - 1]) {
        i1--;
        i2--;
      }
      if (from - i1 > SNAKE_COUNT) this.gotSnake = true;
      kb[d + o] = i1;
      if (!odd && fmin <= d && d <= fmax && i1 <= (kf[d + o] as number)) {
        this.answer(i1, i2, true, true);
        return true;
      }
    }
    return false;
  }

  /** Early cut-off, forward: a path far into the box that ends in a long run of matches. */
  private cutForward(steps: number): boolean {
    const { x, y, kf, o, off1, lim1, off2, lim2 } = this;
    const fmid = off1 - off2;
    let best = 0;
    for (let d = this.fmax; d >= this.fmin; d -= 2) {
      const dd = d > fmid ? d - fmid : fmid - d;
      const i1 = kf[d + o] as number;
      const i2 = i1 - d;
      const v = i1 - off1 + (i2 - off2) - dd;
      if (
        v > EARLY_CUT_FACTOR * steps &&
        v > best &&
        off1 + SNAKE_COUNT <= i1 &&
        i1 < lim1 &&
        off2 + SNAKE_COUNT <= i2 &&
        i2 < lim2 &&
        endsInRun(x, y, i1, i2)
      ) {
        best = v;
        this.answer(i1, i2, true, false);
      }
    }
    return best > 0;
  }

  /** Early cut-off, backward: a path far into the box that starts with a long run of matches. */
  private cutBackward(steps: number): boolean {
    const { x, y, kb, o, off1, lim1, off2, lim2 } = this;
    const bmid = lim1 - lim2;
    let best = 0;
    for (let d = this.bmax; d >= this.bmin; d -= 2) {
      const dd = d > bmid ? d - bmid : bmid - d;
      const i1 = kb[d + o] as number;
      const i2 = i1 - d;
      const v = lim1 - i1 + (lim2 - i2) - dd;
      if (
        v > EARLY_CUT_FACTOR * steps &&
        v > best &&
        off1 < i1 &&
        i1 <= lim1 - SNAKE_COUNT &&
        off2 < i2 &&
        i2 <= lim2 - SNAKE_COUNT &&
        startsRun(x, y, i1, i2)
      ) {
        best = v;
        this.answer(i1, i2, false, true);
      }
    }
    return best > 0;
  }

  /** Enough: the path that got furthest, forward or backward. */
  private takeFurthest(): void {
    const { kf, kb, o, off1, lim1, off2, lim2 } = this;
    let fbest = -1;
    let fbest1 = -1;
    for (let d = this.fmax; d >= this.fmin; d -= 2) {
      let i1 = Math.min(kf[d + o] as number, lim1);
      let i2 = i1 - d;
      if (lim2 < i2) {
        i1 = lim2 + d;
        i2 = lim2;
      }
      if (fbest < i1 + i2) {
        fbest = i1 + i2;
        fbest1 = i1;
      }
    }
    let bbest = FAR;
    let bbest1 = FAR;
    for (let d = this.bmax; d >= this.bmin; d -= 2) {
      let i1 = Math.max(off1, kb[d + o] as number);
      let i2 = i1 - d;
      if (i2 < off2) {
        i1 = off2 + d;
        i2 = off2;
      }
      if (i1 + i2 < bbest) {
        bbest = i1 + i2;
        bbest1 = i1;
      }
    }
    if (lim1 + lim2 - bbest < fbest - (off1 + off2)) {
      this.answer(fbest1, fbest - fbest1, true, false);
    } else {
      this.answer(bbest1, bbest - bbest1, false, true);
    }
  }

  private answer(i1: number, i2: number, minLow: boolean, minHigh: boolean): void {
    this.i1 = i1;
    this.i2 = i2;
    this.minLow = minLow;
    this.minHigh = minHigh;
  }
}

/** The one search: diffs never nest, and its tables are reused (see `ScratchArrays`). */
const search = new SnakeSearch();

/** Whether the `SNAKE_COUNT` lines before (i1, i2) match. */
function endsInRun(x: Int32Array, y: Int32Array, i1: number, i2: number): boolean {
  for (let k = 1; k <= SNAKE_COUNT; k++) if (x[i1 - k] !== y[i2 - k]) return false;
  return true;
}

/** Whether the `SNAKE_COUNT` lines from (i1, i2) on match. */
function startsRun(x: Int32Array, y: Int32Array, i1: number, i2: number): boolean {
  for (let k = 0; k < SNAKE_COUNT; k++) if (x[i1 + k] !== y[i2 + k]) return false;
  return true;
}
