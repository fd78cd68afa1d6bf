import type { PoolClient } from 'pg';
import { postgresMigrations } from './postgres-migrations.ts';

// Any fixed number: every Concord process migrating the same database takes this lock, so
// servers started together apply each step once.
const migrationLock = 0x636f6e63; // "conc"

/**
 * Applies the migrations a database has not had yet, in one transaction under an advisory
 * lock, recording each in `concord_migrations`. Throws when the database was written by a
 * newer Concord.
 */
export async function migratePostgres(client: PoolClient): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS concord_migrations (
         version integer PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<{ applied: number | null }>(
      'SELECT max(version) AS applied FROM concord_migrations',
    );
    const applied = rows[0]?.applied ?? 0;
    if (applied > postgresMigrations.length) {
      throw new Error(
        `database schema version ${applied} is newer than this Concord knows (${postgresMigrations.length})`,
      );
    }
    for (let step = applied; step < postgresMigrations.length; step++) {
      const migration = postgresMigrations[step]!;
      if (typeof migration === 'string') await client.query(migration);
      else await migration(client);
      await client.query('INSERT INTO concord_migrations (version) VALUES ($1)', [step + 1]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
