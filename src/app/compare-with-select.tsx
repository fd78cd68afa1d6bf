import { memo, useDeferredValue, useId } from 'react';

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
  const choices = complete
    ? Array.from({ length: newest }, (_, i) => newest - i).filter((n) => n !== version)
    : [compareWith].filter((n) => n > 0);
  return (
    <>
      <label htmlFor={selectId}>Compare with </label>
      <select
        id={selectId}
        value={compareWith}
        onChange={(event) => props.onCompare({ version, compare: Number(event.target.value) })}
      >
        {version === 1 && <option value={0}>nothing (the first version)</option>}
        {choices.map((n) => (
          <option key={n} value={n}>
            Version {n}
            {n === version - 1 ? ' (the one before)' : ''}
          </option>
        ))}
      </select>
    </>
  );
});
