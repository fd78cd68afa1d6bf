/** The three texts of a three-way merge. */
export interface MergeInput {
  /** The common ancestor: what both sides started from. */
  base: string;
  /** This side's edits ("mine", "ours", "current"). */
  mine: string;
  /** The other side's edits ("theirs", "other"). */
  theirs: string;
}

/** `line` agrees with git; `word` also merges edits to different words of one line (prose). */
export type Granularity = 'line' | 'word';

export interface MergeOptions {
  /** Default `line`. */
  granularity?: Granularity;
  /**
   * `minimal` (default) shrinks each conflict to the lines where mine and theirs really differ and
   * joins conflicts that only a few lines keep apart, as `git merge-file` does. `whole` keeps each
   * conflict as the overlapping changes made it, with every base line it replaces, as
   * `git merge-file --diff3` does: a base section is only true to the base when nothing was cut.
   */
  conflictSize?: 'minimal' | 'whole';
}

/**
 * One stretch of the merged document. Concatenating every region's resolved text gives the
 * merged document; every string keeps its line endings exactly as the side it came from wrote them.
 */
export type MergeRegion =
  /** No side changed this stretch. */
  | { kind: 'unchanged'; text: string }
  /** Only mine changed it (`base` is what it replaced). */
  | { kind: 'mine'; text: string; base: string }
  /** Only theirs changed it. */
  | { kind: 'theirs'; text: string; base: string }
  /** Both sides made the same change. */
  | { kind: 'both'; text: string; base: string }
  /**
   * Both sides changed it differently, and a finer merge still resolved it (edits to different
   * words of one line, or two different insertions kept one after the other). Clean, but worth a
   * look: the dialog shows these for review.
   */
  | {
      kind: 'merged';
      text: string;
      base: string;
      mine: string;
      theirs: string;
      reason: 'within-line' | 'both-inserted';
    }
  /** Both sides changed it differently: a person decides. */
  | { kind: 'conflict'; base: string; mine: string; theirs: string };

export type MergeResult =
  | { clean: true; text: string; regions: MergeRegion[]; conflicts: 0 }
  | { clean: false; regions: MergeRegion[]; conflicts: number };

export interface RenderOptions {
  /** `merge` shows mine and theirs; `diff3` also the base between `|||||||` and `=======`. */
  style?: 'merge' | 'diff3';
  /** Text after the markers, e.g. `{ mine: 'HEAD', base: 'base', theirs: 'feature' }`. */
  labels?: { mine?: string; base?: string; theirs?: string };
  /**
   * Characters per marker, default 7 as in git. A longer marker keeps a conflict readable when a
   * side itself has lines such as `=======` (a Markdown heading underline); `parseMerge` reads the
   * length from each block's first marker.
   */
  markerSize?: number;
  /**
   * `markers` (default) writes each conflict between markers; `mine`, `theirs` and `union` write
   * mine's side, theirs', or both (mine first) instead, as `git merge-file --ours`, `--theirs` and
   * `--union` do.
   */
  conflicts?: 'markers' | 'mine' | 'theirs' | 'union';
}
