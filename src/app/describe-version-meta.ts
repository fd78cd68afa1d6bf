import type { VersionEntry } from '../protocol/index.ts';
import { describeChange } from './describe-change.ts';
import { formatWhen } from './format-when.ts';

/**
 * A version's row in the history, after its link: who saved it, when, and how much it changed.
 * The line starts with the saver, so a version saved without a name starts "Someone", with a
 * capital; a name stays as its person spells it.
 *
 * @example describeVersionMeta({ updated_by: '', updated_at, change: null }) // 'Someone · 3 Dec 2026, 15:55 · the first version'
 */
export function describeVersionMeta(
  version: Pick<VersionEntry, 'updated_by' | 'updated_at' | 'change'>,
): string {
  const who = version.updated_by || 'Someone';
  return `${who} · ${formatWhen(version.updated_at)} · ${describeChange(version.change)}`;
}
