import { internLines } from './intern-lines.ts';
import { mergeLineIds } from './merge-line-ids.ts';
import { tokenizeWords } from './tokenize-words.ts';

/**
 * Merges one line-level conflict again at word and punctuation level, with the same rules as
 * lines: changes to different words merge, changes to the same or touching words (with no space
 * or punctuation between them) still conflict, so no word is ever made of two sides' halves.
 * Returns the merged text, or `null` when it still conflicts.
 *
 * @example
 * mergeWithinLines('I like cats. Dogs too.\n', 'I love cats. Dogs too.\n', 'I like cats. Birds too.\n');
 * // 'I love cats. Birds too.\n'
 */
export function mergeWithinLines(base: string, mine: string, theirs: string): string | null {
  const tokens = [tokenizeWords(base), tokenizeWords(mine), tokenizeWords(theirs)] as const;
  const { ids, count } = internLines(tokens);
  const pieces = mergeLineIds(ids[0]!, ids[1]!, ids[2]!, count, (i) => tokens[1][i]!);
  let text = '';
  for (const p of pieces) {
    if (p.kind === 'conflict') return null;
    const [side, from, to] =
      p.kind === 'theirs' ? [tokens[2], p.t0, p.t1] : [tokens[1], p.m0, p.m1];
    for (let i = from; i < to; i++) text += side[i];
  }
  return text;
}
