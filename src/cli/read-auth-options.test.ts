import { describe, expect, it } from 'vitest';
import { isLoopback, readAuthOptions } from './read-auth-options.ts';

describe('readAuthOptions', () => {
  it('uses accounts when CONCORD_AUTH is unset, so npm start needs nothing else', () => {
    expect(readAuthOptions({}, '127.0.0.1')).toMatchObject({ mode: 'accounts' });
  });

  it('allows off on loopback addresses only', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]']) {
      expect(readAuthOptions({ CONCORD_AUTH: 'off' }, host)).toEqual({ mode: 'off' });
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.5', 'docs.example.com']) {
      expect(readAuthOptions({ CONCORD_AUTH: 'off' }, host)).toMatch(/only on a loopback/);
    }
  });

  it('reads the proxy mode with its header and trusted addresses', () => {
    expect(
      readAuthOptions(
        {
          CONCORD_AUTH: 'proxy',
          CONCORD_AUTH_PROXY_HEADER: 'X-Auth-Request-User',
          CONCORD_TRUSTED_PROXIES: '10.0.0.5, ::1',
        },
        '0.0.0.0',
      ),
    ).toMatchObject({
      mode: 'proxy',
      proxyHeader: 'X-Auth-Request-User',
      trustedProxies: ['10.0.0.5', '::1'],
    });
  });

  it('knows loopback from the rest', () => {
    expect(isLoopback('127.10.0.1')).toBe(true);
    expect(isLoopback('128.0.0.1')).toBe(false);
  });
});
