import type Database from 'better-sqlite3';
import { sqliteMigrations } from './sqlite-migrations.ts';

/**
 * Applies the migrations a database has not had yet, all in one transaction, and records the
 * count in `PRAGMA user_version`. Throws when the database was written by a newer Concord.
 */
export function migrateSqlite(db: Database.Database): void {
  // Steps that rebuild a table need foreign keys off (dropping the old table would otherwise
  // cascade), and the pragma is a no-op inside a transaction: so around it, and checked before
  // the commit.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    migrateInTransaction(db);
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
}

function migrateInTransaction(db: Database.Database): void {
  db.transaction(() => {
    const applied = db.pragma('user_version', { simple: true }) as number;
    if (applied > sqliteMigrations.length) {
      throw new Error(
        `database schema version ${applied} is newer than this Concord knows (${sqliteMigrations.length})`,
      );
    }
    for (let step = applied; step < sqliteMigrations.length; step++) {
      const migration = sqliteMigrations[step]!;
      if (typeof migration === 'string') db.exec(migration);
      else migration(db);
    }
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`migration broke ${broken.length} foreign keys`);
    db.pragma(`user_version = ${sqliteMigrations.length}`);
  }).immediate();
}
