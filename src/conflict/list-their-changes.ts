import { diffWords, merge } from '../merge/index.ts';
import type { ResolutionInput } from './resolution-state.ts';

/** One change theirs made since the base that mine does not hold. */
export interface TheirChange {
  /** The document's title, or a passage of its body. */
  where: 'title' | 'body';
  /** The last non-blank line before it in mine, to say where it is ('' at the start). */
  context: string;
  /** The passage as it was in the base, and as theirs has it. */
  base: string;
  theirs: string;
}

/**
 * Every change theirs made since the base that mine lacks: exactly what "Keep mine" (saving
 * mine as it is) would undo. A passage only theirs changed is listed, and so is one both changed
 * unless mine already holds all theirs added; a change both made alike is not. Empty when theirs
 * holds nothing mine lacks.
 *
 * @example
 * listTheirChanges({ base: 'a\nb\n', mine: 'A\nb\n', theirs: 'a\nb\nc\n' });
 * // [{ where: 'body', context: 'b', base: '', theirs: 'c\n' }]
 */
export function listTheirChanges(input: ResolutionInput): TheirChange[] {
  const changes: TheirChange[] = [];
  const titles = input.titles;
  if (titles && titles.theirs !== titles.base && titles.theirs !== titles.mine) {
    changes.push({ where: 'title', context: '', base: titles.base, theirs: titles.theirs });
  }
  // Line by line: each listed passage is then whole lines, its own context.
  let before = '';
  for (const region of merge(input, { granularity: 'line' }).regions) {
    if (region.kind === 'theirs' || (region.kind === 'conflict' && !holdsAll(region))) {
      const theirs = region.kind === 'theirs' ? region.text : region.theirs;
      changes.push({ where: 'body', context: lastLine(before), base: region.base, theirs });
    }
    // What mine has here: the context of the next change.
    const mine =
      region.kind === 'theirs' ? region.base : 'text' in region ? region.text : region.mine;
    if (mine.trim()) before = mine;
  }
  return changes;
}

/**
 * A change as the words it removed and the words it added (each '' when none), cut to `max`
 * characters: for saying in one sentence what someone changed.
 *
 * @example summarizeChange({ base: 'the old line\n', theirs: 'the new line\n' }) // { removed: 'old', added: 'new' }
 */
export function summarizeChange(
  change: Pick<TheirChange, 'base' | 'theirs'>,
  max = 80,
): { removed: string; added: string } {
  const words = { removed: '', added: '', same: '' };
  for (const piece of diffWords(change.base, change.theirs)) {
    words[piece.kind] += words[piece.kind] ? ` ${piece.text}` : piece.text;
  }
  const cut = (text: string) => {
    const one = text.replace(/\s+/g, ' ').trim();
    return one.length > max ? `${one.slice(0, max - 1)}…` : one;
  };
  return { removed: cut(words.removed), added: cut(words.added) };
}

/**
 * What a newer theirs changed, in words, when `next` is `previous` saved and met that newer
 * version (the resolution was sent against theirs, so the old theirs is now the base); `null`
 * when `next` is not such a successor.
 *
 * @example
 * describeNewerTheirs(inputs, { base: inputs.theirs, mine: resolved, theirs: newer }, labels.describeChange);
 * // 'changed “noon” to “two”'
 */
export function describeNewerTheirs(
  previous: ResolutionInput,
  next: ResolutionInput,
  describe: (removed: string, added: string) => string,
): string | null {
  const { base, titles } = next;
  if (base !== previous.theirs || titles?.base !== previous.titles?.theirs) return null;
  return listTheirChanges({
    ...next,
    mine: base,
    titles: titles && { ...titles, mine: titles.base },
  })
    .map((change) => {
      const { removed, added } = summarizeChange(change);
      return describe(removed, added);
    })
    .join('; ');
}

// Theirs only added words to the base, and mine holds all of theirs (mine only adds to it):
// then Keep mine undoes nothing of theirs. Word diffs that cannot tell count as not held.
function holdsAll(region: { base: string; mine: string; theirs: string }): boolean {
  const onlyAdds = (before: string, after: string) =>
    diffWords(before, after).every((piece) => piece.kind !== 'removed');
  return onlyAdds(region.base, region.theirs) && onlyAdds(region.theirs, region.mine);
}

function lastLine(text: string): string {
  return text.trimEnd().split('\n').at(-1)?.trim() ?? '';
}
