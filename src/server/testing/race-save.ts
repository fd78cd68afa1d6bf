// A child process for the cross-process race test: opens the database (a SQLite file or a
// PostgreSQL URL) on its own connection, waits for the agreed start time, tries one save,
// prints the outcome.
// Usage: node --import tsx race-save.ts DATABASE_URL ID ETAG BODY START_EPOCH_MS
import { openStore } from '../open-store.ts';

const [db, id, etag, body, startAt] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const store = await openStore(db);
const doc = await store.getDocument(id);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
const outcome = await store.saveDocument(id, {
  title: doc!.title,
  body,
  user: body,
  at: new Date(),
  expected: [etag],
});
process.stdout.write(outcome.status);
await store.close();
