import DiffMatchPatch from 'diff-match-patch';
import { tokenizeWords } from './tokenize-words.ts';

/** One stretch of a word diff: kept, added by `after`, or removed from `before`. */
export interface WordChange {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

// diff-match-patch diffs strings of UTF-16 code units; each distinct token becomes one.
const MAX_TOKENS = 0xffff;

/**
 * What changed from `before` to `after`, in whole words, spaces and punctuation — never half a
 * word or half an emoji — for highlighting each side's edits in the conflict dialog.
 *
 * @example
 * diffWords('the quick fox', 'the slow fox');
 * // [{ kind: 'same', text: 'the ' }, { kind: 'removed', text: 'quick' },
 * //  { kind: 'added', text: 'slow' }, { kind: 'same', text: ' fox' }]
 */
export function diffWords(before: string, after: string): WordChange[] {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
  const ids = new Map<string, number>();
  const tokens: string[] = [];
  const encode = (text: string): string | undefined => {
    let out = '';
    for (const token of tokenizeWords(text)) {
      let id = ids.get(token);
      if (id === undefined) {
        id = tokens.length;
        if (id >= MAX_TOKENS) return undefined;
        ids.set(token, id);
        tokens.push(token);
      }
      out += String.fromCharCode(id);
    }
    return out;
  };
  const a = encode(before);
  const b = encode(after);
  // Too many distinct words to encode: say "all of it changed" rather than guess.
  if (a === undefined || b === undefined) return wholeChange(before, after);

  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0.2; // seconds: a highlight is worth less than a responsive dialog
  const diffs = dmp.diff_main(a, b, false);
  // Merge tiny coincidental matches ("the", " ") into the changes around them.
  dmp.diff_cleanupSemantic(diffs);

  const changes: WordChange[] = [];
  for (const [op, chars] of diffs) {
    let text = '';
    for (let i = 0; i < chars.length; i++) text += tokens[chars.charCodeAt(i)];
    const kind = op === 0 ? 'same' : op === 1 ? 'added' : 'removed';
    const last = changes.at(-1);
    if (last?.kind === kind) last.text += text;
    else changes.push({ kind, text });
  }
  return changes;
}

function wholeChange(before: string, after: string): WordChange[] {
  const changes: WordChange[] = [];
  if (before) changes.push({ kind: 'removed', text: before });
  if (after) changes.push({ kind: 'added', text: after });
  return changes;
}
