import type { MergeInput, MergeRegion } from './types.ts';

/**
 * What the regions take from each input, region by region. For any merge this must give back
 * the three inputs exactly: no text lost, none made up. Test support, not part of the engine.
 */
export function sidesOf(regions: MergeRegion[]): MergeInput {
  let base = '';
  let mine = '';
  let theirs = '';
  for (const r of regions) {
    switch (r.kind) {
      case 'unchanged':
        base += r.text;
        mine += r.text;
        theirs += r.text;
        break;
      case 'mine':
        base += r.base;
        mine += r.text;
        theirs += r.base;
        break;
      case 'theirs':
        base += r.base;
        mine += r.base;
        theirs += r.text;
        break;
      case 'both':
        base += r.base;
        mine += r.text;
        theirs += r.text;
        break;
      case 'merged':
      case 'conflict':
        base += r.base;
        mine += r.mine;
        theirs += r.theirs;
        break;
    }
  }
  return { base, mine, theirs };
}

/** An edit of a list of lines: at `at` (wrapped to the length), delete `remove`, insert `insert`. */
export interface LineEdit {
  at: number;
  remove: number;
  insert: string[];
}

/** Applies edits one after the other. */
export function applyEdits(lines: readonly string[], edits: readonly LineEdit[]): string[] {
  const out = lines.slice();
  for (const edit of edits) {
    out.splice(edit.at % (out.length + 1), edit.remove, ...edit.insert);
  }
  return out;
}
