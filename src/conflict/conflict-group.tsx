import type { ConflictLabels } from './labels.ts';
import type { Choice, ConflictEntry } from './resolution-state.ts';

/** One conflict: what each side wrote where the other changed the same lines, and the choices. */
export function ConflictGroup(props: {
  entry: ConflictEntry;
  total: number;
  unresolved: boolean;
  choice: Choice | null;
  labels: ConflictLabels;
  onChoose: (choice: Choice) => void;
}) {
  const { entry, total, unresolved, choice, labels } = props;
  const name = labels.conflictOf(entry.number, total);
  const status = unresolved
    ? null
    : choice
      ? `${labels.resolved}: ${describe(choice, labels)}`
      : labels.editedByHand;
  return (
    <section
      role="group"
      aria-label={name}
      className="concord-conflict"
      data-unresolved={unresolved}
      data-conflict={entry.number}
    >
      <h3 className="concord-conflict__heading">
        {name}
        {status && <span className="concord-conflict__status"> — {status}</span>}
      </h3>
      <div className="concord-conflict__sides">
        <Side label={labels.mine} text={entry.mine} modifier="mine" />
        <Side label={labels.theirs} text={entry.theirs} modifier="theirs" />
      </div>
      {entry.base !== '' && (
        <details className="concord-conflict__base">
          <summary>{labels.base}</summary>
          <pre>{entry.base}</pre>
        </details>
      )}
      <div className="concord-conflict__actions">
        <button type="button" disabled={!unresolved} onClick={() => props.onChoose('mine')}>
          {labels.useMine}
        </button>
        <button type="button" disabled={!unresolved} onClick={() => props.onChoose('theirs')}>
          {labels.useTheirs}
        </button>
        <button type="button" disabled={!unresolved} onClick={() => props.onChoose('both')}>
          {labels.useBoth}
        </button>
      </div>
    </section>
  );
}

function Side(props: { label: string; text: string; modifier: 'mine' | 'theirs' }) {
  return (
    <div className={`concord-conflict__side concord-conflict__side--${props.modifier}`}>
      <span className="concord-conflict__label">{props.label}</span>
      {props.text === '' ? (
        <p className="concord-conflict__empty">(deleted)</p>
      ) : (
        <pre>{props.text}</pre>
      )}
    </div>
  );
}

function describe(choice: Choice, labels: ConflictLabels): string {
  switch (choice) {
    case 'mine':
      return labels.mine.toLowerCase();
    case 'theirs':
      return labels.theirs.toLowerCase();
    case 'both':
    case 'both-theirs-first':
      return 'both';
    case 'base':
      return labels.base.toLowerCase();
  }
}
