import { diffIds } from './diff-ids.ts';

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
  inserted?: boolean;
}

/**
 * A node of git's merge list: 0 conflict, 1 mine, 2 theirs, 4 identical (found when refining).
 * Mode 5 is ours: lines mine and theirs share between the parts of a refined conflict, which git
 * leaves out of its list.
 */
interface Node {
  mode: 0 | 1 | 2 | 4 | 5;
  i0: number;
  c0: number;
  i1: number;
  c1: number;
  i2: number;
  c2: number;
  /** On a conflict: it comes from conflicts that all had no base lines. */
  inserted?: boolean;
}

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
  const nodes: Node[] = [];
  // Identical changes on both sides: not nodes (they must not join neighbours), but pieces.
  const identical: Node[] = [];

  const append = (
    mode: 0 | 1 | 2,
    i0: number,
    c0: number,
    i1: number,
    c1: number,
    i2: number,
    c2: number,
  ): void => {
    const last = nodes.at(-1);
    // Touching the previous node on either side joins it (xdl_append_merge).
    if (last && (i1 <= last.i1 + last.c1 || i2 <= last.i2 + last.c2)) {
      if (mode !== last.mode) last.mode = 0;
      last.c0 = i0 + c0 - last.i0;
      last.c1 = i1 + c1 - last.i1;
      last.c2 = i2 + c2 - last.i2;
    } else {
      nodes.push({ mode, i0, c0, i1, c1, i2, c2 });
    }
  };

  // Walk both hunk lists in base order (xdl_do_merge).
  let x = 0;
  let y = 0;
  while (x < mineHunks.length && y < theirsHunks.length) {
    const h1 = mineHunks[x]!;
    const h2 = theirsHunks[y]!;
    // Strictly before: a change ending where the other starts still counts as touching it.
    if (h1.a + h1.aLen < h2.a) {
      append(1, h1.a, h1.aLen, h1.b, h1.bLen, h2.b - h2.a + h1.a, h1.aLen);
      x++;
      continue;
    }
    if (h2.a + h2.aLen < h1.a) {
      append(2, h2.a, h2.aLen, h1.b - h1.a + h2.a, h2.aLen, h2.b, h2.bLen);
      y++;
      continue;
    }
    if (
      h1.a !== h2.a ||
      h1.aLen !== h2.aLen ||
      h1.bLen !== h2.bLen ||
      !sameIds(mine, h1.b, theirs, h2.b, h1.bLen)
    ) {
      // The conflict spans both hunks; a side's unchanged lines widen its range alike.
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
      append(0, i0, c0, i1, c1, i2, c2);
    } else {
      identical.push({
        mode: 4,
        i0: h1.a,
        c0: h1.aLen,
        i1: h1.b,
        c1: h1.bLen,
        i2: h2.b,
        c2: h2.bLen,
      });
    }
    const end1 = h1.a + h1.aLen;
    const end2 = h2.a + h2.aLen;
    if (end1 >= end2) y++;
    if (end2 >= end1) x++;
  }
  for (; x < mineHunks.length; x++) {
    const h1 = mineHunks[x]!;
    append(1, h1.a, h1.aLen, h1.b, h1.bLen, h1.a + theirs.length - base.length, h1.aLen);
  }
  for (; y < theirsHunks.length; y++) {
    const h2 = theirsHunks[y]!;
    append(2, h2.a, h2.aLen, h2.a + mine.length - base.length, h2.aLen, h2.b, h2.bLen);
  }

  if (!shrink) {
    for (const n of nodes) if (n.mode === 0) n.inserted = n.c0 === 0;
    return collectPieces(nodes, identical, base, mine, theirs);
  }
  const refined = refineConflicts(nodes, base, mine, theirs, idCount);
  const joined = joinNearConflicts(refined, lineText, keepApart);
  return collectPieces(joined, identical, base, mine, theirs);
}

function sameIds(a: Int32Array, i: number, b: Int32Array, j: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a[i + k] !== b[j + k]) return false;
  return true;
}

/**
 * Shrinks each conflict to the hunks of a diff of its mine and theirs (xdl_refine_conflicts).
 * Git forgets the base of the smaller conflicts; here each keeps the base lines that a diff of
 * base and mine inside the conflict lines up with it, so the dialog can still show them.
 */
function refineConflicts(
  nodes: Node[],
  base: Int32Array,
  mine: Int32Array,
  theirs: Int32Array,
  idCount: number,
): Node[] {
  const out: Node[] = [];
  for (const node of nodes) {
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
    const pushPart = (mode: 0 | 5, m0: number, m1: number, t0: number, t1: number): void => {
      if (m1 === m0 && t1 === t0 && toBase[m1] === toBase[m0]) return;
      const b0 = toBase[m0]!;
      const b1 = toBase[m1]!;
      out.push({
        mode,
        i0: node.i0 + b0,
        c0: b1 - b0,
        i1: node.i1 + m0,
        c1: m1 - m0,
        i2: node.i2 + t0,
        c2: t1 - t0,
        inserted: node.c0 === 0,
      });
    };
    let m = 0;
    let t = 0;
    for (const h of hunks) {
      pushPart(5, m, h.a, t, h.b);
      pushPart(0, h.a, h.a + h.aLen, h.b, h.b + h.bLen);
      m = h.a + h.aLen;
      t = h.b + h.bLen;
    }
    pushPart(5, m, node.c1, t, node.c2);
  }
  return out;
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
  for (const h of diffIds(base, side, idCount)) {
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
function joinNearConflicts(
  nodes: Node[],
  lineText: (mineLine: number) => string,
  keepApart?: (begin: number, end: number) => boolean,
): Node[] {
  const out: Node[] = [];
  // Shared runs wait here until we know whether the conflicts around them join.
  let held: Node[] = [];
  for (const node of nodes) {
    if (node.mode === 5) {
      held.push(node);
      continue;
    }
    const m = out.at(-1);
    if (m && m.mode === 0 && node.mode === 0) {
      const begin = m.i1 + m.c1;
      const end = node.i1;
      const near = end - begin <= 3 || !hasAlnum(begin, end, lineText);
      if (near && !keepApart?.(begin, end)) {
        m.c0 = node.i0 + node.c0 - m.i0;
        m.c1 = node.i1 + node.c1 - m.i1;
        m.c2 = node.i2 + node.c2 - m.i2;
        m.inserted = m.inserted === true && node.inserted === true && m.c0 === 0;
        held = [];
        continue;
      }
    }
    out.push(...held, node);
    held = [];
  }
  out.push(...held);
  return out;
}

function hasAlnum(begin: number, end: number, lineText: (mineLine: number) => string): boolean {
  // Git tests bytes with isalnum in the C locale: ASCII letters and digits only.
  for (let i = begin; i < end; i++) if (/[0-9A-Za-z]/.test(lineText(i))) return true;
  return false;
}

/** Lays the nodes and identical changes out as pieces covering all three texts. */
function collectPieces(
  nodes: Node[],
  identical: Node[],
  base: Int32Array,
  mine: Int32Array,
  theirs: Int32Array,
): LinePiece[] {
  const pieces: LinePiece[] = [];
  let b = 0;
  let m = 0;
  let t = 0;
  let k = 0;
  const push = (
    kind: LinePiece['kind'],
    b1: number,
    m1: number,
    t1: number,
    inserted?: boolean,
  ): void => {
    if (b1 > b || m1 > m || t1 > t) {
      // Not a spread of `inserted && { inserted }`: in a first merge, before V8 had compiled
      // this, each such spread took a slow path, a seventh of a first word merge of 5 MiB prose.
      const piece: LinePiece = { kind, b0: b, b1, m0: m, m1, t0: t, t1 };
      if (inserted) piece.inserted = true;
      pieces.push(piece);
    }
    b = b1;
    m = m1;
    t = t1;
  };
  // Between nodes mine and theirs agree; base agrees too except for identical changes and for
  // lines both sides wrote alike inside a refined conflict.
  const pushGap = (b1: number, m1: number, t1: number): void => {
    while (k < identical.length && identical[k]!.i0 < b) k++;
    for (; k < identical.length && identical[k]!.i0 < b1; k++) {
      const same = identical[k]!;
      push('unchanged', same.i0, same.i1, same.i2);
      push('both', same.i0 + same.c0, same.i1 + same.c1, same.i2 + same.c2);
    }
    if (b1 - b === m1 - m && sameIds(base, b, mine, m, m1 - m)) {
      push('unchanged', b1, m1, t1);
      return;
    }
    // Lines both sides wrote alike, between the parts of a refined conflict: what they share
    // with the base around the change stays unchanged, so only the change itself is 'both'.
    let prefix = 0;
    while (b + prefix < b1 && m + prefix < m1 && base[b + prefix] === mine[m + prefix]) prefix++;
    let suffix = 0;
    while (
      b1 - suffix > b + prefix &&
      m1 - suffix > m + prefix &&
      base[b1 - suffix - 1] === mine[m1 - suffix - 1]
    ) {
      suffix++;
    }
    push('unchanged', b + prefix, m + prefix, t + prefix);
    push('both', b1 - suffix, m1 - suffix, t1 - suffix);
    push('unchanged', b1, m1, t1);
  };
  const kinds = { 0: 'conflict', 1: 'mine', 2: 'theirs', 4: 'both' } as const;
  for (const node of nodes) {
    pushGap(node.i0, node.i1, node.i2);
    if (node.mode === 5) pushGap(node.i0 + node.c0, node.i1 + node.c1, node.i2 + node.c2);
    else {
      push(
        kinds[node.mode],
        node.i0 + node.c0,
        node.i1 + node.c1,
        node.i2 + node.c2,
        node.inserted,
      );
    }
  }
  pushGap(base.length, mine.length, theirs.length);
  return pieces;
}
