import { diffIds } from './diff-ids.ts';
import type { MergeNode } from './line-nodes.ts';
import { node as makeNode } from './line-nodes.ts';

/**
 * Shrinks each conflict to the hunks of a diff of its mine and theirs (xdl_refine_conflicts).
 * Git forgets the base of the smaller conflicts; here each keeps the base lines that a diff of
 * base and mine inside the conflict lines up with it, so the dialog can still show them.
 */
export function refineConflicts(
  nodes: MergeNode[],
  base: Int32Array,
  mine: Int32Array,
  theirs: Int32Array,
  idCount: number,
): MergeNode[] {
  const out: MergeNode[] = [];
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k]!;
    // No sense refining when one side is empty.
    // The nodes are this merge's own: changed in place, not copied (a spread of each took a slow
    // path in a first merge).
    if (node.mode !== 0 || node.c1 === 0 || node.c2 === 0) {
      if (node.mode === 0) node.inserted = node.c0 === 0;
      out.push(node);
      continue;
    }
    const mineLines = mine.subarray(node.i1, node.i1 + node.c1);
    const hunks = diffIds(mineLines, theirs.subarray(node.i2, node.i2 + node.c2), idCount);
    if (hunks.length === 0) {
      node.mode = 4;
      out.push(node);
      continue;
    }
    const toBase = mapLinesToBase(base.subarray(node.i0, node.i0 + node.c0), mineLines, idCount);
    let m = 0;
    let t = 0;
    for (let j = 0; j < hunks.length; j++) {
      const h = hunks[j]!;
      pushPart(out, node, toBase, 5, m, h.a, t, h.b);
      pushPart(out, node, toBase, 0, h.a, h.a + h.aLen, h.b, h.b + h.bLen);
      m = h.a + h.aLen;
      t = h.b + h.bLen;
    }
    pushPart(out, node, toBase, 5, m, node.c1, t, node.c2);
  }
  return out;
}

/**
 * Appends the part of conflict `node` from lines `m0` to `m1` of its mine and `t0` to `t1` of its
 * theirs, unless it is empty. A function of the module, not a closure made per conflict: those
 * cost a first merge several times as much before V8 had compiled them.
 */
function pushPart(
  out: MergeNode[],
  node: MergeNode,
  toBase: Int32Array,
  mode: 0 | 5,
  m0: number,
  m1: number,
  t0: number,
  t1: number,
): void {
  const b0 = toBase[m0]!;
  const b1 = toBase[m1]!;
  if (m1 === m0 && t1 === t0 && b1 === b0) return;
  out.push(
    makeNode(
      mode,
      node.i0 + b0,
      b1 - b0,
      node.i1 + m0,
      m1 - m0,
      node.i2 + t0,
      t1 - t0,
      node.c0 === 0,
    ),
  );
}

/**
 * For each line boundary `k` of `side` (0 to length), the base boundary a diff lines it up with.
 * Non-decreasing; a boundary inside a changed stretch maps to the base boundary as far into
 * it (lines paired in order), or to its end.
 */
function mapLinesToBase(base: Int32Array, side: Int32Array, idCount: number): Int32Array {
  const map = new Int32Array(side.length + 1);
  let i = 0;
  let j = 0;
  const hunks = diffIds(base, side, idCount);
  for (let k = 0; k < hunks.length; k++) {
    const h = hunks[k]!;
    while (j < h.b) map[j++] = i++;
    map[j] = h.a;
    // Inside a rewritten stretch, lines pair up in order: a conflict on the second of two
    // rewritten lines shows the second base line, not both (so word granularity keeps list
    // items apart).
    for (let k = 1; k < h.bLen; k++) map[j + k] = h.a + Math.min(k, h.aLen);
    map[j + h.bLen] = h.a + h.aLen;
    i = h.a + h.aLen;
    j = h.b + h.bLen;
  }
  while (j <= side.length) map[j++] = i++;
  return map;
}

/** Joins conflicts that only a few lines keep apart (xdl_simplify_non_conflicts, alnum level). */
export function joinNearConflicts(
  nodes: MergeNode[],
  lineText: (mineLine: number) => string,
  keepApart?: (begin: number, end: number) => boolean,
): MergeNode[] {
  const out: MergeNode[] = [];
  // Shared runs wait here until we know whether the conflicts around them join.
  const held: MergeNode[] = [];
  joinInto(out, held, nodes, lineText, keepApart);
  for (let k = 0; k < held.length; k++) out.push(held[k]!);
  return out;
}

/** The loop of `joinNearConflicts`, with nothing after it (see mark-changes-like-git.ts). */
function joinInto(
  out: MergeNode[],
  held: MergeNode[],
  nodes: MergeNode[],
  lineText: (mineLine: number) => string,
  keepApart?: (begin: number, end: number) => boolean,
): void {
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k]!;
    if (node.mode === 5) {
      held.push(node);
      continue;
    }
    const m = out.length > 0 ? out[out.length - 1]! : undefined;
    if (m !== undefined && m.mode === 0 && node.mode === 0) {
      const begin = m.i1 + m.c1;
      const end = node.i1;
      const near = end - begin <= 3 || !hasAlnum(begin, end, lineText);
      if (near && !keepApart?.(begin, end)) {
        m.c0 = node.i0 + node.c0 - m.i0;
        m.c1 = node.i1 + node.c1 - m.i1;
        m.c2 = node.i2 + node.c2 - m.i2;
        m.inserted = m.inserted && node.inserted && m.c0 === 0;
        held.length = 0;
        continue;
      }
    }
    for (let h = 0; h < held.length; h++) out.push(held[h]!);
    held.length = 0;
    out.push(node);
  }
}

function hasAlnum(begin: number, end: number, lineText: (mineLine: number) => string): boolean {
  // Git tests bytes with isalnum in the C locale: ASCII letters and digits only.
  for (let i = begin; i < end; i++) if (/[0-9A-Za-z]/.test(lineText(i))) return true;
  return false;
}
