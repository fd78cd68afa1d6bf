'use client';

import { useId, useRef } from 'react';
import type { ConflictLabels } from './labels.ts';
import type { TheirChange } from './list-their-changes.ts';
import { useModal } from './use-modal.ts';
import { WordDiff } from './word-diff.tsx';

/**
 * "Discard their changes?": the WAI-ARIA alertdialog that Keep mine opens when theirs holds
 * changes mine lacks, listing each one as theirs made it (word by word, after the line it
 * follows). A native modal `<dialog>` above the conflict dialog: focus starts on Go back (the
 * choice that loses nothing), Escape means Go back, and focus returns to `returnFocus` on close.
 */
export function DiscardDialog(props: {
  changes: readonly TheirChange[];
  who: string | undefined;
  labels: ConflictLabels;
  onDiscard: () => void;
  onGoBack: () => void;
  returnFocus: React.RefObject<HTMLElement | null>;
}) {
  const { labels, returnFocus } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const goBack = useRef<HTMLButtonElement>(null);
  const id = useId();
  useModal(ref, props.onGoBack, () => goBack.current?.focus(), returnFocus);
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      className="concord-confirm"
      aria-labelledby={`${id}h`}
      aria-describedby={`${id}d`}
      // The conflict dialog's keys (choices, Ctrl+Enter) are not for this one.
      onKeyDown={(event) => event.stopPropagation()}
    >
      <h2 id={`${id}h`}>{labels.discardTitle}</h2>
      <div id={`${id}d`}>
        <p>{labels.discardIntro(props.who)}</p>
        <ul>
          {props.changes.map((change, i) => (
            <li key={i}>
              {change.where === 'title' ? labels.titleChange : labels.discardWhere(change.context)}
              <pre>
                <WordDiff before={change.base} after={change.theirs} />
              </pre>
            </li>
          ))}
        </ul>
      </div>
      <div className="concord-dialog__actions">
        <button type="button" ref={goBack} onClick={props.onGoBack}>
          {labels.goBack}
        </button>
        <button type="button" onClick={props.onDiscard}>
          {labels.discard}
        </button>
      </div>
    </dialog>
  );
}
