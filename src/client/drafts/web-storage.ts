/**
 * The page's `sessionStorage` or `localStorage`; `undefined` where there is none (Node) or the
 * browser disables it (privacy settings, where reading the property throws): then the app works
 * on without what it would have kept there.
 */
export function webStorage(name: 'sessionStorage' | 'localStorage'): Storage | undefined {
  try {
    return globalThis[name];
  } catch {
    return undefined;
  }
}
