import { useDocumentList, useDocumentListEvents } from '../client/index.ts';
import type { DeletedNotice } from './delete-document-button.tsx';
import { formatWhen } from './format-when.ts';
import { linkProps, navigate } from './router.ts';

/** `/`: every document, most recently updated first. */
export function DocumentListPage() {
  const list = useDocumentList();
  useDocumentListEvents();
  const docs = list.data?.pages.flatMap((page) => page.items);
  // Set by the editor's Delete on the way here (the history entry's state, so Back keeps it).
  const notice = (window.history.state as Partial<DeletedNotice> | null)?.deleted;
  return (
    <section aria-labelledby="docs-heading">
      <div className="page-heading">
        <h1 id="docs-heading">Documents</h1>
        <div className="page-actions">
          <a {...linkProps('/trash')}>Trash</a>
          <button type="button" className="primary" onClick={() => navigate('/new')}>
            New document
          </button>
        </div>
      </div>
      {notice && (
        <p className="notice" role="status">
          “{notice.title}” was moved to the trash.{' '}
          <a {...linkProps('/trash')}>Restore it from the Trash</a>
        </p>
      )}
      {list.isPending && <p>Loading…</p>}
      {list.isError && <p role="alert">Could not load the documents: {list.error.message}</p>}
      {docs?.length === 0 && <p>No documents yet. Create the first one.</p>}
      {docs && docs.length > 0 && (
        <ul className="doc-list">
          {docs.map((doc) => (
            <li key={doc.id}>
              <a {...linkProps(`/docs/${encodeURIComponent(doc.id)}`)}>{doc.title}</a>
              <span className="muted">
                version {doc.version} · {formatWhen(doc.updated_at)}
                {doc.updated_by && ` by ${doc.updated_by}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <button
          type="button"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          More documents
        </button>
      )}
    </section>
  );
}
