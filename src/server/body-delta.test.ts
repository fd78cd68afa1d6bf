import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyBodyDeltas, createBodyDelta } from './body-delta.ts';
import { keepSuperseded, keepWhole, rebuildBody, snapshotInterval } from './kept-body.ts';

// Text with what breaks naive diffs: astral characters (surrogate pairs a diff may split),
// combining marks, NUL, CRLF, and long repeats.
const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('😀', '😁', '👩‍👩‍👧', 'e\u0301', '\0', '\r\n', '\n', 'word ', 'ß'),
  fc.string({ unit: fc.constantFrom('a', 'b', '\n'), maxLength: 40 }),
);
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

/** `base` after a few splices: small edits, the kind a save usually makes. */
const edited = (base: string) =>
  fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 }), text), { maxLength: 4 }).map((splices) =>
    splices.reduce((s, [at, drop, insert]) => {
      const i = s.length === 0 ? 0 : at % (s.length + 1);
      // A store only ever holds well-formed text (the API refuses lone surrogates).
      return toWellFormed(s.slice(0, i) + insert + s.slice(i + drop));
    }, base),
  );
/** `text` with every lone surrogate replaced by U+FFFD, as `String#toWellFormed` (ES2024). */
function toWellFormed(text: string): string {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

const history = text.chain((first) =>
  fc
    .array(fc.oneof(text, edited(first)), { minLength: 1, maxLength: 8 })
    .map((rest) => [first, ...rest]),
);

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
    );
  });

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
    );
  });

  it('keeps a snapshot on the interval and after a rewrite, a delta otherwise', () => {
    const words = (seed: number) =>
      Array.from({ length: 500 }, (_, i) => ((i * 7919 + seed) % 10007).toString(36)).join(' ');
    const body = words(1);
    expect(keepSuperseded(snapshotInterval, body, `${body}!`).form).toBe('snapshot');
    expect(keepSuperseded(snapshotInterval + 1, body, `${body}!`).form).toBe('delta');
    expect(keepSuperseded(3, body, words(5)).form).toBe('snapshot');
  });
});
