import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.ts';

let db: Database.Database;
let commits: GroupCommit;
let begun: number;

beforeEach(() => {
  db = new Database(':memory:');
  db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY)');
  // Counts the transactions begun (savepoints inside one do not count).
  begun = 0;
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn: () => unknown) => {
    const wrapped = transaction(fn);
    const immediate = () => {
      begun++;
      return wrapped.immediate();
    };
    return Object.assign(() => wrapped(), { immediate });
  }) as unknown as typeof db.transaction;
  commits = new GroupCommit(db);
});
afterEach(() => db.close());

const insert = (n: number) => () => db.prepare('INSERT INTO t (n) VALUES (?)').run(n).changes;
const count = () => (db.prepare('SELECT count(*) AS c FROM t').get() as { c: number }).c;

describe('GroupCommit', () => {
  it('commits the writes queued in one turn together, in order, and answers each', async () => {
    const answers = await Promise.all([1, 2, 3].map((n) => commits.run(insert(n))));
    expect(answers).toEqual([1, 1, 1]);
    expect(db.prepare('SELECT n FROM t ORDER BY rowid').pluck().all()).toEqual([1, 2, 3]);
    expect(begun).toBe(1);
  });

  it('rolls back only the write that throws', async () => {
    const results = await Promise.allSettled([
      commits.run(insert(1)),
      commits.run(insert(1)), // a second row 1: constraint violation
      commits.run(insert(2)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(count()).toBe(2);
  });

  it('settles no write before its group is committed', async () => {
    const pending = commits.run(insert(1));
    expect(db.inTransaction).toBe(false);
    expect(count()).toBe(0);
    await pending;
    expect(count()).toBe(1);
  });

  it('fails every write of a group whose transaction fails, and writes none', async () => {
    // A second connection's open write transaction makes BEGIN IMMEDIATE fail at once.
    const dir = mkdtempSync(join(tmpdir(), 'concord-group-commit-'));
    const a = new Database(join(dir, 'race.db'));
    a.exec('CREATE TABLE t (n INTEGER PRIMARY KEY)');
    const b = new Database(join(dir, 'race.db'));
    b.pragma('busy_timeout = 0');
    const group = new GroupCommit(b);
    a.exec('BEGIN IMMEDIATE; INSERT INTO t VALUES (9)');
    const results = await Promise.allSettled(
      [1, 2].map((n) => group.run(() => b.prepare('INSERT INTO t (n) VALUES (?)').run(n))),
    );
    a.exec('ROLLBACK');
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((b.prepare('SELECT count(*) AS c FROM t').get() as { c: number }).c).toBe(0);
    a.close();
    b.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits what is queued when flushed before closing', () => {
    void commits.run(insert(1));
    commits.flush();
    expect(count()).toBe(1);
  });
});
