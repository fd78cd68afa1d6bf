import { memo, useDeferredValue, useId } from 'react';

// Options are rendered in memoised runs of this many versions: showing another version then
// re-renders only the run or two holding it and the one before it, not every option.
const runLength = 100;

/**
 * "Compare with": every version from the newest down to 1 but the one shown, the one before
 * it marked, or "nothing" for the first version.
 *
 * A long history makes this the History page's heaviest element (a thousand options took tens
 * of milliseconds to create and lay out, more than the rest of the page), so it is memoised,
 * and its first render holds only the chosen option: the others follow in a background render
 * (React's deferred value) once the page has painted, without delaying a click.
 */
export const CompareWithSelect = memo(function CompareWithSelect(props: {
  version: number;
  /** The version chosen to compare with (0: nothing). */
  compareWith: number;
  newest: number;
  /** Called with `version` and the one chosen (stable, so that the memo holds). */
  onCompare: (selection: { version: number; compare: number }) => void;
}) {
  const { version, compareWith, newest } = props;
  const selectId = useId();
  const complete = useDeferredValue(true, false);
  // Runs from the newest down: [high, low] inclusive.
  const runs = Array.from({ length: Math.ceil(newest / runLength) }, (_, i) => {
    const high = newest - i * runLength;
    return [high, Math.max(1, high - runLength + 1)] as const;
  });
  return (
    <>
      <label htmlFor={selectId}>Compare with </label>
      <select
        id={selectId}
        value={compareWith}
        onChange={(event) => props.onCompare({ version, compare: Number(event.target.value) })}
      >
        {version === 1 && <option value={0}>nothing (the first version)</option>}
        {complete ? (
          runs.map(([high, low]) => (
            <VersionOptions
              key={high}
              high={high}
              low={low}
              // Only a run holding the version shown or the one before it depends on it.
              shown={version >= low && version - 1 <= high ? version : 0}
            />
          ))
        ) : compareWith > 0 ? (
          <VersionOptions high={compareWith} low={compareWith} shown={version} />
        ) : null}
      </select>
    </>
  );
});

/** Options for versions `high` down to `low`, leaving out `shown` and marking the one before. */
const VersionOptions = memo(function VersionOptions(props: {
  high: number;
  low: number;
  shown: number;
}) {
  const { high, low, shown } = props;
  return Array.from({ length: high - low + 1 }, (_, i) => high - i)
    .filter((n) => n !== shown)
    .map((n) => (
      <option key={n} value={n}>
        Version {n}
        {n === shown - 1 ? ' (the one before)' : ''}
      </option>
    ));
});
