// The conflict dialog writes each unresolved conflict into its merged result between marker
// lines labelled with the conflict's number; the save paths must never send one. The format lives
// here because both sides need it and both may import protocol: src/conflict writes the markers,
// src/client (useGuardedSave) refuses a resolution that still carries one.

/** The kinds of marker line, in the order a block has them. */
export type EngineMarkerKind = 'mine' | 'separator' | 'theirs';

/**
 * The text after each marker line's run of `<`, `=` or `>`, with `{n}` where the conflict's
 * number goes: the dialog's `labels.markers`, to translate. Each must hold `{n}` once (every
 * marker line names its conflict, so a leftover one is told apart from a Markdown heading
 * underline or a git block quoted in the document) and no line break.
 */
export interface MarkerLabels {
  mine: string;
  separator: string;
  theirs: string;
}

export const defaultMarkerLabels: Readonly<MarkerLabels> = {
  mine: 'mine (conflict {n})',
  separator: '(conflict {n})',
  theirs: 'theirs (conflict {n})',
};

/**
 * The text after a marker's run of `<`, `=` or `>`: `mine (conflict 2)`, `(conflict 2)`,
 * `theirs (conflict 2)` with the default labels. Throws a `TypeError` for a label without `{n}`
 * exactly once, or with a line break: it could not name its conflict.
 *
 * @example engineMarkerLabel('mine', 2) // 'mine (conflict 2)'
 */
export function engineMarkerLabel(
  kind: EngineMarkerKind,
  conflict: number,
  labels: MarkerLabels = defaultMarkerLabels,
): string {
  const parts = labels[kind].split('{n}');
  if (parts.length !== 2 || /[\n\r]/.test(labels[kind]))
    throw new TypeError(`labels.markers.${kind} must be one line with {n} once`);
  return parts.join(String(conflict));
}

/**
 * The marker lines of `labels`: a run of 7 or more (git's marker size) of `<`, `=` or `>`, a
 * space, the label with its number (in the first group that matched), and the rest of the line.
 */
function matchMarkerLines(labels: MarkerLabels): RegExp {
  // Every sign escaped, then the number's place.
  const label = (text: string) => text.replace(/[^\w\s]/g, '\\$&').replace('\\{n\\}', '(\\d+)');
  return new RegExp(
    `^(?:<{7,} ${label(labels.mine)}|={7,} ${label(labels.separator)}|>{7,} ${label(labels.theirs)}).*`,
    'gm',
  );
}

/**
 * The first line of `text` that is one of the dialog's conflict markers (1-based), unless the very
 * same line is in one of `sources` (base, mine, theirs): there it is the person's own text.
 * `labels`: the marker labels the dialog wrote, if it was given its own.
 *
 * @example
 * findEngineMarker('a\n<<<<<<< mine (conflict 1)\nb\n', [base, mine, theirs]);
 * // { line: 2, conflict: 1 }
 */
export function findEngineMarker(
  text: string,
  sources: readonly string[],
  labels: MarkerLabels = defaultMarkerLabels,
): { line: number; conflict: number } | undefined {
  const markerLine = matchMarkerLines(labels);
  const own = new Set(sources.flatMap((source) => source.match(markerLine) ?? []));
  for (const match of text.matchAll(markerLine)) {
    if (own.has(match[0])) continue;
    const line = text.slice(0, match.index).split('\n').length;
    return { line, conflict: Number(match[1] ?? match[2] ?? match[3]) };
  }
  return undefined;
}
