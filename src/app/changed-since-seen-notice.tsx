import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useVersions } from '../client/index.ts';
import { describeChangedSinceSeen, type ChangedSinceSeen } from './decide-changed-since-seen.ts';
import { ShownDiff } from './shown-diff.tsx';

/**
 * The editor's `region` "Changed since you last saw it": who changed the document and how many
 * versions since this browser last showed it, a link to the History page comparing the two
 * versions, the changes word by word on request, and "Dismiss".
 */
export function ChangedSinceSeenNotice(props: {
  id: string;
  change: ChangedSinceSeen;
  onDismiss: () => void;
}) {
  const { id, change } = props;
  const [showing, setShowing] = useState(false);
  return (
    <div className="notice" role="region" aria-label="Changed since you last saw it">
      <p>{describeChangedSinceSeen(change)}</p>
      <div className="row-actions">
        <Link
          to="/docs/$id/history"
          params={{ id }}
          search={{ version: change.currentVersion, compare: change.seenVersion }}
        >
          See what changed
        </Link>
        <button type="button" aria-expanded={showing} onClick={() => setShowing(!showing)}>
          {showing ? 'Hide the changes' : 'Show the changes here'}
        </button>
        <button type="button" onClick={props.onDismiss}>
          Dismiss
        </button>
      </div>
      {showing && <ChangesSinceSeen id={id} change={change} />}
    </div>
  );
}

/** The body's changes from the version seen to the one opened, as the History page marks them. */
function ChangesSinceSeen({ id, change }: { id: string; change: ChangedSinceSeen }) {
  const [before, after] = useVersions(id, [change.seenVersion, change.currentVersion]);
  if (before?.isError || after?.isError) return <p role="alert">Could not load the versions.</p>;
  if (!before?.data || !after?.data) return <p>Loading…</p>;
  return <ShownDiff before={before.data.body} after={after.data.body} />;
}
