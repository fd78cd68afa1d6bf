import type { LinePiece, MergeNode } from './line-nodes.ts';
import { sameIds } from './line-nodes.ts';

const KINDS = { 0: 'conflict', 1: 'mine', 2: 'theirs', 4: 'both' } as const;

/** Lays the nodes and identical changes out as pieces covering all three texts. */
export function collectPieces(
  nodes: MergeNode[],
  identical: MergeNode[],
  base: Int32Array,
  mine: Int32Array,
  theirs: Int32Array,
): LinePiece[] {
  const pieces = new Pieces(identical, base, mine);
  layOut(nodes, pieces);
  pieces.pushGap(base.length, mine.length, theirs.length);
  return pieces.list;
}

/**
 * The pieces up to the last node. A loop of its own with nothing after it (see
 * mark-changes-like-git.ts): with the last gap and the return after it, V8 fell back to the
 * interpreter there on every call, hundreds of times in one word merge.
 */
function layOut(nodes: MergeNode[], pieces: Pieces): void {
  // Indexes, not for-of, here and in the loops around: until V8 has compiled a loop, each for-of
  // step allocates a result object (4 of the 20 MB a first merge of 40,000 lines allocated).
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n]!;
    pieces.pushGap(node.i0, node.i1, node.i2);
    if (node.mode === 5) pieces.pushGap(node.i0 + node.c0, node.i1 + node.c1, node.i2 + node.c2);
    else {
      pieces.push(
        KINDS[node.mode],
        node.i0 + node.c0,
        node.i1 + node.c1,
        node.i2 + node.c2,
        node.inserted,
      );
    }
  }
}

/**
 * The pieces so far and where they end in each text. Methods of a class, not closures over the
 * three ends: in a first merge, before V8 had compiled them, the closures cost several times as
 * much (decision 15).
 */
class Pieces {
  readonly list: LinePiece[] = [];
  private b = 0;
  private m = 0;
  private t = 0;
  /** The next identical change not yet laid out. */
  private k = 0;

  constructor(
    private readonly identical: MergeNode[],
    private readonly base: Int32Array,
    private readonly mine: Int32Array,
  ) {}

  /** A piece from the current ends to these, unless empty; the ends move there. */
  push(kind: LinePiece['kind'], b1: number, m1: number, t1: number, inserted: boolean): void {
    if (b1 > this.b || m1 > this.m || t1 > this.t) {
      // Every piece has the same fields (no spread of `inserted && { inserted }`): in a first
      // merge each such spread took a slow path, a seventh of a first word merge of 5 MiB prose.
      this.list.push({ kind, b0: this.b, b1, m0: this.m, m1, t0: this.t, t1, inserted });
    }
    this.b = b1;
    this.m = m1;
    this.t = t1;
  }

  /**
   * Between nodes mine and theirs agree; base agrees too except for identical changes and for
   * lines both sides wrote alike inside a refined conflict.
   */
  pushGap(b1: number, m1: number, t1: number): void {
    const { identical, base, mine } = this;
    while (this.k < identical.length && identical[this.k]!.i0 < this.b) this.k++;
    for (; this.k < identical.length && identical[this.k]!.i0 < b1; this.k++) {
      const same = identical[this.k]!;
      this.push('unchanged', same.i0, same.i1, same.i2, false);
      this.push('both', same.i0 + same.c0, same.i1 + same.c1, same.i2 + same.c2, false);
    }
    const { b, m, t } = this;
    if (b1 - b === m1 - m && sameIds(base, b, mine, m, m1 - m)) {
      this.push('unchanged', b1, m1, t1, false);
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
    this.push('unchanged', b + prefix, m + prefix, t + prefix, false);
    this.push('both', b1 - suffix, m1 - suffix, t1 - suffix, false);
    this.push('unchanged', b1, m1, t1, false);
  }
}
