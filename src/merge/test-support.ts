import type { MergeInput, MergeRegion } from './types.ts';

/**
 * What the regions take from each input, region by region. For any merge this must give back
 * the three inputs exactly: no text lost, none made up. Test support, not part of the engine.
 */
export function sidesOf(regions: MergeRegion[]): MergeInput {
  let base = '';
  let mine = '';
  let theirs = '';
  for (const r of regions) {
    switch (r.kind) {
      case 'unchanged':
        base += r.text;
        mine += r.text;
        theirs += r.text;
        break;
      case 'mine':
        base += r.base;
        mine += r.text;
        theirs += r.base;
        break;
      case 'theirs':
        base += r.base;
        mine += r.base;
        theirs += r.text;
        break;
      case 'both':
        base += r.base;
        mine += r.text;
        theirs += r.text;
        break;
      case 'merged':
      case 'conflict':
        base += r.base;
        mine += r.mine;
        theirs += r.theirs;
        break;
    }
  }
  return { base, mine, theirs };
}

/** An edit of a list of lines: at `at` (wrapped to the length), delete `remove`, insert `insert`. */
export interface LineEdit {
  at: number;
  remove: number;
  insert: string[];
}

/** Applies edits one after the other. */
export function applyEdits(lines: readonly string[], edits: readonly LineEdit[]): string[] {
  const out = lines.slice();
  for (const edit of edits) {
    out.splice(edit.at % (out.length + 1), edit.remove, ...edit.insert);
  }
  return out;
}

/** A seeded generator, so a failure names a case that can be replayed. */
export function makeRandom(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return Math.floor((state / 0x80000000) * n);
  };
}

// Short lines with many repeats (blank lines, list items) make diffs ambiguous.
const vocabulary = ['\n', '\n', '# Heading\n', '- item\n', 'The end.\n', '}\n', 'Some text.\n'];

/**
 * A base and two sides edited from it. `repeats` draws half the lines from a tiny vocabulary,
 * otherwise lines are prose paragraphs separated by blank lines, as Concord's documents are.
 */
export function generateCase(
  seed: number,
  repeats: boolean,
): { base: string; mine: string; theirs: string } {
  const random = makeRandom(seed);
  let paragraph = 0;
  const line = (): string => {
    if (repeats)
      return random(2) ? vocabulary[random(vocabulary.length)]! : `Line ${random(50)}.\n`;
    return random(3) ? `Paragraph ${paragraph++} of seed ${seed}, word ${random(9)}.\n` : '\n';
  };
  const base = Array.from({ length: random(repeats ? 16 : 40) }, line);
  const edits = (): LineEdit[] =>
    Array.from({ length: 1 + random(4) }, () => ({
      at: random(100),
      remove: random(3),
      insert: Array.from({ length: random(3) }, line),
    }));
  const texts = [base, applyEdits(base, edits()), applyEdits(base, edits())].map((l) => l.join(''));
  const chop = random(10);
  if (chop < 3) texts[chop] = texts[chop]!.replace(/\n$/, '');
  if (random(8) === 0) texts.forEach((t, i) => (texts[i] = t.replaceAll('\n', '\r\n')));
  return { base: texts[0]!, mine: texts[1]!, theirs: texts[2]! };
}
