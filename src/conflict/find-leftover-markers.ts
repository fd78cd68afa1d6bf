import { renderMerge } from '../merge/index.ts';
import type { MergeRegion } from '../merge/types.ts';
import { engineMarkerLabel } from '../protocol/engine-markers.ts';

/** A conflict marker the engine wrote that is still in the merged result. */
export interface LeftoverMarker {
  /** The conflict it belongs to, from 1. */
  conflict: number;
  /** Its line in the merged result, from 1. */
  line: number;
}

// Any line that starts like a marker; which ones the engine wrote is decided by exact text.
const markerLike = /^[<=>]{7,} [^\r\n]*/gm;

/**
 * Every marker line of `conflicts` still in `text`, in order. Only the engine's own lines count
 * (their labels name the conflict, see {@link renderConflictBlock}), so a Markdown heading
 * underline or a git block quoted in the document is text, not a conflict; a marker line with
 * something typed after it still counts.
 *
 * @example
 * findLeftoverMarkers(state.text, state.conflicts); // [{ conflict: 1, line: 3 }]
 */
export function findLeftoverMarkers(
  text: string,
  conflicts: ReadonlyArray<{ number: number; markers: readonly string[] }>,
): LeftoverMarker[] {
  const owner = new Map<string, number>();
  for (const entry of conflicts)
    for (const marker of entry.markers) owner.set(marker, entry.number);
  const found: LeftoverMarker[] = [];
  let line = 1;
  let counted = 0;
  for (const match of text.matchAll(markerLike)) {
    // Every engine label ends at its first ')'.
    const conflict = owner.get(match[0].slice(0, match[0].indexOf(')') + 1));
    if (conflict === undefined) continue;
    for (let i = counted; i < match.index; i++) if (text.charCodeAt(i) === 10) line++;
    counted = match.index;
    found.push({ conflict, line });
  }
  return found;
}

/**
 * One conflict as a marker block, and its three marker lines (without line ends). Each line
 * names the conflict, which makes every block unique (finding a conflict in an edited result can
 * never pick up a twin) and every marker line recognisable. Where the documents themselves hold
 * such a line, the markers grow longer (as git's `conflict-marker-size`) until none does.
 */
export function renderConflictBlock(
  region: Extract<MergeRegion, { kind: 'conflict' }>,
  number: number,
  taken: ReadonlySet<string>,
): { block: string; markers: string[] } {
  let markerSize = 7;
  let markers: string[];
  const clashes = (marker: string) => [...taken].some((line) => line.startsWith(marker));
  for (;;) {
    markers = (['mine', 'separator', 'theirs'] as const).map(
      (kind, i) => `${'<=>'[i]!.repeat(markerSize)} ${engineMarkerLabel(kind, number)}`,
    );
    if (!markers.some(clashes)) break;
    markerSize++;
  }
  const block = renderMerge(
    { clean: false, regions: [region], conflicts: 1 },
    {
      markerSize,
      labels: {
        mine: engineMarkerLabel('mine', number),
        theirs: engineMarkerLabel('theirs', number),
      },
    },
  );
  // renderMerge writes git's bare separator, after the header and mine's lines (closed with the
  // header's line end): label it too, so that a leftover one is known.
  const headerEnd = block.indexOf('\n') + 1;
  const eol = block[headerEnd - 2] === '\r' ? '\r\n' : '\n';
  const mine = region.mine === '' || region.mine.endsWith('\n') ? region.mine : region.mine + eol;
  const at = headerEnd + mine.length + markerSize;
  return { block: block.slice(0, at) + markers[1]!.slice(markerSize) + block.slice(at), markers };
}

/** The lines of `texts` that look like conflict markers (usually none). */
export function findMarkerLikeLines(texts: readonly string[]): Set<string> {
  return new Set(texts.flatMap((text) => text.match(markerLike) ?? []));
}
