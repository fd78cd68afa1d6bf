import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { batchLogLines } from './batch-log-lines.ts';

function collect() {
  const writes: string[] = [];
  let flushes = 0;
  return {
    writes,
    flushes: () => flushes,
    stream: { write: (text: string) => writes.push(text), flushSync: () => flushes++ },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('batchLogLines', () => {
  it('hands the lines of the first delayMs to the stream as one write, in order', () => {
    const { writes, stream } = collect();
    const destination = batchLogLines(stream, { delayMs: 50 });
    destination.write('{"n":1}\n');
    vi.advanceTimersByTime(30);
    destination.write('{"n":2}\n');
    vi.advanceTimersByTime(19);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(writes).toEqual(['{"n":1}\n{"n":2}\n']);
    destination.write('{"n":3}\n');
    vi.advanceTimersByTime(50);
    expect(writes).toEqual(['{"n":1}\n{"n":2}\n', '{"n":3}\n']);
    vi.advanceTimersByTime(500);
    expect(writes).toHaveLength(2);
  });

  it('writes at the end of the turn once maxChars are held', () => {
    const { writes, stream } = collect();
    const destination = batchLogLines(stream, { delayMs: 50, maxChars: 20 });
    destination.write('{"n":"0123456789"}\n');
    expect(writes).toEqual([]);
    destination.write('{"n":2}\n');
    vi.advanceTimersToNextTimer(); // the end of the turn, before the delay
    expect(writes).toEqual(['{"n":"0123456789"}\n{"n":2}\n']);
    vi.advanceTimersByTime(100);
    expect(writes).toHaveLength(1);
  });

  it('writes what it holds at once on flushSync, and nothing twice', () => {
    const { writes, flushes, stream } = collect();
    const destination = batchLogLines(stream);
    destination.write('{"level":"fatal"}\n');
    destination.flushSync();
    expect(writes).toEqual(['{"level":"fatal"}\n']);
    expect(flushes()).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(writes).toHaveLength(1);
  });
});
