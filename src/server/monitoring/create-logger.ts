import { pino } from 'pino';
import type { DestinationStream, Level, Logger } from 'pino';
import { batchLogLines } from './batch-log-lines.ts';
import type { BatchedDestination } from './batch-log-lines.ts';
import { markPlainLogger } from './write-request-line.ts';

export type { Logger } from 'pino';

/** The levels `CONCORD_LOG_LEVEL` may name, most severe first; `silent` logs nothing. */
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export type LogLevel = Level | 'silent';

/** Whether `text` names a log level (`info`, `debug`, …). */
export function isLogLevel(text: string): text is LogLevel {
  return (logLevels as readonly string[]).includes(text);
}

/**
 * The server's logger: one JSON object per line on `destination` (default stdout), with the
 * level as its name (`"level":"info"`) and the time in ISO 8601, so a person can read a line
 * and any log shipper can parse it. Tests pass a stream that collects the lines.
 *
 * @example
 * const logger = createLogger({ level: 'info' });
 * logger.info({ route: '/api/docs' }, 'GET /api/docs 200'); // {"level":"info","time":"…",…}
 */
export function createLogger(
  options: { level?: LogLevel; destination?: DestinationStream } = {},
): Logger {
  const level = options.level ?? 'info';
  // A silent logger (every app a test builds) opens no stream on stdout.
  const destination =
    options.destination ?? (level === 'silent' ? { write: () => {} } : openStdout());
  const logger = pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  return markPlainLogger(logger);
}

let stdout: BatchedDestination | undefined;

/**
 * The process's stdout as the log's destination, one for the process: lines go out in batches
 * of up to 50 ms (`batchLogLines`), asynchronously (a slow reader of the log never stalls the
 * server), and what is still held is written out when the process exits.
 */
function openStdout(): BatchedDestination {
  if (stdout) return stdout;
  const opened = batchLogLines(pino.destination({ dest: 1, sync: false }));
  process.once('exit', () => opened.flushSync());
  stdout = opened;
  return opened;
}
