import type Database from 'better-sqlite3';

interface PendingWrite {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Result = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Commits the writes of one SQLite connection in groups: writes that arrive while the event
 * loop is busy wait for the end of the current turn, then run one after another in a single
 * `BEGIN IMMEDIATE … COMMIT`, each in its own savepoint. The group pays for one WAL `fsync`
 * instead of one per write.
 *
 * Why: better-sqlite3 is synchronous, so with `synchronous = FULL` every commit blocks the
 * event loop for an `fsync` (milliseconds on a good disk, tens or hundreds on a busy one), and
 * a server committing each save alone spends most of its time there while requests queue.
 * PostgreSQL groups concurrent commits the same way (`commit_delay`); here the group forms by
 * itself: the longer a commit takes, the more writes are waiting for the next one.
 *
 * Each write keeps its own outcome: one that throws is rolled back to its savepoint and its
 * promise rejects, the others go on. Every promise settles only after the COMMIT, so a write
 * that resolved is on disk; if BEGIN or COMMIT fails, every write of the group rejects and
 * none of them was written. Writes run in the order they were queued, so a compare-and-swap
 * sees the writes queued before it.
 *
 * @example
 * const commits = new GroupCommit(db);
 * const changes = await commits.run(() => db.prepare('UPDATE t SET n = n + 1').run().changes);
 */
export class GroupCommit {
  readonly #db: Database.Database;
  #pending: PendingWrite[] = [];
  #scheduled = false;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  /** Queues `write` (synchronous, touching only this connection) for the next group. */
  run<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ write, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        // After the I/O callbacks of this turn, so that requests read in it join the group.
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits the queued writes now, as one group; call before closing the connection. */
  flush(): void {
    this.#scheduled = false;
    const group = this.#pending;
    this.#pending = [];
    if (group.length === 0) return;
    const results: Result[] = [];
    try {
      this.#db
        .transaction(() => {
          for (const { write } of group) {
            // An error that made SQLite roll back the whole transaction (a full disk, say) must
            // not let the next writes run outside it, each committing alone.
            if (!this.#db.inTransaction) throw new Error('the group commit was rolled back');
            try {
              // A transaction function called inside a transaction runs in a savepoint.
              results.push({ ok: true, value: this.#db.transaction(write)() });
            } catch (error) {
              results.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      for (const { reject } of group) reject(error);
      return;
    }
    group.forEach(({ resolve, reject }, i) => {
      const result = results[i]!;
      if (result.ok) resolve(result.value);
      else reject(result.error);
    });
  }
}
