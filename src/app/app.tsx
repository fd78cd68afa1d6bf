import { useEffect, useState } from 'react';
import { AccountMenu } from './account-menu.tsx';
import { loadUserName, storeUserName } from '../client/index.ts';
import { CreateDocumentPage } from './create-document-page.tsx';
import { DocumentListPage } from './document-list-page.tsx';
import { EditorPage } from './editor-page.tsx';
import { HistoryPage } from './history-page.tsx';
import { linkProps, navigate, usePath } from './router.ts';
import { TrashPage } from './trash-page.tsx';
import { useSession } from './session-store.ts';
import { SignInPage } from './sign-in-page.tsx';
import { readNextPath, signInPath, toSignInPath } from './sign-in-target.ts';

/** The editor application: a header with "Your name", and the page for the current path. */
export function App() {
  const path = usePath();
  // Asked for by main.tsx as the app starts, beside the page's data.
  const session = useSession();
  const signedOut = session.status === 'signedOut';
  // Signed out (or the session ended mid-edit): to the sign-in page, remembering the page. The
  // editor leaving writes its draft, and finds it again on the way back.
  useEffect(() => {
    if (signedOut && path !== signInPath) {
      navigate(toSignInPath(`${path}${window.location.search}`));
    }
  }, [signedOut, path]);
  return (
    <>
      <header className="app-header">
        <a className="app-brand" {...linkProps('/')}>
          Concord
        </a>
        {session.status === 'signedIn' &&
          (session.session.auth === 'off' ? (
            <UserNameField />
          ) : (
            <AccountMenu session={session.session} />
          ))}
      </header>
      <main className="app-main">
        {session.status === 'loading' ? null : signedOut ? (
          <SignInPage setupRequired={session.setupRequired} />
        ) : path === signInPath ? (
          <SignedInAlready />
        ) : (
          routeFor(path)
        )}
      </main>
    </>
  );
}

function SignedInAlready() {
  useEffect(() => navigate(readNextPath(window.location.search)), []);
  return null;
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
