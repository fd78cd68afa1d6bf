import { DEFAULT_MARKER_SIZE, MARKER_CHARS } from './conflict-markers.ts';
import type { MergeRegion, MergeResult, RenderOptions } from './types.ts';

const DEFAULT_LABELS = { mine: 'mine', base: 'base', theirs: 'theirs' };

/**
 * Writes a merge result as one text with git-style conflict markers around each conflict:
 * `<<<<<<< mine`, mine's lines, (`||||||| base` and base's lines with `style: 'diff3'`),
 * `=======`, theirs' lines, `>>>>>>> theirs`. A clean result renders as its text.
 *
 * Markers end their lines as the text around them does (CRLF in a CRLF document, by git's rule). As in git, a
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
  const eols = new LineEnds(result.regions);

  let out = '';
  const { regions } = result;
  for (let k = 0; k < regions.length; k++) {
    const region = regions[k]!;
    if (region.kind !== 'conflict') {
      out += region.text;
      eols.pass(region);
      continue;
    }
    const eol = eols.choose();
    eols.pass(region);
    switch (options.conflicts) {
      case 'mine':
        out += region.mine;
        continue;
      case 'theirs':
        out += region.theirs;
        continue;
      case 'union':
        out += closeLastLine(region.mine, eol) + region.theirs;
        continue;
    }
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

/** Whether a line ends in CRLF; `undefined` when there is no line (or no line end) to tell. */
type Vote = boolean | undefined;

/** A region's text on each side: base, mine, theirs. */
function sidesOf(r: MergeRegion): [string, string, string] {
  if (r.kind === 'unchanged') return [r.text, r.text, r.text];
  if (r.kind === 'mine') return [r.base, r.text, r.base];
  if (r.kind === 'theirs') return [r.base, r.base, r.text];
  if (r.kind === 'both') return [r.base, r.text, r.text];
  return [r.base, r.mine, r.theirs];
}

/** `sidesOf(r)[1]` without the array: this runs for every region. */
function mineOf(r: MergeRegion): string {
  if (r.kind === 'theirs') return r.base;
  return r.kind === 'conflict' || r.kind === 'merged' ? r.mine : r.text;
}

/** `sidesOf(r)[2]` without the array. */
function theirsOf(r: MergeRegion): string {
  if (r.kind === 'mine') return r.base;
  return r.kind === 'conflict' || r.kind === 'merged' ? r.theirs : r.text;
}

/** The line end of the last line of `text`, or `previous` when it is empty. */
function lastLineEnd(text: string, previous: Vote | null): Vote | null {
  if (text === '') return previous;
  return text.endsWith('\r\n') ? true : text.endsWith('\n') ? false : undefined;
}

/**
 * Chooses the line end of a conflict's markers as git's `is_cr_needed` does: CRLF only when the
 * line before the conflict in mine (or mine's first line, at the start) and in theirs do not end
 * in a bare LF, and base's first line ends in CRLF. Call `pass` with each region in order. A
 * class, not closures: `pass` runs for every region, and closures cost a first run more.
 */
class LineEnds {
  private firstBase: Vote | null = null;
  // Line end of the last line of each side so far; null while nothing came yet.
  private mineEnd: Vote | null = null;
  private theirsEnd: Vote | null = null;

  constructor(private readonly regions: MergeRegion[]) {}

  pass(region: MergeRegion): void {
    this.mineEnd = lastLineEnd(mineOf(region), this.mineEnd);
    this.theirsEnd = lastLineEnd(theirsOf(region), this.theirsEnd);
  }

  choose(): '\n' | '\r\n' {
    const mine = this.mineEnd === null ? this.firstLineEnd(1) : this.mineEnd;
    if (mine === false) return '\n';
    const theirs = this.theirsEnd === null ? this.firstLineEnd(2) : this.theirsEnd;
    if (theirs === false) return '\n';
    this.firstBase ??= this.firstLineEnd(0) ?? false;
    return this.firstBase ? '\r\n' : '\n';
  }

  /** The line end of a side's first line, read across regions (most documents: the first). */
  private firstLineEnd(side: 0 | 1 | 2): Vote {
    let head = '';
    for (const region of this.regions) {
      head += sidesOf(region)[side];
      const nl = head.indexOf('\n');
      if (nl >= 0) return head[nl - 1] === '\r';
    }
    return undefined;
  }
}
