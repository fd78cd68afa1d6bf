import type { CliIo } from './cli-io.ts';
import { getProcessIo } from './cli-io.ts';
import { runMergeFile } from './merge-file.ts';
import { usage } from './usage.ts';

/**
 * The `concord` command. Returns the exit code: 0 on success, 2 for a usage error; `merge-file`
 * answers with `git merge-file`'s codes instead (see `runMergeFile`).
 *
 * @example process.exitCode = await main(process.argv.slice(2));
 */
export async function main(argv: string[], io: CliIo = getProcessIo()): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve': {
      // Imported here: the server (Hono, SQLite, PostgreSQL) takes longer to load than
      // merge-file takes to run, and no other command needs it.
      const { runServe } = await import('./run-serve.ts');
      return runServe(rest, io);
    }
    case 'merge-file':
      return runMergeFile(rest, io);
    case 'help':
    case '--help':
    case '-h':
      io.stdout.write(usage);
      return 0;
    default:
      io.stderr.write(command ? `concord: unknown command "${command}"\n\n${usage}` : usage);
      return 2;
  }
}
