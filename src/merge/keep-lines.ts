// SPDX-License-Identifier: LGPL-2.1-or-later
// Follows xdiff (LibXDiff by Davide Libenzi, as in git: xdiff/xprepare.c, xdiff/xdiffi.c) step
// for step; see docs/decisions/0019-xdiff-licence.md. The rest of Concord is MIT.
import { ScratchArrays } from './scratch-arrays.ts';

/** Most occurrences on the other side that still make a line count as rare. */
const MAX_RARE_LIMIT = 1024;
/** How far around a frequent line the look at its neighbours goes. */
const NEIGHBOUR_WINDOW = 100;
/** Frequent lines among unmatched ones are dropped when they are fewer than one in this many. */
const FREQUENT_AMONG_UNMATCHED = 4;

/** Arrays reused between diffs, by slot (one diff at a time: diffs never nest). */
const scratch = new ScratchArrays();
const KIND = 0;
const KEPT_IDS = 0; // and 1
const KEPT_LINES = 2; // and 3
const ZEROS = 4;
const RUN_BEFORE = 5;
const RUN_AFTER = 6;

/**
 * The lines from `start` to `end` of one side that xdiff's diff proper sees
 * (`xdl_cleanup_records`, in git's xdiff/xprepare.c, LGPL-2.1-or-later): a line the other side
 * lacks (`otherCounts[id]` is how often the other side has it) is marked changed at once, and so
 * is a line the other side has at least √length times (`sqrtLength`, xdiff's rough square root)
 * when it sits among such and unmatched lines. Returns the kept lines' ids and line numbers,
 * valid until the next call for the same `side`.
 */
export function keepLines(
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
  const rareLimit = Math.min(sqrtLength, MAX_RARE_LIMIT);
  const unmatched = classifyLines(ids, start, otherCounts, rareLimit, kind);
  const keptIds = scratch.ints32(KEPT_IDS + side, length);
  const keptLines = scratch.ints32(KEPT_LINES + side, length);
  // Without unmatched lines no frequent line sits among them: every line is kept, and the runs
  // need not be counted (on random lines of a few symbols, all frequent, that was most of the
  // cost here in a first merge, before V8 had compiled it).
  const kept =
    unmatched === 0
      ? keepAll(ids, start, keptIds, keptLines)
      : collectKept(ids, start, kind, keptIds, keptLines, changed);
  return { ids: keptIds.subarray(0, kept), lines: keptLines.subarray(0, kept) };
}

/**
 * Per line: 0 when the other side lacks it, 1 when it has it a few times, 2 when many times.
 * Returns how many are 0.
 */
function classifyLines(
  ids: Int32Array,
  start: number,
  otherCounts: Int32Array,
  rareLimit: number,
  kind: Uint8Array,
): number {
  let unmatched = 0;
  for (let k = 0; k < kind.length; k++) {
    const count = otherCounts[ids[start + k] as number] as number;
    kind[k] = count === 0 ? 0 : count >= rareLimit ? 2 : 1;
    if (count === 0) unmatched++;
  }
  return unmatched;
}

/** Copies all `keptIds.length` lines from `start` on into `keptIds`/`keptLines`. */
function keepAll(ids: Int32Array, start: number, keptIds: Int32Array, keptLines: Int32Array) {
  for (let k = 0; k < keptIds.length; k++) {
    keptIds[k] = ids[start + k] as number;
    keptLines[k] = start + k;
  }
  return keptIds.length;
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
  fillRunsBefore(kind, zeros, before);
  fillRunsAfter(kind, after);
}

// One loop per function (see mark-changes-like-git.ts): with the second loop after the first, V8
// compiled the first while it ran and then threw the code away at the second, once per diff —
// 32 times in one merge of 40,000 lines.
function fillRunsBefore(kind: Uint8Array, zeros: Int32Array, before: Int32Array): void {
  zeros[0] = 0;
  let run = 0;
  for (let k = 0; k < kind.length; k++) {
    before[k] = run;
    run = kind[k] === 1 ? 0 : run + 1;
    zeros[k + 1] = (zeros[k] as number) + (kind[k] === 0 ? 1 : 0);
  }
}

function fillRunsAfter(kind: Uint8Array, after: Int32Array): void {
  let run = 0;
  for (let k = kind.length - 1; k >= 0; k--) {
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
