import { describe, expect, it } from 'vitest';
import { formatHistoryParams, readHistoryParams } from './history-params.ts';

describe('readHistoryParams', () => {
  it.each([
    ['', {}],
    ['?version=5', { version: 5 }],
    ['?version=5&compare=2', { version: 5, compare: 2 }],
    ['?compare=2', {}],
    ['?version=5&compare=5', { version: 5 }],
    ['?version=0', {}],
    ['?version=-1', {}],
    ['?version=1.5', {}],
    ['?version=05', {}],
    ['?version=abc&compare=1', {}],
    ['?version=3&compare=x', { version: 3 }],
  ])('reads %s as %j', (search, params) => {
    expect(readHistoryParams(search)).toEqual(params);
  });
});

describe('formatHistoryParams', () => {
  it('writes a selection back as it reads', () => {
    for (const params of [{ version: 5 }, { version: 5, compare: 2 }, { version: 1 }]) {
      expect(readHistoryParams(formatHistoryParams(params))).toEqual(params);
    }
  });

  it('leaves out a compare with the version before, and everything without a version', () => {
    expect(formatHistoryParams({ version: 5, compare: 4 })).toBe('?version=5');
    expect(formatHistoryParams({})).toBe('');
  });
});
