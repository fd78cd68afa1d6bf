import { describe, expect, it } from 'vitest';
import { ChangeHub } from './change-hub.ts';

describe('ChangeHub', () => {
  it('returns from publish before any listener runs, then delivers in order', async () => {
    const hub = new ChangeHub();
    const heard: string[] = [];
    hub.subscribe('a', (event) => heard.push(`a:${event.type}`));
    hub.subscribeAll((event) => heard.push(`all:${event.type}`));
    hub.publish({ type: 'deleted', id: 'a' });
    hub.publish({ type: 'deleted', id: 'b' });
    expect(heard).toEqual([]);
    await hub.settle();
    expect(heard).toEqual(['a:deleted', 'all:deleted', 'all:deleted']);
  });

  it('delivers to thousands of listeners across several turns, each event once to each', async () => {
    const hub = new ChangeHub();
    const counts = new Array<number>(3000).fill(0);
    counts.forEach((_, i) => hub.subscribe('a', () => (counts[i] = counts[i]! + 1)));
    hub.publish({ type: 'deleted', id: 'a' });
    hub.publish({ type: 'resync' });
    await new Promise((resolve) => setImmediate(resolve));
    // One turn delivered a slice, not everything: other work ran in between.
    expect(counts.filter((n) => n > 0).length).toBeLessThan(3000);
    await hub.settle();
    expect(new Set(counts)).toEqual(new Set([2]));
  });

  it('skips a listener that unsubscribed before its turn came', async () => {
    const hub = new ChangeHub();
    const heard: string[] = [];
    const stop = hub.subscribe('a', () => heard.push('gone'));
    hub.publish({ type: 'deleted', id: 'a' });
    stop();
    await hub.settle();
    expect(heard).toEqual([]);
    expect(hub.size).toBe(0);
  });
});
