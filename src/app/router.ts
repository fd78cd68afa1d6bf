import { useSyncExternalStore } from 'react';

// A few routes do not justify a router library: the History API and one external store suffice.
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** The current path, re-rendering on navigation. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/**
 * Goes to an in-app path without reloading; `state` travels with the history entry (a notice for
 * the page to show, read with `window.history.state`).
 */
export function navigate(path: string, state: unknown = null): void {
  if (path === window.location.pathname && state === null) return;
  window.history.pushState(state, '', path);
  for (const listener of listeners) listener();
}

/** Props for an `<a>` that navigates in-app on a plain click and stays a real link otherwise. */
export function linkProps(path: string) {
  return {
    href: path,
    onClick: (event: React.MouseEvent<HTMLAnchorElement>) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
        return;
      event.preventDefault();
      navigate(path);
    },
  };
}
