import { absorbSmallMatches, type DiffStretch } from './absorb-small-matches.ts';
import { diffIds } from './diff-ids.ts';
import { internLines } from './intern-lines.ts';
import { splitLines } from './split-lines.ts';
import { tokenizeWords } from './tokenize-words.ts';

/** One stretch of a word diff: kept, added by `after`, or removed from `before`. */
export interface WordChange {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * Most tokens (of both texts together) one `diffWords` call diffs word by word. The diff is the
 * merge's own (git's xdiff over token ids, `diffIds`), whose cut-offs keep each split to about √n
 * steps, with no clock: the same result on every machine. At this size two unrelated texts of
 * prose take about 50 ms on a busy two-core machine, an edited one much less. Texts longer than
 * this many UTF-16 units (so possibly more tokens) are diffed by lines first — the same diff over
 * far fewer ids, about n·√n lines at worst, as in the merge — then word by word within their
 * changed stretches of lines, in order, while the tokens so diffed stay within this budget;
 * stretches past it show as changed whole. So a highlight costs about the line diff plus this
 * many tokens, whatever the document.
 */
export const MAX_WORD_DIFF_TOKENS = 20_000;

/**
 * What changed from `before` to `after`, in whole words, spaces and punctuation — never half a
 * word or half an emoji — for highlighting each side's edits in the conflict dialog. Tiny
 * matches between two changes (a lone space, a "the") are folded into them
 * (`absorbSmallMatches`), so a rewritten phrase reads as one change.
 *
 * @example
 * diffWords('the quick fox', 'the slow fox');
 * // [{ kind: 'same', text: 'the ' }, { kind: 'removed', text: 'quick' },
 * //  { kind: 'added', text: 'slow' }, { kind: 'same', text: ' fox' }]
 */
export function diffWords(before: string, after: string): WordChange[] {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
  // Never more tokens than UTF-16 units: short texts fit the budget without counting.
  const stretches =
    before.length + after.length <= MAX_WORD_DIFF_TOKENS
      ? diffTokens(tokenizeWords(before), tokenizeWords(after))
      : diffLinesThenWords(before, after);
  return toWordChanges(absorbSmallMatches(stretches));
}

/** The diff of two token lists as alternating stretches (no two `same` or `change` in a row). */
function diffTokens(a: readonly string[], b: readonly string[]): DiffStretch[] {
  const { ids, count } = internLines([a, b]);
  const stretches: DiffStretch[] = [];
  const same = (from: number, to: number) => {
    if (from < to)
      stretches.push({ kind: 'same', text: a.slice(from, to).join(''), tokens: to - from });
  };
  let i = 0;
  for (const hunk of diffIds(ids[0]!, ids[1]!, count)) {
    same(i, hunk.a);
    stretches.push({
      kind: 'change',
      removed: a.slice(hunk.a, hunk.a + hunk.aLen).join(''),
      added: b.slice(hunk.b, hunk.b + hunk.bLen).join(''),
      removedTokens: hunk.aLen,
      addedTokens: hunk.bLen,
    });
    i = hunk.a + hunk.aLen;
  }
  same(i, a.length);
  return stretches;
}

/**
 * Past `MAX_WORD_DIFF_TOKENS`: lines first, then words within each changed stretch while the
 * budget lasts. A line ends after `\n`, which always ends a token, so no word is cut here either.
 * Unchanged lines are not tokenized (that would cost as much as the whole diff): their length in
 * UTF-16 units stands for their tokens, never fewer, so they fold only into changes larger still.
 */
function diffLinesThenWords(before: string, after: string): DiffStretch[] {
  const a = splitLines(before);
  const b = splitLines(after);
  const { ids, count } = internLines([a, b]);
  const stretches: DiffStretch[] = [];
  const push = (stretch: DiffStretch) => {
    const last = stretches.at(-1);
    if (last?.kind === 'same' && stretch.kind === 'same') {
      last.text += stretch.text;
      last.tokens += stretch.tokens;
    } else if (last?.kind === 'change' && stretch.kind === 'change') {
      last.removed += stretch.removed;
      last.added += stretch.added;
      last.removedTokens += stretch.removedTokens;
      last.addedTokens += stretch.addedTokens;
    } else stretches.push(stretch);
  };
  const same = (text: string) => push({ kind: 'same', text, tokens: text.length });
  let budget = MAX_WORD_DIFF_TOKENS;
  let i = 0;
  for (const hunk of diffIds(ids[0]!, ids[1]!, count)) {
    if (i < hunk.a) same(a.slice(i, hunk.a).join(''));
    const removed = tokenizeWords(a.slice(hunk.a, hunk.a + hunk.aLen).join(''));
    const added = tokenizeWords(b.slice(hunk.b, hunk.b + hunk.bLen).join(''));
    const size = removed.length + added.length;
    if (size <= budget) {
      budget -= size;
      for (const stretch of diffTokens(removed, added)) push(stretch);
    } else {
      push({
        kind: 'change',
        removed: removed.join(''),
        added: added.join(''),
        removedTokens: removed.length,
        addedTokens: added.length,
      });
    }
    i = hunk.a + hunk.aLen;
  }
  if (i < a.length) same(a.slice(i).join(''));
  return stretches;
}

function toWordChanges(stretches: readonly DiffStretch[]): WordChange[] {
  const changes: WordChange[] = [];
  for (const stretch of stretches) {
    if (stretch.kind === 'same') changes.push({ kind: 'same', text: stretch.text });
    else {
      if (stretch.removed) changes.push({ kind: 'removed', text: stretch.removed });
      if (stretch.added) changes.push({ kind: 'added', text: stretch.added });
    }
  }
  return changes;
}
