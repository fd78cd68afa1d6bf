import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The compiled command, as a user runs it; Vitest's global setup builds it (npm run build:cli).
const concordBin = fileURLToPath(new URL('../../bin/concord.js', import.meta.url));
const distDir = fileURLToPath(new URL('../../dist/cli/', import.meta.url));
const hasGit = spawnSync('git', ['--version']).status === 0;

/**
 * Runs `file args` in `cwd`, reads its first chunk of stdout and closes the pipe, as
 * `… | head -1` does, then resolves with how it ended and what it wrote on stderr.
 */
function runUntilFirstChunk(file: string, args: string[], cwd: string) {
  return new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) => {
    const child = spawn(file, args, { cwd });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    child.once('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

/** The modules `file` imports statically (`import … from "x"`), not its `import("x")` calls. */
function readStaticImports(file: string): string[] {
  const code = readFileSync(join(distDir, file), 'utf8');
  return [...code.matchAll(/^import\b[^;]*?"([^"]+)";?$/gm)].map((match) => match[1]!);
}

describe('the concord command as a process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-process-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.runIf(hasGit)(
    'ends quietly when its reader stops reading, killed by SIGPIPE as git is',
    async () => {
      // About 1 MB of output: far more than a pipe holds, so writing blocks until it breaks.
      const lines = Array.from({ length: 40_000 }, (_, i) => `line ${i} of a long file\n`);
      writeFileSync(join(dir, 'base'), lines.join(''));
      writeFileSync(join(dir, 'mine'), ['LINE 0\n', ...lines.slice(1)].join(''));
      writeFileSync(join(dir, 'theirs'), [...lines.slice(0, -1), 'LAST\n'].join(''));
      const files = ['mine', 'base', 'theirs'];
      const git = await runUntilFirstChunk('git', ['merge-file', '-p', ...files], dir);
      const concord = await runUntilFirstChunk(
        process.execPath,
        [concordBin, 'merge-file', '-p', ...files],
        dir,
      );
      expect(git).toEqual({ code: null, signal: 'SIGPIPE', stderr: '' });
      expect(concord).toEqual(git);
    },
    30_000,
  );

  it('exits 129 with the usage for a marker size of 1000000000, which crashed it', () => {
    writeFileSync(join(dir, 'b'), 'a\nb\nc\n');
    writeFileSync(join(dir, 'm'), 'a\nB\nc\n');
    writeFileSync(join(dir, 't'), 'a\nX\nc\n');
    const concord = spawnSync(
      process.execPath,
      [concordBin, 'merge-file', '-p', '--marker-size=1000000000', 'm', 'b', 't'],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(concord.stderr).toContain('usage: concord merge-file');
    expect(concord.status).toBe(129);
    expect(concord.stdout).toBe('');
  });

  it('loads no package to merge files, and the server only for serve', () => {
    const loaded = new Set<string>();
    const toRead = ['concord.js'];
    for (let file = toRead.pop(); file !== undefined; file = toRead.pop()) {
      for (const specifier of readStaticImports(file)) {
        if (specifier.startsWith('./') && !loaded.has(specifier)) toRead.push(specifier.slice(2));
        loaded.add(specifier);
      }
    }
    // Only Node's own modules and the command's shared chunk: diff-match-patch is bundled, and
    // Hono, better-sqlite3 and pg come with run-serve.js, which `serve` imports when it runs.
    expect([...loaded].filter((specifier) => !specifier.startsWith('node:'))).toEqual([
      './chunk.js',
    ]);
    expect(readFileSync(join(distDir, 'concord.js'), 'utf8')).toContain('import("./run-serve.js")');
    expect(readStaticImports('run-serve.js')).toEqual(
      expect.arrayContaining(['hono', '@hono/node-server']),
    );
  });
});
