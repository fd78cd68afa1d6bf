// Worst cases for the merge engine beside `git merge-file`, printed as a table by
// `npm run bench:merge` (alone: `npx tsx bench/merge-adversarial.ts`). Each case runs in a child
// process of its own, so its peak memory (max RSS) is its own: once with the engine as it is, and
// once with every diff forced to a shortest one (`diffTuning.minimal`), stopped after
// EXACT_LIMIT_MS, to check that the bounded diff gives the same result wherever the exact one
// finishes in time. One run per case: these take seconds, and the machine may be shared.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { limits } from '../src/protocol/document.ts';
import { merge, renderMerge } from '../src/merge/index.ts';
import type { Granularity } from '../src/merge/index.ts';
import { diffTuning } from '../src/merge/mark-changes-like-git.ts';

const thisFile = fileURLToPath(import.meta.url);
/** How long the exact (shortest-diff) merge may run before it is stopped. */
const EXACT_LIMIT_MS = Number(process.env.BENCH_EXACT_LIMIT_MS ?? 15_000);
/** Cases whose first run is quicker than this are run a second time, for the warm figure. */
const WARM_RUN_BELOW_MS = 5_000;
/** The heap a merge may use: a bound the child runs under, so a blow-up fails loudly. */
const HEAP_MB = 2048;

interface Sides {
  base: string;
  mine: string;
  theirs: string;
}

interface AdversarialCase {
  name: string;
  granularity: Granularity;
  make: () => Sides;
}

/** A seeded random number generator: the same inputs on every run. */
function seeded(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return Math.floor((state / 0x80000000) * n);
  };
}

/** Lines of `a`, `b` or `c`; each side deletes, inserts or replaces about one line in five. */
export function randomSymbols(lines: number): Sides {
  const random = seeded(lines);
  const symbol = (): string => 'abc'[random(3)]! + '\n';
  const base = Array.from({ length: lines }, symbol);
  const side = (): string => {
    let out = '';
    for (const line of base) {
      const p = random(100);
      if (p < 5) continue;
      out += p < 10 ? line + symbol() : p < 20 ? symbol() : line;
    }
    return out;
  };
  return { base: base.join(''), mine: side(), theirs: side() };
}

const WORDS = (
  'the a merge of text people write in one long paragraph and edit it together while others ' +
  'read review change move keep drop add section list item heading table link note'
).split(' ');

/** `count` random words with spaces between them. */
function words(random: (n: number) => number, count: number): string[] {
  return Array.from({ length: count }, () => WORDS[random(WORDS.length)]!);
}

/** One line of about `bytes` bytes of words; mine changes a word near its start, theirs near its end. */
export function oneLongLine(bytes: number): Sides {
  const random = seeded(3);
  const base = words(random, Math.round(bytes / 5));
  const mine = base.slice();
  const theirs = base.slice();
  mine[100] = 'MINE';
  theirs[base.length - 100] = 'THEIRS';
  return {
    base: `${base.join(' ')}\n`,
    mine: `${mine.join(' ')}\n`,
    theirs: `${theirs.join(' ')}\n`,
  };
}

/** A block of 100 lines repeated `copies` times; each side edits 300 lines and copies 50 blocks' worth. */
function repeatedBlocks(copies: number): Sides {
  const random = seeded(5);
  const block = Array.from({ length: 100 }, (_, i) => `${words(random, 6).join(' ')} ${i}\n`);
  const base = Array.from({ length: copies }, () => block).flat();
  const side = (name: string): string => {
    const out = base.slice();
    for (let e = 0; e < 300; e++) out[random(out.length)] = `${name} ${e}\n`;
    for (let e = 0; e < 50; e++) out.splice(random(out.length), 0, ...block);
    return out.join('');
  };
  return { base: base.join(''), mine: side('mine'), theirs: side('theirs') };
}

/**
 * A Markdown document of about `bytes` bytes: a heading every ten paragraphs, one paragraph (about
 * 600 characters) per line, blank lines between. Each side changes one word in `edits` paragraphs;
 * about a third of them are paragraphs the other side edits too (word merges, some conflicts).
 */
function prose(bytes: number, edits: number): Sides {
  const random = seeded(11);
  const base: string[] = [];
  let size = 0;
  for (let p = 0; size < bytes; p++) {
    const line = p % 10 === 0 ? `## Section ${p / 10}\n` : `${words(random, 110).join(' ')}.\n`;
    base.push(line, '\n');
    size += line.length + 1;
  }
  // Cut to the size: inputs up to the server's limit, not past it.
  while (size > bytes) size -= base.pop()!.length;
  const shared = Array.from({ length: edits / 3 }, () => random(base.length));
  const side = (name: string): string => {
    const out = base.slice();
    for (let e = 0; e < edits; e++) {
      const at = e < shared.length ? shared[e]! : random(out.length);
      if (out[at]!.length < 100) continue;
      const lineWords = out[at]!.split(' ');
      lineWords[name === 'mine' ? 3 + random(20) : lineWords.length - 4 - random(20)] =
        `${name}${e}`;
      out[at] = lineWords.join(' ');
    }
    return out.join('');
  };
  return { base: base.join(''), mine: side('mine'), theirs: side('theirs') };
}

const bodyLimit = limits.maxBodyBytes;
const CASES: AdversarialCase[] = [
  {
    name: 'random 3-symbol lines, 40k lines',
    granularity: 'line',
    make: () => randomSymbols(40_000),
  },
  {
    name: 'random 3-symbol lines, 40k lines',
    granularity: 'word',
    make: () => randomSymbols(40_000),
  },
  {
    name: 'random 3-symbol lines, 100k lines',
    granularity: 'line',
    make: () => randomSymbols(100_000),
  },
  {
    name: 'random 3-symbol lines, body limit (5 MiB, 2.6M lines)',
    granularity: 'line',
    make: () => randomSymbols(Math.floor(bodyLimit / 2)),
  },
  { name: 'one 10 MB line of words', granularity: 'word', make: () => oneLongLine(10_000_000) },
  { name: 'one 10 MB line of words', granularity: 'line', make: () => oneLongLine(10_000_000) },
  {
    name: '100-line block × 1000 (100k lines)',
    granularity: 'line',
    make: () => repeatedBlocks(1000),
  },
  {
    name: '100-line block × 1000 (100k lines)',
    granularity: 'word',
    make: () => repeatedBlocks(1000),
  },
  {
    name: 'prose at the body limit (5 MiB), 3000 edits/side',
    granularity: 'word',
    make: () => prose(bodyLimit, 3000),
  },
  {
    name: 'prose at the body limit (5 MiB), 3000 edits/side',
    granularity: 'line',
    make: () => prose(bodyLimit, 3000),
  },
];

/** Child mode: merges the files in `dir`, writes the rendered result, prints time and memory. */
function runChild(dir: string, granularity: Granularity, minimal: boolean): void {
  diffTuning.minimal = minimal;
  const [mine, base, theirs] = ['mine', 'base', 'theirs'].map((n) =>
    readFileSync(join(dir, n), granularity === 'line' ? 'latin1' : 'utf8'),
  );
  const before = process.memoryUsage().rss;
  const run = () => {
    const start = performance.now();
    const result = merge({ base: base!, mine: mine!, theirs: theirs! }, { granularity });
    const text = renderMerge(result, { labels: { mine: 'mine', base: 'base', theirs: 'theirs' } });
    return { ms: performance.now() - start, text, conflicts: result.conflicts };
  };
  const cold = run();
  writeFileSync(join(dir, minimal ? 'exact.out' : 'concord.out'), cold.text, 'latin1');
  // maxRSS is in kilobytes.
  const peak = process.resourceUsage().maxRSS * 1024;
  // A second run is what a server that has merged before does: compiled code. Skipped where
  // compiling is a small part of the time anyway.
  const warmMs = !minimal && cold.ms < WARM_RUN_BELOW_MS ? run().ms : cold.ms;
  console.log(JSON.stringify({ ms: cold.ms, warmMs, before, peak, conflicts: cold.conflicts }));
}

interface ChildResult {
  ms: number;
  warmMs: number;
  before: number;
  peak: number;
  conflicts: number;
}

function spawnChild(dir: string, granularity: Granularity, minimal: boolean, timeout?: number) {
  const child = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${HEAP_MB}`,
      '--import',
      'tsx',
      thisFile,
      '--child',
      dir,
      granularity,
      minimal ? 'exact' : 'bounded',
    ],
    { encoding: 'utf8', timeout, maxBuffer: 1024 * 1024 },
  );
  if (child.status !== 0) return null;
  return JSON.parse(child.stdout) as ChildResult;
}

const MB = 1e6;
const format = (ms: number): string => (ms < 100 ? ms.toFixed(1) : ms.toFixed(0));

/** Runs every case and prints the table (Markdown). */
export function benchmarkAdversarial(): void {
  const rows: string[][] = [];
  const root = mkdtempSync(join(tmpdir(), 'concord-adversarial-'));
  try {
    // ONLY=<text> runs the cases whose name contains it (while working on one of them).
    const only = process.env.ONLY;
    for (const [k, c] of CASES.entries()) {
      if (only && !c.name.includes(only)) continue;
      const dir = join(root, String(k));
      spawnSync('mkdir', [dir]);
      const sides = c.make();
      for (const name of ['mine', 'base', 'theirs'] as const) {
        writeFileSync(join(dir, name), sides[name]);
      }
      const inputMB = (Buffer.byteLength(sides.base) / MB).toFixed(1);
      const start = performance.now();
      const git = spawnSync(
        'git',
        [
          'merge-file',
          '-p',
          ...['-L', 'mine', '-L', 'base', '-L', 'theirs'],
          'mine',
          'base',
          'theirs',
        ],
        { cwd: dir, maxBuffer: 256 * MB },
      );
      const gitMs = performance.now() - start;
      const ours = spawnChild(dir, c.granularity, false);
      if (!ours) throw new Error(`${c.name} (${c.granularity}): the merge failed`);
      const ourText = readFileSync(join(dir, 'concord.out'));
      const exact = spawnChild(dir, c.granularity, true, EXACT_LIMIT_MS);
      const sameAsExact = exact
        ? readFileSync(join(dir, 'exact.out')).equals(ourText)
          ? `yes (${format(exact.ms)} ms)`
          : `no (${format(exact.ms)} ms)`
        : `not finished in ${EXACT_LIMIT_MS / 1000} s`;
      rows.push([
        `${c.name} (base ${inputMB} MB)`,
        c.granularity,
        String(ours.conflicts),
        format(ours.ms),
        format(ours.warmMs),
        format(gitMs),
        `${(ours.ms / gitMs).toFixed(2)} / ${(ours.warmMs / gitMs).toFixed(2)}`,
        `${((ours.peak - ours.before) / MB).toFixed(0)} MB (peak RSS ${(ours.peak / MB).toFixed(0)} MB)`,
        c.granularity === 'line' ? (git.stdout.equals(ourText) ? 'yes' : 'NO') : '–',
        sameAsExact,
      ]);
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const header = [
    'adversarial case',
    'mode',
    'conflicts',
    'Concord ms, first run',
    'Concord ms, second run',
    '`git merge-file` ms',
    'Concord / git (first / second)',
    'merge memory (peak RSS − RSS before merging)',
    'bytes = git',
    'same as the exact (shortest-diff) merge',
  ];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => ' --- ').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  const gitVersion = spawnSync('git', ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(
    `\nEach case in a child process (--max-old-space-size=${HEAP_MB}); Concord's time is the ` +
      `merge and rendering in process (no start-up): the first run in a fresh process (as ` +
      `\`concord merge-file\` does) and a second one (as a server that has merged before; only ` +
      `where the first took under ${WARM_RUN_BELOW_MS / 1000} s). git's time is the whole ` +
      `\`git merge-file -p\` run. The exact merge runs once, stopped after ${EXACT_LIMIT_MS / 1000} s. ` +
      `Node ${process.version}, ${gitVersion}, ${cpus().length} CPUs, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}.`,
  );
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) {
  const [dir, granularity, mode] = process.argv.slice(childAt + 1);
  runChild(dir!, granularity as Granularity, mode === 'exact');
} else if (process.argv[1] === thisFile) {
  benchmarkAdversarial();
}
