/** What the history shows, as its URL says: `?version=N` selects one, `&compare=M` compares. */
export interface HistoryParams {
  version?: number;
  compare?: number;
}

// A number passes too: the router validates the search a navigation gives before writing it.
const readPositive = (value: unknown): number | undefined => {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^[1-9][0-9]{0,9}$/.test(text)) return undefined;
  return Number(text);
};

/**
 * The history's selection read from its query (the History route's `validateSearch`); anything
 * that is not a version number is ignored, and `compare` counts only beside a `version` and
 * unlike it.
 *
 * @example readHistoryParams({ version: '5', compare: '2' }) // { version: 5, compare: 2 }
 */
export function readHistoryParams(search: Record<string, unknown>): HistoryParams {
  const version = readPositive(search.version);
  if (version === undefined) return {};
  const compare = readPositive(search.compare);
  return compare === undefined || compare === version ? { version } : { version, compare };
}

/**
 * The selection as its URL shows it: `compare` is left out when it is the version before, which
 * is what a version shows by itself.
 *
 * @example toHistorySearch({ version: 5, compare: 4 }) // { version: 5 }
 */
export function toHistorySearch({ version, compare }: HistoryParams): HistoryParams {
  if (version === undefined) return {};
  if (compare === undefined || compare === version - 1) return { version };
  return { version, compare };
}
