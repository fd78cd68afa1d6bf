// Benchmark of the merge engine against `git merge-file` on generated prose documents.
// Run with `npx tsx bench/merge.ts`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { merge } from '../src/merge/index.ts';

/** A prose document of `lines` lines and two sides with `edits` scattered line edits each. */
function generate(lines: number, edits: number): { base: string; mine: string; theirs: string } {
  let state = 7;
  const random = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return Math.floor((state / 0x80000000) * n);
  };
  const words = 'the a merge of text people write in one long paragraph and edit it together'.split(
    ' ',
  );
  const base = Array.from({ length: lines }, (_, i) =>
    i % 4 === 3
      ? '\n'
      : `${Array.from({ length: 14 }, () => words[random(words.length)]).join(' ')} ${i}.\n`,
  );
  const side = (name: string): string => {
    const out = base.slice();
    for (let e = 0; e < edits; e++) out[random(out.length)] = `${name} edit ${e} ${random(1e6)}.\n`;
    return out.join('');
  };
  return { base: base.join(''), mine: side('mine'), theirs: side('theirs') };
}

function timeBest(runs: number, run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const dir = mkdtempSync(join(tmpdir(), 'concord-bench-'));
const rows = [];
for (const [lines, edits] of [
  [20_000, 100],
  [200_000, 1_000],
] as const) {
  const input = generate(lines, edits);
  const mb = (input.base.length / 1e6).toFixed(1);
  const concord = timeBest(5, () => merge(input));
  const files = (['mine', 'base', 'theirs'] as const).map((name) => {
    const path = join(dir, name);
    writeFileSync(path, input[name]);
    return path;
  });
  const git = timeBest(5, () => spawnSync('git', ['merge-file', '-p', ...files]));
  const heapBefore = process.memoryUsage().heapUsed;
  const result = merge(input);
  const heapAfter = process.memoryUsage().heapUsed;
  rows.push({
    document: `${lines} lines, ${mb} MB, ${edits} edits/side`,
    'concord in-process ms': concord.toFixed(1),
    'git merge-file process ms': git.toFixed(1),
    'concord / git': (concord / git).toFixed(2),
    conflicts: result.conflicts,
    'heap growth MB (rough)': ((heapAfter - heapBefore) / 1e6).toFixed(0),
  });
}
rmSync(dir, { recursive: true, force: true });
console.table(rows);
console.log(`peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
