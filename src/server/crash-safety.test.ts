import Database from 'better-sqlite3';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentDto } from '../protocol/document.ts';
import { createTestApp } from './testing/create-test-app.ts';
import type { TestApp } from './testing/create-test-app.ts';
import { startServerProcess } from './testing/start-server-process.ts';
import type { ServerProcess } from './testing/start-server-process.ts';

// Runs on SQLite and again on PostgreSQL (the Vitest project "postgres").
let t: TestApp;
let servers: ServerProcess[] = [];
beforeEach(() => {
  t = createTestApp();
});
afterEach(async () => {
  for (const { child } of servers) if (child.exitCode === null) child.kill('SIGKILL');
  servers = [];
  await t.close();
});

async function start(): Promise<ServerProcess> {
  const server = await startServerProcess(t.databaseUrl);
  servers.push(server);
  return server;
}

interface Acknowledged {
  id: string;
  version: number;
  etag: string;
  body: string;
}

/**
 * An editor that saves `id` over and over (GET, then PUT with If-Match), recording every save
 * the server answered 200, until the server stops answering.
 */
async function saveUntilDown(base: string, id: string, editor: number, acks: Acknowledged[]) {
  for (let n = 0; ; n++) {
    try {
      const got = await fetch(`${base}/api/docs/${id}`);
      const doc = (await got.json()) as DocumentDto;
      const body = `${doc.body}editor ${editor} save ${n}\n`;
      const res = await fetch(`${base}/api/docs/${id}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'If-Match': got.headers.get('ETag')! },
        body: JSON.stringify({ title: doc.title, body }),
      });
      if (res.status !== 200) continue; // another editor of the document saved first
      const saved = (await res.json()) as DocumentDto;
      acks.push({ id, version: saved.version, etag: res.headers.get('ETag')!, body });
    } catch {
      return; // the connection died with the server
    }
  }
}

/** The database's own integrity check, and the invariants the store keeps. */
async function checkIntegrity(): Promise<void> {
  if (t.kind === 'sqlite') {
    const db = new Database(join(t.dir, 'concord.db'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.prepare(inconsistentDocuments).all()).toEqual([]);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client(t.databaseUrl);
  await client.connect();
  try {
    // amcheck (in postgresql-contrib) verifies each B-tree index against its table.
    await client.query('CREATE EXTENSION IF NOT EXISTS amcheck SCHEMA public');
    await client.query(
      `SELECT public.bt_index_check(c.oid, true) FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_am am ON am.oid = c.relam AND am.amname = 'btree'
       WHERE c.relnamespace = current_schema()::regnamespace`,
    );
    expect((await client.query(inconsistentDocuments)).rows).toEqual([]);
  } finally {
    await client.end();
  }
}

// Documents whose history is not exactly versions 1..current, or whose current ETag is not
// their newest version's.
const inconsistentDocuments = `
  SELECT d.id FROM documents d
  LEFT JOIN document_versions v ON v.document_id = d.id
  GROUP BY d.id, d.version, d.etag
  HAVING count(v.version) <> d.version OR min(v.version) <> 1 OR max(v.version) <> d.version
      OR sum(CASE WHEN v.version = d.version AND v.etag = d.etag THEN 1 ELSE 0 END) <> 1`;

describe('a server killed (SIGKILL) in the middle of a write load', () => {
  it('keeps every save it answered 200, stays consistent, and serves on after a restart', async () => {
    let server = await start();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${server.url}/api/docs`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: `Crash ${i}`, body: '' }),
      });
      ids.push(((await res.json()) as DocumentDto).id);
    }
    // Sixteen editors, four per document: saves and conflicts in flight when the kill comes.
    const acks: Acknowledged[] = [];
    const editors = Array.from({ length: 16 }, (_, e) =>
      saveUntilDown(server.url, ids[e % 4]!, e, acks),
    );
    await expect.poll(() => acks.length, { timeout: 10_000, interval: 20 }).toBeGreaterThan(100);
    server.child.kill('SIGKILL');
    expect(await server.exited).toBe('SIGKILL');
    await Promise.all(editors);

    await checkIntegrity();
    server = await start();
    for (const ack of acks) {
      const res = await fetch(`${server.url}/api/docs/${ack.id}/versions/${ack.version}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('ETag')).toBe(ack.etag);
      expect(await res.json()).toMatchObject({ version: ack.version, body: ack.body });
    }
    // It serves on: a read and a guarded save.
    const got = await fetch(`${server.url}/api/docs/${ids[0]}`);
    const doc = (await got.json()) as DocumentDto;
    const saved = await fetch(`${server.url}/api/docs/${doc.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': got.headers.get('ETag')! },
      body: JSON.stringify({ title: doc.title, body: `${doc.body}after the crash\n` }),
    });
    expect(saved.status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 60_000);
});
