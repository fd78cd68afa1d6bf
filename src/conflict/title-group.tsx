'use client';

import { useId } from 'react';
import { Sides } from './conflict-group.tsx';
import type { ConflictLabels } from './labels.ts';
import type { ResolutionAction, TitleResolution } from './resolution-state.ts';

/** Both sides renamed the document differently: pick one, or write the title by hand. */
export function TitleGroup(props: {
  title: TitleResolution;
  labels: ConflictLabels;
  dispatch: (action: ResolutionAction) => void;
}) {
  const { title, labels, dispatch } = props;
  const inputId = useId();
  return (
    <section
      role="group"
      aria-label={labels.titleConflict}
      className="concord-conflict"
      data-unresolved={!title.resolved}
    >
      <h3 className="concord-conflict__heading">{labels.titleConflict}</h3>
      <Sides base={title.base} mine={title.mine} theirs={title.theirs} labels={labels} />
      <div className="concord-conflict__actions">
        <button type="button" onClick={() => dispatch({ type: 'chooseTitle', choice: 'mine' })}>
          {labels.useMyTitle}
        </button>
        <button type="button" onClick={() => dispatch({ type: 'chooseTitle', choice: 'theirs' })}>
          {labels.useTheirTitle}
        </button>
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
