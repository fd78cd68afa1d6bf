import { useId, useState } from 'react';
import type { MergeNotice } from './editor-flow-merges.ts';
import { describeMergedParts, describeWhoseChanges } from './summarize-merge.ts';

/**
 * Says what a merge without a dialog took in, and from whom; "Show the changes" lists them (a
 * disclosure), "Undo the merge" puts my version back (saved with a guarded save, or in the draft).
 */
export function MergedNotice({
  merged,
  ownSave,
  onUndo,
}: {
  merged: MergeNotice;
  /** Whether this browser's other tab saved the version merged in: the person's own changes. */
  ownSave: boolean;
  onUndo: () => void;
}) {
  const [shown, setShown] = useState(false);
  const listId = useId();
  const what = describeMergedParts(merged);
  const whose = describeWhoseChanges(merged, ownSave);
  return (
    <div className="notice" role="region" aria-label="Merged changes" aria-live="polite">
      {merged.mode === 'saved'
        ? `Saved with ${whose} merged in (version ${merged.version}: ${what}); nothing overlapped.`
        : `Merged ${whose} (version ${merged.version}: ${what}) into your draft; nothing overlapped.`}{' '}
      <button
        type="button"
        aria-expanded={shown}
        aria-controls={listId}
        onClick={() => setShown((s) => !s)}
      >
        {shown ? 'Hide the changes' : 'Show the changes'}
      </button>{' '}
      <button type="button" onClick={onUndo}>
        Undo the merge
      </button>
      <ul id={listId} hidden={!shown}>
        {merged.changes.map((change, i) => (
          <li key={i}>
            {change.before && <del>{change.before}</del>}
            {change.before && change.after && ' → '}
            {change.after && <ins>{change.after}</ins>}
          </li>
        ))}
      </ul>
    </div>
  );
}
