'use client';

import { memo, useMemo } from 'react';
import { diffWords } from '../merge/index.ts';

/**
 * `after` as it differs from `before`, word by word: added words marked `<ins>`, removed words
 * shown struck through in `<del>` — "what this side changed since you both started".
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
            {change.text}
          </ins>
        ) : (
          <del key={i} className="concord-diff__removed">
            {change.text}
          </del>
        ),
      )}
    </>
  );
});
