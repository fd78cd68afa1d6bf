// CPU of first and warm merges, before and after a change (decision 15, "First runs, fourth
// pass"): `npx tsx bench/merge-cpu.ts <checkout-before> <checkout-after> [rounds] [merges]`.
// Bundles src/merge of both checkouts with esbuild and, alternating, starts a fresh `node` per
// round and side that merges each case `merges` times and reports the CPU of each merge
// (process.cpuUsage: V8's compiler and GC threads count too). Prints medians of the first
// merges and of merges 6 and later, with git's CPU (/usr/bin/time, 10 ms steps) in the same rounds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { oneLongLine, randomSymbols } from './merge-adversarial.ts';

const [before, after, roundsArg, mergesArg] = process.argv.slice(2);
if (!before || !after)
  throw new Error('usage: merge-cpu.ts <checkout-before> <checkout-after> [rounds] [merges]');
const rounds = Number(roundsArg ?? 10);
const merges = Number(mergesArg ?? 12);

const CASES = [
  { name: '40k random 3-symbol lines', granularity: 'line', make: () => randomSymbols(40_000) },
  { name: '40k random 3-symbol lines', granularity: 'word', make: () => randomSymbols(40_000) },
  { name: '100k random 3-symbol lines', granularity: 'line', make: () => randomSymbols(100_000) },
  { name: 'one 10 MB line of words', granularity: 'word', make: () => oneLongLine(10_000_000) },
];

/** Merges the files in argv[2] (granularity argv[3]) argv[4] times; prints CPU ms per merge. */
const CHILD = `
import { readFileSync } from 'node:fs';
const [bundle, dir, granularity, count] = process.argv.slice(1);
const { merge, renderMerge } = await import(bundle);
const enc = granularity === 'line' ? 'latin1' : 'utf8';
const [base, mine, theirs] = ['base', 'mine', 'theirs'].map((n) => readFileSync(dir + '/' + n, enc));
const cpu = [];
for (let i = 0; i < Number(count); i++) {
  const start = process.cpuUsage();
  renderMerge(merge({ base, mine, theirs }, { granularity }), {});
  const used = process.cpuUsage(start);
  cpu.push((used.user + used.system) / 1000);
}
console.log(JSON.stringify(cpu));
`;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const work = mkdtempSync(join(tmpdir(), 'concord-merge-cpu-'));
try {
  const bundles = [before, after].map((checkout, i) => {
    const outfile = join(work, `merge-${i}.mjs`);
    buildSync({
      entryPoints: [resolve(checkout, 'src/merge/index.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile,
      logLevel: 'warning',
    });
    return outfile;
  });
  console.log('| case | mode | first merge, before / after ms | warm | git ms |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [k, c] of CASES.entries()) {
    const dir = join(work, String(k));
    spawnSync('mkdir', [dir]);
    const sides = c.make();
    for (const name of ['base', 'mine', 'theirs'] as const)
      writeFileSync(join(dir, name), sides[name]);
    const runs: number[][][] = [[], []];
    const git: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const side of [0, 1]) {
        const child = spawnSync(
          process.execPath,
          ['--input-type=module', '-e', CHILD, bundles[side]!, dir, c.granularity, String(merges)],
          { encoding: 'utf8' },
        );
        runs[side]!.push(JSON.parse(child.stdout) as number[]);
      }
      const timed = spawnSync(
        '/usr/bin/time',
        ['-f', '%U %S', 'git', 'merge-file', '-p', 'mine', 'base', 'theirs'],
        { cwd: dir, encoding: 'utf8', maxBuffer: 256e6 },
      );
      const [user, system] = timed.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
      git.push((user! + system!) * 1000);
    }
    const first = runs.map((side) => median(side.map((cpu) => cpu[0]!)).toFixed(0));
    const warm = runs.map((side) =>
      median(side.flatMap((cpu) => cpu.slice(Math.min(5, cpu.length - 1)))).toFixed(0),
    );
    console.log(
      `| ${c.name} | ${c.granularity} | ${first.join(' / ')} | ${warm.join(' / ')} | ${median(git).toFixed(0)} |`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
