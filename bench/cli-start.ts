// `npm run bench:cli`: how long `concord merge-file` takes to start and finish on a small file,
// beside `node -e 0` (the least any Node command can take) and `git merge-file` (what a git merge
// driver is compared with). Target (issue 11): at most 2× `node -e 0`. The commands run in turn,
// round after round, so a busy machine slows them alike; every figure is a median of wall times.
// Also shown: the same command run from source through tsx, as bin/concord.js did before
// decision 14. Exits 1 when the target is missed.
//
//   npm run bench:cli              # 31 rounds
//   RUNS=101 npm run bench:cli
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.ts';

const runs = Number(process.env.RUNS ?? 31);
const root = fileURLToPath(new URL('..', import.meta.url));
const node = process.execPath;

/** Three sides of a small file (issue 11 measured one of 329 bytes), each changing another line. */
function writeSmallFiles(dir: string): { files: string[]; bytes: number } {
  const base = Array.from({ length: 12 }, (_, i) => `Line ${i + 1} of a short note.`).join('\n');
  const sides = {
    'mine.md': base.replace('Line 2 ', 'Line two '),
    'base.md': base,
    'theirs.md': base.replace('Line 11 ', 'Line eleven '),
  };
  for (const [name, text] of Object.entries(sides)) writeFileSync(join(dir, name), `${text}\n`);
  return { files: Object.keys(sides), bytes: Buffer.byteLength(`${sides['mine.md']}\n`) };
}

interface Command {
  name: string;
  file: string;
  args: string[];
}

/** Wall time of one run in milliseconds; throws if it does not exit 0 (a broken run is no figure). */
function timeRun(command: Command, cwd: string): number {
  const start = performance.now();
  const result = spawnSync(command.file, command.args, {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = performance.now() - start;
  if (result.status !== 0) {
    throw new Error(`${command.name} exited ${result.status}: ${result.stderr}`);
  }
  return ms;
}

const dir = mkdtempSync(join(tmpdir(), 'concord-bench-cli-'));
try {
  const { files, bytes } = writeSmallFiles(dir);
  const commands: Command[] = [
    { name: '`node -e 0`', file: node, args: ['-e', '0'] },
    { name: '`git merge-file -p`', file: 'git', args: ['merge-file', '-p', ...files] },
    {
      name: '`concord merge-file -p`',
      file: node,
      args: [join(root, 'bin/concord.js'), 'merge-file', '-p', ...files],
    },
    {
      name: '`concord merge-file -p` from source with tsx',
      file: node,
      // Resolved here: the commands run in a folder outside the package.
      args: [
        '--import',
        import.meta.resolve('tsx'),
        join(root, 'src/cli/concord.ts'),
        'merge-file',
        '-p',
        ...files,
      ],
    },
  ];
  const times = commands.map(() => [] as number[]);
  // One unmeasured round first: the files and Node's binary come into the page cache.
  for (const command of commands) timeRun(command, dir);
  for (let round = 0; round < runs; round++) {
    for (const [i, command] of commands.entries()) times[i]!.push(timeRun(command, dir));
  }
  const medians = times.map(median);
  const [nodeMs, gitMs, concordMs] = medians as [number, number, number];

  console.log('| command | median ms | × `node -e 0` | × git |');
  console.log('| --- | --- | --- | --- |');
  for (const [i, command] of commands.entries()) {
    const ms = medians[i]!;
    console.log(
      `| ${command.name} | ${ms.toFixed(0)} | ${(ms / nodeMs).toFixed(2)} | ${(ms / gitMs).toFixed(1)} |`,
    );
  }
  const git = spawnSync('git', ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(
    `\nMedians of ${runs} rounds on a ${bytes}-byte file. Node ${process.version}, ${git}, ` +
      `${cpus().length} CPUs, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}.`,
  );
  const ratio = concordMs / nodeMs;
  if (ratio > 2) {
    console.log(`Target missed: concord merge-file takes ${ratio.toFixed(2)}× node -e 0 (≤ 2).`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
