import { describe, expect, it } from 'vitest';
import { findChanges, mapRanges } from './map-ranges.ts';

describe('findChanges', () => {
  it('finds one keystroke by its common start and end', () => {
    expect(findChanges('abc', 'abXc')).toEqual([[2, 2, 1]]);
    expect(findChanges('abc', 'ac')).toEqual([[1, 2, 0]]);
    expect(findChanges('same', 'same')).toEqual([]);
  });

  it('finds separate changes apart, so each touches only its own place', () => {
    const before = 'one two three four five six seven';
    const after = 'one 2 three four five six 7';
    const changes = findChanges(before, after);
    expect(changes).toHaveLength(2);
    let text = before;
    for (const [from, to, length] of [...changes].reverse()) {
      const offset = changes
        .filter((c) => c[0] < from)
        .reduce((sum, [f, t, l]) => sum + l - (t - f), 0);
      text =
        text.slice(0, from) + after.slice(from + offset, from + offset + length) + text.slice(to);
    }
    expect(text).toBe(after);
  });
});

describe('mapRanges', () => {
  it('moves ranges after a change and leaves those before it', () => {
    expect(
      mapRanges(
        [
          [0, 2],
          [5, 8],
        ],
        [[3, 4, 3]],
      ),
    ).toEqual([
      [0, 2],
      [7, 10],
    ]);
  });

  it('takes in text typed inside a range', () => {
    expect(mapRanges([[2, 6]], [[4, 4, 3]])).toEqual([[2, 9]]);
    expect(mapRanges([[2, 6]], [[4, 8, 0]])).toEqual([[2, 4]]);
  });

  it('leaves text typed right at a range start or end outside it', () => {
    expect(mapRanges([[2, 6]], [[2, 2, 3]])).toEqual([[5, 9]]);
    expect(mapRanges([[2, 6]], [[6, 6, 3]])).toEqual([[2, 6]]);
  });

  it('gives the text replacing several ranges to the first and empties the others', () => {
    expect(
      mapRanges(
        [
          [2, 4],
          [6, 8],
          [10, 12],
        ],
        [[1, 9, 2]],
      ),
    ).toEqual([
      [1, 3],
      [3, 3],
      [4, 6],
    ]);
  });

  it('keeps a range whose text was deleted as an empty place', () => {
    expect(mapRanges([[2, 4]], [[0, 6, 0]])).toEqual([[0, 0]]);
  });
});
