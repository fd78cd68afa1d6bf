import { describe, expect, it } from 'vitest';
import { parseSearch, stringifySearch } from './search-params.ts';
import { readSignInSearch, toSignInSearch } from './sign-in-target.ts';

/** The sign-in page's query for `path`, through its URL and back, as the router reads it. */
const roundTrip = (path: string) =>
  readSignInSearch(parseSearch(stringifySearch({ ...toSignInSearch(path) })));

describe('toSignInSearch and readSignInSearch', () => {
  it('come back to the page the person was on', () => {
    expect(stringifySearch({ ...toSignInSearch('/docs/abc') })).toBe('?next=%2Fdocs%2Fabc');
    expect(roundTrip('/docs/a%20b?x=1')).toEqual({ next: '/docs/a%20b?x=1' });
  });

  it('go to the list from the list or the sign-in page itself', () => {
    expect(toSignInSearch('/')).toEqual({});
    expect(toSignInSearch('/sign-in?next=%2Fdocs%2Fx')).toEqual({});
    expect(readSignInSearch(parseSearch(''))).toEqual({});
    expect(readSignInSearch(parseSearch('?next=%2Fsign-in'))).toEqual({});
  });

  it('never send anyone to another site', () => {
    for (const next of ['//evil.example', 'https://evil.example', '/\\evil.example', 'docs/x']) {
      expect(readSignInSearch(parseSearch(`?next=${encodeURIComponent(next)}`))).toEqual({});
    }
    expect(readSignInSearch({ next: 42 })).toEqual({});
  });
});
