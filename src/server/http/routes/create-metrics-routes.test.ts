import { describe, expect, it } from 'vitest';
import { isLoopback } from './create-metrics-routes.ts';

describe('isLoopback', () => {
  it('knows 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])
      expect(isLoopback(address), address).toBe(true);
  });

  it('refuses every other address, and one that only looks alike', () => {
    for (const address of [
      '10.0.0.1',
      '::ffff:10.0.0.1',
      '1127.0.0.1',
      '127.0.0.1.evil',
      'unknown',
      '',
    ])
      expect(isLoopback(address), address).toBe(false);
  });
});
