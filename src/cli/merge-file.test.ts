import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCase } from '../merge/test-support.ts';
import type { CliIo } from './cli-io.ts';
import { runMergeFile } from './merge-file.ts';

const hasGit = spawnSync('git', ['--version']).status === 0;
const concordBin = fileURLToPath(new URL('../../bin/concord.js', import.meta.url));

/** Runs `runMergeFile` in-process in `cwd`, collecting stdout as bytes and stderr as text. */
async function runInProcess(argv: string[], cwd: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks: Buffer[] = [];
  let errors = '';
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  stderr.on('data', (chunk) => (errors += chunk));
  const io: CliIo = { stdin: new PassThrough(), stdout, stderr, env: {}, cwd };
  const status = await runMergeFile(argv, io);
  return { status, stdout: Buffer.concat(chunks), stderr: errors };
}

/** Writes the three texts as files named as git's merge-file arguments are ordered. */
function writeSides(dir: string, input: { base: string; mine: string; theirs: string }): string[] {
  writeFileSync(join(dir, 'mine.txt'), input.mine);
  writeFileSync(join(dir, 'base.txt'), input.base);
  writeFileSync(join(dir, 'theirs.txt'), input.theirs);
  return ['mine.txt', 'base.txt', 'theirs.txt'];
}

describe.runIf(hasGit)('concord merge-file is git merge-file in line mode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-merge-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const optionSets = [
    [],
    ['--diff3'],
    ['-L', 'HEAD', '-L', 'merged common ancestors', '-L', 'feature'],
    ['--marker-size=9', '-q'],
    ['--ours'],
    ['--theirs'],
    ['--union'],
  ];

  it('prints the same bytes and exits with the same code for every option, on 20 documents', async () => {
    const cases = Number(process.env.CONCORD_CASES ?? 20);
    const differences: string[] = [];
    for (let seed = 1; seed <= cases; seed++) {
      // Odd seeds: prose paragraphs; even seeds: a few lines repeated many times.
      const files = writeSides(dir, generateCase(seed, seed % 2 === 0));
      for (const options of optionSets) {
        const argv = ['-p', ...options, ...files];
        const git = spawnSync('git', ['merge-file', ...argv], { cwd: dir });
        const concord = await runInProcess(argv, dir);
        if (concord.status !== git.status || !concord.stdout.equals(git.stdout)) {
          differences.push(`seed ${seed} ${options.join(' ')}`.trim());
        }
      }
    }
    if (process.env.CONCORD_CASES) {
      console.log(`${differences.length} of ${cases * optionSets.length} differ:`, differences);
    }
    // The line diff is xdiff's own, so even ties between equally short diffs (which of two "}"
    // lines survives) are settled as git settles them.
    expect(differences).toEqual([]);
  }, 60_000);

  it('keeps bytes that are not UTF-8 exactly, as git does', async () => {
    const latin1 = (text: string) => Buffer.from(text, 'latin1');
    writeFileSync(join(dir, 'b'), latin1('caf\xe9\nna\xefve\n\xff\n'));
    writeFileSync(join(dir, 'm'), latin1('CAF\xc9\nna\xefve\n\xff\n'));
    writeFileSync(join(dir, 't'), latin1('caf\xe9\nna\xefve\n\xfe\n'));
    const git = spawnSync('git', ['merge-file', '-p', 'm', 'b', 't'], { cwd: dir });
    const concord = await runInProcess(['-p', 'm', 'b', 't'], dir);
    expect(concord.status).toBe(0);
    expect(concord.stdout).toEqual(git.stdout);
  });

  it('exits 129 with the usage for arguments git would refuse', async () => {
    for (const argv of [
      ['a', 'b'],
      ['--bogus', 'a', 'b', 'c'],
      ['-L', '1', '-L', '2', '-L', '3', '-L', '4', 'a', 'b', 'c'],
      ['--granularity', 'char', 'a', 'b', 'c'],
    ]) {
      const concord = await runInProcess(argv, dir);
      expect(spawnSync('git', ['merge-file', ...argv], { cwd: dir }).status).toBe(129);
      expect(concord.status).toBe(129);
      expect(concord.stderr).toContain('usage: concord merge-file');
    }
  });

  it('exits 255 with a message for a missing or binary file', async () => {
    writeSides(dir, { base: 'a\n', mine: 'b\n', theirs: 'a\n' });
    writeFileSync(join(dir, 'binary'), 'x\0y');
    for (const argv of [
      ['-p', 'missing.txt', 'base.txt', 'theirs.txt'],
      ['-p', 'binary', 'base.txt', 'theirs.txt'],
    ]) {
      const concord = await runInProcess(argv, dir);
      expect(spawnSync('git', ['merge-file', ...argv], { cwd: dir }).status).toBe(255);
      expect(concord.status).toBe(255);
      expect(concord.stderr).toMatch(/missing\.txt|binary/);
    }
  });
});

describe('concord merge-file --granularity word', () => {
  it('exits 0 for edits to different list items, each taken from its side', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-merge-file-'));
    writeSides(dir, {
      base: '- milk\n- eggs\n',
      mine: '- oat milk\n- eggs\n',
      theirs: '- milk\n- fresh eggs\n',
    });
    const result = await runInProcess(
      ['-p', '--granularity', 'word', 'mine.txt', 'base.txt', 'theirs.txt'],
      dir,
    );
    rmSync(dir, { recursive: true, force: true });
    expect(result.status).toBe(0);
    expect(result.stdout.toString()).toBe('- oat milk\n- fresh eggs\n');
  });

  it('merges edits to different sentences of one paragraph and says where to review', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-merge-file-'));
    writeSides(dir, {
      base: '# Notes\n\nCats sleep a lot. Dogs bark at night.\n',
      mine: '# Notes\n\nCats sleep all day. Dogs bark at night.\n',
      theirs: '# Notes\n\nCats sleep a lot. Dogs howl at night.\n',
    });
    const result = await runInProcess(
      ['-p', '--granularity', 'word', '--accept-merged', 'mine.txt', 'base.txt', 'theirs.txt'],
      dir,
    );
    const honest = await runInProcess(
      ['-p', '--granularity', 'word', 'mine.txt', 'base.txt', 'theirs.txt'],
      dir,
    );
    rmSync(dir, { recursive: true, force: true });
    // Without --accept-merged a merge within a line is for a person: markers and exit 1.
    expect(honest.status).toBe(1);
    expect(honest.stdout.toString()).toContain('<<<<<<< mine.txt\nCats sleep all day.');
    expect(result.status).toBe(0);
    expect(result.stdout.toString()).toBe('# Notes\n\nCats sleep all day. Dogs howl at night.\n');
    expect(result.stderr).toContain(
      'mine.txt: merged at word level or kept both insertions at line 3',
    );
  });
});

// These start real processes (the compiled concord, git), which take a second or more on a busy machine.
describe.runIf(hasGit)('the concord command', () => {
  it('writes the merge into <current> and exits with the conflict count, as git does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-merge-file-'));
    const input = {
      base: 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\n',
      mine: 'one\nTWO\nthree\nfour\nfive\nsix\nSEVEN\neight\n',
      theirs: 'one\n2\nthree\nfour\nfive\nsix\n7\neight\n',
    };
    writeSides(dir, input);
    const concord = spawnSync(
      'node',
      [concordBin, 'merge-file', 'mine.txt', 'base.txt', 'theirs.txt'],
      {
        cwd: dir,
      },
    );
    const merged = readFileSync(join(dir, 'mine.txt'));
    writeSides(dir, input);
    const git = spawnSync('git', ['merge-file', 'mine.txt', 'base.txt', 'theirs.txt'], {
      cwd: dir,
    });
    expect(git.status).toBe(2);
    expect(concord.status).toBe(2);
    expect(merged).toEqual(readFileSync(join(dir, 'mine.txt')));
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('works as a git merge driver: *.md merges by words where git alone would conflict', () => {
    const repo = mkdtempSync(join(tmpdir(), 'concord-merge-driver-'));
    const git = (...args: string[]) =>
      spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
        cwd: repo,
        encoding: 'utf8',
      });
    const commitAll = (message: string) => {
      execFileSync('git', ['add', '-A'], { cwd: repo });
      expect(git('commit', '-q', '-m', message).status).toBe(0);
    };
    const doc = join(repo, 'notes.md');
    expect(git('init', '-q', '-b', 'main').status).toBe(0);
    writeFileSync(doc, '# Notes\n\nCats sleep a lot. Dogs bark at night. Birds sing.\n');
    commitAll('base');
    git('checkout', '-q', '-b', 'feature');
    writeFileSync(doc, '# Notes\n\nCats sleep a lot. Dogs bark at night. Birds sing at dawn.\n');
    commitAll('feature: birds');
    git('checkout', '-q', 'main');
    writeFileSync(doc, '# Notes\n\nCats sleep all day. Dogs bark at night. Birds sing.\n');
    commitAll('main: cats');

    // git's own line merge: one paragraph is one line, so this conflicts.
    expect(git('merge', '-q', '--no-edit', 'feature').status).not.toBe(0);
    expect(git('merge', '--abort').status).toBe(0);

    writeFileSync(join(repo, '.gitattributes'), '*.md merge=concord\n');
    commitAll('merge *.md with concord');
    const driver = `node ${concordBin} merge-file --granularity word --accept-merged -L %P -L %P -L %P %A %O %B`;
    git('config', 'merge.concord.name', 'Concord word-level merge');
    git('config', 'merge.concord.driver', driver);
    const merged = git('merge', '-q', '--no-edit', 'feature');
    const text = readFileSync(doc, 'utf8');
    rmSync(repo, { recursive: true, force: true });
    expect(merged.status).toBe(0);
    expect(text).toBe('# Notes\n\nCats sleep all day. Dogs bark at night. Birds sing at dawn.\n');
  }, 30_000);
});
