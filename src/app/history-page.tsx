import { getRouteApi, Link } from '@tanstack/react-router';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useDocument, useMembers, usePrefetchVersions, useVersionPages } from '../client/index.ts';
import type { VersionEntry } from '../protocol/index.ts';
import { describeError } from './describe-error.ts';
import { describeVersionMeta } from './describe-version-meta.ts';
import { EditorLink } from './editor-link.tsx';
import { toHistorySearch, type HistoryParams } from './history-params.ts';
import { VersionChanges } from './version-changes.tsx';

const historyRoute = getRouteApi('/docs/$id/history');

/** Versions shown at first, and added by each "Show older versions". */
export const versionsPerPage = 20;

/**
 * `/docs/{id}/history`: the newest versions, older ones a page at a time; one version's
 * changes beside (`?version=N`), or two versions compared (`?version=N&compare=M`).
 */
export function HistoryPage({ id }: { id: string }) {
  const current = useDocument(id);
  const list = useVersionPages(id, versionsPerPage);
  // A viewer may read every version but restore none (the server would refuse the save).
  const viewer = useMembers(id).data?.your_role === 'viewer';
  const prefetch = usePrefetchVersions(id);
  // The selection lives in the URL: replaced, not pushed (Back leaves the History), keeping the
  // entry's state and the scroll position.
  const params = historyRoute.useSearch();
  const navigate = historyRoute.useNavigate();
  const select = useCallback(
    (next: HistoryParams) =>
      void navigate({
        search: toHistorySearch(next),
        replace: true,
        resetScroll: false,
        state: true,
      }),
    [navigate],
  );
  // A version's changes need it and the one before: asked for on the way to a click (hover,
  // focus) and at the latest on the click, before the render it causes.
  const approach = useCallback((n: number) => prefetch([n, n - 1]), [prefetch]);
  const choose = useCallback(
    (n: number) => {
      approach(n);
      select({ version: n });
    },
    [approach, select],
  );
  // The first version of a page just shown, to move focus to once it is rendered.
  const [focusTarget, setFocusTarget] = useState<number>();
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (focusTarget === undefined) return;
    listRef.current?.querySelector<HTMLElement>(`[data-version="${focusTarget}"]`)?.focus();
  }, [focusTarget]);
  if (list.isPending || current.isPending) return <p>Loading…</p>;
  if (list.isError || current.isError)
    return (
      <p role="alert">
        Could not load the history: {describeError(list.error ?? current.error)}{' '}
        <Link to="/">Back to your documents</Link>
      </p>
    );
  const versions = list.data.pages.flatMap((page) => page.items);
  const newest = current.data.doc.version;
  const version =
    params.version !== undefined && params.version <= newest ? params.version : newest;
  const showOlder = async () => {
    const result = await list.fetchNextPage();
    const first = result.data?.pages.at(-1)?.items[0];
    if (first) setFocusTarget(first.version);
  };
  return (
    <section aria-labelledby="history-heading" className="history">
      <div className="page-heading">
        <h1 id="history-heading">History</h1>
        <EditorLink id={id}>← Back to “{current.data.doc.title}”</EditorLink>
      </div>
      <div className="history-layout">
        <div>
          <ul ref={listRef} className="doc-list version-list" aria-label="Versions">
            {versions.map((v) => (
              <VersionRow
                key={v.version}
                version={v}
                current={v.version === version}
                onApproach={approach}
                onSelect={choose}
              />
            ))}
          </ul>
          {list.hasNextPage && (
            <div className="row-actions">
              <button type="button" onClick={showOlder} disabled={list.isFetchingNextPage}>
                Show older versions
              </button>
            </div>
          )}
        </div>
        <VersionChanges
          id={id}
          version={version}
          compareWith={
            params.compare !== undefined && params.compare <= newest ? params.compare : version - 1
          }
          onCompare={select}
          newest={newest}
          current={current.data}
          readOnly={viewer}
        />
      </div>
    </section>
  );
}

/**
 * One version in the list: its link, who and when, and how much it changed. Memoised with
 * stable callbacks: choosing another version re-renders only the two rows whose mark moves.
 */
const VersionRow = memo(function VersionRow(props: {
  version: VersionEntry;
  current: boolean;
  onApproach: (version: number) => void;
  onSelect: (version: number) => void;
}) {
  const { version: v, onApproach } = props;
  return (
    <li>
      <span className="row-main">
        <a
          href={`?version=${v.version}`}
          data-version={v.version}
          aria-current={props.current ? 'true' : undefined}
          onPointerEnter={() => onApproach(v.version)}
          onFocus={() => onApproach(v.version)}
          onClick={(event) => {
            event.preventDefault();
            props.onSelect(v.version);
          }}
        >
          Version {v.version}
        </a>
        <span className="muted">{describeVersionMeta(v)}</span>
      </span>
    </li>
  );
});
