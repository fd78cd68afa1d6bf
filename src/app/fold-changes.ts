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

/**
 * How many words a change added and removed (a word is a run of non-space characters).
 *
 * @example countChangedWords(diffWords('the quick fox', 'the slow red fox')) // { added: 2, removed: 1 }
 */
export function countChangedWords(changes: readonly WordChange[]): {
  added: number;
  removed: number;
} {
  let added = 0;
  let removed = 0;
  for (const change of changes) {
    const words = change.text.match(/\S+/g)?.length ?? 0;
    if (change.kind === 'added') added += words;
    if (change.kind === 'removed') removed += words;
  }
  return { added, removed };
}

/**
 * "+3 −1 words" for a version's row; "no change to the text" when nothing was added or removed.
 */
export function describeChangedWords({
  added,
  removed,
}: {
  added: number;
  removed: number;
}): string {
  if (added === 0 && removed === 0) return 'no change to the text';
  return `+${added} −${removed} ${added + removed === 1 ? 'word' : 'words'}`;
}
