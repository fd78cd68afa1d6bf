import { describe, expect, it } from 'vitest';
import { describeChange } from './describe-change.ts';

describe('describeChange', () => {
  it.each([
    [{ added: 12, removed: 3 }, '12 characters added, 3 removed'],
    [{ added: 1, removed: 1 }, '1 character added, 1 removed'],
    [{ added: 5, removed: 0 }, '5 characters added'],
    [{ added: 0, removed: 1 }, '1 character removed'],
    [{ added: 0, removed: 0 }, 'text unchanged'],
    [null, 'the first version'],
  ])('says %j as %s', (change, text) => {
    expect(describeChange(change)).toBe(text);
  });
});
