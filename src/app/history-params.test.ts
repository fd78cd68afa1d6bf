import { describe, expect, it } from 'vitest';
import { readHistoryParams, toHistorySearch } from './history-params.ts';
import { parseSearch, stringifySearch } from './search-params.ts';

/** A query string read as the router reads it for the History route. */
const read = (search: string) => readHistoryParams(parseSearch(search));

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
    ['?version=3&version=4', { version: 3 }],
  ])('reads %s as %j', (search, params) => {
    expect(read(search)).toEqual(params);
  });

  it('takes the numbers a navigation gives as they are', () => {
    expect(readHistoryParams({ version: 5, compare: 2 })).toEqual({ version: 5, compare: 2 });
    expect(readHistoryParams({ version: 1.5 })).toEqual({});
  });
});

describe('toHistorySearch', () => {
  it('writes a selection back as it reads', () => {
    for (const params of [{ version: 5 }, { version: 5, compare: 2 }, { version: 1 }]) {
      expect(read(stringifySearch({ ...toHistorySearch(params) }))).toEqual(params);
    }
  });

  it('leaves out a compare with the version before, and everything without a version', () => {
    expect(stringifySearch({ ...toHistorySearch({ version: 5, compare: 4 }) })).toBe('?version=5');
    expect(stringifySearch({ ...toHistorySearch({ version: 5, compare: 2 }) })).toBe(
      '?version=5&compare=2',
    );
    expect(stringifySearch({ ...toHistorySearch({}) })).toBe('');
  });
});
