import { describe, expect, it } from 'vitest';
import { pageOf } from './page-versions.ts';

describe('pageOf', () => {
  it('cuts a list into pages and says which way more lie', () => {
    expect(pageOf([5, 4, 3, 2, 1], 1, 2)).toEqual({
      items: [3, 2],
      page: 1,
      pages: 3,
      hasPrevious: true,
      hasNext: true,
    });
    expect(pageOf([5, 4, 3, 2, 1], 2, 2).items).toEqual([1]);
  });

  it('shows the last page for a page past the end, and one empty page for no items', () => {
    expect(pageOf([2, 1], 7, 2)).toMatchObject({ items: [2, 1], page: 0, hasNext: false });
    expect(pageOf([], 0, 2)).toEqual({
      items: [],
      page: 0,
      pages: 1,
      hasPrevious: false,
      hasNext: false,
    });
  });
});
