import type Database from 'better-sqlite3';
import { sqliteMigrations } from './sqlite-migrations.ts';

/**
 * Applies the migrations a database has not had yet, all in one transaction, and records the
 * count in `PRAGMA user_version`. Throws when the database was written by a newer Concord.
 */
export function migrateSqlite(db: Database.Database): void {
  db.transaction(() => {
    const applied = db.pragma('user_version', { simple: true }) as number;
    if (applied > sqliteMigrations.length) {
      throw new Error(
        `database schema version ${applied} is newer than this Concord knows (${sqliteMigrations.length})`,
      );
    }
    for (let step = applied; step < sqliteMigrations.length; step++) {
      db.exec(sqliteMigrations[step]!);
    }
    db.pragma(`user_version = ${sqliteMigrations.length}`);
  }).immediate();
}
