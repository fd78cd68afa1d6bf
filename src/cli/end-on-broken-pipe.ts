/**
 * Makes a write to a closed pipe end the process the way it ends git: killed by SIGPIPE, with
 * nothing on stderr (a shell reports 141). Node ignores SIGPIPE, so such a write fails with
 * EPIPE instead, and without a listener that error would print a stack trace
 * (`concord merge-file -p … | head -1`). Other stream errors are thrown as before.
 *
 * @example endOnBrokenPipe(process.stdout);
 */
export function endOnBrokenPipe(stream: NodeJS.WritableStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    raiseSigpipe();
  });
}

/** As git's `check_pipe`: restore SIGPIPE's default action, raise it, and exit 141 if it fails. */
function raiseSigpipe(): never {
  // Listening to a signal and then stopping resets its action to the default (libuv), which
  // for SIGPIPE is to end the process.
  const ignore = (): void => {};
  process.on('SIGPIPE', ignore);
  process.off('SIGPIPE', ignore);
  process.kill(process.pid, 'SIGPIPE');
  process.exit(141);
}
