import { describe, expect, it } from 'vitest';
import { followEventStream, reconnectDelay, type StreamWorld } from './follow-event-stream.ts';

/** An EventSource stand-in whose state and events the test drives. */
class FakeSource extends EventTarget {
  readyState = 0;
  closed = false;
  constructor(readonly url: string) {
    super();
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
  }
  /** The server answered something that is not a stream: EventSource gives up. */
  refuse() {
    this.readyState = 2;
    this.dispatchEvent(new Event('error'));
  }
  /** The connection dropped: EventSource is reconnecting by itself. */
  drop() {
    this.readyState = 0;
    this.dispatchEvent(new Event('error'));
  }
  send(type: string, data: string) {
    this.dispatchEvent(new MessageEvent(type, { data }));
  }
}

function fakeWorld() {
  const sources: FakeSource[] = [];
  const waits: Array<{ ms: number; then: () => void; cancelled: boolean }> = [];
  const world: StreamWorld = {
    create: (url) => {
      const source = new FakeSource(url);
      sources.push(source);
      return source as unknown as EventSource;
    },
    wait: (ms, then) => {
      const wait = { ms, then, cancelled: false };
      waits.push(wait);
      return () => {
        wait.cancelled = true;
      };
    },
    random: () => 0.5,
  };
  return { world, sources, waits };
}

describe('reconnectDelay', () => {
  it('doubles from one second up to thirty, spread by a quarter either way', () => {
    expect([1, 2, 3, 6, 7, 20].map((n) => reconnectDelay(n, () => 0.5))).toEqual([
      1000, 2000, 4000, 30_000, 30_000, 30_000,
    ]);
    expect(reconnectDelay(1, () => 0)).toBe(750);
    expect(reconnectDelay(1, () => 1)).toBe(1250);
  });
});

describe('followEventStream', () => {
  it('opens the stream again after a refusal, and says it reopened once it has', () => {
    const { world, sources, waits } = fakeWorld();
    const heard: string[] = [];
    followEventStream(
      '/events',
      {
        events: { version: (e) => heard.push(e.data) },
        open: () => heard.push('open'),
        reopened: () => heard.push('reopened'),
      },
      world,
    );
    sources[0]!.open();
    sources[0]!.refuse();
    expect(waits.map((w) => w.ms)).toEqual([1000]);
    waits[0]!.then();
    sources[0]!.send('version', 'old source'); // the refused one is gone
    sources[1]!.refuse();
    expect(waits.map((w) => w.ms)).toEqual([1000, 2000]);
    waits[1]!.then();
    sources[2]!.open();
    sources[2]!.send('version', 'v3');
    expect(heard).toEqual(['open', 'old source', 'open', 'reopened', 'v3']);
    // Open again: the next refusal starts from one second.
    sources[2]!.refuse();
    expect(waits.at(-1)!.ms).toBe(1000);
  });

  it('leaves a dropped connection to EventSource, which reconnects by itself', () => {
    const { world, sources, waits } = fakeWorld();
    followEventStream('/events', { events: {} }, world);
    sources[0]!.drop();
    expect(waits).toEqual([]);
    expect(sources).toHaveLength(1);
  });

  it('stops: closes the stream and cancels a reconnect that was waiting', () => {
    const { world, sources, waits } = fakeWorld();
    const stop = followEventStream('/events', { events: {} }, world);
    sources[0]!.refuse();
    stop();
    expect(waits[0]!.cancelled).toBe(true);
    expect(sources[0]!.closed).toBe(true);
  });
});
