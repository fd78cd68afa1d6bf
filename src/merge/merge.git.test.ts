// This test runs git to compare with it; the engine it tests stays pure.
// eslint-disable-next-line no-restricted-imports
import { spawnSync } from 'node:child_process';
// eslint-disable-next-line no-restricted-imports
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports
import { tmpdir } from 'node:os';
// eslint-disable-next-line no-restricted-imports
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { merge } from './merge.ts';
import { applyEdits, type LineEdit } from './test-support.ts';

const hasGit = spawnSync('git', ['--version']).status === 0;

/** A seeded generator, so a failure names a case that can be replayed. */
function makeRandom(seed: number): (n: number) => number {
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
function generateCase(
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

describe.runIf(hasGit)('line merge agrees with git merge-file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-merge-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Seeds where git and merge differ in verdict, conflict count or clean text. */
  function findDisagreements(cases: number, repeats: boolean): number[] {
    const disagreements: number[] = [];
    for (let seed = 1; seed <= cases; seed++) {
      const input = generateCase(seed, repeats);
      const files = (['mine', 'base', 'theirs'] as const).map((name) => {
        const path = join(dir, name);
        writeFileSync(path, input[name]);
        return path;
      });
      const git = spawnSync('git', ['merge-file', '-p', ...files], { encoding: 'utf8' });
      const result = merge(input);
      const agrees =
        git.status === result.conflicts && (!result.clean || git.stdout === result.text);
      if (!agrees) disagreements.push(seed);
    }
    return disagreements;
  }

  it('gives the same verdict, clean text and conflict count on 300 generated documents', () => {
    expect(findDisagreements(300, false)).toEqual([]);
  });

  it('agrees on nearly all of 300 documents made of a few repeated lines', () => {
    // Where two different diffs are equally short, diff-match-patch and xdiff may pick
    // differently (e.g. which of two "}" lines survives); both merges are then correct, but
    // can differ. Known so far: seed 125.
    const disagreements = findDisagreements(300, true);
    expect(disagreements.length).toBeLessThanOrEqual(6);
  });
});
