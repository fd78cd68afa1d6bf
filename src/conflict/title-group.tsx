'use client';

import { useId } from 'react';
import { Sides } from './conflict-group.tsx';
import type { OnChoose } from './conflict-group.tsx';
import type { ConflictLabels } from './labels.ts';
import type { ResolutionAction, TitleResolution } from './resolution-state.ts';

/**
 * Both sides renamed the document differently: pick one, or write the title by hand. The box
 * starts with my title, and says so: it counts as a conflict until a title is chosen or typed.
 * It is "conflict 0" for the dialog's keys and Next / Previous conflict.
 */
export function TitleGroup(props: {
  title: TitleResolution;
  labels: ConflictLabels;
  dispatch: (action: ResolutionAction) => void;
  onChoose: OnChoose;
}) {
  const { title, labels, dispatch, onChoose } = props;
  const inputId = useId();
  const button = (choice: 'mine' | 'theirs', label: string, keys: string) => (
    <button
      type="button"
      onClick={() => onChoose(0, choice, !title.resolved)}
      aria-pressed={title.resolved && title.value === title[choice]}
      aria-keyshortcuts={keys}
    >
      {label}
    </button>
  );
  return (
    <section
      role="group"
      aria-label={labels.titleConflict}
      className="concord-conflict"
      data-unresolved={!title.resolved}
      data-conflict={0}
      tabIndex={-1}
    >
      <h3 className="concord-conflict__heading">
        {labels.titleConflict}
        {!title.resolved && (
          <span className="concord-conflict__status"> — {labels.titleNotChosen}</span>
        )}
      </h3>
      <Sides base={title.base} mine={title.mine} theirs={title.theirs} labels={labels} />
      <div className="concord-conflict__actions">
        {button('mine', labels.useMyTitle, 'M')}
        {button('theirs', labels.useTheirTitle, 'T')}
      </div>
      <label htmlFor={inputId} className="concord-conflict__label">
        {labels.mergedTitle}
      </label>
      <input
        id={inputId}
        value={title.value}
        onChange={(e) => dispatch({ type: 'editTitle', value: e.target.value })}
      />
    </section>
  );
}
