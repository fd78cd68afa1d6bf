import { DEFAULT_MARKER_SIZE, MARKER_CHARS } from './conflict-markers.ts';
import { splitLines } from './split-lines.ts';
import type { MergeRegion } from './types.ts';

type Marker = keyof typeof MARKER_CHARS;

/**
 * Reads text with git-style conflict markers back into regions: `unchanged` for text outside
 * markers and `conflict` for each marked block (its `base` is empty unless the block has a
 * `|||||||` section). The marker length is taken from each block's `<<<<<<<` line (7 or more).
 * A block that is never closed is not a conflict: its lines stay plain text, so nothing is lost.
 *
 * @example
 * parseMerge('a\n<<<<<<< mine\nb\n=======\nc\n>>>>>>> theirs\n');
 * // [{ kind: 'unchanged', text: 'a\n' }, { kind: 'conflict', base: '', mine: 'b\n', theirs: 'c\n' }]
 */
export function parseMerge(text: string): MergeRegion[] {
  const regions: MergeRegion[] = [];
  let plain = '';
  // The open block: its own text (to give back if it never closes) and its sections so far.
  let block: { raw: string; size: number; mine: string; base: string; theirs: string } | null =
    null;
  let section: 'mine' | 'base' | 'theirs' = 'mine';

  for (const line of splitLines(text)) {
    if (!block) {
      const size = markerSize(line, 'mine');
      if (size >= DEFAULT_MARKER_SIZE) {
        block = { raw: line, size, mine: '', base: '', theirs: '' };
        section = 'mine';
      } else {
        plain += line;
      }
      continue;
    }
    block.raw += line;
    const isMarker = (kind: Marker): boolean => markerSize(line, kind) === block?.size;
    if (section === 'mine' && isMarker('base')) {
      section = 'base';
    } else if (section !== 'theirs' && isMarker('separator')) {
      section = 'theirs';
    } else if (section === 'theirs' && isMarker('theirs')) {
      if (plain) regions.push({ kind: 'unchanged', text: plain });
      plain = '';
      regions.push({ kind: 'conflict', base: block.base, mine: block.mine, theirs: block.theirs });
      block = null;
    } else {
      block[section] += line;
    }
  }
  if (block) plain += block.raw;
  if (plain) regions.push({ kind: 'unchanged', text: plain });
  return regions;
}

/** Length of the marker `line` starts with (0 if none): the run of its character, then end or space. */
function markerSize(line: string, kind: Marker): number {
  const char = MARKER_CHARS[kind];
  let n = 0;
  while (line[n] === char) n++;
  const after = line[n];
  return after === undefined || after === ' ' || after === '\n' || after === '\r' ? n : 0;
}
