import { useMemo, useState } from 'react';
import { diffWords } from '../merge/index.ts';
import { foldChanges } from './fold-changes.ts';

/**
 * What changed from `before` to `after`, word by word: insertions in `<ins>`, deletions in
 * `<del>`, each with words a screen reader says ("added:", "removed:"), since the marks are only
 * seen. Long unchanged stretches are folded behind a button that shows them.
 */
export function ShownDiff(props: { before: string; after: string }) {
  const shown = useMemo(
    () => foldChanges(diffWords(props.before, props.after)),
    [props.before, props.after],
  );
  const [unfolded, setUnfolded] = useState<ReadonlySet<number>>(() => new Set());
  return (
    <div className="shown-diff">
      {shown.map((change, i) => {
        if (change.kind === 'folded') {
          if (unfolded.has(i)) return <span key={i}>{change.text}</span>;
          return (
            <button
              key={i}
              type="button"
              className="fold"
              onClick={() => setUnfolded((known) => new Set(known).add(i))}
            >
              … {change.words} unchanged {change.words === 1 ? 'word' : 'words'} …
            </button>
          );
        }
        if (change.kind === 'same') return <span key={i}>{change.text}</span>;
        if (change.kind === 'added')
          return (
            <ins key={i}>
              <span className="visually-hidden">[added: </span>
              {change.text}
              <span className="visually-hidden">]</span>
            </ins>
          );
        return (
          <del key={i}>
            <span className="visually-hidden">[removed: </span>
            {change.text}
            <span className="visually-hidden">]</span>
          </del>
        );
      })}
    </div>
  );
}
