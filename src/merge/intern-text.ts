/** The lines of several texts as ids, read straight from the texts. */
export interface TextLines {
  /** One array per text, one id per line: equal lines get equal ids, in every text. */
  ids: Int32Array[];
  /** One array per text: where each line starts, then the text's length (lines + 1 entries). */
  starts: Int32Array[];
  /** Ids run from 0 to `count - 1`. */
  count: number;
}

/** In `placeInFirst`: the line is not in the first text, or more than once. */
const NOWHERE = -1;
const MANY_PLACES = -2;

/**
 * `internLines` for whole texts, without splitting them into arrays of line strings: only one
 * string per distinct line is kept (the key it is looked up by), and a line of another text that
 * matches the first text where the last match points is compared in place (`startsWith` at its
 * offset), without a string of its own. A merge of 40,000 lines made 120,000 line strings and
 * three arrays of them, which lived through the whole merge: most of what the garbage collector
 * copied. Lines keep their terminators and only `\n` ends one, as in `splitLines`.
 *
 * @example
 * internText(['a\nb\n', 'b\n']); // { ids: [[0, 1], [1]], starts: [[0, 2, 4], [0, 2]], count: 2 }
 */
export function internText(texts: readonly string[]): TextLines {
  const idOf = new Map<string, number>();
  // By id: the line's text, and its index in the first text, NOWHERE or MANY_PLACES.
  const lineOf: string[] = [];
  const placeInFirst: number[] = [];
  const ids: Int32Array[] = [];
  const starts: Int32Array[] = [];
  for (const [t, text] of texts.entries()) {
    // Grown as lines come: counting them first scanned every text twice (2 ms more for a
    // line of 10 MB).
    const lines: Growing = {
      ids: new Int32Array(INITIAL_LINES),
      starts: new Int32Array(INITIAL_LINES + 1),
    };
    const length =
      t === 0
        ? internFirst(text, lines, idOf, lineOf, placeInFirst)
        : internOther(text, lines, ids[0]!, idOf, lineOf, placeInFirst);
    lines.starts[length] = text.length;
    ids.push(lines.ids.subarray(0, length));
    starts.push(lines.starts.subarray(0, length + 1));
  }
  return { ids, starts, count: idOf.size };
}

/**
 * One text's arrays while they fill: `starts` has one entry more than `ids`. They start small, so
 * that V8 has seen them grow before it compiles the loop (see mark-changes-like-git.ts).
 */
interface Growing {
  ids: Int32Array;
  starts: Int32Array;
}
const INITIAL_LINES = 16;

/** Makes room for line `i` (and the end after it). */
function makeRoom(lines: Growing, i: number): void {
  if (i < lines.ids.length) return;
  const ids = new Int32Array(2 * lines.ids.length);
  ids.set(lines.ids);
  const starts = new Int32Array(2 * lines.ids.length + 1);
  starts.set(lines.starts);
  lines.ids = ids;
  lines.starts = starts;
}

// Each loop is a function of its own, with nothing after it (see mark-changes-like-git.ts).

/** Where the line starting at `start` ends (after its `\n`, or at the end of the text). */
function lineEnd(text: string, start: number): number {
  const at = text.indexOf('\n', start);
  return at < 0 ? text.length : at + 1;
}

/** Interns the lines of the first text; returns how many there are. */
function internFirst(
  text: string,
  lines: Growing,
  idOf: Map<string, number>,
  lineOf: string[],
  placeInFirst: number[],
): number {
  let i = 0;
  for (let start = 0; start < text.length; i++) {
    makeRoom(lines, i);
    const end = lineEnd(text, start);
    const line = text.slice(start, end);
    let id = idOf.get(line);
    if (id === undefined) {
      id = idOf.size;
      idOf.set(line, id);
      lineOf.push(line);
      placeInFirst.push(i);
    } else {
      placeInFirst[id] = MANY_PLACES;
    }
    lines.ids[i] = id;
    lines.starts[i] = start;
    start = end;
  }
  return i;
}

/** Interns the lines of a later text; returns how many there are. */
function internOther(
  text: string,
  lines: Growing,
  firstIds: Int32Array,
  idOf: Map<string, number>,
  lineOf: string[],
  placeInFirst: number[],
): number {
  // Line i is expected to match line i + shift of the first text.
  let shift = 0;
  let i = 0;
  for (let start = 0; start < text.length; i++) {
    makeRoom(lines, i);
    const end = lineEnd(text, start);
    lines.starts[i] = start;
    const j = i + shift;
    const expected = j < firstIds.length ? (firstIds[j] as number) : NOWHERE;
    if (expected >= 0 && isLineAt(text, start, end, lineOf[expected] as string)) {
      lines.ids[i] = expected;
      start = end;
      continue;
    }
    const line = text.slice(start, end);
    let id = idOf.get(line);
    if (id === undefined) {
      id = idOf.size;
      idOf.set(line, id);
      lineOf.push(line);
      placeInFirst.push(NOWHERE);
    }
    lines.ids[i] = id;
    // Line up again after a change, on a line the first text has once (a blank line could
    // point anywhere).
    const place = placeInFirst[id] as number;
    if (place >= 0) shift = place - i;
    start = end;
  }
  return i;
}

/** Whether `text` from `start` to `end` is `line`, compared in place. */
function isLineAt(text: string, start: number, end: number, line: string): boolean {
  return line.length === end - start && text.startsWith(line, start);
}
