import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io.ts';
import { main } from './main.ts';

/** A `CliIo` whose output is collected as strings. */
function createTestIo(env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = { stdout: '', stderr: '' };
  stdout.on('data', (chunk) => (out.stdout += chunk));
  stderr.on('data', (chunk) => (out.stderr += chunk));
  const io: CliIo = { stdin: new PassThrough(), stdout, stderr, env, cwd: process.cwd() };
  return { io, out };
}

describe('concord', () => {
  it('prints usage on stdout and exits 0 for --help', async () => {
    const { io, out } = createTestIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(out.stdout).toContain('concord serve [--port N] [--host H] [--db PATH]');
    expect(out.stderr).toBe('');
  });

  it('prints usage on stderr and exits 2 for an unknown command', async () => {
    const { io, out } = createTestIo();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(out.stderr).toContain('unknown command "frobnicate"');
    expect(out.stderr).toContain('Usage: concord');
    expect(out.stdout).toBe('');
  });

  it('exits 2 without a command', async () => {
    const { io, out } = createTestIo();
    expect(await main([], io)).toBe(2);
    expect(out.stderr).toContain('Usage: concord');
  });

  it('exits 2 for an unknown serve option', async () => {
    const { io, out } = createTestIo();
    expect(await main(['serve', '--prot', '1'], io)).toBe(2);
    expect(out.stderr).toContain('--prot');
  });

  it('exits 2 for a port that is not a number from 0 to 65535', async () => {
    for (const port of ['x', '-1', '70000', '8080.5']) {
      const { io, out } = createTestIo({ PORT: port });
      expect(await main(['serve'], io)).toBe(2);
      expect(out.stderr).toContain('port must be a number');
    }
  });

  it('exits 1 with a message when the PostgreSQL database cannot be reached', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const { io, out } = createTestIo({ DATABASE_URL: 'postgres://127.0.0.1:1/concord' });
    expect(await main(['serve', '--port', '0'], io)).toBe(1);
    expect(out.stderr).toContain('cannot open the database');
  });
});
