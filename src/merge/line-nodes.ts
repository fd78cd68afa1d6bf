/**
 * One stretch of a line merge, as line ranges `[b0, b1)` of base, `[m0, m1)` of mine and
 * `[t0, t1)` of theirs. The pieces of a merge cover all three texts, in order, without gaps.
 */
export interface LinePiece {
  kind: 'unchanged' | 'mine' | 'theirs' | 'both' | 'conflict';
  b0: number;
  b1: number;
  m0: number;
  m1: number;
  t0: number;
  t1: number;
  /** On a conflict: both sides only inserted here (before refining, the conflict had no base). */
  inserted: boolean;
}

/**
 * A node of git's merge list: 0 conflict, 1 mine, 2 theirs, 4 identical (found when refining).
 * Mode 5 is ours: lines mine and theirs share between the parts of a refined conflict, which git
 * leaves out of its list. Lines `[i0, i0 + c0)` of base, `[i1, i1 + c1)` of mine, `[i2, i2 + c2)`
 * of theirs.
 */
export interface MergeNode {
  mode: 0 | 1 | 2 | 4 | 5;
  i0: number;
  c0: number;
  i1: number;
  c1: number;
  i2: number;
  c2: number;
  /** On a conflict: it comes from conflicts that all had no base lines. */
  inserted: boolean;
}

/** Whether `length` ids of `a` from `i` and of `b` from `j` are the same. */
export function sameIds(
  a: Int32Array,
  i: number,
  b: Int32Array,
  j: number,
  length: number,
): boolean {
  for (let k = 0; k < length; k++) if (a[i + k] !== b[j + k]) return false;
  return true;
}

/** A node; every node is made here, so all have one shape. */
export function node(
  mode: MergeNode['mode'],
  i0: number,
  c0: number,
  i1: number,
  c1: number,
  i2: number,
  c2: number,
  inserted = false,
): MergeNode {
  return { mode, i0, c0, i1, c1, i2, c2, inserted };
}
