import { DEFAULT_MARKER_SIZE, MARKER_CHARS } from './conflict-markers.ts';
import type { MergeRegion, MergeResult, RenderOptions } from './types.ts';

const DEFAULT_LABELS = { mine: 'mine', base: 'base', theirs: 'theirs' };

/**
 * Writes a merge result as one text with git-style conflict markers around each conflict:
 * `<<<<<<< mine`, mine's lines, (`||||||| base` and base's lines with `style: 'diff3'`),
 * `=======`, theirs' lines, `>>>>>>> theirs`. A clean result renders as its text.
 *
 * Markers end their lines as the text around them does (CRLF in a CRLF document). As in git, a
 * side whose last line has no line break gets one before the next marker, so the markers stay on
 * lines of their own; `parseMerge` then reads that side back with the line break.
 *
 * @example
 * renderMerge(merge({ base: 'a\n', mine: 'b\n', theirs: 'c\n' }), { labels: { mine: 'HEAD' } });
 * // '<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> theirs\n'
 */
export function renderMerge(result: MergeResult, options: RenderOptions = {}): string {
  const labels = { ...DEFAULT_LABELS, ...options.labels };
  const size = options.markerSize ?? DEFAULT_MARKER_SIZE;
  const marker = (kind: keyof typeof MARKER_CHARS, label: string, eol: string): string =>
    MARKER_CHARS[kind].repeat(size) + (label ? ` ${label}` : '') + eol;

  let out = '';
  for (const region of result.regions) {
    if (region.kind !== 'conflict') {
      out += region.text;
      continue;
    }
    const eol = chooseLineEnd(out, region);
    out += marker('mine', labels.mine, eol) + closeLastLine(region.mine, eol);
    if (options.style === 'diff3') {
      out += marker('base', labels.base, eol) + closeLastLine(region.base, eol);
    }
    out += marker('separator', '', eol) + closeLastLine(region.theirs, eol);
    out += marker('theirs', labels.theirs, eol);
  }
  return out;
}

function closeLastLine(text: string, eol: string): string {
  return text === '' || text.endsWith('\n') ? text : text + eol;
}

/**
 * CRLF when the line before the conflict (or, at the start, the first line of each side) ends in
 * CRLF, like git's `is_cr_needed`; LF otherwise and when nothing tells.
 */
function chooseLineEnd(before: string, region: Extract<MergeRegion, { kind: 'conflict' }>): string {
  const lineEndOf = (text: string, atEnd: boolean): boolean | undefined => {
    const nl = atEnd ? text.lastIndexOf('\n') : text.indexOf('\n');
    if (nl < 0) return undefined;
    return text[nl - 1] === '\r';
  };
  const votes = before
    ? [lineEndOf(before, true)]
    : [
        lineEndOf(region.mine, false),
        lineEndOf(region.theirs, false),
        lineEndOf(region.base, false),
      ];
  return votes.includes(false) || !votes.includes(true) ? '\n' : '\r\n';
}
