import { useSyncExternalStore } from 'react';
import { fetchSession, type SessionState } from '../client/index.ts';

// One session for the whole tab, outside React: the fetch wrapper that sees a 401 and the
// header and pages that show who is signed in share it.
/** The session state, or `unknown` when the server could not be asked (the pages still try). */
export type AppSessionState = SessionState | { status: 'unknown' };

let state: AppSessionState = { status: 'loading' };
const listeners = new Set<() => void>();

function setState(next: AppSessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** The tab's session state, re-rendering when it changes. */
export function useSession(): AppSessionState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

/** Asks the server who is signed in. A failure to reach it keeps the state as it was. */
export async function refreshSession(): Promise<AppSessionState> {
  try {
    setState(await fetchSession());
  } catch {
    // Offline or a 5xx: the pages say so through their own requests, and a 401 of theirs
    // still leads to the sign-in page.
    if (state.status === 'loading') setState({ status: 'unknown' });
  }
  return state;
}

/** The server answered 401: the session ended (signed out elsewhere, or it expired). */
export function markSignedOut(): void {
  if (state.status !== 'signedOut') setState({ status: 'signedOut', setupRequired: false });
}

/**
 * A `fetch` for the Concord client that notices a 401 on any API request and marks the
 * session ended, so the app can ask the person to sign in again (their draft stays).
 */
export const fetchWatchingSession: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (response.status === 401) markSignedOut();
  return response;
};
