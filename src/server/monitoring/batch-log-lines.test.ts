import { describe, expect, it } from 'vitest';
import { setImmediate as nextTurn } from 'node:timers/promises';
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

describe('batchLogLines', () => {
  it('hands the lines of one turn to the stream as one write, in order', async () => {
    const { writes, stream } = collect();
    const destination = batchLogLines(stream);
    destination.write('{"n":1}\n');
    destination.write('{"n":2}\n');
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toEqual(['{"n":1}\n{"n":2}\n']);
    destination.write('{"n":3}\n');
    await nextTurn();
    expect(writes).toEqual(['{"n":1}\n{"n":2}\n', '{"n":3}\n']);
  });

  it('writes what it holds at once on flushSync, and nothing twice', async () => {
    const { writes, flushes, stream } = collect();
    const destination = batchLogLines(stream);
    destination.write('{"level":"fatal"}\n');
    destination.flushSync();
    expect(writes).toEqual(['{"level":"fatal"}\n']);
    expect(flushes()).toBe(1);
    await nextTurn();
    expect(writes).toHaveLength(1);
  });
});
