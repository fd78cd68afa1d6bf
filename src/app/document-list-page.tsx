import { Link, useLocation, useNavigate } from '@tanstack/react-router';
import { useDocumentList, useDocumentListEvents } from '../client/index.ts';
import { formatWhen } from './format-when.ts';

/** `/`: every document, most recently updated first. */
export function DocumentListPage() {
  const list = useDocumentList();
  useDocumentListEvents();
  const docs = list.data?.pages.flatMap((page) => page.items);
  // Set by the editor's Delete on the way here (the history entry's state, so Back keeps it).
  const notice = useLocation({ select: (location) => location.state.deleted });
  const navigate = useNavigate();
  return (
    <section aria-labelledby="docs-heading">
      <div className="page-heading">
        <h1 id="docs-heading">Documents</h1>
        <div className="page-actions">
          <Link to="/trash">Trash</Link>
          <button type="button" className="primary" onClick={() => void navigate({ to: '/new' })}>
            New document
          </button>
        </div>
      </div>
      {notice && (
        <p className="notice" role="status">
          “{notice.title}” was moved to the trash.{' '}
          <Link to="/trash">Restore it from the Trash</Link>
        </p>
      )}
      {list.isPending && <p>Loading…</p>}
      {list.isError && <p role="alert">Could not load the documents: {list.error.message}</p>}
      {docs?.length === 0 && <p>No documents yet. Create the first one.</p>}
      {docs && docs.length > 0 && (
        <ul className="doc-list doc-list--documents">
          {docs.map((doc) => (
            <li key={doc.id}>
              <Link to="/docs/$id" params={{ id: doc.id }}>
                {doc.title}
              </Link>
              {/* A number and its word, and a date, stay whole on one line (pages.css). */}
              <span className="muted">
                <span className="keep-whole">version {doc.version}</span> ·{' '}
                <span className="keep-whole">{formatWhen(doc.updated_at)}</span>
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
