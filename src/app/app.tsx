import { Link, Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { AccountMenu } from './account-menu.tsx';
import { loadUserName, storeUserName } from '../client/index.ts';
import { useSession } from './session-store.ts';
import { SignInPage } from './sign-in-page.tsx';
import { signInPath, toSignInSearch } from './sign-in-target.ts';

/**
 * The editor application around every page (the router's root): a header with "Your name" or
 * the account, and the page for the current path — or the sign-in form while signed out.
 */
export function AppLayout() {
  const path = useLocation({ select: (location) => location.pathname });
  const navigate = useNavigate();
  // Asked for by main.tsx as the app starts, beside the page's data.
  const session = useSession();
  const signedOut = session.status === 'signedOut';
  // Signed out (or the session ended mid-edit): to the sign-in page, remembering the page (as
  // the address bar has it). The editor leaving writes its draft, and finds it again on the way back.
  useEffect(() => {
    if (signedOut && path !== signInPath) {
      const here = `${window.location.pathname}${window.location.search}`;
      void navigate({ to: signInPath, search: toSignInSearch(here) });
    }
  }, [signedOut, path, navigate]);
  return (
    <>
      <header className="app-header">
        <Link to="/" className="app-brand">
          Concord
        </Link>
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
        ) : (
          <Outlet />
        )}
      </main>
    </>
  );
}

/** Any path the app has no page for. */
export function NotFoundPage() {
  return (
    <p>
      There is no page at this address. <Link to="/">Go to your documents</Link>.
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
