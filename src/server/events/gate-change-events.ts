import type { Account } from '../auth/authenticate.ts';
import type { ChangeEvent, ChangeListener } from './change-feed.ts';
import { canRead } from '../auth/decide-access.ts';
import { findGrantedAccess } from '../auth/guard-document-access.ts';
import type { MemberStore } from '../store/member-store.ts';

type DocumentEvent = Exclude<ChangeEvent, { type: 'resync' }>;

/**
 * A change listener for one person's event stream that passes on (`onVisible`) only the events
 * of documents they may read, and hands the others to `onHidden`, in the order they came. The
 * access is looked up when the event arrives, so a stream learns nothing of a document after
 * it stopped being shared. Without an account (`CONCORD_AUTH=off`) every event passes at once.
 * A lookup that fails ends the stream (`onError`): an event dropped silently would be missed.
 */
export function gateChangeEvents(
  members: MemberStore,
  account: Account | undefined,
  handlers: {
    onVisible: ChangeListener;
    onHidden: (event: DocumentEvent) => void;
    onError: () => void;
  },
): ChangeListener {
  if (!account) return handlers.onVisible;
  let queue = Promise.resolve();
  let failed = false;
  return (event) => {
    queue = queue.then(async () => {
      if (failed) return;
      if (event.type === 'resync') return handlers.onVisible(event);
      try {
        const { access } = await findCachedAccess(members, account, event);
        if (canRead(access)) handlers.onVisible(event);
        else handlers.onHidden(event);
      } catch {
        failed = true;
        handlers.onError();
      }
    });
  };
}

// Every stream of one person hears the same event object: one lookup serves them all.
const lookups = new WeakMap<ChangeEvent, Map<string, ReturnType<typeof findGrantedAccess>>>();

function findCachedAccess(members: MemberStore, account: Account, event: DocumentEvent) {
  let byUser = lookups.get(event);
  if (!byUser) lookups.set(event, (byUser = new Map()));
  let lookup = byUser.get(account.username);
  if (!lookup)
    byUser.set(account.username, (lookup = findGrantedAccess(members, account, event.id)));
  return lookup;
}
