import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { CliIo } from './cli-io.ts';
import { getProcessIo } from './cli-io.ts';
import { runServe } from './run-serve.ts';
import { usage } from './usage.ts';

/**
 * The `concord` command. Returns the exit code: 0 on success, 2 for a usage error.
 *
 * @example process.exitCode = await main(process.argv.slice(2));
 */
export async function main(argv: string[], io: CliIo = getProcessIo()): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return runServe(rest, io);
    case 'merge-file':
      return runMergeFileIfPresent(rest, io);
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

// ─── merge-file ────────────────────────────────────────────────────────────────────────────
// `concord merge-file` is written by another part of the project in ./merge-file.ts, exporting
// `runMergeFile(argv: string[], io: CliIo): Promise<number>`. Until that file exists the
// command says it is unavailable. Once it lands, replace this function with a static import:
//   import { runMergeFile } from './merge-file.ts';
//   case 'merge-file': return runMergeFile(rest, io);
interface MergeFileModule {
  runMergeFile(argv: string[], io: CliIo): Promise<number>;
}

async function runMergeFileIfPresent(argv: string[], io: CliIo): Promise<number> {
  // A computed URL keeps the type checker from requiring the file to exist.
  const url = new URL('./merge-file.ts', import.meta.url);
  if (!existsSync(url)) {
    io.stderr.write('concord: merge-file is not available in this build\n');
    return 2;
  }
  const module = (await import(url.href)) as MergeFileModule;
  return module.runMergeFile(argv, io);
}

// Run directly (`node --import tsx src/cli/main.ts serve`, as `npm run dev` does) rather than
// imported by bin/concord.js.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
