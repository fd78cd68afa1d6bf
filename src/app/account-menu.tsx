import { useNavigate } from '@tanstack/react-router';
import { signOut, type SessionInfo } from '../client/index.ts';
import { markSignedOut } from './session-store.ts';
import { signInPath } from './sign-in-target.ts';

/** The header's signed-in part: the person's name and "Sign out" (none behind single sign-on). */
export function AccountMenu({ session }: { session: SessionInfo }) {
  const navigate = useNavigate();
  return (
    <div className="app-user">
      <span>
        Signed in as <strong>{session.username}</strong>
      </span>
      {session.auth === 'accounts' && (
        <button
          type="button"
          onClick={async () => {
            // Signed out here even if the server cannot be told: the cookie goes with it.
            await signOut().catch(() => undefined);
            markSignedOut();
            void navigate({ to: signInPath });
          }}
        >
          Sign out
        </button>
      )}
    </div>
  );
}
