import { useState } from 'react';
import { useDocument, useVersionList, useVersions } from '../client/index.ts';
import type { VersionSummary } from '../protocol/index.ts';
import { describeError } from './describe-error.ts';
import { diffWords } from '../merge/index.ts';
import { countChangedWords, describeChangedWords } from './fold-changes.ts';
import { formatWhen } from './format-when.ts';
import { pageOf } from './page-versions.ts';
import { linkProps } from './router.ts';
import { VersionChanges } from './version-changes.tsx';

/** `/docs/{id}/history`: every version, newest first and paged; one version's changes beside. */
export function HistoryPage({ id }: { id: string }) {
  const current = useDocument(id);
  const list = useVersionList(id);
  const [selected, setSelected] = useState(readVersionParam);
  const [page, setPage] = useState(0);
  const editorPath = `/docs/${encodeURIComponent(id)}`;
  if (list.isPending || current.isPending) return <p>Loading…</p>;
  if (list.isError || current.isError)
    return (
      <p role="alert">
        Could not load the history: {describeError(list.error ?? current.error)}{' '}
        <a {...linkProps('/')}>Back to your documents</a>
      </p>
    );
  const versions = list.data;
  const shown = pageOf(versions, page);
  const chosen = versions.find((v) => v.version === selected) ?? versions[0]!;
  const select = (version: number) => {
    setSelected(version);
    window.history.replaceState(window.history.state, '', `?version=${version}`);
  };
  return (
    <section aria-labelledby="history-heading" className="history">
      <div className="page-heading">
        <h1 id="history-heading">History</h1>
        <a {...linkProps(editorPath)}>← Back to “{current.data.doc.title}”</a>
      </div>
      <div className="history-layout">
        <div>
          <ul className="doc-list version-list" aria-label="Versions">
            {shown.items.map((v) => (
              <VersionRow
                key={v.version}
                id={id}
                version={v}
                current={v.version === chosen.version}
                onSelect={() => select(v.version)}
              />
            ))}
          </ul>
          {shown.pages > 1 && (
            <nav className="row-actions" aria-label="Pages of versions">
              <button type="button" disabled={!shown.hasPrevious} onClick={() => setPage(page - 1)}>
                Newer versions
              </button>
              <span className="muted">
                page {shown.page + 1} of {shown.pages}
              </span>
              <button type="button" disabled={!shown.hasNext} onClick={() => setPage(page + 1)}>
                Older versions
              </button>
            </nav>
          )}
        </div>
        <VersionChanges
          key={chosen.version}
          id={id}
          version={chosen.version}
          versions={versions}
          current={current.data}
        />
      </div>
    </section>
  );
}

/** One version in the list: its link, who and when, and how many words it changed. */
function VersionRow(props: {
  id: string;
  version: VersionSummary;
  current: boolean;
  onSelect: () => void;
}) {
  const { version: v } = props;
  const previous = v.version - 1;
  const [after, before] = useVersions(props.id, previous > 0 ? [v.version, previous] : [v.version]);
  const counted =
    after?.data && (previous === 0 || before?.data)
      ? describeChangedWords(
          countChangedWords(diffWords(before?.data?.body ?? '', after.data.body)),
        )
      : undefined;
  return (
    <li>
      <span className="row-main">
        <a
          href={`?version=${v.version}`}
          aria-current={props.current ? 'true' : undefined}
          onClick={(event) => {
            event.preventDefault();
            props.onSelect();
          }}
        >
          Version {v.version}
        </a>
        <span className="muted">
          {v.updated_by || 'someone'} · {formatWhen(v.updated_at)}
          {counted && ` · ${counted}`}
        </span>
      </span>
    </li>
  );
}

function readVersionParam(): number | undefined {
  const value = Number(new URLSearchParams(window.location.search).get('version'));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}
