import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runMergeFile } from './merge-file.ts';

/**
 * Real merges from documentation repositories (see each fixture's source.json for the merge
 * commit, the file and its licence), curated by bench/curate-fixtures.ts with git's outputs stored
 * beside them: this test needs no git. Most are conflicts where the old diff-match-patch line diff
 * lined hunks up differently from xdiff.
 */
const fixtures = fileURLToPath(new URL('../../test/fixtures/git-merges', import.meta.url));
const flagsOf: Record<string, string[]> = { plain: [], diff3: ['--diff3'], union: ['--union'] };

async function runConcord(argv: string[]): Promise<{ status: number; stdout: Buffer }> {
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const io = { stdin: new PassThrough(), stdout, stderr: new PassThrough(), env: {}, cwd: '/' };
  const status = await runMergeFile(argv, io);
  return { status, stdout: Buffer.concat(chunks) };
}

describe('concord merge-file on real merges writes git merge-file’s bytes', () => {
  const names = readdirSync(fixtures).sort();

  it('has the curated fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(20);
  });

  it.each(names)('%s', async (name) => {
    const dir = join(fixtures, name);
    const about = JSON.parse(readFileSync(join(dir, 'source.json'), 'utf8')) as {
      gitStatus: Record<string, number>;
    };
    for (const [option, status] of Object.entries(about.gitStatus)) {
      const argv = [
        '-p',
        ...flagsOf[option]!,
        ...['-L', 'ours', '-L', 'base', '-L', 'theirs'],
        ...['ours', 'base', 'theirs'].map((side) => join(dir, side)),
      ];
      const result = await runConcord(argv);
      const expected = readFileSync(join(dir, `git.${option}.out`));
      expect({ option, status: result.status }).toEqual({ option, status });
      // Compared as text for a readable diff on failure; the bytes are Latin-1 either way.
      expect(result.stdout.toString('latin1')).toBe(expected.toString('latin1'));
    }
  });
});
