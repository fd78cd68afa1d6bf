import type Database from 'better-sqlite3';

/** `prepare` as a store calls it: the compiled statement for a SQL text. */
export type PrepareStatement = <P extends unknown[] = unknown[], R = unknown>(
  sql: string,
) => Database.Statement<P, R>;

/**
 * A `prepare` for one connection that compiles each SQL text once: better-sqlite3 compiles at
 * every `db.prepare`, which costs more than running the small statements a request makes (a
 * signed-in request looks its session up, a save runs several).
 *
 * @example const prepare = createStatementCache(db); prepare('SELECT 1').get();
 */
export function createStatementCache(db: Database.Database): PrepareStatement {
  const statements = new Map<string, Database.Statement>();
  return <P extends unknown[] = unknown[], R = unknown>(sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement as Database.Statement<P, R>;
  };
}
