import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../create-app.ts';
import type { ChangeEvent } from '../../events/change-feed.ts';
import { openStore } from '../open-store.ts';
import { postgresMigrations } from './postgres-migrations.ts';
import { openPostgresStore } from './postgres-store.ts';
import type { PostgresStore } from './postgres-store.ts';
import { history } from '../../testing/arbitrary-bodies.ts';
import { readTestPostgresUrl } from '../../testing/create-test-store.ts';
import { etagOf, writeWholeCopyPostgres } from '../../testing/write-whole-copy-histories.ts';

// PostgreSQL-only behaviour; everything the two stores share is in the contract tests, which
// the Vitest project "postgres" runs on this store too.
const url = readTestPostgresUrl();
const at = new Date('2030-01-01T00:00:00.000Z');
const write = (title: string, body: string, user = '') => ({ title, body, user, at });

const opened: PostgresStore[] = [];
const newSchema = () => `t_${randomBytes(8).toString('hex')}`;
async function open(schema: string): Promise<PostgresStore> {
  const store = await openPostgresStore(url, { schema });
  opened.push(store);
  return store;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

async function queryAsAdmin<Row extends object>(text: string): Promise<Row[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<Row>(text)).rows;
  } finally {
    await client.end();
  }
}

describe('openPostgresStore', () => {
  it('migrates once, even when several servers start together', async () => {
    const schema = newSchema();
    await Promise.all([open(schema), open(schema), open(schema)]);
    const rows = await queryAsAdmin<{ version: number }>(
      `SELECT version FROM ${schema}.concord_migrations ORDER BY version`,
    );
    expect(rows.map((row) => row.version)).toEqual(postgresMigrations.map((_, i) => i + 1));
  });

  it('refuses a database written by a newer Concord', async () => {
    const schema = newSchema();
    await (await open(schema)).close();
    await queryAsAdmin(
      `INSERT INTO ${schema}.concord_migrations (version) VALUES (${postgresMigrations.length + 1})`,
    );
    await expect(openPostgresStore(url, { schema })).rejects.toThrow(/newer/);
  });

  it('migrates a database from before the trash, keeping every document and version', async () => {
    const schema = newSchema();
    await queryAsAdmin(`
      CREATE SCHEMA ${schema}; SET search_path = ${schema};
      ${postgresMigrations.slice(0, 2).join(';\n')};
      CREATE TABLE concord_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
      INSERT INTO concord_migrations (version) VALUES (1), (2);
      INSERT INTO documents VALUES ('d1', 'Plan', 'plan', 2, '"e2"', '2030-01-01Z', '2030-01-02Z', 'Bob');
      INSERT INTO document_versions VALUES
        ('d1', 1, '"e1"', 'Plan', 'v1', '2030-01-01Z', ''),
        ('d1', 2, '"e2"', 'Plan', 'v2', '2030-01-02Z', 'Bob');
    `);
    const store = await open(schema);
    expect(await store.getDocument('d1')).toMatchObject({ body: 'v2', version: 2, etag: '"e2"' });
    expect(await store.listVersions('d1')).toHaveLength(2);
    expect((await store.createDocument(write('PLAN', ''))).status).toBe('titleTaken');
    expect((await store.deleteDocument('d1', ['"e2"'], at, 'alice')).status).toBe('deleted');
    expect((await store.restoreDocument('d1')).status).toBe('restored');
    expect(await store.listVersions('d1')).toHaveLength(2);
  });

  it('re-keys titles by the look-alike rule; an older look-alike pair both stay and save', async () => {
    const schema = newSchema();
    await queryAsAdmin(`
      CREATE SCHEMA ${schema}; SET search_path = ${schema};
      ${postgresMigrations.slice(0, 3).join(';\n')};
      CREATE TABLE concord_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
      INSERT INTO concord_migrations (version) VALUES (1), (2), (3);
      INSERT INTO documents VALUES
        ('d1', 'Plan', 'plan', 1, '"e1"', '2030-01-01Z', '2030-01-01Z', '', NULL),
        ('d2', 'Ｐｌａｎ', 'ｐｌａｎ', 1, '"e2"', '2030-01-02Z', '2030-01-02Z', '', NULL);
      INSERT INTO document_versions VALUES
        ('d1', 1, '"e1"', 'Plan', 'v1', '2030-01-01Z', ''),
        ('d2', 1, '"e2"', 'Ｐｌａｎ', 'v1', '2030-01-02Z', '');
    `);
    const store = await open(schema);
    expect(await queryAsAdmin(`SELECT id, title_key FROM ${schema}.documents ORDER BY id`)).toEqual(
      [
        { id: 'd1', title_key: 'plan' },
        { id: 'd2', title_key: 'plan\u200bd2' },
      ],
    );
    expect(await store.createDocument(write('pl\u200ban', ''))).toMatchObject({
      status: 'titleTaken',
      existing: { id: 'd1' },
    });
    const saved = await store.saveDocument('d2', {
      ...write('Ｐｌａｎ', 'v2'),
      expected: ['"e2"'],
    });
    expect(saved).toMatchObject({ status: 'saved', document: { title: 'Ｐｌａｎ', version: 2 } });
    if (saved.status !== 'saved') throw new Error('not saved');
    const renamed = await store.saveDocument('d2', {
      ...write('Plan B', 'v3'),
      expected: [saved.document.etag],
    });
    if (renamed.status !== 'saved') throw new Error('not renamed');
    expect(
      await store.saveDocument('d2', { ...write('PLAN', 'v4'), expected: [renamed.document.etag] }),
    ).toMatchObject({ status: 'titleTaken', existing: { id: 'd1' } });
  });

  it('names nobody ("") as the deleter of a document trashed before deleters were kept', async () => {
    const schema = newSchema();
    const store = await open(schema);
    const created = await store.createDocument(write('Plan', 'v1'));
    if (created.status !== 'created') throw new Error(created.status);
    await store.deleteDocument(created.document.id, '*', at, 'Dana');
    expect(await store.findInTrash(created.document.id)).toMatchObject({ deleted_by: 'Dana' });
    // As migration 8 leaves a document that was in the trash before it.
    await queryAsAdmin(`UPDATE ${schema}.documents SET deleted_by = NULL`);
    expect(await store.findInTrash(created.document.id)).toMatchObject({ deleted_by: '' });
    expect(await store.listTrash({ limit: 10 })).toMatchObject([{ deleted_by: '' }]);
  });

  it('is what openStore opens for a postgres:// DATABASE_URL', async () => {
    const schema = newSchema();
    await (await open(schema)).close();
    const store = await openStore(
      `${url}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    );
    expect(await store.listDocuments()).toEqual([]);
    await store.close();
  });

  it('fails with the reason when the database cannot be reached', async () => {
    await expect(openPostgresStore('postgres://127.0.0.1:1/concord')).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });
});

describe('PostgresStore', () => {
  it('gives back a body exactly as given, U+0000 and all', async () => {
    const store = await open(newSchema());
    const body = 'a\u0000b\r\n\u{1F600}\u200d';
    const created = await store.createDocument(write('Nul', body));
    if (created.status !== 'created') throw new Error('not created');
    expect((await store.getDocument(created.document.id))?.body).toBe(body);
    expect(await store.getDocument('a\u0000b')).toBeUndefined();
  });

  it('tells every store on the database about each committed write, in order', async () => {
    const schema = newSchema();
    const [writer, reader] = [await open(schema), await open(schema)];
    const created = await writer.createDocument(write('Plan', 'v1'));
    if (created.status !== 'created') throw new Error('not created');
    const { id, etag } = created.document;
    const heard: ChangeEvent[] = [];
    const stop = reader.changes.subscribe(id, (event) => heard.push(event));
    const saved = await writer.saveDocument(id, {
      ...write('Plan', 'v2', 'Bob'),
      expected: [etag],
    });
    await writer.saveDocument(id, { ...write('Plan', 'stale'), expected: [etag] });
    if (saved.status !== 'saved') throw new Error('not saved');
    await writer.deleteDocument(id, '*', at, 'alice');
    await expect.poll(() => heard.at(-1)?.type).toBe('deleted');
    stop();
    // The create's own notification may arrive after subscribing (it is asynchronous).
    expect(heard.filter((e) => e.type !== 'version' || e.version > 1)).toEqual([
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
  });

  it('ends a session in every process at sign-out, and unshares in every process', async () => {
    const schema = newSchema();
    const [here, there] = [await open(schema), await open(schema)];
    const user = {
      username: 'Alice',
      password_hash: 'x',
      role: 'member' as const,
      created_at: at.toISOString(),
    };
    await here.accounts.createUser(user, { onlyIfFirst: true });
    const session = {
      ...{ id: 's1', secret_hash: 'h1', username: 'Alice', kind: 'session' as const, name: '' },
      ...{ created_at: at.toISOString(), expires_at: null },
    };
    await here.accounts.addCredential(session);
    const created = await here.createDocument({ ...write('Plan', 'v1'), owner: 'Alice' });
    if (created.status !== 'created') throw new Error('not created');
    const { id } = created.document;
    await here.members.setMember(id, { username: 'Bob', role: 'editor' });
    // The other process has both cached, as a busy server would.
    expect(await there.accounts.findCredential('h1', at)).toBeDefined();
    expect((await there.members.findAccess(id, 'bob'))?.memberRole).toBe('editor');
    await here.accounts.deleteCredentials('alice', 'session');
    await here.members.removeMember(id, 'Bob');
    // Heard by NOTIFY as the writes commit, long before the caches' time to live is up.
    const started = performance.now();
    await expect.poll(() => there.accounts.findCredential('h1', at)).toBeUndefined();
    await expect
      .poll(async () => (await there.members.findAccess(id, 'bob'))?.memberRole)
      .toBeUndefined();
    expect(performance.now() - started).toBeLessThan(900);
  });

  it('keeps the changes of two schemas apart', async () => {
    const [one, other] = [await open(newSchema()), await open(newSchema())];
    const created = await one.createDocument(write('Plan', 'v1'));
    if (created.status !== 'created') throw new Error('not created');
    const [own, others]: [string[], string[]] = [[], []];
    one.changes.subscribe(created.document.id, (event) => own.push(event.type));
    other.changes.subscribe(created.document.id, (event) => others.push(event.type));
    await one.deleteDocument(created.document.id, '*', at, 'alice');
    await expect.poll(() => own).toContain('deleted');
    expect(others).toEqual([]);
  });

  it('listens again when its change listener is cut, and has the streams catch up on what it missed', async () => {
    const schema = newSchema();
    const [server, writer] = [await open(schema), await open(schema)];
    const app = createApp({ store: server, staticDir: null, auth: { mode: 'off' } });
    const created = await writer.createDocument(write('Plan', 'v1'));
    if (created.status !== 'created') throw new Error('not created');
    const { id, etag } = created.document;
    const events = await app.request(`/api/docs/${id}/events`);
    const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('id: 1\n')) text += (await reader.read()).value ?? '';

    // Cut every listening connection on this schema's channel, then save while they are down.
    await queryAsAdmin(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN %${schema}%'`,
    );
    const saved = await writer.saveDocument(id, { ...write('Plan', 'v2'), expected: [etag] });
    if (saved.status !== 'saved') throw new Error('not saved');

    // Once the listener is back, the stream ends, and the reconnect (Last-Event-ID) replays v2.
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      text += chunk.value;
    }
    const again = await app.request(`/api/docs/${id}/events`, {
      headers: { 'Last-Event-ID': '1' },
    });
    const replay = again.body!.pipeThrough(new TextDecoderStream()).getReader();
    let replayed = '';
    while (!replayed.includes('id: 2\n')) replayed += (await replay.read()).value ?? '';
    expect(replayed).toContain(`"etag":${JSON.stringify(saved.document.etag)}`);
    await replay.cancel();

    // And it hears live again.
    const heard: ChangeEvent[] = [];
    server.changes.subscribe(id, (event) => heard.push(event));
    await writer.saveDocument(id, { ...write('Plan', 'v3'), expected: [saved.document.etag] });
    await expect
      .poll(() => heard.map((event) => event.type === 'version' && event.version))
      .toContain(3);
  }, 15_000);
});

describe('kept versions on PostgreSQL (docs/decisions/0021)', () => {
  it('migrates whole-copy histories; every version reads back byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(history, { minLength: 1, maxLength: 3 }), async (histories) => {
        const schema = newSchema();
        const docs = histories.map((bodies, i) => ({ id: `d${i}`, title: `Doc ${i}`, bodies }));
        await writeWholeCopyPostgres(url, schema, docs);
        const store = await open(schema);
        for (const { id, bodies } of docs) {
          const read = await Promise.all(bodies.map((_, i) => store.getVersion(id, i + 1)));
          expect(read.map((v) => v?.body)).toEqual(bodies);
          expect(read.map((v) => v?.etag)).toEqual(bodies.map((_, i) => etagOf(id, i + 1)));
          expect((await store.getDocument(id))?.body).toBe(bodies.at(-1));
        }
        await store.close();
      }),
      { numRuns: 10 },
    );
  }, 120_000);

  it('migrates a long history into deltas between snapshots, the newest kept whole', async () => {
    const schema = newSchema();
    const base = Array.from({ length: 2_000 }, (_, i) => `word${i}`).join(' ');
    const bodies = Array.from(
      { length: 70 },
      (_, n) => `${base.slice(0, n * 100)}·${n}·${base.slice(n * 100)}`,
    );
    await writeWholeCopyPostgres(url, schema, [{ id: 'd1', title: 'Long', bodies }]);
    const store = await open(schema);
    const forms = await queryAsAdmin<{ body_form: string; n: number }>(
      `SELECT body_form, count(*)::int AS n FROM ${schema}.document_versions GROUP BY body_form ORDER BY body_form`,
    );
    expect(forms).toEqual([
      { body_form: 'delta', n: 68 },
      { body_form: 'snapshot', n: 1 },
      { body_form: 'whole', n: 1 },
    ]);
    for (const [i, body] of bodies.entries()) {
      expect((await store.getVersion('d1', i + 1))?.body === body, `version ${i + 1}`).toBe(true);
    }
  });

  it('grows by about the edit: 30 one-word edits of a 1 MB body add under 256 KiB', async () => {
    const schema = newSchema();
    const store = await open(schema);
    const words = Array.from({ length: 150_000 }, (_, i) => `w${(i * 7919) % 100_003}`);
    const created = await store.createDocument(write('Big', words.join(' ')));
    if (created.status !== 'created') throw new Error('not created');
    // Live rows only: VACUUM makes dead ones (the replaced newest copy) reusable space.
    const size = async () => {
      await queryAsAdmin(`VACUUM ${schema}.document_versions`);
      const [row] = await queryAsAdmin<{ bytes: string }>(
        `SELECT sum(pg_column_size(body))::text AS bytes FROM ${schema}.document_versions`,
      );
      return Number(row!.bytes);
    };
    const before = await size();
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
    // Whole copies (TOAST-compressed) grew it by about 30 × 0.4 MB.
    expect((await size()) - before).toBeLessThan(256 * 1024);
  }, 60_000);
});
