import Database from 'better-sqlite3';
import fc from 'fast-check';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../events/change-feed.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { sqliteMigrations } from './sqlite-migrations.ts';
import { snapshotInterval } from '../kept-body.ts';
import { history } from '../../testing/arbitrary-bodies.ts';
import { etagOf, writeWholeCopySqlite } from '../../testing/write-whole-copy-histories.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'concord-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = new Date('2030-01-01T00:00:00.000Z');
const write = (title: string, body: string, user = '') => ({ title, body, user, at });

describe('openSqliteStore', () => {
  it('creates the folder and a WAL database with foreign keys on, at the latest schema', async () => {
    const path = join(dir, 'nested', 'data', 'concord.db');
    const store = openSqliteStore(path);
    await store.close();
    expect(existsSync(path)).toBe(true);
    const db = new Database(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(sqliteMigrations.length);
    db.close();
  });

  it('keeps documents and their history across reopening', async () => {
    const path = join(dir, 'concord.db');
    const first = openSqliteStore(path);
    const created = await first.createDocument(write('Plan', 'v1'));
    if (created.status !== 'created') throw new Error('not created');
    await first.saveDocument(created.document.id, {
      ...write('Plan', 'v2'),
      expected: [created.document.etag],
    });
    await first.close();
    const second = openSqliteStore(path);
    expect(await second.getDocument(created.document.id)).toMatchObject({ body: 'v2', version: 2 });
    expect(await second.listVersions(created.document.id)).toHaveLength(2);
    await second.close();
  });

  it('refuses a database written by a newer Concord', async () => {
    const path = join(dir, 'concord.db');
    const db = new Database(path);
    db.pragma(`user_version = ${sqliteMigrations.length + 1}`);
    db.close();
    expect(() => openSqliteStore(path)).toThrow(/newer/);
  });

  it('migrates a database from before the trash, keeping every document and version', async () => {
    const path = join(dir, 'concord.db');
    const old = new Database(path);
    for (const step of sqliteMigrations.slice(0, 2)) old.exec(step as string);
    old.pragma('user_version = 2');
    old.exec(`
      INSERT INTO documents VALUES ('d1', 'Plan', 'plan', 2, '"e2"', '2030-01-01T00:00:00.000Z',
        '2030-01-02T00:00:00.000Z', 'Bob');
      INSERT INTO document_versions VALUES ('d1', 1, '"e1"', 'Plan', 'v1', '2030-01-01T00:00:00.000Z', '');
      INSERT INTO document_versions VALUES ('d1', 2, '"e2"', 'Plan', 'v2', '2030-01-02T00:00:00.000Z', 'Bob');
    `);
    old.close();
    const store = openSqliteStore(path);
    expect(await store.getDocument('d1')).toMatchObject({ body: 'v2', version: 2, etag: '"e2"' });
    expect(await store.listVersions('d1')).toHaveLength(2);
    // The title is still held, and the document can go to the trash and back.
    expect((await store.createDocument(write('PLAN', ''))).status).toBe('titleTaken');
    expect((await store.deleteDocument('d1', ['"e2"'], at, 'alice')).status).toBe('deleted');
    expect((await store.restoreDocument('d1')).status).toBe('restored');
    await store.close();
    const db = new Database(path);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM document_versions').get()).toEqual({ n: 2 });
    db.close();
  });

  it('re-keys titles by the look-alike rule; an older look-alike pair both stay and save', async () => {
    const path = join(dir, 'concord.db');
    const old = new Database(path);
    for (const step of sqliteMigrations.slice(0, 3)) old.exec(step as string);
    old.pragma('user_version = 3');
    // Two titles the old rule (NFC, lower case) kept apart; 'Ｐｌａｎ' is the younger.
    old.exec(`
      INSERT INTO documents VALUES ('d1', 'Plan', 'plan', 1, '"e1"', '2030-01-01T00:00:00.000Z',
        '2030-01-01T00:00:00.000Z', '', NULL);
      INSERT INTO documents VALUES ('d2', 'Ｐｌａｎ', 'ｐｌａｎ', 1, '"e2"', '2030-01-02T00:00:00.000Z',
        '2030-01-02T00:00:00.000Z', '', NULL);
      INSERT INTO document_versions VALUES ('d1', 1, '"e1"', 'Plan', 'v1', '2030-01-01T00:00:00.000Z', '');
      INSERT INTO document_versions VALUES ('d2', 1, '"e2"', 'Ｐｌａｎ', 'v1', '2030-01-02T00:00:00.000Z', '');
    `);
    old.close();
    const store = openSqliteStore(path);
    const db = new Database(path);
    expect(db.prepare('SELECT id, title_key FROM documents ORDER BY id').all()).toEqual([
      { id: 'd1', title_key: 'plan' },
      { id: 'd2', title_key: 'plan\u200bd2' },
    ]);
    db.close();
    // The older holds the title: a new look-alike is refused, naming it.
    expect(await store.createDocument(write('pl\u200ban', ''))).toMatchObject({
      status: 'titleTaken',
      existing: { id: 'd1' },
    });
    // The younger keeps its title as typed and saves as before, title and all.
    const saved = await store.saveDocument('d2', {
      ...write('Ｐｌａｎ', 'v2'),
      expected: ['"e2"'],
    });
    expect(saved).toMatchObject({ status: 'saved', document: { title: 'Ｐｌａｎ', version: 2 } });
    // Renamed, it takes a key of its own; back to the look-alike, it is refused.
    if (saved.status !== 'saved') throw new Error('not saved');
    const renamed = await store.saveDocument('d2', {
      ...write('Plan B', 'v3'),
      expected: [saved.document.etag],
    });
    if (renamed.status !== 'saved') throw new Error('not renamed');
    expect(
      await store.saveDocument('d2', { ...write('PLAN', 'v4'), expected: [renamed.document.etag] }),
    ).toMatchObject({ status: 'titleTaken', existing: { id: 'd1' } });
    await store.close();
  });

  it('keeps foreign keys on after migrating: purging the trash takes the versions', async () => {
    const store = openSqliteStore(join(dir, 'concord.db'));
    const created = await store.createDocument(write('Plan', 'v1'));
    if (created.status !== 'created') throw new Error('not created');
    await store.deleteDocument(created.document.id, '*', at, 'alice');
    expect(await store.purgeTrash(new Date(at.getTime() + 1))).toBe(1);
    await store.close();
    const db = new Database(join(dir, 'concord.db'));
    expect(db.prepare('SELECT count(*) AS n FROM document_versions').get()).toEqual({ n: 0 });
    db.close();
  });

  it('names nobody ("") as the deleter of a document trashed before deleters were kept', async () => {
    const path = join(dir, 'concord.db');
    let store = openSqliteStore(path);
    const created = await store.createDocument(write('Plan', 'v1'));
    if (created.status !== 'created') throw new Error(created.status);
    await store.deleteDocument(created.document.id, '*', at, 'Dana');
    expect(await store.findInTrash(created.document.id)).toMatchObject({ deleted_by: 'Dana' });
    await store.close();
    // As migration 8 leaves a document that was in the trash before it.
    const db = new Database(path);
    db.exec('UPDATE documents SET deleted_by = NULL');
    db.close();
    store = openSqliteStore(path);
    expect(await store.findInTrash(created.document.id)).toMatchObject({ deleted_by: '' });
    expect(await store.listTrash({ limit: 10 })).toMatchObject([{ deleted_by: '' }]);
    await store.close();
  });

  it('works in memory', async () => {
    const store = openSqliteStore(':memory:');
    expect(await store.listDocuments()).toEqual([]);
    await store.close();
  });
});

describe('SqliteStore', () => {
  it('keeps every version with its own content and ETag', async () => {
    const store = openSqliteStore(':memory:');
    const created = await store.createDocument(write('Plan', 'v1', 'Ann'));
    if (created.status !== 'created') throw new Error('not created');
    const { id, etag } = created.document;
    const saved = await store.saveDocument(id, {
      ...write('Plan!', 'v2', 'Bob'),
      expected: [etag],
    });
    if (saved.status !== 'saved') throw new Error('not saved');
    expect(await store.getVersion(id, 1)).toMatchObject({
      title: 'Plan',
      body: 'v1',
      etag,
      updated_by: 'Ann',
    });
    expect(await store.getVersion(id, 2)).toMatchObject({
      title: 'Plan!',
      body: 'v2',
      etag: saved.document.etag,
      updated_by: 'Bob',
    });
    await store.close();
  });

  it('announces each committed write on its change feed, and nothing for a refused one', async () => {
    const store = openSqliteStore(':memory:');
    const created = await store.createDocument(write('Plan', 'v1'));
    if (created.status !== 'created') throw new Error('not created');
    const { id, etag } = created.document;
    const events: ChangeEvent[] = [];
    const stop = store.changes.subscribe(id, (event) => events.push(event));
    const saved = await store.saveDocument(id, { ...write('Plan', 'v2', 'Bob'), expected: [etag] });
    await store.saveDocument(id, { ...write('Plan', 'stale'), expected: [etag] });
    if (saved.status !== 'saved') throw new Error('not saved');
    await store.deleteDocument(id, '*', at, 'alice');
    // Delivered soon after each write answered, not during it.
    await store.changes.settle();
    stop();
    expect(events).toEqual([
      {
        type: 'version',
        id,
        version: 2,
        etag: saved.document.etag,
        title: 'Plan',
        updated_at: saved.document.updated_at,
        updated_by: 'Bob',
      },
      { type: 'deleted', id },
    ]);
    await store.close();
  });
});

describe('kept versions on SQLite (docs/decisions/0021)', () => {
  it('migrates whole-copy histories; every version reads back byte for byte', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(history, { minLength: 1, maxLength: 3 }), async (histories) => {
        const path = join(dir, `whole-${run++}.db`);
        const docs = histories.map((bodies, i) => ({ id: `d${i}`, title: `Doc ${i}`, bodies }));
        writeWholeCopySqlite(path, docs);
        const store = openSqliteStore(path);
        for (const { id, bodies } of docs) {
          const read = await Promise.all(bodies.map((_, i) => store.getVersion(id, i + 1)));
          expect(read.map((v) => v?.body)).toEqual(bodies);
          expect(read.map((v) => v?.etag)).toEqual(bodies.map((_, i) => etagOf(id, i + 1)));
          expect((await store.getDocument(id))?.body).toBe(bodies.at(-1));
        }
        await store.close();
      }),
      { numRuns: 15 },
    );
  }, 60_000);

  it('migrates a long history into deltas between snapshots, the newest kept whole', async () => {
    const path = join(dir, 'concord.db');
    const base = Array.from({ length: 2_000 }, (_, i) => `word${i}`).join(' ');
    const bodies = Array.from(
      { length: 70 },
      (_, n) => `${base.slice(0, n * 100)}·${n}·${base.slice(n * 100)}`,
    );
    writeWholeCopySqlite(path, [{ id: 'd1', title: 'Long', bodies }]);
    const store = openSqliteStore(path);
    await store.close();
    const db = new Database(path);
    const forms = db
      .prepare('SELECT version, body_form FROM document_versions ORDER BY version')
      .all() as { version: number; body_form: string }[];
    db.close();
    expect(forms.filter((f) => f.body_form === 'whole').map((f) => f.version)).toEqual([70]);
    expect(forms.filter((f) => f.body_form === 'snapshot').map((f) => f.version)).toEqual([
      snapshotInterval,
    ]);
    expect(forms.filter((f) => f.body_form === 'delta')).toHaveLength(68);
    const reopened = openSqliteStore(path);
    for (const [i, body] of bodies.entries()) {
      expect((await reopened.getVersion('d1', i + 1))?.body === body, `version ${i + 1}`).toBe(
        true,
      );
    }
    await reopened.close();
  });

  it('grows by about the edit: 30 one-word edits of a 1 MB body add under 256 KiB', async () => {
    const path = join(dir, 'concord.db');
    const store = openSqliteStore(path);
    const words = Array.from({ length: 150_000 }, (_, i) => `w${(i * 7919) % 100_003}`);
    const created = await store.createDocument(write('Big', words.join(' ')));
    if (created.status !== 'created') throw new Error('not created');
    const db = new Database(path);
    // Bytes in use: pages minus the free list (freed pages are reused before the file grows).
    const size = () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      const pages = (name: string) => db.pragma(name, { simple: true }) as number;
      return (pages('page_count') - pages('freelist_count')) * pages('page_size');
    };
    const before = size();
    let etag = created.document.etag;
    for (let n = 0; n < 30; n++) {
      words[(n * 4_999) % words.length] = `edit${n}`;
      const saved = await store.saveDocument(created.document.id, {
        ...write('Big', words.join(' ')),
        expected: [etag],
      });
      if (saved.status !== 'saved') throw new Error(saved.status);
      etag = saved.document.etag;
    }
    const grown = size() - before;
    db.close();
    await store.close();
    // Whole copies grew it by 30 MB.
    expect(grown).toBeLessThan(256 * 1024);
  }, 60_000);
});
