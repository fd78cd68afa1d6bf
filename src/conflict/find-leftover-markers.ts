import type { MergeRegion } from '../merge/types.ts';
import {
  defaultMarkerLabels,
  engineMarkerLabel,
  type MarkerLabels,
} from '../protocol/engine-markers.ts';

/** A conflict marker the engine wrote that is still in the merged result. */
export interface LeftoverMarker {
  /** The conflict it belongs to, from 1. */
  conflict: number;
  /** Its line in the merged result, from 1. */
  line: number;
}

// Any line that starts like a marker; which ones the engine wrote is decided by exact text.
const markerLike = /^[<=>]{7,} [^\r\n]*/gm;

// The last scan of each conflicts array: the dialog, its progress report and the editor's flow
// all ask about the same text, and a scan of a 20,000-line result is not free.
const lastScan = new WeakMap<object, { text: string; found: readonly LeftoverMarker[] }>();

/**
 * Every marker line of `conflicts` still in `text`, in order. Only the engine's own lines count
 * (their labels name the conflict, see {@link renderConflictBlock}), so a Markdown heading
 * underline or a git block quoted in the document is text, not a conflict; a marker line with
 * something typed after it still counts. The answer for the latest text of each `conflicts` is
 * remembered: asking again about the same text does not scan it again.
 *
 * @example
 * findLeftoverMarkers(state.text, state.conflicts); // [{ conflict: 1, line: 3 }]
 */
export function findLeftoverMarkers(
  text: string,
  conflicts: ReadonlyArray<{ number: number; markers: readonly string[] }>,
): readonly LeftoverMarker[] {
  const last = lastScan.get(conflicts);
  if (last?.text === text) return last.found;
  const found = Object.freeze(scanMarkers(text, conflicts));
  lastScan.set(conflicts, { text, found });
  return found;
}

/**
 * The scan behind {@link findLeftoverMarkers}. Every engine marker line starts with seven of one
 * of `<`, `=` or `>`, so the native `indexOf` finds the candidates (a regular expression tried
 * at every line start took tens of milliseconds on 20,000 lines); each candidate at a line start
 * is then looked up by the longest marker of theirs it starts with (so that conflict 12's marker
 * is not taken for conflict 1's).
 */
function scanMarkers(
  text: string,
  conflicts: ReadonlyArray<{ number: number; markers: readonly string[] }>,
): LeftoverMarker[] {
  const owner = new Map<string, number>();
  for (const entry of conflicts)
    for (const marker of entry.markers) owner.set(marker, entry.number);
  if (owner.size === 0) return [];
  // The markers' lengths, longest first: a handful, as they differ only in the number's digits.
  const lengths = [...new Set([...owner.keys()].map((marker) => marker.length))];
  lengths.sort((a, b) => b - a);
  const hits: Array<{ at: number; conflict: number }> = [];
  for (const run of ['<<<<<<<', '=======', '>>>>>>>']) {
    for (let at = text.indexOf(run); at !== -1; at = text.indexOf(run, at + run.length)) {
      if (at > 0 && !startsLine(text.charCodeAt(at - 1))) continue;
      const line = text.slice(at, findLineEnd(text, at));
      const length = lengths.find((length) => owner.has(line.slice(0, length)));
      if (length) hits.push({ at, conflict: owner.get(line.slice(0, length))! });
    }
  }
  hits.sort((a, b) => a.at - b.at);
  const found: LeftoverMarker[] = [];
  let line = 1;
  let counted = 0;
  for (const { at, conflict } of hits) {
    for (
      let nl = text.indexOf('\n', counted);
      nl !== -1 && nl < at;
      nl = text.indexOf('\n', nl + 1)
    )
      line++;
    counted = at;
    found.push({ conflict, line });
  }
  return found;
}

/** Whether a character ends a line for `^` in a multiline regular expression (as before). */
function startsLine(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

/** Where the line at `from` ends: its `\r` or `\n`, else the end of `text`. */
function findLineEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return end;
}

/**
 * One conflict as a marker block, and its three marker lines (without line ends). Each line
 * names the conflict, which makes every block unique (finding a conflict in an edited result can
 * never pick up a twin) and every marker line recognisable. Where the documents themselves hold
 * such a line, the markers grow longer (as git's `conflict-marker-size`) until none does. Written
 * here rather than by the engine's `renderMerge` (git's markers, with a bare separator): the same
 * lines and line ends, without bundling the renderer into the dialog.
 */
export function renderConflictBlock(
  region: Extract<MergeRegion, { kind: 'conflict' }>,
  number: number,
  taken: ReadonlySet<string>,
  labels: MarkerLabels = defaultMarkerLabels,
): { block: string; markers: string[] } {
  let markerSize = 7;
  let markers: string[];
  const clashes = (marker: string) => [...taken].some((line) => line.startsWith(marker));
  for (;;) {
    markers = (['mine', 'separator', 'theirs'] as const).map(
      (kind, i) => `${'<=>'[i]!.repeat(markerSize)} ${engineMarkerLabel(kind, number, labels)}`,
    );
    if (!markers.some(clashes)) break;
    markerSize++;
  }
  // Markers end their lines as git's would around this conflict alone (renderMerge's rule):
  // CRLF only when neither mine's nor theirs' first line ends in a bare LF and base's ends in CRLF.
  const eol =
    firstLineEndsInCr(region.mine) !== false &&
    firstLineEndsInCr(region.theirs) !== false &&
    firstLineEndsInCr(region.base) === true
      ? '\r\n'
      : '\n';
  // As in git, a side whose last line has no line break gets one before the next marker.
  const close = (text: string) => (text === '' || text.endsWith('\n') ? text : text + eol);
  const [head, separator, tail] = markers;
  const block = `${head}${eol}${close(region.mine)}${separator}${eol}${close(region.theirs)}${tail}${eol}`;
  return { block, markers };
}

/** Whether the first line of `text` ends in CRLF; `undefined` when it has no line break. */
function firstLineEndsInCr(text: string): boolean | undefined {
  const nl = text.indexOf('\n');
  return nl < 0 ? undefined : text[nl - 1] === '\r';
}

/** The lines of `texts` that look like conflict markers (usually none). */
export function findMarkerLikeLines(texts: readonly string[]): Set<string> {
  return new Set(texts.flatMap((text) => text.match(markerLike) ?? []));
}
