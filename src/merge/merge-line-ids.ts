import { collectPieces } from './collect-pieces.ts';
import { diffIds } from './diff-ids.ts';
import type { Hunk } from './diff-ids.ts';
import type { LinePiece, MergeNode } from './line-nodes.ts';
import { node, sameIds } from './line-nodes.ts';
import { joinNearConflicts, refineConflicts } from './refine-conflicts.ts';

export type { LinePiece } from './line-nodes.ts';

/**
 * Three-way merges line id sequences the way git's xdiff does at its default level for
 * `git merge-file` (`XDL_MERGE_ZEALOUS_ALNUM`): changes of one side that do not touch a change of
 * the other side are taken; touching or overlapping changes conflict — also when they only meet
 * at a line boundary — unless they are identical; a conflict then shrinks to the lines where mine
 * and theirs really differ, and conflicts that only a few lines (at most 3, or lines without a
 * letter or digit) keep apart are joined, because one block reads more easily than two.
 *
 * With `shrink: false` conflicts stay as the overlapping changes made them (git's "eager" level,
 * which `git merge-file --diff3` uses so that each conflict shows all the base it replaces).
 *
 * @param lineText gives the text of a line of mine, for the letter-or-digit test.
 * @param keepApart, when given, tells whether the lines of mine from `begin` to `end` (the
 *   boundaries around and between them included) separate two conflicts that must stay two even
 *   where git would join them: word granularity keeps paragraphs and list items apart.
 */
export function mergeLineIds(
  base: Int32Array,
  mine: Int32Array,
  theirs: Int32Array,
  idCount: number,
  lineText: (mineLine: number) => string,
  shrink = true,
  keepApart?: (begin: number, end: number) => boolean,
): LinePiece[] {
  const mineHunks = diffIds(base, mine, idCount);
  const theirsHunks = diffIds(base, theirs, idCount);
  const nodes: MergeNode[] = [];
  // Identical changes on both sides: not nodes (they must not join neighbours), but pieces.
  const identical: MergeNode[] = [];
  walkHunks(mineHunks, theirsHunks, mine, theirs, base.length, nodes, identical);
  if (!shrink) {
    markInserted(nodes);
    return collectPieces(nodes, identical, base, mine, theirs);
  }
  const refined = refineConflicts(nodes, base, mine, theirs, idCount);
  const joined = joinNearConflicts(refined, lineText, keepApart);
  return collectPieces(joined, identical, base, mine, theirs);
}

/**
 * Walks both hunk lists in base order (xdl_do_merge), appending a node per change of one side
 * and per conflict to `nodes`, and identical changes to `identical`. The nodes are plain objects
 * of one shape, appended by a function of the module, not by a closure: in a first merge, before
 * V8 had compiled them, closures and objects that gained fields later cost several times as much.
 */
function walkHunks(
  mineHunks: Hunk[],
  theirsHunks: Hunk[],
  mine: Int32Array,
  theirs: Int32Array,
  baseLength: number,
  nodes: MergeNode[],
  identical: MergeNode[],
): void {
  // One loop with nothing after it (see mark-changes-like-git.ts): with the hunks one side has
  // left over in loops of their own after it, V8 fell back to the interpreter there on every
  // call, hundreds of times in one word merge.
  let x = 0;
  let y = 0;
  while (x < mineHunks.length || y < theirsHunks.length) {
    const h1 = x < mineHunks.length ? mineHunks[x]! : undefined;
    const h2 = y < theirsHunks.length ? theirsHunks[y]! : undefined;
    // Strictly before: a change ending where the other starts still counts as touching it.
    if (h2 === undefined || (h1 !== undefined && h1.a + h1.aLen < h2.a)) {
      const i2 = h2 === undefined ? h1!.a + theirs.length - baseLength : h2.b - h2.a + h1!.a;
      append(nodes, 1, h1!.a, h1!.aLen, h1!.b, h1!.bLen, i2, h1!.aLen);
      x++;
      continue;
    }
    if (h1 === undefined || h2.a + h2.aLen < h1.a) {
      const i1 = h1 === undefined ? h2.a + mine.length - baseLength : h1.b - h1.a + h2.a;
      append(nodes, 2, h2.a, h2.aLen, i1, h2.aLen, h2.b, h2.bLen);
      y++;
      continue;
    }
    if (
      h1.a !== h2.a ||
      h1.aLen !== h2.aLen ||
      h1.bLen !== h2.bLen ||
      !sameIds(mine, h1.b, theirs, h2.b, h1.bLen)
    ) {
      appendConflict(nodes, h1, h2);
    } else {
      identical.push(node(4, h1.a, h1.aLen, h1.b, h1.bLen, h2.b, h2.bLen));
    }
    const end1 = h1.a + h1.aLen;
    const end2 = h2.a + h2.aLen;
    if (end1 >= end2) y++;
    if (end2 >= end1) x++;
  }
}

/** The conflict of two overlapping hunks: a side's unchanged lines widen its range alike. */
function appendConflict(nodes: MergeNode[], h1: Hunk, h2: Hunk): void {
  const off = h1.a - h2.a;
  const ffo = off + h1.aLen - h2.aLen;
  let i0 = h1.a;
  let i1 = h1.b;
  let i2 = h2.b;
  if (off > 0) {
    i0 -= off;
    i1 -= off;
  } else {
    i2 += off;
  }
  let c0 = h1.a + h1.aLen - i0;
  let c1 = h1.b + h1.bLen - i1;
  let c2 = h2.b + h2.bLen - i2;
  if (ffo < 0) {
    c0 -= ffo;
    c1 -= ffo;
  } else {
    c2 += ffo;
  }
  append(nodes, 0, i0, c0, i1, c1, i2, c2);
}

/** Appends a node, or joins it to the previous one when it touches it on either side (xdl_append_merge). */
function append(
  nodes: MergeNode[],
  mode: 0 | 1 | 2,
  i0: number,
  c0: number,
  i1: number,
  c1: number,
  i2: number,
  c2: number,
): void {
  const last = nodes.length > 0 ? nodes[nodes.length - 1]! : undefined;
  if (last !== undefined && (i1 <= last.i1 + last.c1 || i2 <= last.i2 + last.c2)) {
    if (mode !== last.mode) last.mode = 0;
    last.c0 = i0 + c0 - last.i0;
    last.c1 = i1 + c1 - last.i1;
    last.c2 = i2 + c2 - last.i2;
  } else {
    nodes.push(node(mode, i0, c0, i1, c1, i2, c2));
  }
}

/** Marks the conflicts that have no base lines (a loop of its own, as above). */
function markInserted(nodes: MergeNode[]): void {
  for (let k = 0; k < nodes.length; k++) {
    const n = nodes[k]!;
    if (n.mode === 0) n.inserted = n.c0 === 0;
  }
}
