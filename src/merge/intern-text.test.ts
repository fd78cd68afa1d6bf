import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { internLines } from './intern-lines.ts';
import { internText } from './intern-text.ts';
import { splitLines } from './split-lines.ts';

/** Where each line of `lines` starts, then the total length. */
function startsOf(lines: string[]): number[] {
  const starts = [0];
  for (const line of lines) starts.push(starts.at(-1)! + line.length);
  return starts;
}

describe('internText', () => {
  it('gives the lines of each text ids and start offsets', () => {
    const { ids, starts, count } = internText(['a\nb\n', 'b\n', '', 'a\r\nb']);
    expect(ids.map((t) => [...t])).toEqual([[0, 1], [1], [], [2, 3]]);
    expect(starts.map((t) => [...t])).toEqual([[0, 2, 4], [0, 2], [0], [0, 3, 4]]);
    expect(count).toBe(4);
  });

  it('numbers lines as internLines does on the split texts', () => {
    // Few distinct lines, so the texts line up, drift apart and line up again.
    const text = fc
      .array(fc.constantFrom('a\n', 'b\n', '\n', 'c\r\n', 'a', 'é\n'), { maxLength: 14 })
      .map((l) => l.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), (texts) => {
        const split = texts.map(splitLines);
        const expected = internLines(split);
        const got = internText(texts);
        expect(got.ids.map((t) => [...t])).toEqual(expected.ids.map((t) => [...t]));
        expect(got.count).toBe(expected.count);
        expect(got.starts.map((t) => [...t])).toEqual(split.map(startsOf));
      }),
    );
  });
});
