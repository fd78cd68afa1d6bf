import { listDocumentDrafts, writeTabDraft } from './draft-database.ts';
import type { Draft } from './drafts.ts';
import { parseDraft } from './parse-draft.ts';
import { webStorage } from './web-storage.ts';

/**
 * Drafts of tabs that were closed (or a browser that crashed), offered back in another tab.
 *
 * A tab's drafts live in its sessionStorage (docs/decisions/0003), which outlives reloads but not
 * the tab. So each draft is also mirrored to IndexedDB under the tab's id (docs/decisions/0020),
 * and each tab holds a Web Lock named after its id for as long as it lives: a mirrored draft
 * whose lock nobody holds belongs to a tab that is gone (docs/decisions/0011).
 */

const tabIdKey = 'concord:tab-id';
/** Where the app mirrored drafts before IndexedDB; still read, so no such draft is stranded. */
const legacyMirrorPrefix = 'concord:tab-draft:';
/** How a `ClosedTabDraft.key` in IndexedDB starts (then `[tab, docId]` as JSON). */
const databasePrefix = 'idb:';
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
    const session = webStorage('sessionStorage');
    if (!manager || !session) return undefined;
    const previous = session.getItem(tabIdKey);
    if (previous && (await holdLock(manager, lockPrefix + previous, reclaimTimeoutMs))) {
      return previous;
    }
    const id = crypto.randomUUID();
    if (!(await holdLock(manager, lockPrefix + id, 0))) return undefined;
    try {
      session.setItem(tabIdKey, id);
    } catch {
      return undefined;
    }
    return id;
  })();
  return claimed;
}

/**
 * Claims this tab (`claimTab`) and mirrors the drafts stored before that (a reloaded tab's, whose
 * id may have changed), as `[docId, draft]`. Call once, when the app starts.
 */
export async function startMirroringDrafts(
  existing: () => Iterable<readonly [string, Draft]>,
): Promise<void> {
  await claimTab();
  for (const [docId, draft] of existing()) void mirrorDraft(docId, draft);
}

/** The id this tab had before a reload, if any, without waiting for its claim. */
export function previousTabId(): string | undefined {
  return webStorage('sessionStorage')?.getItem(tabIdKey) ?? undefined;
}

interface MirrorSlot {
  /** The newest write not yet started, and who waits for it. */
  next?: { draft: Draft | undefined; done: Array<(stored: boolean) => void> };
  running: boolean;
}
const slots = new Map<string, MirrorSlot>();

/**
 * Mirrors this tab's draft of `docId` to IndexedDB (or forgets it: `undefined`); resolves whether
 * it is on disk. One write per document at a time: while one is on its way, later drafts wait
 * and only the newest is written (each strict write waits for the disk).
 */
export function mirrorDraft(
  docId: string,
  draft: Draft | undefined,
  { now = false }: { now?: boolean } = {},
): Promise<boolean> {
  // As the page is left, the newest draft cannot wait for a write on its way: it is written at
  // once, after it in the database's order (transactions on one store run in the order made).
  if (now) return writeNow(docId, draft);
  return new Promise((resolve) => {
    const slot = slots.get(docId) ?? { running: false };
    slots.set(docId, slot);
    if (slot.next) {
      slot.next.draft = draft;
      slot.next.done.push(resolve);
    } else slot.next = { draft, done: [resolve] };
    if (!slot.running) void writeInTurn(docId, slot);
  });
}

async function writeNow(docId: string, draft: Draft | undefined): Promise<boolean> {
  const slot = slots.get(docId);
  const waiting = slot?.next;
  if (slot) slot.next = undefined;
  return writeAndAnswer(docId, draft, waiting?.done ?? []);
}

async function writeInTurn(docId: string, slot: MirrorSlot): Promise<void> {
  slot.running = true;
  for (let next = slot.next; next; next = slot.next) {
    slot.next = undefined;
    await writeAndAnswer(docId, next.draft, next.done);
  }
  slot.running = false;
}

/** Writes this tab's draft of `docId` and tells each of `done` whether it is on disk. */
async function writeAndAnswer(
  docId: string,
  draft: Draft | undefined,
  done: ReadonlyArray<(stored: boolean) => void>,
): Promise<boolean> {
  const tab = await claimTab();
  const stored = tab ? await writeTabDraft(tab, docId, draft) : false;
  for (const answer of done) answer(stored);
  return stored;
}

/**
 * The drafts of `docId` that closed (or crashed) tabs left, newest first. Waits for this tab's
 * own claim, so that its own draft is never taken for a closed tab's. Also finds the drafts an
 * earlier version of the app mirrored to localStorage.
 */
export async function findClosedTabDrafts(docId: string): Promise<ClosedTabDraft[]> {
  const manager = locks();
  const own = await claimTab();
  if (!manager || !own) return [];
  const held = new Set((await manager.query()).held?.map((lock) => lock.name));
  const isClosed = (tab: string) => tab !== own && !held.has(lockPrefix + tab);
  const found: ClosedTabDraft[] = [];
  for (const { tab, draft } of await listDocumentDrafts(docId)) {
    if (isClosed(tab) && typeof draft.savedAt === 'string')
      found.push({ key: databaseKey(tab, docId), draft });
  }
  found.push(...findLegacyMirrors(docId, isClosed));
  return found.sort((a, b) => b.draft.savedAt.localeCompare(a.draft.savedAt));
}

function databaseKey(tab: string, docId: string): string {
  return databasePrefix + JSON.stringify([tab, docId]);
}

/** Closed tabs' drafts in localStorage, where the app mirrored them before IndexedDB. */
function findLegacyMirrors(docId: string, isClosed: (tab: string) => boolean): ClosedTabDraft[] {
  const local = webStorage('localStorage');
  const prefix = `${legacyMirrorPrefix}${docId}:`;
  const found: ClosedTabDraft[] = [];
  for (let i = 0; local && i < local.length; i++) {
    const key = local.key(i);
    if (!key?.startsWith(prefix) || !isClosed(key.slice(prefix.length))) continue;
    const draft = parseDraft(local.getItem(key));
    if (typeof draft?.savedAt === 'string') found.push({ key, draft });
  }
  return found;
}

/** Forgets a closed tab's draft (taken into this tab, or discarded by the person). */
export function discardClosedTabDraft(key: string): void {
  if (!key.startsWith(databasePrefix)) {
    webStorage('localStorage')?.removeItem(key);
    return;
  }
  const [tab, docId] = JSON.parse(key.slice(databasePrefix.length)) as [string, string];
  void writeTabDraft(tab, docId, undefined);
}
