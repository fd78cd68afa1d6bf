import type { DestinationStream } from 'pino';

/** Where `batchLogLines` hands its batches: pino's stream of a file descriptor (SonicBoom). */
export interface LineStream {
  write(text: string): unknown;
  flushSync?(): void;
}

/** A log destination that can also write what it holds at once (pino calls it on fatal). */
export interface BatchedDestination extends DestinationStream {
  flushSync(): void;
}

/** How long a line may wait for others to join it, and how much may wait. */
export interface BatchLimits {
  /** Default 50 ms. */
  delayMs?: number;
  /** Past this many characters held, the batch goes out at the end of the turn. Default 64 KiB. */
  maxChars?: number;
}

/**
 * Gathers log lines and hands them to `stream` in few writes: what arrived within `delayMs`
 * of the first, or at the end of the turn once `maxChars` are held. Under load the server
 * answers thousands of requests a second, and each write to stdout (an asynchronous write on
 * libuv's thread pool) cost more server CPU than building its line: one write per turn of the
 * event loop still cost ~5 µs of a logged GET's ~60 (`bench/server-cpu.ts`). A line waits at
 * most `delayMs`; `flushSync` writes what is gathered, for the process's exit and after a fatal
 * line. The timer does not keep the process alive.
 *
 * @example
 * const destination = batchLogLines(pino.destination({ dest: 1 }));
 * process.once('exit', () => destination.flushSync());
 */
export function batchLogLines(
  stream: LineStream,
  { delayMs = 50, maxChars = 64 * 1024 }: BatchLimits = {},
): BatchedDestination {
  let pending = '';
  let timer: NodeJS.Timeout | undefined;
  let atTurnEnd = false;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    atTurnEnd = false;
    if (pending === '') return;
    const text = pending;
    pending = '';
    stream.write(text);
  };
  return {
    write(line: string) {
      pending += line;
      if (timer === undefined) timer = setTimeout(flush, delayMs).unref();
      if (pending.length >= maxChars && !atTurnEnd) {
        atTurnEnd = true;
        setImmediate(flush);
      }
    },
    flushSync() {
      flush();
      stream.flushSync?.();
    },
  };
}
