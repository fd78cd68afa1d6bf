import { describe, expect, it } from 'vitest';
import { findTakenTitle } from './title-taken.ts';

const taken = { id: 'd2', title: 'Plan' };

describe('findTakenTitle', () => {
  it('keeps the reason while the title is the taken one, as the server compares titles', () => {
    expect(findTakenTitle('Plan', taken)).toBe(taken);
    expect(findTakenTitle('  PLAN ', taken)).toBe(taken);
  });

  it('drops it once the person picked another title', () => {
    expect(findTakenTitle('Plan B', taken)).toBeUndefined();
    expect(findTakenTitle('Plan', undefined)).toBeUndefined();
  });
});
