import { useId } from 'react';
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
      <div className="concord-conflict__sides">
        <div className="concord-conflict__side concord-conflict__side--mine">
          <span className="concord-conflict__label">{labels.mine}</span>
          <p>{title.mine}</p>
        </div>
        <div className="concord-conflict__side concord-conflict__side--theirs">
          <span className="concord-conflict__label">{labels.theirs}</span>
          <p>{title.theirs}</p>
        </div>
      </div>
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
