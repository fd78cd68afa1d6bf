'use client';

import { memo } from 'react';
import type { ConflictLabels } from './labels.ts';
import type { Choice, ConflictEntry } from './resolution-state.ts';
import { WordDiff } from './word-diff.tsx';

/**
 * One conflict: what each side changed since the original, word by word, and the choices.
 * Memoised: choosing on one conflict re-renders that group only, which keeps a 200-conflict
 * dialog responsive.
 */
export const ConflictGroup = memo(function ConflictGroup(props: {
  entry: ConflictEntry;
  total: number;
  unresolved: boolean;
  choice: Choice | null;
  labels: ConflictLabels;
  onChoose: (conflict: number, choice: Choice) => void;
}) {
  const { entry, total, unresolved, choice, labels, onChoose } = props;
  const name = labels.conflictOf(entry.number, total);
  const status = unresolved
    ? null
    : choice
      ? `${labels.resolved}: ${labels.describeChoice(choice)}`
      : labels.editedByHand;
  const choose = (c: Choice) => () => onChoose(entry.number, c);
  return (
    <section
      role="group"
      aria-label={name}
      className="concord-conflict"
      data-unresolved={unresolved}
      data-conflict={entry.number}
      tabIndex={-1}
    >
      <h3 className="concord-conflict__heading">
        {name}
        {status && <span className="concord-conflict__status"> — {status}</span>}
      </h3>
      <Sides base={entry.base} mine={entry.mine} theirs={entry.theirs} labels={labels} />
      {entry.base !== '' && (
        <details className="concord-conflict__base">
          <summary>{labels.base}</summary>
          <pre>{entry.base}</pre>
        </details>
      )}
      {unresolved && (
        <div className="concord-conflict__actions">
          <button type="button" onClick={choose('mine')} aria-keyshortcuts="M">
            {labels.useMine}
          </button>
          <button type="button" onClick={choose('theirs')} aria-keyshortcuts="T">
            {labels.useTheirs}
          </button>
          <button type="button" onClick={choose('both')} aria-keyshortcuts="B">
            {labels.useBoth}
          </button>
          <button type="button" onClick={choose('both-theirs-first')} aria-keyshortcuts="Shift+B">
            {labels.useBothTheirsFirst}
          </button>
        </div>
      )}
    </section>
  );
});

/** Mine and theirs side by side, each as changed since the original. */
export function Sides(props: {
  base: string;
  mine: string;
  theirs: string;
  labels: ConflictLabels;
}) {
  const { base, mine, theirs, labels } = props;
  return (
    <div className="concord-conflict__sides">
      <Side label={labels.mine} base={base} text={mine} modifier="mine" labels={labels} />
      <Side label={labels.theirs} base={base} text={theirs} modifier="theirs" labels={labels} />
    </div>
  );
}

function Side(props: {
  label: string;
  base: string;
  text: string;
  modifier: 'mine' | 'theirs';
  labels: ConflictLabels;
}) {
  return (
    <div className={`concord-conflict__side concord-conflict__side--${props.modifier}`}>
      <span className="concord-conflict__label">{props.label}</span>
      {props.text === '' ? (
        <p className="concord-conflict__empty">{props.labels.deleted}</p>
      ) : (
        <pre>
          <WordDiff before={props.base} after={props.text} />
        </pre>
      )}
    </div>
  );
}
