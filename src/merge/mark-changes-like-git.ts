// SPDX-License-Identifier: LGPL-2.1-or-later
// Follows xdiff (LibXDiff by Davide Libenzi, as in git: xdiff/xprepare.c, xdiff/xdiffi.c) step
// for step; see docs/decisions/0019-xdiff-licence.md. The rest of Concord is MIT.
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

import { keepLines } from './keep-lines.ts';
import { ScratchArrays } from './scratch-arrays.ts';
import { roughSqrt } from './snake-limits.ts';
import { SnakeSearch } from './snake-search.ts';

/** Arrays reused between diffs, by slot (one diff at a time: diffs never nest). */
const scratch = new ScratchArrays();
const CHANGED_1 = 0;
const CHANGED_2 = 1;

/**
 * `minimal: true` makes every diff a shortest one (xdiff's `XDF_NEED_MINIMAL`, no cut-offs): for
 * the benchmark's check that the bounded diff gives the same merge wherever the exact one finishes
 * in time. Nothing in Concord sets it.
 */
export const diffTuning = { minimal: false };

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

  if (!primed) {
    primed = true;
    search.primeFeedback((x, y) => {
      bisectAll(x, y, new Uint8Array(x.length), new Uint8Array(y.length));
    });
  }
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

/** How many ids `a` and `b` start with alike. */
export function countCommonStart(a: Int32Array, b: Int32Array): number {
  const shorter = Math.min(a.length, b.length);
  let k = 0;
  while (k < shorter && a[k] === b[k]) k++;
  return k;
}

/** How many ids `a` and `b` end with alike, not counting into their first `start`. */
export function countCommonEnd(a: Int32Array, b: Int32Array, start: number): number {
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

/** The one search: diffs never nest, and its tables are reused (see `ScratchArrays`). */
const search = new SnakeSearch();
/** Whether the search has been primed (see `SnakeSearch.primeFeedback`). */
let primed = false;
