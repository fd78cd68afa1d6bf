import { problemTypes } from '../../protocol/problem.ts';
import { ProblemError } from '../http/problem-error.ts';

/** How many event streams may be open at once. */
export interface EventStreamCaps {
  /** Streams one client address may hold open (several tabs, each with a list and a document). */
  perClient: number;
  /** Streams over all clients: each is an open connection, a file descriptor and a buffer. */
  total: number;
}

/**
 * Room for a person with a dozen tabs (a list stream and a document stream each, and the
 * browser's own limit of six connections per host over HTTP/1.1 in mind), and for a team
 * well past what one process serves; far below the file-descriptor limits a server usually
 * runs with, so other clients keep being answered. Behind a reverse proxy every client has
 * the proxy's address: raise `perClient` there.
 */
export const defaultEventStreamCaps: EventStreamCaps = { perClient: 20, total: 1000 };

/** Seconds a refused client is asked to wait: streams free up as people close tabs. */
const retryAfterSeconds = 10;

/** Counts open event streams; `open` reserves one or throws the problem to answer. */
export interface EventStreamLimiter {
  /**
   * Reserves a stream for `client` (its address); returns the release, to call exactly once
   * when the stream ends. Throws 429 past the per-client cap, 503 past the total.
   */
  open(client: string): () => void;
  /** Streams open now, over all clients. */
  readonly size: number;
}

/**
 * A counter of open event streams per client address and in total (see `EventStreamCaps`).
 * A refusal is an answer, not an exhausted server: 429 with `Retry-After` (RFC 6585 §4) when
 * one client holds too many, 503 with `Retry-After` (RFC 9110 §15.6.4) when the server does.
 *
 * @example
 * const limiter = createEventStreamLimiter({ perClient: 20, total: 1000 });
 * const release = limiter.open('10.0.0.7'); // throws a ProblemError when full
 * release();
 */
export function createEventStreamLimiter(caps: EventStreamCaps): EventStreamLimiter {
  if (!(caps.perClient >= 1) || !(caps.total >= 1)) {
    throw new Error('event stream caps: perClient and total must be at least 1');
  }
  const perClient = new Map<string, number>();
  let total = 0;
  return {
    open(client) {
      const held = perClient.get(client) ?? 0;
      if (held >= caps.perClient) {
        throw new ProblemError(
          {
            type: problemTypes.tooManyStreams,
            title: 'Too many event streams',
            status: 429,
            detail: `This client has ${held} event streams open, the most one client may; close one (a tab) or retry after ${retryAfterSeconds} s.`,
          },
          { 'Retry-After': String(retryAfterSeconds) },
        );
      }
      if (total >= caps.total) {
        throw new ProblemError(
          {
            type: problemTypes.serverBusy,
            title: 'Server busy',
            status: 503,
            detail: `The server has ${total} event streams open, the most it serves at once; retry after ${retryAfterSeconds} s.`,
          },
          { 'Retry-After': String(retryAfterSeconds) },
        );
      }
      perClient.set(client, held + 1);
      total += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        total -= 1;
        const left = (perClient.get(client) ?? 1) - 1;
        if (left === 0) perClient.delete(client);
        else perClient.set(client, left);
      };
    },
    get size() {
      return total;
    },
  };
}
