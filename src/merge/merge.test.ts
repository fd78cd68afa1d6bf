import { describe, expect, it } from 'vitest';
import { merge } from './merge.ts';
import { sidesOf } from './test-support.ts';

const cases: Array<{
  name: string;
  base: string;
  mine: string;
  theirs: string;
  text?: string;
  conflicts?: Array<{ base: string; mine: string; theirs: string }>;
}> = [
  { name: 'no-op', base: 'a\nb\n', mine: 'a\nb\n', theirs: 'a\nb\n', text: 'a\nb\n' },
  {
    name: 'only mine changed',
    base: 'a\nb\nc\n',
    mine: 'a\nB\nc\n',
    theirs: 'a\nb\nc\n',
    text: 'a\nB\nc\n',
  },
  {
    name: 'only theirs changed',
    base: 'a\nb\nc\n',
    mine: 'a\nb\nc\n',
    theirs: 'a\nb\nC\n',
    text: 'a\nb\nC\n',
  },
  {
    name: 'changes to lines apart',
    base: 'a\nb\nc\nd\n',
    mine: 'A\nb\nc\nd\n',
    theirs: 'a\nb\nc\nD\n',
    text: 'A\nb\nc\nD\n',
  },
  {
    name: 'both made the same change',
    base: 'a\nb\nc\n',
    mine: 'a\nX\nc\n',
    theirs: 'a\nX\nc\n',
    text: 'a\nX\nc\n',
  },
  {
    name: 'true conflict',
    base: 'a\nb\nc\n',
    mine: 'a\nM\nc\n',
    theirs: 'a\nT\nc\n',
    conflicts: [{ base: 'b\n', mine: 'M\n', theirs: 'T\n' }],
  },
  {
    // git treats edits to adjacent lines as overlapping.
    name: 'edits to adjacent lines conflict',
    base: 'a\nb\nc\nd\n',
    mine: 'a\nB\nc\nd\n',
    theirs: 'a\nb\nC\nd\n',
    conflicts: [{ base: 'b\nc\n', mine: 'B\nc\n', theirs: 'b\nC\n' }],
  },
  {
    name: 'inserts at the same place conflict',
    base: 'a\nb\n',
    mine: 'a\nM\nb\n',
    theirs: 'a\nT\nb\n',
    conflicts: [{ base: '', mine: 'M\n', theirs: 'T\n' }],
  },
  {
    name: 'delete against edit conflicts',
    base: 'a\nb\nc\n',
    mine: 'a\nc\n',
    theirs: 'a\nB\nc\n',
    conflicts: [{ base: 'b\n', mine: '', theirs: 'B\n' }],
  },
  {
    name: 'both deleted the same line',
    base: 'a\nb\nc\n',
    mine: 'a\nc\n',
    theirs: 'a\nc\n',
    text: 'a\nc\n',
  },
  {
    name: 'whole rewrite on one side',
    base: 'a\nb\nc\n',
    mine: 'x\ny\n',
    theirs: 'a\nb\nc\n',
    text: 'x\ny\n',
  },
  {
    name: 'whole rewrites on both sides conflict',
    base: 'a\nb\n',
    mine: 'x\ny\n',
    theirs: 'p\nq\n',
    conflicts: [{ base: 'a\nb\n', mine: 'x\ny\n', theirs: 'p\nq\n' }],
  },
  { name: 'all empty', base: '', mine: '', theirs: '', text: '' },
  { name: 'empty base, one side wrote', base: '', mine: 'a\n', theirs: '', text: 'a\n' },
  { name: 'one side emptied the document', base: 'a\nb\n', mine: '', theirs: 'a\nb\n', text: '' },
  {
    name: 'empty base, both wrote differently',
    base: '',
    mine: 'm\n',
    theirs: 't\n',
    conflicts: [{ base: '', mine: 'm\n', theirs: 't\n' }],
  },
  {
    name: 'CRLF kept exactly',
    base: 'a\r\nb\r\nc\r\nd\r\n',
    mine: 'A\r\nb\r\nc\r\nd\r\n',
    theirs: 'a\r\nb\r\nc\r\nD\r\n',
    text: 'A\r\nb\r\nc\r\nD\r\n',
  },
  {
    name: 'mixed line endings kept as each side wrote them',
    base: 'a\nb\r\nc\nd\r\n',
    mine: 'a\nb\r\nc\nD\n',
    theirs: 'A\r\nb\r\nc\nd\r\n',
    text: 'A\r\nb\r\nc\nD\n',
  },
  {
    name: 'missing final newline kept',
    base: 'a\nb\nc\nd',
    mine: 'A\nb\nc\nd',
    theirs: 'a\nb\nc\nD',
    text: 'A\nb\nc\nD',
  },
  {
    name: 'final newline added by one side',
    base: 'a\nb\nc\nd',
    mine: 'A\nb\nc\nd',
    theirs: 'a\nb\nc\nd\n',
    text: 'A\nb\nc\nd\n',
  },
  {
    name: 'emoji, CJK and accents round-trip',
    base: '👩‍👩‍👧 family\n漢字\ncafé\ne\u0301\n',
    mine: '👩‍👩‍👧 family 🎉\n漢字\ncafé\ne\u0301\n',
    theirs: '👩‍👩‍👧 family\n漢字\ncafé\nE\u0301\n',
    text: '👩‍👩‍👧 family 🎉\n漢字\ncafé\nE\u0301\n',
  },
  {
    // Zealous: lines both sides wrote alike at the edges of a conflict are not part of it.
    name: 'conflict shrinks to the lines that differ',
    base: 'a\nb\nc\n',
    mine: 'a\nX\nM\nY\nc\n',
    theirs: 'a\nX\nT\nY\nc\n',
    conflicts: [{ base: '', mine: 'M\n', theirs: 'T\n' }],
  },
];

describe('merge at line granularity', () => {
  for (const c of cases) {
    it(c.name, () => {
      const result = merge(c);
      expect(sidesOf(result.regions)).toEqual({ base: c.base, mine: c.mine, theirs: c.theirs });
      if (c.text !== undefined) {
        expect(result).toMatchObject({ clean: true, text: c.text, conflicts: 0 });
      } else {
        expect(result.clean).toBe(false);
        const conflicts = result.regions.filter((r) => r.kind === 'conflict');
        expect(conflicts.map(({ base, mine, theirs }) => ({ base, mine, theirs }))).toEqual(
          c.conflicts,
        );
        expect(result.conflicts).toBe(c.conflicts?.length);
      }
    });
  }

  it('labels each region with who changed it', () => {
    const result = merge({
      base: 'a\nb\nc\nd\ne\n',
      mine: 'A\nb\nc\nd\ne\n',
      theirs: 'a\nb\nc\nd\nE\n',
    });
    expect(result.regions).toEqual([
      { kind: 'mine', text: 'A\n', base: 'a\n' },
      { kind: 'unchanged', text: 'b\nc\nd\n' },
      { kind: 'theirs', text: 'E\n', base: 'e\n' },
    ]);
  });

  it('merges documents of 100,000 distinct lines', () => {
    const base = Array.from({ length: 100_000 }, (_, i) => `line ${i}\n`);
    const mine = base.slice();
    const theirs = base.slice();
    mine[10] = 'mine 10\n';
    mine[70_000] = 'mine 70000\n';
    theirs[50_000] = 'theirs 50000\n';
    theirs.splice(99_990, 1);
    const result = merge({ base: base.join(''), mine: mine.join(''), theirs: theirs.join('') });
    const expected = mine.slice();
    expected[50_000] = 'theirs 50000\n';
    expected.splice(99_990, 1);
    expect(result).toMatchObject({ clean: true, text: expected.join('') });
  });
});
