import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { merge } from './merge.ts';
import { parseMerge } from './parse-merge.ts';
import { renderMerge } from './render-merge.ts';
import { applyEdits, sidesOf } from './test-support.ts';
import type { MergeRegion } from './types.ts';

// A small alphabet makes repeated lines, ambiguous diffs and overlapping edits common.
const line = fc.constantFrom('a\n', 'b\n', 'c\n', 'd\n', '\n', 'e\r\n', 'é 🎉\n', '漢字\n');
const lines = fc.array(line, { maxLength: 12 });
const edits = fc.array(
  fc.record({ at: fc.nat(), remove: fc.nat({ max: 2 }), insert: fc.array(line, { maxLength: 2 }) }),
  { maxLength: 3 },
);
/** A base and two sides edited from it; the last line sometimes lacks its newline. */
const documents = fc
  .record({ base: lines, mine: edits, theirs: edits, chop: fc.constantFrom(0, 1, 2, 3, 4, 5, 6) })
  .map(({ base, mine, theirs, chop }) => {
    const texts = [base, applyEdits(base, mine), applyEdits(base, theirs)].map((l) => l.join(''));
    // chop 1-3 removes the final newline of one text (when it has one), others leave all whole.
    const at = chop - 1;
    if (at >= 0 && at < 3) texts[at] = texts[at]!.replace(/\r?\n$/, '');
    return { base: texts[0]!, mine: texts[1]!, theirs: texts[2]! };
  });

/** Regions as marker text keeps them: changes read as unchanged text, runs of text as one. */
function asMarked(regions: MergeRegion[], withBase: boolean): MergeRegion[] {
  const out: MergeRegion[] = [];
  for (const r of regions) {
    if (r.kind === 'conflict') {
      out.push({ ...r, base: withBase ? r.base : '' });
      continue;
    }
    const last = out.at(-1);
    if (last?.kind === 'unchanged') last.text += r.text;
    else if (r.text) out.push({ kind: 'unchanged', text: r.text });
  }
  return out;
}

const runs = { numRuns: 500 };

describe('merge properties', () => {
  it('takes theirs when mine did not change anything', () => {
    fc.assert(
      fc.property(documents, ({ base, theirs }) => {
        expect(merge({ base, mine: base, theirs })).toMatchObject({ clean: true, text: theirs });
      }),
      runs,
    );
  });

  it('takes mine when theirs did not change anything', () => {
    fc.assert(
      fc.property(documents, ({ base, mine }) => {
        expect(merge({ base, mine, theirs: base })).toMatchObject({ clean: true, text: mine });
      }),
      runs,
    );
  });

  it('is clean when both made the same changes', () => {
    fc.assert(
      fc.property(documents, ({ base, mine }) => {
        expect(merge({ base, mine, theirs: mine })).toMatchObject({ clean: true, text: mine });
      }),
      runs,
    );
  });

  it('accounts for every character of all three inputs', () => {
    fc.assert(
      fc.property(documents, (input) => {
        expect(sidesOf(merge(input).regions)).toEqual(input);
      }),
      runs,
    );
  });

  it('keeps every change of both sides in a clean merge', () => {
    fc.assert(
      fc.property(documents, (input) => {
        const result = merge(input);
        if (!result.clean) return;
        // Region by region, whatever a side changed is what the result says there.
        for (const region of result.regions) {
          const parts = sidesOf([region]);
          const text = region.kind === 'conflict' ? '' : region.text;
          if (parts.mine !== parts.base) expect(text).toBe(parts.mine);
          if (parts.theirs !== parts.base) expect(text).toBe(parts.theirs);
        }
        expect(result.regions.map((r) => (r.kind === 'conflict' ? '' : r.text)).join('')).toBe(
          result.text,
        );
      }),
      runs,
    );
  });

  it('parses rendered markers back into the same regions', () => {
    // Sides ending in a line break: git-style markers add one to a side without (see renderMerge).
    const whole = documents.filter(({ base, mine, theirs }) =>
      [base, mine, theirs].every((t) => t === '' || t.endsWith('\n')),
    );
    fc.assert(
      fc.property(whole, (input) => {
        const result = merge(input);
        expect(parseMerge(renderMerge(result, { style: 'diff3' }))).toEqual(
          asMarked(result.regions, true),
        );
        expect(parseMerge(renderMerge(result))).toEqual(asMarked(result.regions, false));
      }),
      runs,
    );
  });
});
