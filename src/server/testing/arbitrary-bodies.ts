import fc from 'fast-check';

// Text with what breaks naive diffs: astral characters (surrogate pairs a diff may split),
// combining marks, NUL, CRLF, and long repeats.
const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('😀', '😁', '👩‍👩‍👧', 'e\u0301', '\0', '\r\n', '\n', 'word ', 'ß'),
  fc.string({ unit: fc.constantFrom('a', 'b', '\n'), maxLength: 40 }),
);

/** A document body: short (empty too), with the characters above. */
export const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

/** A splice: where (modulo the length), how many code units go, what comes in. */
type Splice = [at: number, drop: number, insert: string];

const smallSplice = fc.tuple(fc.nat(), fc.nat({ max: 20 }), text);
// A big paste or a big cut: thousands of code units at once.
const hugeSplice = fc.tuple(
  fc.nat(),
  fc.nat({ max: 50_000 }),
  fc.tuple(text, fc.integer({ min: 100, max: 2_000 })).map(([t, n]) => `${t}§`.repeat(n)),
);

/** What a save does to the previous body: small splices, a huge one, or a new text. */
const step = fc.oneof(
  { weight: 6, arbitrary: fc.array(smallSplice, { minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: hugeSplice.map((splice) => [splice]) },
  { weight: 1, arbitrary: text },
  { weight: 1, arbitrary: fc.constant('') },
);

/**
 * Bodies of successive versions of one document: a first text, then each save an edit of
 * the one before (mostly small), sometimes a huge paste or cut, a rewrite, or an empty body.
 */
export const history = fc
  .tuple(text, fc.array(step, { minLength: 1, maxLength: 12 }))
  .map(([first, steps]) => {
    const bodies = [first];
    for (const s of steps) {
      const previous = bodies.at(-1)!;
      bodies.push(typeof s === 'string' ? s : s.reduce(applySplice, previous));
    }
    return bodies;
  });

function applySplice(body: string, [at, drop, insert]: Splice): string {
  const i = body.length === 0 ? 0 : at % (body.length + 1);
  // A store only ever holds well-formed text (the API refuses lone surrogates).
  return toWellFormed(body.slice(0, i) + insert + body.slice(i + drop));
}

/** `text` with every lone surrogate replaced by U+FFFD, as `String#toWellFormed` (ES2024). */
function toWellFormed(text: string): string {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}
