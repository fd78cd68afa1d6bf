/** Lines of several texts as small integers: equal lines get equal ids, in every text. */
export interface InternedLines {
  /** One array per text, one id per line. */
  ids: Int32Array[];
  /** Ids run from 0 to `count - 1`. */
  count: number;
}

/**
 * Gives every distinct line one id shared by all the texts, so later steps compare numbers
 * instead of strings and can size lookup tables by `count`.
 *
 * @example
 * internLines([['a\n', 'b\n'], ['b\n']]); // { ids: [[0, 1], [1]], count: 2 }
 */
export function internLines(texts: readonly (readonly string[])[]): InternedLines {
  const idOf = new Map<string, number>();
  const ids = texts.map((lines) => {
    const out = new Int32Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      let id = idOf.get(line);
      if (id === undefined) {
        id = idOf.size;
        idOf.set(line, id);
      }
      out[i] = id;
    }
    return out;
  });
  return { ids, count: idOf.size };
}
