import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.ts';
import type { LogLevel } from './create-logger.ts';
import { writeRequestLine } from './write-request-line.ts';
import type { RequestLine } from './write-request-line.ts';

function collecting(level: LogLevel = 'info') {
  const lines: string[] = [];
  const logger = createLogger({ level, destination: { write: (line) => lines.push(line) } });
  return { lines, logger };
}

/** A line's fields without its time, which differs between two lines written one after another. */
const withoutTime = (text: string) => {
  const { time, ...rest } = JSON.parse(text) as Record<string, unknown>;
  expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  return rest;
};

const lines: RequestLine[] = [
  { request_id: 'a-1', method: 'GET', route: '/api/docs/:id', status: 200, latency_ms: 0.4 },
  {
    request_id: 'proxy:42',
    method: 'PUT',
    route: '/api/docs/:id',
    status: 409,
    latency_ms: 12,
    document_id: 'doc-1',
    conflict: 'stale-save',
  },
  {
    request_id: 'b',
    method: 'PUT',
    route: '/api/docs/:id',
    status: 200,
    latency_ms: 3.1,
    document_id: 'doc-2',
    resolution: 'kept-mine',
  },
  // Nothing in a route or message is trusted to need no escaping.
  { request_id: 'c', method: 'OTHER', route: '/a"b\\c\n', status: 404, latency_ms: 0 },
];

describe('writeRequestLine', () => {
  it.each(lines)('writes what pino writes for %o, field for field and in order', (line) => {
    const fast = collecting();
    const slow = collecting();
    const message = `${line.method} ${line.route} ${line.status}`;
    writeRequestLine(fast.logger, line, message);
    slow.logger.info(line, message);
    expect(fast.lines).toHaveLength(1);
    expect(fast.lines[0]!.endsWith('}\n')).toBe(true);
    const [mine, pinos] = [withoutTime(fast.lines[0]!), withoutTime(slow.lines[0]!)];
    expect(mine).toEqual(pinos);
    expect(Object.keys(mine)).toEqual(Object.keys(pinos));
    expect(mine).toMatchObject({ level: 'info', pid: process.pid, msg: message });
  });

  it('writes nothing when the level is above info', () => {
    const { lines: written, logger } = collecting('warn');
    writeRequestLine(logger, lines[0]!, 'GET /api/docs/:id 200');
    expect(written).toEqual([]);
  });

  it("keeps a child logger's bindings", () => {
    const { lines: written, logger } = collecting();
    writeRequestLine(logger.child({ worker: 2 }), lines[0]!, 'GET');
    expect(JSON.parse(written[0]!)).toMatchObject({ worker: 2, request_id: 'a-1', msg: 'GET' });
  });

  it('hands a logger it did not make to pino, with its own formatters', () => {
    const written: string[] = [];
    const logger = pino({ timestamp: false, base: undefined }, { write: (l) => written.push(l) });
    writeRequestLine(logger, lines[0]!, 'GET');
    expect(JSON.parse(written[0]!)).toEqual({ level: 30, ...lines[0], msg: 'GET' });
  });
});
