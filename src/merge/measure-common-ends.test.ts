import { describe, expect, it } from 'vitest';
import { measureCommonEnds } from './measure-common-ends.ts';

describe('measureCommonEnds', () => {
  it('never counts a character twice', () => {
    expect(measureCommonEnds('aa', 'aaa')).toEqual({ prefix: 2, suffix: 0 });
    expect(measureCommonEnds('abc', 'abXbc')).toEqual({ prefix: 2, suffix: 1 });
  });
});
