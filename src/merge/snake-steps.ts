// SPDX-License-Identifier: LGPL-2.1-or-later
// Follows xdiff (LibXDiff by Davide Libenzi, as in git: xdiff/xdiffi.c) step for step; see
// docs/decisions/0019-xdiff-licence.md. The rest of Concord is MIT.
/**
 * The two hot loops of the snake search (`xdl_split`'s loops over diagonals): a merge of 40,000
 * random 3-symbol lines runs them on 7.8 million diagonals, two thirds of a warm merge. Three
 * things make them cheaper than they were as methods (the two whole-file diffs of that merge
 * 98 → 91 ms of CPU, warm): the larger of two entries is taken without a branch, which the
 * processor cannot predict here (`Math.max` and `?:` both compiled to one); the entry of
 * diagonal d + 1 is carried over from the step before instead of read again; and the box comes
 * as arguments, not as fields of `this` read around the loop.
 *
 * `kf[d + o]` is the furthest x reached on diagonal d from the top left, `kb[d + o]` the least x
 * from the bottom right. A path meets the other side's only on diagonals from `meetMin` to
 * `meetMax` (an empty range when meeting is not checked on this step).
 */

/** No path met the other side's on this step. */
export const NO_MEETING = -1;

/** The longest run of matches the last step followed (for the early cut-off). */
export let longestRun = 0;

/**
 * Forward paths one step further, on diagonals `fmax`, `fmax - 2`, …, `fmin`. Returns the
 * index `d + o` of the diagonal where a path met a backward one, or `NO_MEETING`.
 */
export function extendForward(
  x: Int32Array,
  y: Int32Array,
  kf: Int32Array,
  kb: Int32Array,
  o: number,
  fmin: number,
  fmax: number,
  lim1: number,
  lim2: number,
  meetMin: number,
  meetMax: number,
): number {
  let longest = 0;
  // Going down by two, diagonal d + 1's entry is the one read as d - 1 the step before.
  let right = kf[fmax + 1 + o] as number;
  for (let d = fmax; d >= fmin; d -= 2) {
    const left = kf[d - 1 + o] as number;
    // xdiff's "left >= right ? left + 1 : right", that is max(left + 1, right), without a branch.
    const gap = left + 1 - right;
    let i1 = left + 1 - (gap & (gap >> 31));
    right = left;
    const from = i1;
    // Along a diagonal i2 is i1 - d: one bound for both.
    const end = lim2 + d < lim1 ? lim2 + d : lim1;
    while (i1 < end && x[i1] === y[i1 - d]) i1++;
    if (i1 - from > longest) longest = i1 - from;
    kf[d + o] = i1;
    if (d <= meetMax && d >= meetMin && (kb[d + o] as number) <= i1) {
      longestRun = longest;
      return d + o;
    }
  }
  longestRun = longest;
  return NO_MEETING;
}

/**
 * Backward paths one step further, on diagonals `bmax`, `bmax - 2`, …, `bmin`. Returns the
 * index `d + o` of the diagonal where a path met a forward one, or `NO_MEETING`.
 */
export function extendBackward(
  x: Int32Array,
  y: Int32Array,
  kf: Int32Array,
  kb: Int32Array,
  o: number,
  bmin: number,
  bmax: number,
  off1: number,
  off2: number,
  meetMin: number,
  meetMax: number,
): number {
  let longest = 0;
  let right = kb[bmax + 1 + o] as number;
  for (let d = bmax; d >= bmin; d -= 2) {
    const left = kb[d - 1 + o] as number;
    // xdiff's "left < right ? left : right - 1", that is min(left, right - 1), without a branch.
    const gap = left - (right - 1);
    let i1 = right - 1 + (gap & (gap >> 31));
    right = left;
    const from = i1;
    // i1 > off1 and i2 > off2.
    const end = off2 + d > off1 ? off2 + d : off1;
    while (i1 > end && x[i1 - 1] === y[i1 - 1 - d]) i1--;
    if (from - i1 > longest) longest = from - i1;
    kb[d + o] = i1;
    if (d <= meetMax && d >= meetMin && i1 <= (kf[d + o] as number)) {
      longestRun = longest;
      return d + o;
    }
  }
  longestRun = longest;
  return NO_MEETING;
}

/** Whether the `count` lines before (i1, i2) match. */
export function endsInRun(
  x: Int32Array,
  y: Int32Array,
  i1: number,
  i2: number,
  count: number,
): boolean {
  for (let k = 1; k <= count; k++) if (x[i1 - k] !== y[i2 - k]) return false;
  return true;
}

/** Whether the `count` lines from (i1, i2) on match. */
export function startsRun(
  x: Int32Array,
  y: Int32Array,
  i1: number,
  i2: number,
  count: number,
): boolean {
  for (let k = 0; k < count; k++) if (x[i1 + k] !== y[i2 + k]) return false;
  return true;
}
