/**
 * One stretch of a diff over tokens (see `tokenizeWords`): `same` text both sides have, or a
 * `change` where `removed` (of the first text) became `added` (in the second); either string of a
 * change may be empty. Each side's length is counted in tokens beside its text.
 */
export type DiffStretch =
  | { kind: 'same'; text: string; tokens: number }
  | { kind: 'change'; removed: string; added: string; removedTokens: number; addedTokens: number };

/**
 * Folds tiny coincidental matches into the changes around them, so a rewritten phrase reads as
 * one change instead of words cut apart by a shared space or comma. A match is folded when it is
 * no longer (in tokens) than the larger side of the change before it and no longer than the
 * larger side of the change after it: diff-match-patch's semantic cleanup (`diff_cleanupSemantic`,
 * its first pass), measured in tokens as the dialog's word diff measured it when it ran on
 * diff-match-patch. A match at either end is always kept.
 *
 * One pass over a stack: folding only ever grows the change on top, so only the match just below
 * it can become foldable, and it is looked at again at once. The cost is linear in the stretches.
 * The stretches must alternate (no two of a kind in a row); the result does too, and joining each
 * side's text gives both texts back exactly.
 *
 * @example
 * absorbSmallMatches([
 *   { kind: 'change', removed: 'quick', added: 'slow', removedTokens: 1, addedTokens: 1 },
 *   { kind: 'same', text: ' ', tokens: 1 },
 *   { kind: 'change', removed: 'brown', added: 'red', removedTokens: 1, addedTokens: 1 },
 * ]);
 * // [{ kind: 'change', removed: 'quick brown', added: 'slow red', removedTokens: 3, addedTokens: 3 }]
 */
export function absorbSmallMatches(stretches: readonly DiffStretch[]): DiffStretch[] {
  const out: DiffStretch[] = [];
  for (const stretch of stretches) {
    out.push(stretch);
    for (;;) {
      const next = out.at(-1);
      const match = out.at(-2);
      const previous = out.at(-3);
      if (next?.kind !== 'change' || match?.kind !== 'same' || previous?.kind !== 'change') break;
      if (match.tokens > larger(previous) || match.tokens > larger(next)) break;
      out.length -= 3;
      out.push({
        kind: 'change',
        removed: previous.removed + match.text + next.removed,
        added: previous.added + match.text + next.added,
        removedTokens: previous.removedTokens + match.tokens + next.removedTokens,
        addedTokens: previous.addedTokens + match.tokens + next.addedTokens,
      });
    }
  }
  return out;
}

function larger(change: { removedTokens: number; addedTokens: number }): number {
  return Math.max(change.removedTokens, change.addedTokens);
}
