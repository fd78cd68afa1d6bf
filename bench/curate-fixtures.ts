// Turns chosen cases of a mined corpus (bench/mine-merges.ts) into small regression fixtures
// for src/cli/git-fixtures.test.ts: the lines all three sides share at the start and at the end
// are cut down to a few lines of context, then `git merge-file` is run on what is left, for
// every option set of corpus-options.ts, and its outputs are stored beside the inputs.
//
//   npx tsx bench/curate-fixtures.ts --corpus /tmp/merge2-corpus --out test/fixtures/git-merges \
//     [--context 12] [--options plain,diff3,union] <case name>...
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_OPTIONS, gitArgsFor } from './corpus-options.ts';

/** Where each mined repository's text comes from and under which licence. */
const LICENSES: Record<string, string> = {
  'rust-lang+book': 'MIT OR Apache-2.0 (github.com/rust-lang/book)',
  'rust-lang+rust-by-example': 'MIT OR Apache-2.0 (github.com/rust-lang/rust-by-example)',
  'reactjs+react.dev': 'CC-BY-4.0 (github.com/reactjs/react.dev, LICENSE-DOCS.md)',
  'vuejs+docs': 'MIT (github.com/vuejs/docs)',
};

/** Lines with their line breaks. */
function splitKeeping(text: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let nl = text.indexOf(10); nl >= 0; nl = text.indexOf(10, start)) {
    lines.push(text.subarray(start, nl + 1));
    start = nl + 1;
  }
  if (start < text.length) lines.push(text.subarray(start));
  return lines;
}

/** Cuts the lines all three sides share at both ends down to `context` lines each. */
function crop(sides: Buffer[], context: number): { sides: Buffer[]; dropped: [number, number] } {
  const lines = sides.map(splitKeeping);
  const shortest = Math.min(...lines.map((l) => l.length));
  const same = (pick: (l: Buffer[]) => Buffer | undefined): boolean =>
    lines.every((l) => pick(l)!.equals(pick(lines[0]!)!));
  let head = 0;
  while (head < shortest && same((l) => l[head])) head++;
  let tail = 0;
  while (tail < shortest - head && same((l) => l[l.length - 1 - tail])) tail++;
  const dropHead = Math.max(0, head - context);
  const dropTail = Math.max(0, tail - context);
  return {
    sides: lines.map((l) => Buffer.concat(l.slice(dropHead, l.length - dropTail))),
    dropped: [dropHead, dropTail],
  };
}

const args = process.argv.slice(2);
const valueOf = (name: string, fallback: string): string => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1]! : fallback;
};
const corpus = valueOf('--corpus', '/tmp/merge2-corpus');
const out = valueOf('--out', 'test/fixtures/git-merges');
const context = Number(valueOf('--context', '12'));
// marker10 is left out by default: marker sizes are held by merge-file.test.ts, and each stored
// output adds the size of a document.
const chosen = valueOf('--options', 'plain,diff3,union').split(',');
const options = CORPUS_OPTIONS.filter((o) => chosen.includes(o.name));
for (const name of args) {
  const from = join(corpus, name);
  const source = JSON.parse(readFileSync(join(from, 'source.json'), 'utf8')) as {
    repo: string;
  };
  const { sides, dropped } = crop(
    ['base', 'ours', 'theirs'].map((f) => readFileSync(join(from, f))),
    context,
  );
  const to = join(out, name);
  mkdirSync(to, { recursive: true });
  ['base', 'ours', 'theirs'].forEach((f, i) => writeFileSync(join(to, f), sides[i]!));
  const statuses: Record<string, number> = {};
  for (const option of options) {
    const git = spawnSync('git', gitArgsFor(option, to));
    writeFileSync(join(to, `git.${option.name}.out`), git.stdout);
    statuses[option.name] = git.status ?? -1;
  }
  const about = {
    ...source,
    license: LICENSES[source.repo] ?? 'unknown',
    linesDropped: { fromStart: dropped[0], fromEnd: dropped[1] },
    gitStatus: statuses,
    git: spawnSync('git', ['--version'], { encoding: 'utf8' }).stdout.trim(),
  };
  writeFileSync(join(to, 'source.json'), `${JSON.stringify(about, null, 2)}\n`);
  console.log(
    `${name}: ${sides.map((s) => s.length).join('/')} bytes, git ${JSON.stringify(statuses)}`,
  );
}
