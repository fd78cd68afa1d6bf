import { describe, expect, it } from 'vitest';
import { createSignInThrottle } from './throttle-sign-in.ts';

const limits = { perAccount: 3, perAddress: 5, windowMs: 60_000 };

function setUp() {
  let now = 1_000_000;
  const throttle = createSignInThrottle(limits, () => now);
  return { throttle, advance: (ms: number) => (now += ms) };
}

describe('createSignInThrottle', () => {
  it('stops an account after its limit of failures, until the oldest leaves the window', () => {
    const { throttle, advance } = setUp();
    for (let i = 0; i < 3; i++) {
      expect(throttle.check('alice', `10.0.0.${i}`).allowed).toBe(true);
      throttle.recordFailure('alice', `10.0.0.${i}`);
      advance(10_000);
    }
    // Failures at 0, 10 and 20 s; now 30 s: the first counts until 60 s.
    expect(throttle.check('alice', '10.0.0.9')).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(throttle.check('bob', '10.0.0.9').allowed).toBe(true);
    advance(30_000);
    expect(throttle.check('alice', '10.0.0.9').allowed).toBe(true);
  });

  it('stops an address that tries many accounts', () => {
    const { throttle } = setUp();
    for (let i = 0; i < 5; i++) throttle.recordFailure(`user${i}`, '203.0.113.9');
    expect(throttle.check('someone-else', '203.0.113.9').allowed).toBe(false);
    expect(throttle.check('someone-else', '203.0.113.10').allowed).toBe(true);
  });

  it("forgets an account's failures once its owner signs in", () => {
    const { throttle } = setUp();
    throttle.recordFailure('alice', 'a');
    throttle.recordFailure('alice', 'b');
    throttle.recordSuccess('alice');
    throttle.recordFailure('alice', 'c');
    throttle.recordFailure('alice', 'd');
    expect(throttle.check('alice', 'e').allowed).toBe(true);
  });
});
