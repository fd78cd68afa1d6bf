// Reads a corpus mined by bench/mine-merges.ts and reports, with the command that measures it:
// - line mode: how many `concord merge-file` runs write git's bytes and exit code (per option set
//   of corpus-options.ts, clean and conflicting cases apart);
// - word mode, on the cases git conflicts on: how many are resolved as the merge commit has them,
//   how many differently but reported clean (exit 0), and how many a person can finish with
//   clicks alone (every region one of the dialog's choices), against git's own regions.
//
//   npm run bench:corpus -- /tmp/merge2-corpus [--list]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runMergeFile } from '../src/cli/merge-file.ts';
import { merge } from '../src/merge/index.ts';
import type { MergeRegion } from '../src/merge/index.ts';
import { CORPUS_OPTIONS, mergeFileArgsFor } from './corpus-options.ts';

/** A stream that keeps what is written to it. */
function collect(): { stream: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks) };
}

/** `concord merge-file` run in this process, as the CLI runs it: its output and exit code. */
async function runConcord(args: string[]): Promise<{ out: Buffer; status: number }> {
  const stdout = collect();
  const status = await runMergeFile(args, {
    stdin: process.stdin,
    stdout: stdout.stream,
    stderr: collect().stream,
    env: {},
    cwd: process.cwd(),
  });
  return { out: stdout.bytes(), status };
}

/** Joins two sides as the dialog's "both" does: never gluing one's last line to the other's first. */
function joinSides(first: string, second: string): string {
  if (first === '' || second === '' || first.endsWith('\n')) return first + second;
  return `${first}\n${second}`;
}

/** The texts a person can make of a region with the dialog's buttons alone. */
function choicesOf(region: MergeRegion): string[] {
  switch (region.kind) {
    case 'conflict':
      return [
        region.mine,
        region.theirs,
        joinSides(region.mine, region.theirs),
        joinSides(region.theirs, region.mine),
        region.base,
      ];
    case 'merged':
      return [
        region.text,
        region.mine,
        region.theirs,
        joinSides(region.mine, region.theirs),
        joinSides(region.theirs, region.mine),
      ];
    default:
      return [region.text];
  }
}

/** Whether some choice per region gives exactly `target` (a search over where each region ends). */
function canFinishByClicks(regions: MergeRegion[], target: string): boolean {
  const seen = new Set<string>();
  const visit = (index: number, at: number): boolean => {
    if (index === regions.length) return at === target.length;
    const key = `${index}:${at}`;
    if (seen.has(key)) return false;
    seen.add(key);
    for (const text of new Set(choicesOf(regions[index]!))) {
      if (target.startsWith(text, at) && visit(index + 1, at + text.length)) return true;
    }
    return false;
  };
  return visit(0, 0);
}

const percent = (k: number, n: number): string =>
  n === 0 ? '–' : `${((100 * k) / n).toFixed(1)}%`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const list = args.includes('--list');
  const dir = args.find((a) => !a.startsWith('--')) ?? '/tmp/merge2-corpus';
  const cases = readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'git.plain.status')))
    .sort();

  const line = new Map(CORPUS_OPTIONS.map((o) => [o.name, { clean: [0, 0], conflict: [0, 0] }]));
  const differing: string[] = [];
  const word = { cases: 0, exact: 0, exactClean: 0, wronglyClean: 0, clicksWord: 0, clicksGit: 0 };
  for (const name of cases) {
    const caseDir = join(dir, name);
    for (const option of CORPUS_OPTIONS) {
      const gitOut = readFileSync(join(caseDir, `git.${option.name}.out`));
      const gitStatus = Number(readFileSync(join(caseDir, `git.${option.name}.status`), 'utf8'));
      const ours = await runConcord(mergeFileArgsFor(option, caseDir));
      const same = ours.status === gitStatus && ours.out.equals(gitOut);
      const tally = line.get(option.name)![gitStatus === 0 ? 'clean' : 'conflict'];
      tally[0]!++;
      if (same) tally[1]!++;
      else differing.push(`${option.name} ${name}`);
    }

    // Word mode on git's conflicts, against what the merge commit holds.
    const plainStatus = Number(readFileSync(join(caseDir, 'git.plain.status'), 'utf8'));
    if (plainStatus === 0 || !existsSync(join(caseDir, 'committed'))) continue;
    const [base, mine, theirs, committed] = ['base', 'ours', 'theirs', 'committed'].map((f) =>
      readFileSync(join(caseDir, f), 'utf8'),
    ) as [string, string, string, string];
    word.cases++;
    const words = merge({ base, mine, theirs }, { granularity: 'word' });
    const reportedClean = words.clean && !words.regions.some((r) => r.kind === 'merged');
    if (words.clean && words.text === committed) {
      word.exact++;
      if (reportedClean) word.exactClean++;
    } else if (reportedClean) word.wronglyClean++;
    if (canFinishByClicks(words.regions, committed)) word.clicksWord++;
    if (canFinishByClicks(merge({ base, mine, theirs }).regions, committed)) word.clicksGit++;
  }

  console.log(`Corpus ${dir}: ${cases.length} cases (file × merge commit).\n`);
  console.log(
    'Line mode: `concord merge-file` vs `git merge-file`, same options, bytes + exit code',
  );
  console.log('| options | git clean: identical | git conflicts: identical |');
  console.log('| --- | --- | --- |');
  let total = 0;
  let identical = 0;
  for (const option of CORPUS_OPTIONS) {
    const { clean, conflict } = line.get(option.name)!;
    total += clean[0]! + conflict[0]!;
    identical += clean[1]! + conflict[1]!;
    const flags = ['-p', ...option.flags].join(' ');
    console.log(
      `| \`${flags}\` | ${clean[1]} / ${clean[0]} | ${conflict[1]} / ${conflict[0]} (${percent(conflict[1]!, conflict[0]!)}) |`,
    );
  }
  console.log(`\nAll runs: ${identical} / ${total} identical (${percent(identical, total)}).\n`);
  console.log(`Word mode on the ${word.cases} cases git conflicts on (merge commit as reference):`);
  console.log(
    `- resolved exactly as committed: ${word.exact} (${percent(word.exact, word.cases)}), of which exit 0 (no review): ${word.exactClean}`,
  );
  console.log(
    `- resolved differently but reported clean (exit 0): ${word.wronglyClean} (${percent(word.wronglyClean, word.cases)})`,
  );
  console.log(
    `- finished by clicks alone, word regions: ${word.clicksWord} (${percent(word.clicksWord, word.cases)}); git's line regions: ${word.clicksGit} (${percent(word.clicksGit, word.cases)})`,
  );
  if (list) for (const d of differing) console.log(`differs: ${d}`);
}

await main();
