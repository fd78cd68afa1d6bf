import { compactChanges } from './compact-changes.ts';
import { countCommonEnd, countCommonStart, markChangesLikeGit } from './mark-changes-like-git.ts';
import { ScratchArrays } from './scratch-arrays.ts';

/** A change between two id sequences: `aLen` items at `a` became `bLen` items at `b`. */
export interface Hunk {
  a: number;
  aLen: number;
  b: number;
  bLen: number;
}

/**
 * Diffs two sequences of line ids (from `internLines`) as git's xdiff does (see
 * `markChangesLikeGit`), then slides the changes where xdiff puts them. Returns the hunks in
 * order; an empty array means equal. Its cost is bounded like git's: about the square root of the
 * length in steps per split, whatever the input.
 *
 * @example
 * diffIds(Int32Array.of(0, 1, 2), Int32Array.of(0, 2), 3); // [{ a: 1, aLen: 1, b: 1, bLen: 0 }]
 */
export function diffIds(a: Int32Array, b: Int32Array, idCount: number): Hunk[] {
  // Only inserted or only deleted lines, between common ends: git's diff changes just those,
  // and they already sit as low as sliding could take them (the common start is as long as it
  // gets). Most of the small diffs that refine conflicts are such; skipping the machinery for
  // them spares a first merge much of the code it would run before V8 had compiled it.
  const start = countCommonStart(a, b);
  const tail = countCommonEnd(a, b, start);
  const aLen = a.length - start - tail;
  const bLen = b.length - start - tail;
  if (aLen === 0 || bLen === 0) {
    return aLen === bLen ? [] : [{ a: start, aLen, b: start, bLen }];
  }
  // One flag per line, shifted by one to leave a zero sentinel at each end.
  const changedA = scratch.zeroedBytes(0, a.length + 2);
  const changedB = scratch.zeroedBytes(1, b.length + 2);
  markChangesLikeGit(a, b, changedA, changedB, getCounts(idCount));
  compactChanges(changedA, a, changedB, b.length);
  compactChanges(changedB, b, changedA, a.length);
  return collectHunks(changedA, a.length, changedB, b.length);
}

/**
 * A count per line id, kept between calls and all zero between them: a merge diffs many small
 * stretches of one big document, and a fresh table for each would cost more than the diffs.
 */
let counts = new Int32Array(0);
/** The change flags, reused likewise (diffs never nest). */
const scratch = new ScratchArrays();

function getCounts(idCount: number): Int32Array {
  if (counts.length < idCount) counts = new Int32Array(idCount);
  return counts;
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
