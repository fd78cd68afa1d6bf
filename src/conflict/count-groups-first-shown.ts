import type { ConflictStatus } from './resolution-state.ts';

/** Up to this many conflicts, the dialog renders every group at once. */
export const groupsAtOnce = 30;

/** How many groups past the first open one render at once in a larger dialog (a few screens). */
export const groupsFirstShown = 20;

/**
 * How many conflict groups (from conflict 1 on) the dialog renders in its first paint; the rest
 * follow right after, in a transition. Rendering 200 groups before the first paint was most of
 * the half second a 20,000-line dialog took to open. The first open conflict, where focus goes,
 * and a few screens after it are always among the first ones.
 *
 * @example countGroupsFirstShown(Array(200).fill('unresolved')); // 20
 */
export function countGroupsFirstShown(statuses: readonly ConflictStatus[]): number {
  if (statuses.length <= groupsAtOnce) return statuses.length;
  const firstOpen = Math.max(0, statuses.indexOf('unresolved'));
  return Math.min(statuses.length, firstOpen + groupsFirstShown);
}
