import { describe, expect, it } from 'vitest';
import { describePurge } from './describe-purge.ts';

const now = new Date('2030-01-01T00:00:00.000Z');

describe('describePurge', () => {
  it('counts whole days left, rounded down', () => {
    expect(describePurge('2030-01-31T00:00:00.000Z', now)).toBe('purged in 30 days');
    expect(describePurge('2030-01-02T23:59:59.000Z', now)).toBe('purged in 1 day');
  });

  it('says less than a day, and a time already past', () => {
    expect(describePurge('2030-01-01T05:00:00.000Z', now)).toBe('purged within a day');
    expect(describePurge('2029-12-31T00:00:00.000Z', now)).toBe('purged now');
  });

  it('does not guess from a date it cannot read', () => {
    expect(describePurge('soon', now)).toBe('purged later');
  });
});
