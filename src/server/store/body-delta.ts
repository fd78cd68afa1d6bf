import DiffMatchPatch from 'diff-match-patch';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { VersionChange } from '../../protocol/document.ts';

// A line-then-character diff that gives up refining after this long (seconds). A timed-out
// diff is still exact, only coarser (a bigger delta), and a big delta is kept as a snapshot
// instead (see `keepSuperseded`), so a save stays quick whatever the two texts are.
const diffTimeoutSeconds = 0.25;

/** A decoded delta: the lengths it goes between, and its ops (see `createBodyDelta`). */
type DeltaOps = [fromLength: number, toLength: number, ...ops: (number | string)[]];

/** The diff deltas are made of (and measured by): bounded by `diffTimeoutSeconds`. */
function diffBodies(from: string, to: string): DiffMatchPatch.Diff[] {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = diffTimeoutSeconds;
  return dmp.diff_main(from, to);
}

/** A stretch of some string: `text.slice(start, end)`, not yet copied out. */
interface Piece {
  text: string;
  start: number;
  end: number;
}

/**
 * The edit that turns `from` into `to`, compact and exact: deflated JSON of
 * `[fromLength, toLength, ...ops]`, where an op is a number of UTF-16 code units to keep
 * (> 0) or to drop (< 0), or a string to insert. Code units rather than characters, so a
 * diff that splits a surrogate pair (diff-match-patch does) still rebuilds the same string;
 * the lengths make `applyBodyDeltas` refuse a delta applied to the wrong base.
 *
 * @example applyBodyDeltas('a cat', [createBodyDelta('a cat', 'a hat')]) // 'a hat'
 */
export function createBodyDelta(from: string, to: string): Buffer {
  const ops: DeltaOps = [from.length, to.length];
  for (const [op, text] of diffBodies(from, to)) {
    if (op === DiffMatchPatch.DIFF_EQUAL) ops.push(text.length);
    else if (op === DiffMatchPatch.DIFF_DELETE) ops.push(-text.length);
    else ops.push(text);
  }
  return deflateRawSync(JSON.stringify(ops));
}

/**
 * How much the newer text changed from the older one, read off the reverse delta
 * `createBodyDelta(newer, older)` without rebuilding either: what the delta drops the newer
 * version added, what it inserts the newer version removed (in UTF-16 code units).
 *
 * @example measureReverseDelta(createBodyDelta('a hat', 'a cat')) // { added: 1, removed: 1 }
 */
export function measureReverseDelta(delta: Uint8Array): VersionChange {
  const [, , ...ops] = JSON.parse(inflateRawSync(delta).toString('utf8')) as DeltaOps;
  const change = { added: 0, removed: 0 };
  for (const op of ops) {
    if (typeof op === 'string') change.removed += op.length;
    else if (op < 0) change.added -= op;
  }
  return change;
}

/**
 * How much `newer` changed from `older`, by the same diff the deltas are made with: for a
 * version whose predecessor is kept as a snapshot, so has no delta to read.
 */
export function measureBodyChange(older: string, newer: string): VersionChange {
  const change = { added: 0, removed: 0 };
  for (const [op, text] of diffBodies(older, newer)) {
    if (op === DiffMatchPatch.DIFF_INSERT) change.added += text.length;
    else if (op === DiffMatchPatch.DIFF_DELETE) change.removed += text.length;
  }
  return change;
}

/**
 * The text that applying `deltas` in turn to `base` gives. The deltas edit a list of pieces
 * of the texts involved, and the result is copied out once at the end: so a chain of deltas
 * over a large body costs one pass over it, not one per delta. Throws when a delta does not
 * fit the text it is applied to (a stored history must never read back wrong).
 */
export function applyBodyDeltas(base: string, deltas: readonly Uint8Array[]): string {
  let pieces: Piece[] = base.length > 0 ? [{ text: base, start: 0, end: base.length }] : [];
  let length = base.length;
  for (const delta of deltas) {
    const [fromLength, toLength, ...ops] = JSON.parse(
      inflateRawSync(delta).toString('utf8'),
    ) as DeltaOps;
    if (fromLength !== length) throw new Error('a delta applied to a text of another length');
    pieces = applyOps(pieces, ops, fromLength);
    length = toLength;
    if (countLength(pieces) !== toLength) throw new Error('a delta gave a text of another length');
  }
  return pieces.map((piece) => piece.text.slice(piece.start, piece.end)).join('');
}

/** `pieces` (of total length `length`) after `ops`. */
function applyOps(pieces: readonly Piece[], ops: readonly (number | string)[], length: number) {
  const next: Piece[] = [];
  let index = 0; // the piece the cursor is in
  let offset = 0; // code units into that piece
  let consumed = 0;
  // Moves the cursor `count` code units on, keeping what it passes when `keep`.
  const advance = (count: number, keep: boolean) => {
    consumed += count;
    if (consumed > length) throw new Error('a delta reaches past the end of its text');
    while (count > 0) {
      const piece = pieces[index]!;
      const start = piece.start + offset;
      const take = Math.min(count, piece.end - start);
      if (keep) next.push({ text: piece.text, start, end: start + take });
      count -= take;
      offset += take;
      if (piece.start + offset === piece.end) {
        index++;
        offset = 0;
      }
    }
  };
  for (const op of ops) {
    if (typeof op === 'string') {
      if (op.length > 0) next.push({ text: op, start: 0, end: op.length });
    } else advance(Math.abs(op), op > 0);
  }
  if (consumed !== length) throw new Error('a delta stops short of the end of its text');
  return next;
}

function countLength(pieces: readonly Piece[]): number {
  let total = 0;
  for (const piece of pieces) total += piece.end - piece.start;
  return total;
}
