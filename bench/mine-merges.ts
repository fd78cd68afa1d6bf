// Mines a corpus of real three-way merges from git repositories of prose and documentation:
// for each merge commit, each text file both parents changed since their merge base gives one
// case (base, ours, theirs, what the merge commit holds, and `git merge-file`'s outputs for the
// option sets in corpus-options.ts). The corpus is data, not code: write it outside the repo.
//
//   npx tsx bench/mine-merges.ts --out /tmp/merge2-corpus [--per-repo 600] <bare git dir>...
//
// e.g. the bare mirrors of github:rust-lang/book, github:reactjs/react.dev, github:vuejs/docs.
// Read it with `npm run bench:corpus -- /tmp/merge2-corpus`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CORPUS_OPTIONS, gitArgsFor } from './corpus-options.ts';

/** Files read as prose or documentation. */
const TEXT_FILE = /\.(md|mdx|markdown|txt|rst|adoc|html?)$/i;
/** Larger files are left out: the corpus is about real documents, not data dumps. */
const MAX_BYTES = 512 * 1024;

function git(dir: string, args: string[], input?: Buffer): { out: Buffer; status: number } {
  const result = spawnSync('git', ['--git-dir', dir, ...args], {
    input,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { out: result.stdout ?? Buffer.alloc(0), status: result.status ?? -1 };
}

function lines(buffer: Buffer): string[] {
  return buffer.toString('utf8').split('\n').filter(Boolean);
}

/** The blob at `commit:path`, or null when the path is not a file there. */
function readBlob(dir: string, commit: string, path: string): Buffer | null {
  const { out, status } = git(dir, ['cat-file', 'blob', `${commit}:${path}`]);
  return status === 0 ? out : null;
}

/** A short name for a repository's bare directory: /work/.mirror/rust-lang+book/repo → rust-lang+book. */
function nameOf(dir: string): string {
  const base = basename(dir);
  return base === 'repo' || base === '.git' ? basename(dirname(dir)) : base.replace(/\.git$/, '');
}

/** Mines one repository; returns the number of cases written. */
function mineRepository(dir: string, out: string, perRepo: number): number {
  const repo = nameOf(dir);
  let written = 0;
  const merges = lines(git(dir, ['log', '--merges', '--format=%H %P']).out);
  for (const line of merges) {
    if (written >= perRepo) break;
    const [merge, ours, theirs, ...more] = line.split(' ');
    if (!merge || !ours || !theirs || more.length > 0) continue; // octopus merges: skip
    const bases = lines(git(dir, ['merge-base', '--all', ours, theirs]).out);
    // Criss-cross merges have no single base that git merge-file would have used.
    if (bases.length !== 1) continue;
    const base = bases[0]!;
    const changed = (to: string): Set<string> =>
      new Set(lines(git(dir, ['diff-tree', '-r', '--no-renames', '--name-only', base, to]).out));
    const oursChanged = changed(ours);
    for (const path of changed(theirs)) {
      if (written >= perRepo) break;
      if (!oursChanged.has(path) || !TEXT_FILE.test(path)) continue;
      const blobs = [base, ours, theirs].map((commit) => readBlob(dir, commit, path));
      if (blobs.some((b) => b === null || b.length > MAX_BYTES || b.includes(0))) continue;
      const [baseBlob, oursBlob, theirsBlob] = blobs as [Buffer, Buffer, Buffer];
      if (oursBlob.equals(theirsBlob)) continue;
      const caseDir = join(
        out,
        `${repo}-${merge.slice(0, 10)}-${path.replace(/[^A-Za-z0-9._-]+/g, '_')}`,
      );
      mkdirSync(caseDir, { recursive: true });
      writeFileSync(join(caseDir, 'base'), baseBlob);
      writeFileSync(join(caseDir, 'ours'), oursBlob);
      writeFileSync(join(caseDir, 'theirs'), theirsBlob);
      const committed = readBlob(dir, merge, path);
      if (committed) writeFileSync(join(caseDir, 'committed'), committed);
      writeFileSync(
        join(caseDir, 'source.json'),
        `${JSON.stringify({ repo, merge, base, ours, theirs, path }, null, 2)}\n`,
      );
      for (const options of CORPUS_OPTIONS) {
        const result = spawnSync('git', gitArgsFor(options, caseDir), {
          maxBuffer: 64 * 1024 * 1024,
        });
        writeFileSync(join(caseDir, `git.${options.name}.out`), result.stdout);
        writeFileSync(join(caseDir, `git.${options.name}.status`), `${result.status}\n`);
      }
      written++;
    }
  }
  return written;
}

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const perRepoAt = args.indexOf('--per-repo');
const out = outAt >= 0 ? args[outAt + 1]! : '/tmp/merge2-corpus';
const perRepo = perRepoAt >= 0 ? Number(args[perRepoAt + 1]) : 600;
const dirs = args.filter(
  (_, i) => i !== outAt && i !== outAt + 1 && i !== perRepoAt && i !== perRepoAt + 1,
);
mkdirSync(out, { recursive: true });
for (const dir of dirs) {
  const count = mineRepository(dir, out, perRepo);
  console.log(`${nameOf(dir)}: ${count} cases`);
}
