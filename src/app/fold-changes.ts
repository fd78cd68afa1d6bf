import type { WordChange } from '../merge/index.ts';

/** A stretch of a version's changes as shown: a change, kept text, or kept text folded away. */
export type ShownChange = WordChange | { kind: 'folded'; words: number; text: string };

/** Words of unchanged text kept in sight on each side of a change. */
export const contextWords = 12;

// A word with the space after it. Joined back after any leading space, they are the text.
const wordPattern = /\S+\s*/g;

/**
 * A word diff with the long unchanged stretches folded: `context` words stay on each side of a
 * change (at the start and end of the text only the side next to a change), and a fold is made
 * only when it hides at least as many words as it keeps, so it is worth a click.
 *
 * @example
 * foldChanges([{ kind: 'same', text: many }, { kind: 'added', text: 'new' }], 2);
 * // [{ kind: 'folded', words: 98 }, { kind: 'same', text: 'last two ' }, { kind: 'added', ... }]
 */
export function foldChanges(changes: readonly WordChange[], context = contextWords): ShownChange[] {
  const shown: ShownChange[] = [];
  changes.forEach((change, i) => {
    if (change.kind !== 'same') {
      shown.push(change);
      return;
    }
    const lead = /^\s*/.exec(change.text)?.[0] ?? '';
    const words = change.text.slice(lead.length).match(wordPattern) ?? [];
    const keepBefore = i === 0 ? 0 : context; // after the previous change
    const keepAfter = i === changes.length - 1 ? 0 : context; // before the next change
    const hidden = words.length - keepBefore - keepAfter;
    if (hidden < Math.max(keepBefore + keepAfter, 1)) {
      shown.push(change);
      return;
    }
    if (keepBefore > 0 || lead)
      shown.push({ kind: 'same', text: lead + words.slice(0, keepBefore).join('') });
    const folded = words.slice(keepBefore, words.length - keepAfter).join('');
    shown.push({ kind: 'folded', words: hidden, text: folded });
    if (keepAfter > 0) shown.push({ kind: 'same', text: words.slice(-keepAfter).join('') });
  });
  return shown;
}
