import { useState } from 'react';
import { createFirstAccount, signIn } from '../client/index.ts';
import { describeError } from './describe-error.ts';
import { refreshSession } from './session-store.ts';

/**
 * `/sign-in`: a username and password, and "Sign in"; on a first start with no account,
 * "Create the first account" with the same fields. Then back to the page the person came from
 * (`?next=`), where the editor finds their draft.
 */
export function SignInPage({ setupRequired }: { setupRequired: boolean }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = setupRequired ? 'Create the first account' : 'Sign in';

  return (
    <section aria-labelledby="sign-in-heading" className="sign-in">
      <h1 id="sign-in-heading">{heading}</h1>
      {setupRequired && (
        <p>Nobody has an account here yet. The first account can add the others.</p>
      )}
      <form
        className="create-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (busy) return;
          setBusy(true);
          setError(null);
          try {
            await (setupRequired ? createFirstAccount : signIn)(username, password);
            // Signed in, the app leaves this page for `?next=` (see `App`).
            await refreshSession();
          } catch (failure) {
            setError(failure);
          } finally {
            setBusy(false);
          }
        }}
      >
        <label>
          Username
          <input
            value={username}
            required
            autoComplete="username"
            autoCapitalize="none"
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            value={password}
            required
            minLength={setupRequired ? 8 : undefined}
            autoComplete={setupRequired ? 'new-password' : 'current-password'}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {setupRequired ? 'Create account' : 'Sign in'}
        </button>
      </form>
      {error !== null && <p role="alert">{describeError(error)}</p>}
    </section>
  );
}
