import { pino } from 'pino';
import type { Logger } from 'pino';

/** The fields of a request's log line (see `observeRequests`), in the order they are written. */
export interface RequestLine {
  request_id: string;
  method: string;
  route: string;
  status: number;
  latency_ms: number;
  document_id?: string;
  conflict?: string;
  resolution?: string;
}

// The loggers `createLogger` made: their lines are known to be pino's plain JSON (no hooks,
// mixins, redaction or log formatter), so a request line can be written as pino would write it.
const plainLoggers = new WeakSet<Logger>();

/** Marks `logger` as made by `createLogger` (see `writeRequestLine`). */
export function markPlainLogger(logger: Logger): Logger {
  plainLoggers.add(logger);
  return logger;
}

const { chindingsSym, streamSym, timeSym } = pino.symbols;

/**
 * Writes a request's line at info level: the bytes `logger.info(line, message)` writes, built
 * directly. It is the line of every request, and pino's general path (walking the object's
 * keys, a level object per line) cost about 4 µs of a ~60 µs GET's server CPU
 * (`bench/server-cpu.ts`), this ~1. Loggers not made by `createLogger` go through pino.
 *
 * @example writeRequestLine(logger, { request_id, method, route, status, latency_ms }, 'GET /api/docs 200');
 */
export function writeRequestLine(logger: Logger, line: RequestLine, message: string): void {
  if (!plainLoggers.has(logger)) return logger.info(line, message);
  if (!logger.isLevelEnabled('info')) return;
  const time = (logger as unknown as Record<symbol, () => string>)[timeSym]!();
  const bindings = (logger as unknown as Record<symbol, string>)[chindingsSym]!;
  const stream = (logger as unknown as Record<symbol, { write(text: string): unknown }>)[
    streamSym
  ]!;
  let text = `{"level":"info"${time}${bindings},"request_id":${JSON.stringify(line.request_id)}`;
  text += `,"method":${JSON.stringify(line.method)},"route":${JSON.stringify(line.route)}`;
  text += `,"status":${line.status},"latency_ms":${line.latency_ms}`;
  if (line.document_id !== undefined) text += `,"document_id":${JSON.stringify(line.document_id)}`;
  if (line.conflict !== undefined) text += `,"conflict":${JSON.stringify(line.conflict)}`;
  if (line.resolution !== undefined) text += `,"resolution":${JSON.stringify(line.resolution)}`;
  stream.write(`${text},"msg":${JSON.stringify(message)}}\n`);
}
