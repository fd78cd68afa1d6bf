// SPDX-License-Identifier: LGPL-2.1-or-later
// Follows xdiff (LibXDiff by Davide Libenzi, as in git: xdiff/xprepare.c, xdiff/xdiffi.c) step
// for step; see docs/decisions/0019-xdiff-licence.md. The rest of Concord is MIT.
/**
 * The snake search's cut-offs (xdiff's values) and the tiny inputs that prime it
 * (`SnakeSearch.primeFeedback`): kept apart from the search so that its file holds the steps.
 */

/** Lines matched in a row that make a "good" run for the early cut-off. */
const SNAKE_COUNT = 20;
/** Steps before the early cut-off may apply. */
const EARLY_CUT_MIN_STEPS = 256;
/** How much further than the steps taken a path must reach for the early cut-off. */
const EARLY_CUT_FACTOR = 4;
/** Fewest steps a bisection may take before it settles for the furthest path. */
const MIN_MAX_STEPS = 256;
/** The search's cut-offs: xdiff's, or tiny ones that let `primeFeedback` reach every path. */
export interface Limits {
  /** Matches in a row that make a "good" run. */
  snakeCount: number;
  /** Steps before the early cut-off may apply. */
  earlyCutMinSteps: number;
  /** How much further than the steps taken a path must reach for the early cut-off. */
  earlyCutFactor: number;
  /** Fewest steps before settling for the furthest path (the most is about √ of the box). */
  minMaxSteps: number;
  /** When not 0: the steps before settling, whatever the size. */
  fixedMaxSteps: number;
}

export const XDIFF_LIMITS: Limits = {
  snakeCount: SNAKE_COUNT,
  earlyCutMinSteps: EARLY_CUT_MIN_STEPS,
  earlyCutFactor: EARLY_CUT_FACTOR,
  minMaxSteps: MIN_MAX_STEPS,
  fixedMaxSteps: 0,
};
export const PRIMING_LIMITS: Limits = {
  snakeCount: 2,
  earlyCutMinSteps: 2,
  earlyCutFactor: 1,
  minMaxSteps: 0,
  fixedMaxSteps: 5,
};

/** xdiff's rough square root (`xdl_bogosqrt`): 2 to the half of `n`'s bit count, rounded up. */
export function roughSqrt(n: number): number {
  let root = 1;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 4)) root *= 2;
  return root;
}

/**
 * Pairs of id sequences that, with `PRIMING_LIMITS`, take every path of the search: paths that
 * meet going forward and going backward, both early cut-offs, the furthest path either way.
 * Lines of few ids with runs in common, from a fixed seed.
 */
export function primingInputs(): [Int32Array, Int32Array][] {
  let state = 7;
  const random = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state % n;
  };
  const pairs: [Int32Array, Int32Array][] = [];
  for (let p = 0; p < 10; p++) {
    const run = Array.from({ length: 6 }, () => random(3));
    const make = (length: number): Int32Array => {
      const ids: number[] = [];
      while (ids.length < length) {
        if (random(8) === 0) ids.push(...run);
        else ids.push(random(3 + p));
      }
      return Int32Array.from(ids);
    };
    pairs.push([make(20 + 2 * p), make(44 - 3 * p)]);
  }
  return pairs;
}
