/**
 * What a CLI command may touch of the outside world. Commands take it as an argument instead
 * of reaching for `process`, so tests can run them with strings and a made-up environment.
 */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** The real process's streams, environment and working directory. */
export function getProcessIo(): CliIo {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  };
}
