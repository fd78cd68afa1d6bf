import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Draft } from './drafts.ts';

/**
 * Every tab's drafts in IndexedDB (docs/decisions/0020): what outlives a closed tab and a browser
 * crash, and what no longer fits in sessionStorage (a document near the size limit). Writes use
 * `durability: 'strict'`, so a draft the browser said it stored is on disk, not in a cache that a
 * crash takes with it.
 */
interface DraftSchema extends DBSchema {
  drafts: {
    key: [string, string];
    value: TabDraft;
    indexes: { doc: string };
  };
}

/** One tab's draft of one document, as stored. */
export interface TabDraft {
  tab: string;
  doc: string;
  draft: Draft;
}

const databaseName = 'concord-drafts';
let opened: Promise<IDBPDatabase<DraftSchema> | undefined> | undefined;

/** The database, or `undefined` where there is none (Node, some private modes). */
function database(): Promise<IDBPDatabase<DraftSchema> | undefined> {
  opened ??= (async () => {
    if (typeof indexedDB === 'undefined') return undefined;
    return openDB<DraftSchema>(databaseName, 1, {
      upgrade(db) {
        const store = db.createObjectStore('drafts', { keyPath: ['tab', 'doc'] });
        store.createIndex('doc', 'doc');
      },
      // Another tab of a newer app wants to upgrade: let it, and open again next time.
      blocking() {
        const closing = opened;
        opened = undefined;
        void closing?.then((db) => db?.close());
      },
    });
  })().catch(() => undefined);
  return opened;
}

/**
 * Stores `tab`'s draft of `doc` (or forgets it: `undefined`). Resolves whether it is on disk:
 * false when the browser refused (quota, no IndexedDB).
 */
export async function writeTabDraft(
  tab: string,
  doc: string,
  draft: Draft | undefined,
): Promise<boolean> {
  const db = await database();
  if (!db) return false;
  try {
    const transaction = db.transaction('drafts', 'readwrite', { durability: 'strict' });
    const request = draft
      ? transaction.store.put({ tab, doc, draft })
      : transaction.store.delete([tab, doc]);
    // Committed at once, not when the page next idles: a write asked for as the page is left
    // (a reload) must be on its way before the page is gone.
    transaction.commit();
    await request;
    await transaction.done;
    return true;
  } catch {
    return false;
  }
}

/** `tab`'s draft of `doc`, if it stored one. */
export async function readTabDraft(tab: string, doc: string): Promise<Draft | undefined> {
  const db = await database();
  try {
    return (await db?.get('drafts', [tab, doc]))?.draft;
  } catch {
    return undefined;
  }
}

/** Every tab's draft of `doc`. */
export async function listDocumentDrafts(doc: string): Promise<TabDraft[]> {
  const db = await database();
  try {
    return (await db?.getAllFromIndex('drafts', 'doc', doc)) ?? [];
  } catch {
    return [];
  }
}
