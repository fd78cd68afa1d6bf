'use client';

import { memo, useMemo } from 'react';
import { diffWords } from '../merge/index.ts';

/**
 * `after` as it differs from `before`, word by word: added words marked `<ins>`, removed words
 * shown struck through in `<del>` — "what this side changed since you both started". A change
 * that is only white space shows it: · for a space, → for a tab, ¶ for a line break.
 */
export const WordDiff = memo(function WordDiff(props: { before: string; after: string }) {
  const changes = useMemo(() => diffWords(props.before, props.after), [props.before, props.after]);
  return (
    <>
      {changes.map((change, i) =>
        change.kind === 'same' ? (
          change.text
        ) : change.kind === 'added' ? (
          <ins key={i} className="concord-diff__added">
            {showWhiteSpace(change.text)}
          </ins>
        ) : (
          <del key={i} className="concord-diff__removed">
            {showWhiteSpace(change.text)}
          </del>
        ),
      )}
    </>
  );
});

const whiteSpaceMarks: Record<string, string> = { '\t': '→', '\n': '¶\n', '\r': '' };

/**
 * A change of only white space with a visible mark for each character (a coloured blank is
 * invisible); a line break keeps its break after the ¶. Words are left as they are.
 *
 * @example showWhiteSpace(' \t'); // '·→'
 */
export function showWhiteSpace(text: string): string {
  return /\S/.test(text) ? text : text.replace(/\s/g, (c) => whiteSpaceMarks[c] ?? '·');
}
