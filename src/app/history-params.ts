/** What the history shows, as its URL says: `?version=N` selects one, `&compare=M` compares. */
export interface HistoryParams {
  version?: number;
  compare?: number;
}

const readPositive = (text: string | null): number | undefined => {
  if (text === null || !/^[1-9][0-9]{0,9}$/.test(text)) return undefined;
  return Number(text);
};

/**
 * The history's selection read from a query string; anything that is not a version number is
 * ignored, and `compare` counts only beside a `version` and unlike it.
 *
 * @example readHistoryParams('?version=5&compare=2') // { version: 5, compare: 2 }
 */
export function readHistoryParams(search: string): HistoryParams {
  const query = new URLSearchParams(search);
  const version = readPositive(query.get('version'));
  if (version === undefined) return {};
  const compare = readPositive(query.get('compare'));
  return compare === undefined || compare === version ? { version } : { version, compare };
}

/**
 * The query string of a selection; `compare` is left out when it is the version before, which
 * is what a version shows by itself.
 *
 * @example formatHistoryParams({ version: 5, compare: 4 }) // '?version=5'
 */
export function formatHistoryParams({ version, compare }: HistoryParams): string {
  if (version === undefined) return '';
  if (compare === undefined || compare === version - 1) return `?version=${version}`;
  return `?version=${version}&compare=${compare}`;
}
