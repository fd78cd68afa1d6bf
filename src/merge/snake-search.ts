// SPDX-License-Identifier: LGPL-2.1-or-later
// Follows xdiff (LibXDiff by Davide Libenzi, as in git: xdiff/xprepare.c, xdiff/xdiffi.c) step
// for step; see docs/decisions/0019-xdiff-licence.md. The rest of Concord is MIT.
import { ScratchArrays } from './scratch-arrays.ts';
import {
  PRIMING_LIMITS,
  primingInputs,
  roughSqrt,
  XDIFF_LIMITS,
  type Limits,
} from './snake-limits.ts';
import {
  endsInRun,
  extendBackward,
  extendForward,
  longestRun,
  NO_MEETING,
  startsRun,
} from './snake-steps.ts';

/**
 * Stands for "beyond every line" in the backward path's table: 2^30 - 1, not the largest int32,
 * so that the branchless min in `extendBackward` cannot overflow (a side has under 2^29 lines: no
 * JavaScript string is longer).
 */
const FAR = 0x3fffffff;

/** The path tables, reused between diffs (one diff at a time: diffs never nest). */
const scratch = new ScratchArrays();
const FORWARD = 0;
const BACKWARD = 1;

/**
 * Finds where to split a box (xdiff's `xdl_split`, in git's xdiff/xdiffi.c, LGPL-2.1-or-later): the middle snake of a shortest path, or,
 * unless a minimal diff is needed, a good enough point once the search has taken too long. The
 * steps are methods of their own: the rarely taken cut-offs then cannot throw the optimised hot
 * loops away when first reached (which made a first merge ten times slower than the next).
 */
export class SnakeSearch {
  private x: Int32Array = new Int32Array(0);
  private y: Int32Array = new Int32Array(0);
  /** Furthest x reached on each diagonal k (at `k + o`), from the top left. */
  private kf: Int32Array = new Int32Array(0);
  /** Least x reached on each diagonal, from the bottom right. */
  private kb: Int32Array = new Int32Array(0);
  private o = 0;
  private maxSteps = 0;
  private limits: Limits = XDIFF_LIMITS;
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
    const { fixedMaxSteps, minMaxSteps } = this.limits;
    this.maxSteps = fixedMaxSteps || Math.max(roughSqrt(diagonals), minMaxSteps);
  }

  /**
   * Runs `diff` (which must use this search) on a few tiny inputs with tiny cut-offs, once, so that
   * every path of the search has run before V8 compiles it. V8 compiles a hot loop with what it has
   * seen; the first time a path it had not seen runs (the first meeting of the two paths, the first
   * cut-off), it throws the compiled code away and interprets again until it has compiled anew,
   * which on a busy machine takes tens of milliseconds each time: about ten times in a first
   * merge of 40,000 lines. The results are thrown away; the cost is well under a millisecond.
   */
  primeFeedback(diff: (x: Int32Array, y: Int32Array) => void): void {
    this.limits = PRIMING_LIMITS;
    try {
      for (const [x, y] of primingInputs()) diff(x, y);
    } finally {
      this.limits = XDIFF_LIMITS;
    }
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
    const { earlyCutMinSteps } = this.limits;
    this.fmin = this.fmax = fmid;
    this.bmin = this.bmax = bmid;
    this.kf[fmid + this.o] = off1;
    this.kb[bmid + this.o] = lim1;
    for (let steps = 1; ; steps++) {
      this.gotSnake = false;
      if (this.stepForward(odd) || this.stepBackward(odd)) return;
      if (needMin) continue;
      if (this.gotSnake && steps > earlyCutMinSteps) {
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
    const { kf, o, lim1, lim2 } = this;
    const dmin = this.off1 - lim2;
    const dmax = lim1 - this.off2;
    // Widen the diagonals by one each way, or narrow at the box's edge.
    if (this.fmin > dmin) kf[--this.fmin - 1 + o] = -1;
    else ++this.fmin;
    if (this.fmax < dmax) kf[++this.fmax + 1 + o] = -1;
    else --this.fmax;
    // The paths meet only on an odd step forward (xdiff's "odd"), on the backward diagonals.
    const met = extendForward(
      this.x,
      this.y,
      kf,
      this.kb,
      o,
      this.fmin,
      this.fmax,
      lim1,
      lim2,
      odd ? this.bmin : 1,
      odd ? this.bmax : 0,
    );
    if (longestRun > this.limits.snakeCount) this.gotSnake = true;
    if (met === NO_MEETING) return false;
    const i1 = kf[met] as number;
    this.answer(i1, i1 - (met - o), true, true);
    return true;
  }

  /** One more step of the backward paths; true when one met a forward path. */
  private stepBackward(odd: boolean): boolean {
    const { kb, o, off1, off2 } = this;
    const dmin = off1 - this.lim2;
    const dmax = this.lim1 - off2;
    if (this.bmin > dmin) kb[--this.bmin - 1 + o] = FAR;
    else ++this.bmin;
    if (this.bmax < dmax) kb[++this.bmax + 1 + o] = FAR;
    else --this.bmax;
    const met = extendBackward(
      this.x,
      this.y,
      this.kf,
      kb,
      o,
      this.bmin,
      this.bmax,
      off1,
      off2,
      odd ? 1 : this.fmin,
      odd ? 0 : this.fmax,
    );
    if (longestRun > this.limits.snakeCount) this.gotSnake = true;
    if (met === NO_MEETING) return false;
    const i1 = kb[met] as number;
    this.answer(i1, i1 - (met - o), true, true);
    return true;
  }

  /** Early cut-off, forward: a path far into the box that ends in a long run of matches. */
  private cutForward(steps: number): boolean {
    const { x, y, kf, o, off1, lim1, off2, lim2 } = this;
    const { snakeCount, earlyCutFactor } = this.limits;
    const fmid = off1 - off2;
    let best = 0;
    for (let d = this.fmax; d >= this.fmin; d -= 2) {
      const dd = d > fmid ? d - fmid : fmid - d;
      const i1 = kf[d + o] as number;
      const i2 = i1 - d;
      const v = i1 - off1 + (i2 - off2) - dd;
      if (
        v > earlyCutFactor * steps &&
        v > best &&
        off1 + snakeCount <= i1 &&
        i1 < lim1 &&
        off2 + snakeCount <= i2 &&
        i2 < lim2 &&
        endsInRun(x, y, i1, i2, snakeCount)
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
    const { snakeCount, earlyCutFactor } = this.limits;
    const bmid = lim1 - lim2;
    let best = 0;
    for (let d = this.bmax; d >= this.bmin; d -= 2) {
      const dd = d > bmid ? d - bmid : bmid - d;
      const i1 = kb[d + o] as number;
      const i2 = i1 - d;
      const v = lim1 - i1 + (lim2 - i2) - dd;
      if (
        v > earlyCutFactor * steps &&
        v > best &&
        off1 < i1 &&
        i1 <= lim1 - snakeCount &&
        off2 < i2 &&
        i2 <= lim2 - snakeCount &&
        startsRun(x, y, i1, i2, snakeCount)
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
