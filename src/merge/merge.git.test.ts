// This test runs git to compare with it; the engine it tests stays pure.
// eslint-disable-next-line no-restricted-imports
import { spawnSync } from 'node:child_process';
// eslint-disable-next-line no-restricted-imports
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports
import { tmpdir } from 'node:os';
// eslint-disable-next-line no-restricted-imports
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { merge } from './merge.ts';
import { renderMerge } from './render-merge.ts';
import { generateCase } from './test-support.ts';

const hasGit = spawnSync('git', ['--version']).status === 0;

// Each case runs git once, so these take seconds, more on a busy machine: hence long timeouts.
describe.runIf(hasGit)('line merge agrees with git merge-file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-merge-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /**
   * Seeds where git and merge differ in verdict, conflict count or clean text. git runs once per
   * case from one shell loop: a Node spawn per case would make this test slow.
   */
  function findDisagreements(cases: number, repeats: boolean): number[] {
    const inputs = Array.from({ length: cases }, (_, i) => generateCase(i + 1, repeats));
    for (const [i, input] of inputs.entries()) {
      for (const name of ['mine', 'base', 'theirs'] as const) {
        writeFileSync(join(dir, `${i}.${name}`), input[name]);
      }
    }
    const loop = `i=0; while [ $i -lt ${cases} ]; do
      git merge-file -p $i.mine $i.base $i.theirs > $i.out; echo $? > $i.status; i=$((i+1)); done`;
    expect(spawnSync('sh', ['-c', loop], { cwd: dir }).status).toBe(0);
    const disagreements: number[] = [];
    for (const [i, input] of inputs.entries()) {
      const status = Number(readFileSync(join(dir, `${i}.status`), 'utf8'));
      const result = merge(input);
      const agrees =
        status === result.conflicts &&
        (!result.clean || readFileSync(join(dir, `${i}.out`), 'utf8') === result.text);
      if (!agrees) disagreements.push(i + 1);
    }
    return disagreements;
  }

  it('gives the same verdict, clean text and conflict count on 300 generated documents', () => {
    expect(findDisagreements(300, false)).toEqual([]);
  }, 60_000);

  it('agrees on all of 300 documents made of a few repeated lines, ties included', () => {
    // Many equally short diffs here (which of two "}" lines was deleted): the diff is xdiff's,
    // so each tie is settled as git settles it. diff-match-patch's diff disagreed on seed 125.
    expect(findDisagreements(300, true)).toEqual([]);
  }, 60_000);

  it('writes git’s bytes where its diff gives up on the shortest path (random 3-symbol lines)', () => {
    // 6,000 lines of a, b or c, a fifth of them edited on each side: the shortest diff would
    // cost time quadratic in the length, so xdiff's cut-offs decide the alignment, and the diff
    // must take them exactly as xdiff does for the conflicts to start on the same lines.
    let state = 1;
    const random = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
      return Math.floor((state / 0x80000000) * n);
    };
    const symbol = (): string => 'abc'[random(3)]! + '\n';
    const base = Array.from({ length: 6000 }, symbol);
    const side = (): string =>
      base
        .map((line) => {
          const p = random(100);
          return p < 5 ? '' : p < 10 ? line + symbol() : p < 20 ? symbol() : line;
        })
        .join('');
    const input = { base: base.join(''), mine: side(), theirs: side() };
    for (const name of ['mine', 'base', 'theirs'] as const) {
      writeFileSync(join(dir, `random.${name}`), input[name]);
    }
    const git = spawnSync(
      'git',
      ['merge-file', '-p', 'random.mine', 'random.base', 'random.theirs'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    const labels = { mine: 'random.mine', base: 'random.base', theirs: 'random.theirs' };
    const result = merge(input);
    // git's exit code counts the conflicts, up to 127.
    expect(Math.min(result.conflicts, 127)).toBe(git.status);
    expect(renderMerge(result, { labels })).toBe(git.stdout);
  }, 60_000);
});
