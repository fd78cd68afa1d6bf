import DiffMatchPatch from 'diff-match-patch';

/**
 * Steps (diagonals tried plus characters compared) a diff may take: a floor that any piece of a
 * few hundred lines fits in, plus this many per item. Real edits stay far below it (see
 * docs/decisions/0015-bounded-merge-cost.md); the bound only bites on inputs where an exact
 * shortest diff costs time quadratic in their length.
 */
export const BUDGET_FLOOR = 1_000_000;
export const BUDGET_PER_ITEM = 64;

/** diff-match-patch's split step, which its typings leave out. */
type WithSplit = DiffMatchPatch & {
  diff_bisectSplit_(
    a: string,
    b: string,
    x: number,
    y: number,
    deadline: number,
  ): DiffMatchPatch.Diff[];
};

/** Thrown by the counting bisection when the budget is spent; never leaves this module. */
class OverBudget extends Error {}

const dmp = new DiffMatchPatch();
// No time limit: a deadline would make the result depend on the machine's speed. The budget
// below bounds the work instead, and it is the same on every machine.
dmp.Diff_Timeout = 0;
let stepsLeft = 0;
/** dmp's own recursion (diff_main → diff_compute_ → diff_bisect_) comes back through this. */
dmp.diff_bisect_ = bisectCounting;

/**
 * diff-match-patch's exact diff of two strings, or `null` when it would take more than `budget`
 * steps. When it finishes, the diff is the one `diff_main(a, b, false)` gives with no time limit,
 * step for step: the bisection below is diff-match-patch's, with a step counter added.
 *
 * @example
 * diffWithin('abc', 'abd', 1000); // [[0, 'ab'], [-1, 'c'], [1, 'd']]
 */
export function diffWithin(a: string, b: string, budget: number): DiffMatchPatch.Diff[] | null {
  stepsLeft = budget;
  try {
    return dmp.diff_main(a, b, false);
  } catch (error) {
    if (error instanceof OverBudget) return null;
    throw error;
  }
}

/** The budget for a diff of `items` items in all. */
export function budgetFor(items: number): number {
  return BUDGET_FLOOR + BUDGET_PER_ITEM * items;
}

/**
 * diff-match-patch's `diff_bisect_` (Myers' middle snake; Apache-2.0, © the diff-match-patch
 * authors), unchanged but for `charCodeAt` and the step counter: the deadline is never reached
 * (`Diff_Timeout = 0`), so its check is left out.
 */
function bisectCounting(
  this: DiffMatchPatch,
  text1: string,
  text2: string,
  deadline: number,
): DiffMatchPatch.Diff[] {
  const text1Length = text1.length;
  const text2Length = text2.length;
  const maxD = Math.ceil((text1Length + text2Length) / 2);
  const vOffset = maxD;
  const vLength = 2 * maxD;
  // Filling the tables is work too.
  stepsLeft -= vLength;
  if (stepsLeft < 0) throw new OverBudget();
  const v1 = new Int32Array(vLength).fill(-1);
  const v2 = new Int32Array(vLength).fill(-1);
  v1[vOffset + 1] = 0;
  v2[vOffset + 1] = 0;
  const delta = text1Length - text2Length;
  // If the total number of characters is odd, then the front path will collide with the
  // reverse path.
  const front = delta % 2 !== 0;
  // Offsets for start and end of k loop: prevents mapping of space beyond the grid.
  let k1start = 0;
  let k1end = 0;
  let k2start = 0;
  let k2end = 0;
  for (let d = 0; d < maxD; d++) {
    // Walk the front path one step.
    for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
      const k1Offset = vOffset + k1;
      let x1: number;
      if (k1 === -d || (k1 !== d && v1[k1Offset - 1]! < v1[k1Offset + 1]!)) {
        x1 = v1[k1Offset + 1]!;
      } else {
        x1 = v1[k1Offset - 1]! + 1;
      }
      let y1 = x1 - k1;
      const x1Start = x1;
      while (
        x1 < text1Length &&
        y1 < text2Length &&
        text1.charCodeAt(x1) === text2.charCodeAt(y1)
      ) {
        x1++;
        y1++;
      }
      stepsLeft -= 1 + x1 - x1Start;
      v1[k1Offset] = x1;
      if (x1 > text1Length) {
        // Ran off the right of the graph.
        k1end += 2;
      } else if (y1 > text2Length) {
        // Ran off the bottom of the graph.
        k1start += 2;
      } else if (front) {
        const k2Offset = vOffset + delta - k1;
        if (k2Offset >= 0 && k2Offset < vLength && v2[k2Offset] !== -1) {
          // Mirror x2 onto top-left coordinate system.
          const x2 = text1Length - v2[k2Offset]!;
          if (x1 >= x2) {
            // Overlap detected.
            return (this as WithSplit).diff_bisectSplit_(text1, text2, x1, y1, deadline);
          }
        }
      }
    }

    // Walk the reverse path one step.
    for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
      const k2Offset = vOffset + k2;
      let x2: number;
      if (k2 === -d || (k2 !== d && v2[k2Offset - 1]! < v2[k2Offset + 1]!)) {
        x2 = v2[k2Offset + 1]!;
      } else {
        x2 = v2[k2Offset - 1]! + 1;
      }
      let y2 = x2 - k2;
      const x2Start = x2;
      while (
        x2 < text1Length &&
        y2 < text2Length &&
        text1.charCodeAt(text1Length - x2 - 1) === text2.charCodeAt(text2Length - y2 - 1)
      ) {
        x2++;
        y2++;
      }
      stepsLeft -= 1 + x2 - x2Start;
      v2[k2Offset] = x2;
      if (x2 > text1Length) {
        // Ran off the left of the graph.
        k2end += 2;
      } else if (y2 > text2Length) {
        // Ran off the top of the graph.
        k2start += 2;
      } else if (!front) {
        const k1Offset = vOffset + delta - k2;
        if (k1Offset >= 0 && k1Offset < vLength && v1[k1Offset] !== -1) {
          const x1 = v1[k1Offset]!;
          const y1 = vOffset + x1 - k1Offset;
          // Mirror x2 onto top-left coordinate system.
          if (x1 >= text1Length - x2) {
            // Overlap detected.
            return (this as WithSplit).diff_bisectSplit_(text1, text2, x1, y1, deadline);
          }
        }
      }
    }
    if (stepsLeft < 0) throw new OverBudget();
  }
  // Number of diffs equals number of characters: no commonality at all.
  return [
    [DiffMatchPatch.DIFF_DELETE, text1],
    [DiffMatchPatch.DIFF_INSERT, text2],
  ];
}
