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
});
