import type { ChangeEvent, ChangeFeed, ChangeListener } from './change-feed.ts';

/**
 * Listeners called per turn of the event loop while delivering. Each call costs one event
 * stream's socket write (some 30–50 µs with the stream machinery), so a slice takes about a
 * millisecond, and every other request — the save that caused the event among them — waits
 * at most that long at each of its own turns. Measured with bench/event-fanout.ts: 256 per
 * turn made a save with 5000 open streams take 3–5× as long; 16, about as long as with none.
 */
const sliceSize = 16;

/**
 * An in-process `ChangeFeed`. A listener that throws is logged and does not stop the others.
 *
 * `publish` returns at once: events are delivered in order, later, in slices of listeners
 * (one `setImmediate` each), so a save answers in about the same time with thousands of open
 * event streams as with none. Each event goes to the listeners subscribed when it was
 * published that are still subscribed when their turn comes.
 *
 * @example
 * const hub = new ChangeHub();
 * const stop = hub.subscribe('doc1', (event) => console.log(event.type));
 * hub.publish({ type: 'deleted', id: 'doc1' }); // logs "deleted" soon after
 * stop();
 */
export class ChangeHub implements ChangeFeed {
  readonly #listeners = new Map<string, Set<ChangeListener>>();
  readonly #everything = new Set<ChangeListener>();
  /** Deliveries not yet made, oldest first: an event and who is to hear it. */
  readonly #queue: { event: ChangeEvent; to: ChangeListener[]; next: number }[] = [];
  #scheduled = false;

  subscribe(id: string, listener: ChangeListener): () => void {
    let set = this.#listeners.get(id);
    if (!set) {
      set = new Set();
      this.#listeners.set(id, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.#listeners.get(id) === set) this.#listeners.delete(id);
    };
  }

  subscribeAll(listener: ChangeListener): () => void {
    this.#everything.add(listener);
    return () => this.#everything.delete(listener);
  }

  /**
   * Queues `event` for the subscribers of its document and of all; a `resync` for every
   * subscriber. Returns before any listener runs.
   */
  publish(event: ChangeEvent): void {
    const to =
      event.type === 'resync'
        ? [...this.#listeners.values()].flatMap((set) => [...set])
        : [...(this.#listeners.get(event.id) ?? [])];
    to.push(...this.#everything);
    if (to.length === 0) return;
    this.#queue.push({ event, to, next: 0 });
    this.#schedule();
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#deliverSlice();
    });
  }

  #deliverSlice(): void {
    let budget = sliceSize;
    while (budget > 0 && this.#queue.length > 0) {
      const delivery = this.#queue[0]!;
      while (budget > 0 && delivery.next < delivery.to.length) {
        const listener = delivery.to[delivery.next++]!;
        budget -= 1;
        if (!this.#isSubscribed(listener, delivery.event)) continue;
        try {
          listener(delivery.event);
        } catch (error) {
          console.error('change listener failed', error);
        }
      }
      if (delivery.next === delivery.to.length) this.#queue.shift();
    }
    if (this.#queue.length > 0) this.#schedule();
  }

  /** Whether `listener` still hears `event`: it may have unsubscribed since the publish. */
  #isSubscribed(listener: ChangeListener, event: ChangeEvent): boolean {
    if (event.type === 'resync' || this.#everything.has(listener)) return true;
    return this.#listeners.get(event.id)?.has(listener) ?? false;
  }

  /** Resolves once every event published so far has been delivered (for tests and benches). */
  async settle(): Promise<void> {
    while (this.#queue.length > 0 || this.#scheduled) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** How many listeners are subscribed, over all documents (for tests and shutdown). */
  get size(): number {
    let total = this.#everything.size;
    for (const set of this.#listeners.values()) total += set.size;
    return total;
  }
}
