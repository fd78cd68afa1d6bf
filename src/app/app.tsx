import { useState } from 'react';
import { loadUserName, storeUserName } from '../client/index.ts';
import { CreateDocumentPage } from './create-document-page.tsx';
import { DocumentListPage } from './document-list-page.tsx';
import { EditorPage } from './editor-page.tsx';
import { HistoryPage } from './history-page.tsx';
import { linkProps, usePath } from './router.ts';
import { TrashPage } from './trash-page.tsx';

/** The editor application: a header with "Your name", and the page for the current path. */
export function App() {
  const path = usePath();
  return (
    <>
      <header className="app-header">
        <a className="app-brand" {...linkProps('/')}>
          Concord
        </a>
        <UserNameField />
      </header>
      <main className="app-main">{routeFor(path)}</main>
    </>
  );
}

function routeFor(path: string) {
  if (path === '/') return <DocumentListPage />;
  if (path === '/new') return <CreateDocumentPage />;
  if (path === '/trash') return <TrashPage />;
  const history = /^\/docs\/([^/]+)\/history$/.exec(path);
  if (history) return <HistoryPage key={history[1]} id={decodeURIComponent(history[1]!)} />;
  const doc = /^\/docs\/([^/]+)$/.exec(path);
  if (doc) return <EditorPage key={doc[1]} id={decodeURIComponent(doc[1]!)} />;
  return (
    <p>
      There is no page at this address. <a {...linkProps('/')}>Go to your documents</a>.
    </p>
  );
}

function UserNameField() {
  const [name, setName] = useState(loadUserName);
  return (
    <label className="app-user">
      Your name
      <input
        value={name}
        autoComplete="nickname"
        onChange={(e) => {
          setName(e.target.value);
          storeUserName(e.target.value);
        }}
      />
    </label>
  );
}
