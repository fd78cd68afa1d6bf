import type { MiddlewareHandler } from 'hono';
import { problemTypes } from '../../protocol/problem.ts';
import { createProblemResponse } from './problem-error.ts';
import { readClientAddress } from './read-client-address.ts';

/** A token bucket per client: `burst` requests at once, refilled at `perSecond`. */
export interface RateLimit {
  /** Tokens a client starts with and can save up: the largest burst, in requests. */
  burst: number;
  /** Tokens added per second: the sustained rate, in requests per second. */
  perSecond: number;
}

/**
 * Generous enough that a person, the Playwright stories (several workers from one address)
 * and a benchmark are never throttled, while one runaway client cannot starve the others.
 */
export const defaultRateLimit: RateLimit = { burst: 2000, perSecond: 1000 };

// Past this many tracked clients, buckets that have refilled completely are dropped: a full
// bucket is the same as no bucket.
const sweepAbove = 10_000;

/**
 * A middleware that answers 429 with `Retry-After` (RFC 6585 §4, RFC 9110 §10.2.3) when the
 * client (its remote address, see `readClientAddress`) has used up its tokens. `now` is in
 * milliseconds; tests pass a fake clock.
 *
 * @example app.use('*', limitRate({ burst: 20, perSecond: 5 }));
 */
export function limitRate(limit: RateLimit, now: () => number = Date.now): MiddlewareHandler {
  if (!(limit.burst >= 1) || !(limit.perSecond > 0)) {
    throw new Error('rate limit: burst must be at least 1 and perSecond above 0');
  }
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (bucket: { tokens: number; at: number }, time: number) => {
    const elapsed = Math.max(0, time - bucket.at) / 1000;
    bucket.tokens = Math.min(limit.burst, bucket.tokens + elapsed * limit.perSecond);
    bucket.at = time;
  };

  // Not an async function: one promise fewer on every request.
  return (c, next) => {
    const time = now();
    const client = readClientAddress(c);
    let bucket = buckets.get(client);
    if (!bucket) {
      if (buckets.size >= sweepAbove) {
        for (const [key, other] of buckets) {
          refill(other, time);
          if (other.tokens >= limit.burst) buckets.delete(key);
        }
      }
      bucket = { tokens: limit.burst, at: time };
      buckets.set(client, bucket);
    }
    refill(bucket, time);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return next();
    }
    const waitSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond));
    return Promise.resolve(
      createProblemResponse(
        {
          type: problemTypes.rateLimited,
          title: 'Too many requests',
          status: 429,
          detail: `This client sent more than ${limit.perSecond} requests per second; retry after ${waitSeconds} s.`,
        },
        { 'Retry-After': String(waitSeconds) },
      ),
    );
  };
}
