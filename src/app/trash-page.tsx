import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useRestoreDocument, useTrashList } from '../client/index.ts';
import type { TrashEntry } from '../protocol/index.ts';
import { describeDeletion } from './describe-deletion.ts';
import { describePurge } from './describe-purge.ts';
import { describeRestoreFailure } from './restore-mark.ts';

/** `/trash`: deleted documents, most recently deleted first, each with "Restore". */
export function TrashPage() {
  const trash = useTrashList();
  const restore = useRestoreDocument();
  // Restored documents leave the list; what came back stays said here, with a link to open it.
  const [restored, setRestored] = useState<{ id: string; title: string }[]>([]);
  const [failures, setFailures] = useState<Record<string, string>>({});
  const entries = trash.data?.pages.flatMap((page) => page.items);
  const now = new Date();
  const restoreEntry = (entry: TrashEntry) => {
    setFailures(({ [entry.id]: _, ...rest }) => rest);
    restore.mutate(entry.id, {
      onSuccess: ({ doc }) => setRestored((known) => [{ id: doc.id, title: doc.title }, ...known]),
      onError: (error) =>
        setFailures((known) => ({ ...known, [entry.id]: describeRestoreFailure(error) })),
    });
  };
  return (
    <section aria-labelledby="trash-heading">
      <div className="page-heading">
        <h1 id="trash-heading">Trash</h1>
        <Link to="/">← Documents</Link>
      </div>
      <p className="muted">
        Deleted documents stay here with their whole history until they are purged.
      </p>
      {restored.length > 0 && (
        <div role="status">
          {restored.map((doc) => (
            <p key={doc.id} className="notice">
              Restored “{doc.title}”.{' '}
              <Link to="/docs/$id" params={{ id: doc.id }}>
                Open “{doc.title}”
              </Link>
            </p>
          ))}
        </div>
      )}
      {trash.isPending && <p>Loading…</p>}
      {trash.isError && <p role="alert">Could not load the trash: {trash.error.message}</p>}
      {entries?.length === 0 && <p>The trash is empty.</p>}
      {entries && entries.length > 0 && (
        <ul className="doc-list" aria-label="Deleted documents">
          {entries.map((entry) => (
            <li key={entry.id}>
              <span className="row-main">
                <strong>{entry.title}</strong>
                <span className="muted">
                  {describeDeletion(entry)} · {describePurge(entry.purge_at, now)} · version{' '}
                  {entry.version}
                  {entry.updated_by && `, last saved by ${entry.updated_by}`}
                </span>
                {failures[entry.id] && (
                  <span role="alert" className="error">
                    {failures[entry.id]}
                  </span>
                )}
              </span>
              <span className="row-actions">
                <button
                  type="button"
                  aria-description={`Restore “${entry.title}”`}
                  onClick={() => restoreEntry(entry)}
                  disabled={restore.isPending && restore.variables === entry.id}
                >
                  Restore
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {trash.hasNextPage && (
        <button
          type="button"
          onClick={() => void trash.fetchNextPage()}
          disabled={trash.isFetchingNextPage}
        >
          More deleted documents
        </button>
      )}
    </section>
  );
}
