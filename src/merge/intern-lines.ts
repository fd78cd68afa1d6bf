/** Lines of several texts as small integers: equal lines get equal ids, in every text. */
export interface InternedLines {
  /** One array per text, one id per line. */
  ids: Int32Array[];
  /** Ids run from 0 to `count - 1`. */
  count: number;
}

/** In `placeInFirst`: the line is not in the first text, or more than once. */
const NOWHERE = -1;
const MANY_PLACES = -2;

/**
 * Gives every distinct line one id shared by all the texts, so later steps compare numbers
 * instead of strings and can size lookup tables by `count`.
 *
 * The texts of a merge are mostly the same lines in the same order, so each line after the
 * first text is first compared with the line of the first text where the last match points
 * (one string comparison) and only looked up by hash when that fails: hashing every line of a
 * 200,000-line document three times was the largest cost of a merge.
 *
 * @example
 * internLines([['a\n', 'b\n'], ['b\n']]); // { ids: [[0, 1], [1]], count: 2 }
 */
export function internLines(texts: readonly (readonly string[])[]): InternedLines {
  if (texts.length === 0) return { ids: [], count: 0 };
  const idOf = new Map<string, number>();
  const first = texts[0]!;
  // By id: the line's index in the first text, NOWHERE or MANY_PLACES.
  const placeInFirst: number[] = [];
  const firstIds = internFirst(first, idOf, placeInFirst);
  const ids = [firstIds];
  for (let t = 1; t < texts.length; t++) {
    ids.push(internOther(texts[t]!, first, firstIds, idOf, placeInFirst));
  }
  return { ids, count: idOf.size };
}

// Each text's loop is a function of its own, with nothing after it (see mark-changes-like-git.ts).

function internFirst(
  first: readonly string[],
  idOf: Map<string, number>,
  placeInFirst: number[],
): Int32Array {
  const firstIds = new Int32Array(first.length);
  for (let i = 0; i < first.length; i++) {
    const line = first[i] as string;
    let id = idOf.get(line);
    if (id === undefined) {
      id = idOf.size;
      idOf.set(line, id);
      placeInFirst.push(i);
    } else {
      placeInFirst[id] = MANY_PLACES;
    }
    firstIds[i] = id;
  }
  return firstIds;
}

function internOther(
  lines: readonly string[],
  first: readonly string[],
  firstIds: Int32Array,
  idOf: Map<string, number>,
  placeInFirst: number[],
): Int32Array {
  const out = new Int32Array(lines.length);
  // Line i is expected to match line i + shift of the first text.
  let shift = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const j = i + shift;
    if (j < first.length && line === first[j]) {
      out[i] = firstIds[j] as number;
      continue;
    }
    let id = idOf.get(line);
    if (id === undefined) {
      id = idOf.size;
      idOf.set(line, id);
      placeInFirst.push(NOWHERE);
    }
    out[i] = id;
    // Line up again after a change, on a line the first text has once (a blank line could
    // point anywhere).
    const place = placeInFirst[id] as number;
    if (place >= 0) shift = place - i;
  }
  return out;
}
