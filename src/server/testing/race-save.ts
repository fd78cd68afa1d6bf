// A child process for the cross-process race test: opens the database (a SQLite file or a
// PostgreSQL URL) on its own connection, prints "ready", waits for a line on stdin (sent to
// every process at once when all are ready), tries one save, prints the outcome.
// Usage: node --import tsx race-save.ts DATABASE_URL ID ETAG BODY
import { openStore } from '../store/open-store.ts';

const [db, id, etag, body] = process.argv.slice(2) as [string, string, string, string];
const store = await openStore(db);
const doc = await store.getDocument(id);
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
process.stdin.destroy();
const outcome = await store.saveDocument(id, {
  title: doc!.title,
  body,
  user: body,
  at: new Date(),
  expected: [etag],
});
process.stdout.write(outcome.status);
await store.close();
