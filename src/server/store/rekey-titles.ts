import { toTitleKey } from '../../protocol/to-title-key.ts';

/** A live document's id and title, as a migration reads them. */
export interface TitledRow {
  id: string;
  title: string;
}

/**
 * Marks a kept look-alike's key (see `rekeyTitles`). Invisible, so `toTitleKey` never leaves
 * it in a key: a key holding it can never be what a title asks for.
 */
export const keptLookAlikeMark = '\u200b';

/**
 * The `title_key` of each live document under today's `toTitleKey`, for a migration from an
 * older rule. `rows` come oldest first: when older titles collide under the new rule (`Plan`
 * and `Ｐｌａｎ` were two titles before), the oldest keeps the key and each later one gets
 * `key + keptLookAlikeMark + id`, unique and asked for by no title. Titles are not changed,
 * and such a document keeps that key while it is saved under the same title (the stores'
 * saves see to it); a new create or rename to the look-alike is refused as usual.
 *
 * @example rekeyTitles([{ id: 'a', title: 'Plan' }, { id: 'b', title: 'ＰＬＡＮ' }])
 * // Map { 'a' => 'plan', 'b' => 'plan\u200bb' }
 */
export function rekeyTitles(rows: readonly TitledRow[]): Map<string, string> {
  const keys = new Map<string, string>();
  const taken = new Set<string>();
  for (const { id, title } of rows) {
    const key = toTitleKey(title);
    keys.set(id, taken.has(key) ? `${key}${keptLookAlikeMark}${id}` : key);
    taken.add(key);
  }
  return keys;
}
