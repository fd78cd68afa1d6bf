import type { VersionChange } from '../protocol/index.ts';

const characters = (count: number) => `${count} ${count === 1 ? 'character' : 'characters'}`;

/**
 * How much a version changed, in words for its row in the history: characters added and
 * removed, as the server measured them (`change` of a version page).
 *
 * @example describeChange({ added: 12, removed: 3 }) // '12 characters added, 3 removed'
 */
export function describeChange(change: VersionChange | null): string {
  if (change === null) return 'the first version';
  const { added, removed } = change;
  if (added > 0 && removed > 0) return `${characters(added)} added, ${removed} removed`;
  if (added > 0) return `${characters(added)} added`;
  if (removed > 0) return `${characters(removed)} removed`;
  return 'text unchanged';
}
