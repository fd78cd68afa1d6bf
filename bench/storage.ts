// npm run bench:storage: what keeping versions costs (issue 12 item 2, docs/decisions/0021).
// 30 saves with small edits of a 5 MiB body (and of a 1 MB one), on SQLite and PostgreSQL:
// growth with whole copies (schema 4, as Concord kept them before migration 5) against the
// store as it is (reverse deltas, deflated snapshots), and what compressing each whole version
// alone would take; then read times of the newest and oldest versions of a long history, and
// what migrating the whole-copy data does.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, deflateSync } from 'node:zlib';
import pg from 'pg';
import { openPostgresStore } from '../src/server/store/postgres/postgres-store.ts';
import { openSqliteStore } from '../src/server/store/sqlite/sqlite-store.ts';
import type { DocumentStore } from '../src/server/store/store.ts';
import { startTestPostgres } from '../src/server/testing/start-test-postgres.ts';
import {
  writeWholeCopyPostgres,
  writeWholeCopySqlite,
} from '../src/server/testing/write-whole-copy-histories.ts';

const MiB = 1024 * 1024;
const saves = 30;
const dir = mkdtempSync(join(tmpdir(), 'storage-bench-'));

/** A seeded generator (mulberry32), so every run measures the same texts. */
function createRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Prose-like text of `bytes` UTF-8 bytes: 8,000 made-up words, common ones far more often
 * (a Zipf-like draw), some accented, in sentences and paragraphs. Compresses about as
 * ordinary prose does (brotli ~3–4×), unlike a repeated sentence.
 */
function writeProse(bytes: number, random: () => number): string {
  const letters = 'etaoinshrdlucmfwypvbgkjqxzéü';
  const vocabulary = Array.from({ length: 8_000 }, () => {
    const length = 2 + Math.floor(random() * 8);
    let word = '';
    for (let i = 0; i < length; i++) word += letters[Math.floor(random() ** 1.5 * letters.length)];
    return word;
  });
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    let sentence = '';
    const words = 5 + Math.floor(random() * 20);
    for (let i = 0; i < words; i++) {
      sentence += `${vocabulary[Math.floor(random() ** 3 * vocabulary.length)]}${i < words - 1 ? ' ' : ''}`;
    }
    const line = `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.${random() < 0.15 ? '\n\n' : ' '}`;
    parts.push(line);
    size += Buffer.byteLength(line);
  }
  return parts.join('').slice(0, bytes);
}

/** `count` + 1 bodies: `first`, then each a small edit (a word or a sentence) of the one before. */
function writeEdits(first: string, count: number, random: () => number): string[] {
  const bodies = [first];
  for (let n = 1; n <= count; n++) {
    const previous = bodies.at(-1)!;
    const at = Math.floor(random() * previous.length);
    const drop = Math.floor(random() * 40);
    const insert = random() < 0.5 ? `edit ${n}` : `A sentence added in save ${n}, with ünïcödé. `;
    bodies.push(previous.slice(0, at) + insert + previous.slice(at + drop));
  }
  return bodies;
}

const write = (body: string) => ({ title: 'Big', body, user: 'b', at: new Date() });

/** Creates a document with `bodies[0]` and saves the rest on top; its id. */
async function saveAll(store: DocumentStore, bodies: readonly string[]): Promise<string> {
  const created = await store.createDocument(write(bodies[0]!));
  if (created.status !== 'created') throw new Error(created.status);
  let etag = created.document.etag;
  for (const body of bodies.slice(1)) {
    const saved = await store.saveDocument(created.document.id, {
      ...write(body),
      expected: [etag],
    });
    if (saved.status !== 'saved') throw new Error(saved.status);
    etag = saved.document.etag;
  }
  return created.document.id;
}

/** A SQLite file's size once its WAL is folded in. */
function sizeSqliteFile(path: string): number {
  const db = new Database(path);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return statSync(path).size;
}

async function sqliteGrowth(bodies: readonly string[], name: string) {
  const wholeOne = join(dir, `${name}-whole-1.db`);
  const wholeAll = join(dir, `${name}-whole-all.db`);
  writeWholeCopySqlite(wholeOne, [{ id: 'd', title: 'Big', bodies: bodies.slice(0, 1) }]);
  writeWholeCopySqlite(wholeAll, [{ id: 'd', title: 'Big', bodies }]);
  const before = sizeSqliteFile(wholeAll) - sizeSqliteFile(wholeOne);
  const path = join(dir, `${name}-after.db`);
  const store = openSqliteStore(path);
  const id = await saveAll(store, bodies.slice(0, 1));
  await store.close();
  const afterOne = sizeSqliteFile(path);
  const again = openSqliteStore(path);
  let etag = (await again.getDocument(id))!.etag;
  const saveStart = performance.now();
  for (const body of bodies.slice(1)) {
    const saved = await again.saveDocument(id, { ...write(body), expected: [etag] });
    if (saved.status !== 'saved') throw new Error(saved.status);
    etag = saved.document.etag;
  }
  const saveMs = (performance.now() - saveStart) / (bodies.length - 1);
  await again.close();
  // Migration: the whole-copy file opened by this Concord, then VACUUMed (SQLite reuses freed
  // pages but never gives them back by itself).
  const migrateStart = performance.now();
  await openSqliteStore(wholeAll).close();
  const migrateMs = performance.now() - migrateStart;
  const migratedSize = sizeSqliteFile(wholeAll);
  const db = new Database(wholeAll);
  db.exec('VACUUM');
  db.close();
  return {
    before,
    after: sizeSqliteFile(path) - afterOne,
    saveMs,
    migrateMs,
    migrated: {
      unvacuumed: migratedSize,
      vacuumed: sizeSqliteFile(wholeAll),
      whole: sizeSqliteFile(wholeOne),
    },
  };
}

async function postgresGrowth(url: string, bodies: readonly string[], name: string) {
  const admin = new pg.Client(url);
  await admin.connect();
  const size = async (schema: string, vacuum: boolean) => {
    if (vacuum) await admin.query(`VACUUM ${schema}.document_versions`);
    const { rows } = await admin.query<{ bytes: string }>(
      `SELECT pg_total_relation_size('${schema}.document_versions')::text AS bytes`,
    );
    return Number(rows[0]!.bytes);
  };
  await writeWholeCopyPostgres(url, `${name}_w1`, [
    { id: 'd', title: 'Big', bodies: bodies.slice(0, 1) },
  ]);
  await writeWholeCopyPostgres(url, `${name}_wall`, [{ id: 'd', title: 'Big', bodies }]);
  const before = (await size(`${name}_wall`, true)) - (await size(`${name}_w1`, true));
  const schema = `${name}_after`;
  const live = async () => {
    const { rows } = await admin.query<{ bytes: string }>(
      `SELECT sum(pg_column_size(body))::text AS bytes FROM ${schema}.document_versions`,
    );
    return Number(rows[0]!.bytes);
  };
  const store = await openPostgresStore(url, { schema });
  const id = await saveAll(store, bodies.slice(0, 1));
  const one = await size(schema, true);
  const liveOne = await live();
  let etag = (await store.getDocument(id))!.etag;
  for (const body of bodies.slice(1)) {
    const saved = await store.saveDocument(id, { ...write(body), expected: [etag] });
    if (saved.status !== 'saved') throw new Error(saved.status);
    etag = saved.document.etag;
    // As autovacuum keeping up would: the replaced whole copy becomes reusable space.
    await admin.query(`VACUUM ${schema}.document_versions`);
  }
  await store.close();
  const after = (await size(schema, true)) - one;
  const liveGrowth = (await live()) - liveOne;
  const migrateStart = performance.now();
  await (await openPostgresStore(url, { schema: `${name}_wall` })).close();
  const migrateMs = performance.now() - migrateStart;
  const migrated = await size(`${name}_wall`, true);
  await admin.end();
  return { before, after, liveGrowth, migrateMs, migrated };
}

/** Compressing each whole version alone (no deltas): bytes for the 30 saves, ms per version. */
function compressionAlone(bodies: readonly string[]) {
  const options = {
    'deflate -6': (b: Buffer) => deflateSync(b, { level: 6 }),
    'deflate -1': (b: Buffer) => deflateSync(b, { level: 1 }),
    'brotli 4': (b: Buffer) =>
      brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }),
    'brotli 5': (b: Buffer) =>
      brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
    'brotli 9': (b: Buffer) =>
      brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
  };
  return Object.entries(options).map(([name, compress]) => {
    let bytes = 0;
    const start = performance.now();
    for (const body of bodies.slice(1, 6)) bytes += compress(Buffer.from(body)).length;
    const ms = (performance.now() - start) / 5;
    return { name, bytes: (bytes / 5) * (bodies.length - 1), ms };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timeReads(store: DocumentStore, id: string, versions: number[]) {
  const result: Record<number, number> = {};
  for (const version of versions) {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      await store.getVersion(id, version);
      runs.push(performance.now() - start);
    }
    result[version] = median(runs);
  }
  return result;
}

const mb = (bytes: number) => `${(bytes / MiB).toFixed(2)} MiB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const random = createRandom(12);
const five = writeEdits(writeProse(5 * MiB, random), saves, random);
const one = writeEdits(writeProse(1_000_000, random), saves, createRandom(7));
// One-word edits only, for the closing note's figure.
const oneWord = [one[0]!];
for (let n = 1; n <= saves; n++) {
  const previous = oneWord.at(-1)!;
  const at = previous.indexOf(' ', (n * 33_331) % previous.length) + 1;
  const end = previous.indexOf(' ', at);
  oneWord.push(`${previous.slice(0, at)}word${n}${previous.slice(end)}`);
}

console.log(`Bodies: 5 MiB and 1 MB prose-like text; ${saves} saves each (small edits).\n`);
console.log('Compressing each whole version alone (what 30 saves of 5 MiB would store):');
for (const { name, bytes, ms } of compressionAlone(five)) {
  console.log(`  ${name.padEnd(10)} ${mb(bytes).padStart(10)}  (${ms.toFixed(0)} ms per version)`);
}

const pgServer = await startTestPostgres({ durable: true });
try {
  console.log(
    '\n| growth for 30 saves | whole copies (before) | kept versions (after; PostgreSQL: VACUUM after each save) |',
  );
  console.log('| --- | --- | --- |');
  const rows: [string, string[], string][] = [
    ['5 MiB, small edits', five, 'f'],
    ['1 MB, small edits', one, 'o'],
    ['1 MB, one-word edits', oneWord, 'w'],
  ];
  const notes: string[] = [];
  for (const [label, bodies, name] of rows) {
    const lite = await sqliteGrowth(bodies, name);
    const post = await postgresGrowth(pgServer.url, bodies, name);
    console.log(`| SQLite file, ${label} | ${mb(lite.before)} | ${kb(lite.after)} |`);
    console.log(
      `| PostgreSQL document_versions, ${label} | ${mb(post.before)} | ${kb(post.after)} (live rows: ${kb(post.liveGrowth)}) |`,
    );
    notes.push(
      `${label}: per version ${kb(lite.before / saves)} → ${kb(lite.after / saves)} (SQLite), ` +
        `${kb(post.before / saves)} → ${kb(post.after / saves)} (PostgreSQL); save ${lite.saveMs.toFixed(0)} ms (SQLite); ` +
        `migration ${lite.migrateMs.toFixed(0)} ms / ${post.migrateMs.toFixed(0)} ms, migrated SQLite file ` +
        `${mb(lite.migrated.unvacuumed)} (${mb(lite.migrated.vacuumed)} after VACUUM; one whole version alone: ` +
        `${mb(lite.migrated.whole)}), PostgreSQL table ${mb(post.migrated)} after VACUUM`,
    );
  }
  console.log('');
  for (const note of notes) console.log(note);

  // A long history: 150 saves of 5 MiB, so that reads cross snapshots (every 64th version).
  const long = writeEdits(five[0]!, 150, createRandom(99));
  console.log('\nRead time of a version, 5 MiB body, 151 versions (median of 5 reads, ms):');
  console.log(
    '| store | newest (151) | 128 (a snapshot) | 65 (63 deltas) | oldest (1: 63 deltas) |',
  );
  console.log('| --- | --- | --- | --- | --- |');
  const sqlite = openSqliteStore(join(dir, 'long.db'));
  const postgres = await openPostgresStore(pgServer.url, { schema: 'long_after' });
  for (const [name, store] of [
    ['SQLite', sqlite],
    ['PostgreSQL', postgres],
  ] as const) {
    const id = await saveAll(store, long);
    const t = await timeReads(store, id, [151, 128, 65, 1]);
    console.log(`| ${name} | ${[151, 128, 65, 1].map((v) => t[v]!.toFixed(1)).join(' | ')} |`);
    await store.close();
  }
  const wholePath = join(dir, 'long-whole.db');
  writeWholeCopySqlite(wholePath, [{ id: 'd', title: 'Big', bodies: long.slice(0, 2) }]);
  const db = new Database(wholePath, { readonly: true });
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    db.prepare('SELECT body FROM document_versions WHERE document_id = ? AND version = 1').get('d');
    runs.push(performance.now() - start);
  }
  db.close();
  console.log(`| SQLite, whole copies (before) | ${median(runs).toFixed(1)} (any version) | | | |`);
  await writeWholeCopyPostgres(pgServer.url, 'long_whole', [
    { id: 'd', title: 'Big', bodies: long.slice(0, 2) },
  ]);
  const client = new pg.Client(pgServer.url);
  await client.connect();
  const pgRuns: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await client.query('SELECT body FROM long_whole.document_versions WHERE version = 1');
    pgRuns.push(performance.now() - start);
  }
  await client.end();
  console.log(
    `| PostgreSQL, whole copies (before) | ${median(pgRuns).toFixed(1)} (any version) | | | |`,
  );
} finally {
  await pgServer.stop();
  rmSync(dir, { recursive: true, force: true });
}
