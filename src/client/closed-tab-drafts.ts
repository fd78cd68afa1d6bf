import type { Draft } from './drafts.ts';
import { parseDraft } from './parse-draft.ts';
import { webStorage } from './web-storage.ts';

/**
 * Drafts of tabs that were closed, offered back in another tab.
 *
 * A tab's drafts live in its sessionStorage (docs/decisions/0003), which outlives reloads and
 * crashes but not the tab. So each draft is also mirrored to localStorage under the tab's id, and
 * each tab holds a Web Lock named after its id for as long as it lives: a mirrored draft whose
 * lock nobody holds belongs to a tab that is gone (docs/decisions/0011).
 */

const tabIdKey = 'concord:tab-id';
const mirrorPrefix = 'concord:tab-draft:';
const lockPrefix = 'concord:tab:';
/** How long a reloaded tab waits for its previous page to let go of the tab's lock. */
const reclaimTimeoutMs = 1000;

/** A draft left by a closed tab. */
export interface ClosedTabDraft {
  /** Where it is kept: `discardClosedTabDraft(key)` forgets it once restored or discarded. */
  key: string;
  draft: Draft;
}

let claimed: Promise<string | undefined> | undefined;

/** Both stores, or `undefined` when either is missing: then there is nothing to mirror. */
function storages(): { session: Storage; local: Storage } | undefined {
  const session = webStorage('sessionStorage');
  const local = webStorage('localStorage');
  return session && local ? { session, local } : undefined;
}

function locks(): LockManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.locks;
}

/**
 * Takes the lock `name` and holds it until the page goes; resolves whether it got it, waiting at
 * most `waitMs` (0: only if free now).
 */
function holdLock(manager: LockManager, name: string, waitMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const options: LockOptions =
      waitMs === 0 ? { ifAvailable: true } : { signal: AbortSignal.timeout(waitMs) };
    manager
      .request(name, options, (lock) => {
        resolve(lock !== null);
        // Held until the page is gone.
        return lock && new Promise<never>(() => {});
      })
      .catch(() => resolve(false));
  });
}

/**
 * This tab's id, with its lock held: the id in sessionStorage when this tab had one (a reload),
 * else a new one (a new tab, or a duplicated one whose copied id the original still holds).
 * `undefined` without Web Locks or storage. Claimed once per page; later calls share it.
 */
export function claimTab(): Promise<string | undefined> {
  claimed ??= (async () => {
    const manager = locks();
    const stores = storages();
    if (!manager || !stores) return undefined;
    const previous = stores.session.getItem(tabIdKey);
    if (previous && (await holdLock(manager, lockPrefix + previous, reclaimTimeoutMs))) {
      return previous;
    }
    const id = crypto.randomUUID();
    if (!(await holdLock(manager, lockPrefix + id, 0))) return undefined;
    try {
      stores.session.setItem(tabIdKey, id);
    } catch {
      return undefined;
    }
    return id;
  })();
  return claimed;
}

/** The id this tab claimed, once `startMirroringDrafts` has; until then nothing is mirrored. */
let tabId: string | undefined;

/**
 * Claims this tab (`claimTab`) and from then on mirrors its drafts; `existing` gives the drafts
 * stored before that (a reloaded tab's), as `[docId, json]`. Call once, when the app starts.
 */
export async function startMirroringDrafts(
  existing: () => Iterable<readonly [string, string]>,
): Promise<void> {
  tabId = await claimTab();
  for (const [docId, json] of existing()) mirrorDraft(docId, json);
}

function mirrorKey(docId: string, id: string): string {
  return `${mirrorPrefix}${docId}:${id}`;
}

/** Mirrors this tab's draft of `docId` (its JSON as stored), or forgets it (`undefined`). */
export function mirrorDraft(docId: string, json: string | undefined): void {
  const stores = storages();
  if (!tabId || !stores) return;
  try {
    if (json === undefined) stores.local.removeItem(mirrorKey(docId, tabId));
    else stores.local.setItem(mirrorKey(docId, tabId), json);
  } catch {
    // Over quota: the tab's own copy (sessionStorage) still holds the draft.
  }
}

/**
 * The drafts of `docId` that closed tabs left, newest first. Waits for this tab's own claim, so
 * that its own mirror is never taken for a closed tab's.
 */
export async function findClosedTabDrafts(docId: string): Promise<ClosedTabDraft[]> {
  const manager = locks();
  const stores = storages();
  const own = await claimTab();
  if (!manager || !stores || !own) return [];
  const held = new Set((await manager.query()).held?.map((lock) => lock.name));
  const prefix = `${mirrorPrefix}${docId}:`;
  const found: ClosedTabDraft[] = [];
  for (let i = 0; i < stores.local.length; i++) {
    const key = stores.local.key(i);
    if (!key?.startsWith(prefix)) continue;
    const owner = key.slice(prefix.length);
    if (owner === own || held.has(lockPrefix + owner)) continue;
    const draft = parseDraft(stores.local.getItem(key));
    // Sorted by savedAt below, which every stored draft has.
    if (typeof draft?.savedAt === 'string') found.push({ key, draft });
  }
  return found.sort((a, b) => b.draft.savedAt.localeCompare(a.draft.savedAt));
}

/** Forgets a closed tab's draft (taken into this tab, or discarded by the person). */
export function discardClosedTabDraft(key: string): void {
  storages()?.local.removeItem(key);
}
