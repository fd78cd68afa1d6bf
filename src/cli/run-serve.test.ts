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

  it('exits 2 naming CONCORD_ALLOWED_HOSTS when it holds something that is not a host name', async () => {
    const { io, out } = createTestIo({ CONCORD_ALLOWED_HOSTS: 'docs.example.com http://x' });
    expect(await runServe(['--port', '0', '--db', ':memory:'], io)).toBe(2);
    expect(out.stderr).toContain('CONCORD_ALLOWED_HOSTS holds "http://x"');
  });

  it('exits 2 naming CONCORD_MAX_STREAMS when it is not a count', async () => {
    const { io, out } = createTestIo({
      CONCORD_MAX_STREAMS_PER_CLIENT: '5',
      CONCORD_MAX_STREAMS: '0',
    });
    expect(await runServe(['--port', '0', '--db', ':memory:'], io)).toBe(2);
    expect(out.stderr).toContain('CONCORD_MAX_STREAMS must be a whole number');
  });

  it('refuses CONCORD_AUTH=off on an address other machines reach, saying why', async () => {
    const { io, out } = createTestIo({ CONCORD_AUTH: 'off' });
    expect(await runServe(['--port', '0', '--host', '0.0.0.0', '--db', ':memory:'], io)).toBe(2);
    expect(out.stderr).toContain('CONCORD_AUTH=off lets anyone who reaches the server');
    expect(out.stderr).toContain('only on a loopback address');
  });

  it('refuses CONCORD_AUTH=proxy without the addresses of the proxies to trust', async () => {
    const { io, out } = createTestIo({ CONCORD_AUTH: 'proxy' });
    expect(await runServe(['--port', '0', '--db', ':memory:'], io)).toBe(2);
    expect(out.stderr).toContain('CONCORD_AUTH=proxy needs CONCORD_TRUSTED_PROXIES');
  });

  it('exits 2 naming CONCORD_AUTH and CONCORD_TRUSTED_PROXIES when they hold nonsense', async () => {
    const bad = createTestIo({ CONCORD_AUTH: 'maybe' });
    expect(await runServe(['--port', '0', '--db', ':memory:'], bad.io)).toBe(2);
    expect(bad.out.stderr).toContain('CONCORD_AUTH must be accounts, proxy or off');
    const proxies = createTestIo({ CONCORD_AUTH: 'proxy', CONCORD_TRUSTED_PROXIES: 'proxy.local' });
    expect(await runServe(['--port', '0', '--db', ':memory:'], proxies.io)).toBe(2);
    expect(proxies.out.stderr).toContain('CONCORD_TRUSTED_PROXIES holds "proxy.local"');
  });
});
