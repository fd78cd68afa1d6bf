import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyBodyDeltas,
  createBodyDelta,
  measureBodyChange,
  measureReverseDelta,
} from './body-delta.ts';
import { keepSuperseded, keepWhole, rebuildBody, snapshotInterval } from './kept-body.ts';
import { history, text } from '../testing/arbitrary-bodies.ts';

describe('createBodyDelta and applyBodyDeltas', () => {
  it('rebuild every text exactly, code unit for code unit', () => {
    fc.assert(
      fc.property(text, text, (from, to) => {
        expect(applyBodyDeltas(from, [createBodyDelta(from, to)])).toBe(to);
      }),
    );
  });

  it('rebuild a chain of small edits, applied newest to oldest', () => {
    fc.assert(
      fc.property(history, (bodies) => {
        const deltas = bodies.slice(1).map((body, i) => createBodyDelta(body, bodies[i]!));
        expect(applyBodyDeltas(bodies.at(-1)!, deltas.reverse())).toBe(bodies[0]);
      }),
      { numRuns: 40 },
    );
  }, 30_000);

  it('splits a surrogate pair without losing it', () => {
    // 😀 and 😁 share their first code unit, so the diff cuts between the two halves.
    expect(applyBodyDeltas('a 😀 b', [createBodyDelta('a 😀 b', 'a 😁 b')])).toBe('a 😁 b');
  });

  it('refuses a delta applied to another text instead of giving a wrong one', () => {
    const delta = createBodyDelta('one two three', 'one 2 three');
    expect(() => applyBodyDeltas('one two three!', [delta])).toThrow(/length/);
  });

  it('keeps a one-word edit of 1 MB in well under a hundred bytes', () => {
    const body = 'lorem ipsum dolor sit amet '.repeat(40_000);
    const next = `${body.slice(0, 500_000)}LOREM${body.slice(500_005)}`;
    expect(createBodyDelta(next, body).length).toBeLessThan(100);
  });
});

describe('keepSuperseded and rebuildBody', () => {
  it('read every version of a history back byte for byte', () => {
    fc.assert(
      fc.property(history, fc.nat({ max: snapshotInterval - 1 }), (bodies, shift) => {
        // Version numbers from `shift + 1`, so that some histories cross a snapshot.
        const kept = bodies.map((body, i) =>
          i === bodies.length - 1
            ? keepWhole(body)
            : keepSuperseded(shift + i + 1, body, bodies[i + 1]!),
        );
        bodies.forEach((body, i) => {
          const end = kept.findIndex((k, j) => j >= i && k.form !== 'delta');
          expect(rebuildBody(kept.slice(i, end + 1))).toBe(body);
        });
      }),
      { numRuns: 40 },
    );
  }, 30_000);

  it('keeps a snapshot on the interval and after a rewrite, a delta otherwise', () => {
    // Texts that share next to nothing: words from a seeded linear congruential generator.
    const words = (seed: number) =>
      Array.from({ length: 500 }, () => {
        seed = (seed * 48271) % 2147483647;
        return seed.toString(36);
      }).join(' ');
    const body = words(1);
    expect(keepSuperseded(snapshotInterval, body, `${body}!`).form).toBe('snapshot');
    expect(keepSuperseded(snapshotInterval + 1, body, `${body}!`).form).toBe('delta');
    expect(keepSuperseded(3, body, words(5)).form).toBe('snapshot');
  });
});

describe('measureReverseDelta and measureBodyChange', () => {
  it('count a replaced word as added and removed', () => {
    expect(measureReverseDelta(createBodyDelta('a big hat', 'a cat'))).toEqual({
      added: 5,
      removed: 1,
    });
    expect(measureBodyChange('a cat', 'a big hat')).toEqual({ added: 5, removed: 1 });
  });

  it('count nothing for an unchanged body, everything for a first one', () => {
    expect(measureReverseDelta(createBodyDelta('same', 'same'))).toEqual({ added: 0, removed: 0 });
    expect(measureBodyChange('', 'new text')).toEqual({ added: 8, removed: 0 });
  });

  it('balance to the change in length, within what each text holds', () => {
    fc.assert(
      fc.property(text, text, (older, newer) => {
        for (const change of [
          measureReverseDelta(createBodyDelta(newer, older)),
          measureBodyChange(older, newer),
        ]) {
          expect(change.added - change.removed).toBe(newer.length - older.length);
          expect(change.added).toBeLessThanOrEqual(newer.length);
          expect(change.removed).toBeLessThanOrEqual(older.length);
        }
      }),
    );
  });
});
