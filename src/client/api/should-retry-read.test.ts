import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-error.ts';
import { shouldRetryRead } from './should-retry-read.ts';

describe('shouldRetryRead', () => {
  it('never retries an answer about the request (4xx)', () => {
    for (const status of [400, 403, 404, 410, 429]) {
      expect(shouldRetryRead(0, new ApiError(status, undefined, undefined))).toBe(false);
    }
  });

  it('retries network and server errors three times', () => {
    const offline = new TypeError('Failed to fetch');
    const down = new ApiError(503, undefined, undefined);
    expect([0, 1, 2, 3].map((n) => shouldRetryRead(n, offline))).toEqual([true, true, true, false]);
    expect(shouldRetryRead(0, down)).toBe(true);
    expect(shouldRetryRead(3, down)).toBe(false);
  });
});
