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
 */

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
  let start = 0;
  const shorter = Math.min(n, m);
  while (start < shorter && a[start] === b[start]) start++;
  let tail = 0;
  while (tail < shorter - start && a[n - 1 - tail] === b[m - 1 - tail]) tail++;
  const endA = n - tail;
  const endB = m - tail;

  // Step 2: what the diff proper sees of each side, as ids and as line numbers.
  for (let j = 0; j < m; j++) counts[b[j] as number]!++;
  const keptA = keepLines(a, start, endA, counts, roughSqrt(n), changedA);
  for (let j = 0; j < m; j++) counts[b[j] as number] = 0;
  for (let i = 0; i < n; i++) counts[a[i] as number]!++;
  const keptB = keepLines(b, start, endB, counts, roughSqrt(m), changedB);
  for (let i = 0; i < n; i++) counts[a[i] as number] = 0;

  const changed1 = new Uint8Array(keptA.ids.length);
  const changed2 = new Uint8Array(keptB.ids.length);
  bisectAll(keptA.ids, keptB.ids, changed1, changed2);
  for (let k = 0; k < changed1.length; k++) {
    if (changed1[k]) changedA[(keptA.lines[k] as number) + 1] = 1;
  }
  for (let k = 0; k < changed2.length; k++) {
    if (changed2[k]) changedB[(keptB.lines[k] as number) + 1] = 1;
  }
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
): { ids: Int32Array; lines: Int32Array } {
  const rareLimit = Math.min(sqrtLength, MAX_RARE_LIMIT);
  // 0: the other side lacks it; 1: it has it a few times; 2: many times.
  const kind = new Uint8Array(Math.max(0, end - start));
  for (let i = start; i < end; i++) {
    const count = otherCounts[ids[i] as number] as number;
    kind[i - start] = count === 0 ? 0 : count >= rareLimit ? 2 : 1;
  }
  const keptIds = new Int32Array(end - start);
  const keptLines = new Int32Array(end - start);
  let kept = 0;
  for (let i = start; i < end; i++) {
    const k = kind[i - start];
    if (k === 1 || (k === 2 && !isAmongUnmatched(kind, i - start, end - start))) {
      keptIds[kept] = ids[i] as number;
      keptLines[kept++] = i;
    } else {
      changed[i + 1] = 1;
    }
  }
  return { ids: keptIds.subarray(0, kept), lines: keptLines.subarray(0, kept) };
}

/**
 * Whether frequent line `i` sits in a run of unmatched and frequent lines, with unmatched ones
 * on both sides and making up enough of it (xdiff's `xdl_clean_mmatch`).
 */
function isAmongUnmatched(kind: Uint8Array, i: number, length: number): boolean {
  const from = Math.max(0, i - NEIGHBOUR_WINDOW);
  const to = Math.min(length - 1, i + NEIGHBOUR_WINDOW);
  let unmatched = 0;
  // Line i counts once for the run before it and once for the run after it, as in xdiff.
  let frequent = 2;
  for (let r = i - 1; r >= from; r--) {
    if (kind[r] === 0) unmatched++;
    else if (kind[r] === 2) frequent++;
    else break;
  }
  if (unmatched === 0) return false;
  let unmatchedAfter = 0;
  for (let r = i + 1; r <= to; r++) {
    if (kind[r] === 0) unmatchedAfter++;
    else if (kind[r] === 2) frequent++;
    else break;
  }
  if (unmatchedAfter === 0) return false;
  return frequent * FREQUENT_AMONG_UNMATCHED < frequent + unmatched + unmatchedAfter;
}

/** Where a bisection splits its box, and whether each half must be diffed minimally. */
interface Split {
  i1: number;
  i2: number;
  minLow: boolean;
  minHigh: boolean;
}

/**
 * Divide and conquer over boxes (xdiff's `xdl_recs_cmp`): each box drops its common ends, marks
 * everything when one side is empty, and is otherwise split in two at a middle snake. A stack
 * instead of recursion: the marks do not depend on the order the boxes are done in.
 */
function bisectAll(x: Int32Array, y: Int32Array, changedX: Uint8Array, changedY: Uint8Array) {
  const diagonals = x.length + y.length + 3;
  const forward = new Int32Array(diagonals);
  const backward = new Int32Array(diagonals);
  const offset = y.length + 1;
  const maxSteps = Math.max(roughSqrt(diagonals), MIN_MAX_STEPS);
  const split: Split = { i1: 0, i2: 0, minLow: false, minHigh: false };
  // Boxes as (off1, lim1, off2, lim2, needMin) quintuples.
  const stack: number[] = [0, x.length, 0, y.length, 0];
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
      const box = { x, y, off1, lim1, off2, lim2, forward, backward, offset };
      findSplit(box, needMin, maxSteps, split);
      stack.push(off1, split.i1, off2, split.i2, split.minLow ? 1 : 0);
      stack.push(split.i1, lim1, split.i2, lim2, split.minHigh ? 1 : 0);
    }
  }
}

interface Box {
  x: Int32Array;
  y: Int32Array;
  off1: number;
  lim1: number;
  off2: number;
  lim2: number;
  /** Furthest x reached on each diagonal k (at `k + offset`), from the top left. */
  forward: Int32Array;
  /** Least x reached on each diagonal, from the bottom right. */
  backward: Int32Array;
  offset: number;
}

/**
 * Finds where to split a box (xdiff's `xdl_split`): the middle snake of a shortest path, or,
 * unless `needMin`, a good enough point once the search has taken too long. Both sides have at
 * least one line and differ at both ends.
 */
function findSplit(box: Box, needMin: boolean, maxSteps: number, out: Split): void {
  const { x, y, off1, lim1, off2, lim2, forward: kf, backward: kb, offset: o } = box;
  const dmin = off1 - lim2;
  const dmax = lim1 - off2;
  const fmid = off1 - off2;
  const bmid = lim1 - lim2;
  const odd = ((fmid - bmid) & 1) !== 0;
  let fmin = fmid;
  let fmax = fmid;
  let bmin = bmid;
  let bmax = bmid;
  kf[fmid + o] = off1;
  kb[bmid + o] = lim1;

  for (let steps = 1; ; steps++) {
    let gotSnake = false;
    // Widen the forward diagonals by one each way, or narrow at the box's edge.
    if (fmin > dmin) kf[--fmin - 1 + o] = -1;
    else ++fmin;
    if (fmax < dmax) kf[++fmax + 1 + o] = -1;
    else --fmax;
    for (let d = fmax; d >= fmin; d -= 2) {
      let i1 = kf[d - 1 + o]! >= kf[d + 1 + o]! ? kf[d - 1 + o]! + 1 : kf[d + 1 + o]!;
      const from = i1;
      let i2 = i1 - d;
      while (i1 < lim1 && i2 < lim2 && x[i1] === y[i2]) {
        i1++;
        i2++;
      }
      if (i1 - from > SNAKE_COUNT) gotSnake = true;
      kf[d + o] = i1;
      if (odd && bmin <= d && d <= bmax && kb[d + o]! <= i1) {
        setSplit(out, i1, i2, true, true);
        return;
      }
    }

    if (bmin > dmin) kb[--bmin - 1 + o] = FAR;
    else ++bmin;
    if (bmax < dmax) kb[++bmax + 1 + o] = FAR;
    else --bmax;
    for (let d = bmax; d >= bmin; d -= 2) {
      let i1 = kb[d - 1 + o]! < kb[d + 1 + o]! ? kb[d - 1 + o]! : kb[d + 1 + o]! - 1;
      const from = i1;
      let i2 = i1 - d;
      while (i1 > off1 && i2 > off2 && x[i1 - 1] === y[i2 - 1]) {
        i1--;
        i2--;
      }
      if (from - i1 > SNAKE_COUNT) gotSnake = true;
      kb[d + o] = i1;
      if (!odd && fmin <= d && d <= fmax && i1 <= kf[d + o]!) {
        setSplit(out, i1, i2, true, true);
        return;
      }
    }

    if (needMin) continue;

    // Early cut-off: a path far into the box that ends in a long run of matches will do.
    if (gotSnake && steps > EARLY_CUT_MIN_STEPS) {
      let best = 0;
      for (let d = fmax; d >= fmin; d -= 2) {
        const dd = d > fmid ? d - fmid : fmid - d;
        const i1 = kf[d + o]!;
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
          setSplit(out, i1, i2, true, false);
        }
      }
      if (best > 0) return;
      for (let d = bmax; d >= bmin; d -= 2) {
        const dd = d > bmid ? d - bmid : bmid - d;
        const i1 = kb[d + o]!;
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
          setSplit(out, i1, i2, false, true);
        }
      }
      if (best > 0) return;
    }

    // Enough: take the path that got furthest, forward or backward.
    if (steps >= maxSteps) {
      let fbest = -1;
      let fbest1 = -1;
      for (let d = fmax; d >= fmin; d -= 2) {
        let i1 = Math.min(kf[d + o]!, lim1);
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
      for (let d = bmax; d >= bmin; d -= 2) {
        let i1 = Math.max(off1, kb[d + o]!);
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
        setSplit(out, fbest1, fbest - fbest1, true, false);
      } else {
        setSplit(out, bbest1, bbest - bbest1, false, true);
      }
      return;
    }
  }
}

function setSplit(out: Split, i1: number, i2: number, minLow: boolean, minHigh: boolean): void {
  out.i1 = i1;
  out.i2 = i2;
  out.minLow = minLow;
  out.minHigh = minHigh;
}

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
