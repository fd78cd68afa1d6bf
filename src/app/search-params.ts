/**
 * The app's query strings as plain text, for the router (its `parseSearch` and
 * `stringifySearch`). TanStack Router's own serializer reads each value as JSON, so `?next=123`
 * would arrive as a number and a string that looks like JSON would be written with quotes; the
 * app's URLs stay the ones it always had: `?version=5&compare=2`, `?next=%2Fdocs%2Fabc`.
 */

/**
 * Each parameter's first value, as text (`URLSearchParams.get` reads the first one too).
 *
 * @example parseSearch('?version=5&version=6') // { version: '5' }
 */
export function parseSearch(search: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(search)) values[key] ??= value;
  return values;
}

/**
 * A query string of the values that are set, each encoded as `encodeURIComponent` does, in the
 * order given; `''` when none is.
 *
 * @example stringifySearch({ version: 5, compare: undefined }) // '?version=5'
 */
export function stringifySearch(search: Record<string, unknown>): string {
  const pairs = Object.entries(search)
    .filter((entry): entry is [string, string | number | boolean] =>
      ['string', 'number', 'boolean'].includes(typeof entry[1]),
    )
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}
