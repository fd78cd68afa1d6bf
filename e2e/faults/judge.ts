/**
 * The one oracle every fault scenario shares. At the end, every sentence a person typed must be
 * on the server, in front of that person (their editor, or the dialog they are resolving in), or
 * in one of the document's versions (History); nothing stored twice, no conflict marker stored,
 * versions without gaps. Pure, so it is tested
 * on its own (judge.test.ts).
 */

/** A sentence someone typed, as the harness tracked it. */
export interface Typed {
  /** The person (a tab `alice#2` counts as `alice`). */
  who: string;
  text: string;
}

/** What could be seen at one moment: the server's document and what each person has in front of them. */
export interface Sight {
  /** The server's title and body (empty when the document is gone). */
  server: string;
  /** Per person, the texts in front of them: editor title and body, the dialog's merged result. */
  visible: ReadonlyMap<string, readonly string[]>;
  /** Every version the server keeps of the document (one click away in History). */
  history?: readonly string[];
}

export interface Verdict {
  typedChars: number;
  /** Characters of sentences neither on the server nor in front of the person who typed them. */
  lostChars: number;
  /** Characters of sentences in front of their author but not yet on the server. */
  unsavedChars: number;
  /** Characters no longer in the document but kept in one of its versions. */
  inHistoryChars: number;
  /** Characters that were neither saved nor visible when the fault was over, and are saved now. */
  recoveredChars: number;
  lost: Typed[];
  /** Sentences stored more than once. */
  duplicated: string[];
  /** 1-based lines of the stored body that are conflict markers. */
  markerLines: number[];
  /** Version numbers missing between 1 and the newest. */
  versionGaps: number[];
}

/** The person a tab belongs to: `alice#2` → `alice`. */
export function personOf(who: string): string {
  return who.split('#')[0]!;
}

const markerLine = /^(<{7}|>{7})( |$)|^={7}$/;

/**
 * Judges a scenario's end state.
 *
 * @example
 * judge([{ who: 'bob', text: 'Bob adds kestrel.' }], { server: 'Bob adds kestrel.\n', visible: new Map() }, [1]);
 * // → lostChars 0
 */
export function judge(
  typed: readonly Typed[],
  end: Sight,
  versions: readonly number[],
  atFaultOver?: Sight,
  seed = '',
): Verdict {
  const verdict: Verdict = {
    typedChars: 0,
    lostChars: 0,
    unsavedChars: 0,
    inHistoryChars: 0,
    recoveredChars: 0,
    lost: [],
    duplicated: [],
    markerLines: [],
    versionGaps: [],
  };
  for (const sentence of typed) {
    const size = sentence.text.length;
    verdict.typedChars += size;
    if (end.server.includes(sentence.text)) {
      if (atFaultOver && !inSight(atFaultOver, sentence)) verdict.recoveredChars += size;
      if (countOf(end.server, sentence.text) > 1) verdict.duplicated.push(sentence.text);
    } else if (inFrontOf(end, sentence)) {
      verdict.unsavedChars += size;
    } else if ((end.history ?? []).some((text) => text.includes(sentence.text))) {
      verdict.inHistoryChars += size;
    } else {
      verdict.lostChars += size;
      verdict.lost.push(sentence);
    }
  }
  const seedMarkers = new Set(seed.split('\n').filter((line) => markerLine.test(line)));
  end.server.split('\n').forEach((line, i) => {
    if (markerLine.test(line) && !seedMarkers.has(line)) verdict.markerLines.push(i + 1);
  });
  const newest = Math.max(0, ...versions);
  const present = new Set(versions);
  for (let n = 1; n <= newest; n++) if (!present.has(n)) verdict.versionGaps.push(n);
  return verdict;
}

/** Whether the verdict keeps the promise: nothing lost, duplicated, marked or missing. */
export function keepsPromise(verdict: Verdict): boolean {
  return (
    verdict.lostChars === 0 &&
    verdict.duplicated.length === 0 &&
    verdict.markerLines.length === 0 &&
    verdict.versionGaps.length === 0
  );
}

function inSight(sight: Sight, sentence: Typed): boolean {
  return sight.server.includes(sentence.text) || inFrontOf(sight, sentence);
}

function inFrontOf(sight: Sight, sentence: Typed): boolean {
  return (sight.visible.get(personOf(sentence.who)) ?? []).some((t) => t.includes(sentence.text));
}

function countOf(haystack: string, needle: string): number {
  let count = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) count++;
  return count;
}
