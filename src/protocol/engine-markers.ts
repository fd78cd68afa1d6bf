// The conflict dialog writes each unresolved conflict into its merged result between marker
// lines labelled with the conflict's number; the save paths must never send one. The format lives
// here because both sides need it and both may import protocol: src/conflict writes the markers,
// src/client (useGuardedSave) refuses a resolution that still carries one.

/** The kinds of marker line, in the order a block has them. */
export type EngineMarkerKind = 'mine' | 'separator' | 'theirs';

/**
 * The text after a marker's run of `<`, `=` or `>`: `mine (conflict 2)`, `(conflict 2)`,
 * `theirs (conflict 2)`. Every marker line names its conflict, so a leftover one is told apart
 * from a Markdown heading underline (`=======`) or a git block quoted in the document.
 *
 * @example engineMarkerLabel('mine', 2) // 'mine (conflict 2)'
 */
export function engineMarkerLabel(kind: EngineMarkerKind, conflict: number): string {
  return `${kind === 'separator' ? '' : `${kind} `}(conflict ${conflict})`;
}

// A line that starts like one of the dialog's marker lines (git's marker size is 7 or more).
const markerLine = /^(?:<{7,} mine|={7,}|>{7,} theirs) \(conflict (\d+)\)[^\r\n]*/gm;

/**
 * The first line of `text` that is one of the dialog's conflict markers (1-based), unless the very
 * same line is in one of `sources` (base, mine, theirs): there it is the person's own text.
 *
 * @example
 * findEngineMarker('a\n<<<<<<< mine (conflict 1)\nb\n', [base, mine, theirs]);
 * // { line: 2, conflict: 1 }
 */
export function findEngineMarker(
  text: string,
  sources: readonly string[],
): { line: number; conflict: number } | undefined {
  const own = new Set(sources.flatMap((source) => source.match(markerLine) ?? []));
  for (const match of text.matchAll(markerLine)) {
    if (own.has(match[0])) continue;
    const line = text.slice(0, match.index).split('\n').length;
    return { line, conflict: Number(match[1]) };
  }
  return undefined;
}
