import { pathToFileURL } from 'node:url';
import type { CliIo } from './cli-io.ts';
import { getProcessIo } from './cli-io.ts';
import { runMergeFile } from './merge-file.ts';
import { runServe } from './run-serve.ts';
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
    case 'serve':
      return runServe(rest, io);
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

// Run directly (`node --import tsx src/cli/main.ts serve`, as `npm run dev` does) rather than
// imported by bin/concord.js.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
