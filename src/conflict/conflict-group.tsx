'use client';

import { memo } from 'react';
import type { ConflictLabels } from './labels.ts';
import type { Choice, ConflictEntry, ConflictStatus } from './resolution-state.ts';
import { WordDiff } from './word-diff.tsx';

/** Chooses a side for conflict N (0: the title); `open` when it was still unresolved. */
export type OnChoose = (conflict: number, choice: Choice, open: boolean) => void;

/**
 * One conflict: what each side changed since the original, word by word, and the choices —
 * kept after a choice, the chosen one pressed, so a choice can be changed at any time.
 * Memoised: choosing on one conflict re-renders that group only, which keeps a 200-conflict
 * dialog responsive.
 */
export const ConflictGroup = memo(function ConflictGroup(props: {
  entry: ConflictEntry;
  total: number;
  status: ConflictStatus;
  labels: ConflictLabels;
  onChoose: OnChoose;
}) {
  const { entry, total, status, labels, onChoose } = props;
  const name = labels.conflictOf(entry.number, total);
  const unresolved = status === 'unresolved';
  const button = (choice: Choice, label: string, keys: string) => (
    <button
      type="button"
      onClick={() => onChoose(entry.number, choice, unresolved)}
      aria-pressed={status === choice}
      aria-keyshortcuts={keys}
    >
      {label}
    </button>
  );
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
        {!unresolved && (
          <span className="concord-conflict__status">
            {' — '}
            {status === 'edited'
              ? labels.editedByHand
              : `${labels.resolved}: ${labels.describeChoice(status)}`}
          </span>
        )}
      </h3>
      <Sides base={entry.base} mine={entry.mine} theirs={entry.theirs} labels={labels} />
      {entry.base !== '' && (
        <details className="concord-conflict__base">
          <summary>{labels.base}</summary>
          <pre>{entry.base}</pre>
        </details>
      )}
      <div className="concord-conflict__actions">
        {button('mine', labels.useMine, 'M')}
        {button('theirs', labels.useTheirs, 'T')}
        {button('both', labels.useBoth, 'B')}
        {button('both-theirs-first', labels.useBothTheirsFirst, 'Shift+B')}
      </div>
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
