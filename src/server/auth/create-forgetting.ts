/**
 * What both lookup caches (`cacheCredentials`, `cacheAccess`) need so that forgetting is never
 * undone: `drop` removes entries, and every forgetting also bumps an epoch, so a lookup that
 * began before one (`begin`) keeps nothing it read (`unchangedSince`). `around` forgets before
 * and after a store's write: a lookup started before the write finished may still read the old
 * row.
 *
 * @example
 * const forgetting = createForgetting((id: string) => entries.delete(id));
 * const began = forgetting.begin();
 * const found = await store.find(id);
 * if (forgetting.unchangedSince(began)) entries.set(id, found);
 */
export function createForgetting<A extends unknown[]>(drop: (...args: A) => void) {
  let epoch = 0;
  const forget = (...args: A): void => {
    epoch++;
    drop(...args);
  };
  return {
    forget,
    async around<T>(write: () => Promise<T>, ...args: A): Promise<T> {
      forget(...args);
      try {
        return await write();
      } finally {
        forget(...args);
      }
    },
    begin: (): number => epoch,
    unchangedSince: (began: number): boolean => began === epoch,
  };
}
