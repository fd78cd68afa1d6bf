import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io.ts';
import { runServe } from './run-serve.ts';

function createTestIo(env: Record<string, string>) {
  const stderr = new PassThrough();
  const out = { stderr: '' };
  stderr.on('data', (chunk) => (out.stderr += chunk));
  const io: CliIo = { stdin: new PassThrough(), stdout: new PassThrough(), stderr, env, cwd: '.' };
  return { io, out };
}

describe('concord serve settings', () => {
  it('exits 2 naming CONCORD_CORS_ORIGINS when it holds something that is not an origin', async () => {
    const { io, out } = createTestIo({ CONCORD_CORS_ORIGINS: 'https://a.example, a.example/x' });
    expect(await runServe(['--port', '0', '--db', ':memory:'], io)).toBe(2);
    expect(out.stderr).toContain('CONCORD_CORS_ORIGINS holds "a.example/x"');
  });

  it('exits 2 naming CONCORD_RATE_LIMIT when it is neither a rate nor "off"', async () => {
    const { io, out } = createTestIo({ CONCORD_RATE_LIMIT: 'lots' });
    expect(await runServe(['--port', '0', '--db', ':memory:'], io)).toBe(2);
    expect(out.stderr).toContain('CONCORD_RATE_LIMIT');
  });

  it('exits 2 naming CONCORD_LOG_LEVEL when it is not a level', async () => {
    const { io, out } = createTestIo({ CONCORD_LOG_LEVEL: 'loud' });
    expect(await runServe(['--port', '0', '--db', ':memory:'], io)).toBe(2);
    expect(out.stderr).toContain('CONCORD_LOG_LEVEL must be one of fatal, error, warn, info');
  });
});
