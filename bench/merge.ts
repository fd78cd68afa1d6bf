// Benchmark of the merge engine against `git merge-file` and node-diff3 on generated prose
// documents, then the worst cases of bench/merge-adversarial.ts. Run with `npm run bench:merge`
// (add `-- --runs N` for more repeats, `-- --adversarial` for the worst cases alone). The machine
// may be shared: every figure is the median of several runs, and the load average is printed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { merge as diff3Merge } from 'node-diff3';
import { merge, renderMerge } from '../src/merge/index.ts';
import { benchmarkAdversarial } from './merge-adversarial.ts';

const concordBin = fileURLToPath(new URL('../bin/concord.js', import.meta.url));
const thisFile = fileURLToPath(import.meta.url);
const sideNames = ['mine', 'base', 'theirs'] as const;

/**
 * A prose document of `lines` lines (three paragraphs of about 110 characters, then a blank
 * line) and two sides that each change one word in `edits` lines picked at random.
 */
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
      : `${Array.from({ length: 21 }, () => words[random(words.length)]).join(' ')} ${i}.\n`,
  );
  const side = (name: string): string => {
    const out = base.slice();
    for (let e = 0; e < edits; e++) {
      const at = random(out.length);
      const lineWords = out[at]!.split(' ');
      lineWords[random(lineWords.length)] = `${name}${e}`;
      out[at] = lineWords.join(' ');
    }
    return out.join('');
  };
  return { base: base.join(''), mine: side('mine'), theirs: side('theirs') };
}

/** Median wall time of `runs` calls, in milliseconds. */
function timeMedian(runs: number, run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1]!;
}

/** Runs a command and fails loudly if it does not exit as expected (a broken run is no figure). */
function runProcess(command: string, args: string[], expectedStatus: number): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== expectedStatus) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}, not ${expectedStatus}`);
  }
}

/** How long node-diff3 may take before it is stopped, in milliseconds. */
const DIFF3_LIMIT_MS = Number(process.env.BENCH_DIFF3_LIMIT_MS ?? 120_000);

/** Child mode: node-diff3's merge of the three files; prints its time in milliseconds. */
function runNodeDiff3(files: string[]): void {
  const [mine, base, theirs] = files.map((file) => readFileSync(file, 'utf8').split(/(?<=\n)/));
  const start = performance.now();
  diff3Merge(mine!, base!, theirs!);
  console.log(performance.now() - start);
}

/** node-diff3's time in a child process (one run: it is slow), or the limit if it was stopped. */
function timeNodeDiff3(files: string[]): { ms: number; finished: boolean } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', thisFile, '--diff3', ...files], {
    encoding: 'utf8',
    timeout: DIFF3_LIMIT_MS,
  });
  if (child.status === 0) return { ms: Number(child.stdout), finished: true };
  return { ms: DIFF3_LIMIT_MS, finished: false };
}

/**
 * Child mode: merges and renders the three files as `concord merge-file -p` does, then prints
 * the process's resident memory before reading them and at its peak, in bytes.
 */
function measureMemory(files: string[]): void {
  const before = process.memoryUsage().rss;
  const [mine, base, theirs] = files.map((file) => readFileSync(file, 'latin1'));
  const text = renderMerge(merge({ base: base!, mine: mine!, theirs: theirs! }));
  writeFileSync('/dev/null', text, 'latin1');
  // maxRSS is in kilobytes.
  console.log(JSON.stringify({ before, peak: process.resourceUsage().maxRSS * 1024 }));
}

const MB = 1e6;
const format = (ms: number): string => (ms < 100 ? ms.toFixed(1) : ms.toFixed(0));

function benchmark(runs: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'concord-bench-'));
  const rows: string[][] = [];
  try {
    for (const [lines, edits, withDiff3] of [
      [20_000, 100, true],
      [200_000, 1_000, false],
    ] as const) {
      const input = generate(lines, edits);
      const files = sideNames.map((name) => {
        const path = join(dir, `${lines}.${name}`);
        writeFileSync(path, input[name]);
        return path;
      });
      const inputBytes = sideNames.reduce((sum, name) => sum + Buffer.byteLength(input[name]), 0);
      const conflicts = merge(input).conflicts;

      // One run first so the figure is of compiled code, as in a server that has merged before.
      renderMerge(merge(input));
      const inProcess = timeMedian(runs, () => renderMerge(merge(input)));
      const git = timeMedian(runs, () =>
        runProcess('git', ['merge-file', '-p', ...files], conflicts),
      );
      const cli = timeMedian(runs, () =>
        runProcess('node', [concordBin, 'merge-file', '-p', ...files], conflicts),
      );
      // node-diff3 runs in a child process with a time limit: on these documents (one blank
      // line in four) its longest-common-subsequence search takes minutes.
      const diff3 = withDiff3 ? timeNodeDiff3(files) : undefined;
      const memory = spawnSync(
        process.execPath,
        ['--import', 'tsx', thisFile, '--memory', ...files],
        {
          encoding: 'utf8',
        },
      );
      const { before, peak } = JSON.parse(memory.stdout) as { before: number; peak: number };

      rows.push([
        `${(lines / 1000).toFixed(0)}k lines, ${(Buffer.byteLength(input.base) / MB).toFixed(1)} MB, ${edits} edits/side (${conflicts} conflicts)`,
        format(inProcess),
        format(cli),
        format(git),
        (inProcess / git).toFixed(2),
        (cli / git).toFixed(2),
        diff3 === undefined
          ? 'not run'
          : diff3.finished
            ? `${format(diff3.ms)} (${(diff3.ms / inProcess).toFixed(0)}× Concord)`
            : `> ${format(diff3.ms)}, stopped (> ${(diff3.ms / inProcess).toFixed(0)}× Concord)`,
        `${((peak - before) / MB).toFixed(0)} MB (${((peak - before) / inputBytes).toFixed(1)}× input; peak RSS ${(peak / MB).toFixed(0)} MB)`,
      ]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const header = [
    'document (per file)',
    'Concord in-process ms',
    '`concord merge-file` ms',
    '`git merge-file` ms',
    'in-process / git',
    'concord cmd / git',
    'node-diff3 ms',
    'merge memory (peak RSS − RSS before reading; input = 3 files)',
  ];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => ' --- ').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  const git = spawnSync('git', ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(
    `\nMedians of ${runs} runs (node-diff3: one run, stopped after ${DIFF3_LIMIT_MS / 1000} s). Node ${process.version}, ${git}, ` +
      `${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}. Whole-process times include starting the process (Node for concord).`,
  );
}

const memoryAt = process.argv.indexOf('--memory');
const diff3At = process.argv.indexOf('--diff3');
if (memoryAt >= 0) {
  measureMemory(process.argv.slice(memoryAt + 1));
} else if (diff3At >= 0) {
  runNodeDiff3(process.argv.slice(diff3At + 1));
} else {
  // `--adversarial` alone runs only the worst cases' table; `--no-adversarial` leaves it out.
  const runsAt = process.argv.indexOf('--runs');
  if (!process.argv.includes('--adversarial')) {
    benchmark(runsAt >= 0 ? Number(process.argv[runsAt + 1]) : 5);
  }
  if (!process.argv.includes('--no-adversarial')) {
    console.log('\nWorst cases (bench/merge-adversarial.ts):\n');
    benchmarkAdversarial();
  }
}
