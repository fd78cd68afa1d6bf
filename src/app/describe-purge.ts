const dayMs = 24 * 60 * 60 * 1000;

/**
 * How long a document in the trash can still be restored, in words: whole days left, rounded
 * down so the promise is never longer than the truth.
 *
 * @example describePurge('2030-01-31T00:00:00Z', new Date('2030-01-01T00:00:00Z')) // 'purged in 30 days'
 */
export function describePurge(purgeAt: string, now: Date): string {
  const left = Date.parse(purgeAt) - now.getTime();
  if (Number.isNaN(left)) return 'purged later';
  if (left <= 0) return 'purged now';
  const days = Math.floor(left / dayMs);
  if (days === 0) return 'purged within a day';
  return days === 1 ? 'purged in 1 day' : `purged in ${days} days`;
}
