// Runs `startTestPostgres` as a process, for callers that may not import server code (the
// Playwright fixtures): prints "PostgreSQL ready at postgres://…", and stops and removes the
// cluster on SIGTERM, SIGINT or when stdin closes (the parent died). A line "restart" on stdin
// restarts it as a crash would, then prints "PostgreSQL restarted". Exits 3 when PostgreSQL
// is not installed, after printing why on stderr.
// Usage: node --import tsx src/server/testing/run-test-postgres.ts
import { createInterface } from 'node:readline';
import {
  findPostgresBin,
  postgresMissingMessage,
  startTestPostgres,
} from './start-test-postgres.ts';

if (!findPostgresBin()) {
  process.stderr.write(`${postgresMissingMessage}\n`);
  process.exit(3);
}
const postgres = await startTestPostgres();
process.stdout.write(`PostgreSQL ready at ${postgres.url}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await postgres.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'restart') return;
  postgres.restart().then(
    () => process.stdout.write('PostgreSQL restarted\n'),
    (error: unknown) => process.stderr.write(`PostgreSQL did not restart: ${String(error)}\n`),
  );
});
