import type { ChangeEvent, ChangeFeed, ChangeListener } from './change-feed.ts';

/**
 * An in-process `ChangeFeed`. A listener that throws is logged and does not stop the others.
 *
 * @example
 * const hub = new ChangeHub();
 * const stop = hub.subscribe('doc1', (event) => console.log(event.type));
 * hub.publish({ type: 'deleted', id: 'doc1' }); // logs "deleted"
 * stop();
 */
export class ChangeHub implements ChangeFeed {
  readonly #listeners = new Map<string, Set<ChangeListener>>();
  readonly #everything = new Set<ChangeListener>();

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
   * Delivers `event` to the subscribers of its document and of all, synchronously; a `resync`
   * to every subscriber.
   */
  publish(event: ChangeEvent): void {
    const listeners =
      event.type === 'resync'
        ? [...this.#listeners.values()].flatMap((set) => [...set])
        : [...(this.#listeners.get(event.id) ?? [])];
    // Copied first: a listener may unsubscribe while we iterate.
    for (const listener of [...listeners, ...this.#everything]) {
      try {
        listener(event);
      } catch (error) {
        console.error('change listener failed', error);
      }
    }
  }

  /** How many listeners are subscribed, over all documents (for tests and shutdown). */
  get size(): number {
    let total = this.#everything.size;
    for (const set of this.#listeners.values()) total += set.size;
    return total;
  }
}
