import type { Context } from 'hono';
import { problemTypes } from '../../protocol/problem.ts';
import { ProblemError } from './problem-error.ts';

/**
 * A catch-all handler for a path whose methods are `allowed`: 405 with `Allow`
 * (RFC 9110 §15.5.6), or 204 with `Allow` to `OPTIONS` (§9.3.7). Register it after the path's
 * real handlers.
 */
export function answerMethodNotAllowed(allowed: readonly string[]) {
  const allow = [...allowed, 'OPTIONS'].join(', ');
  return (c: Context): Response => {
    if (c.req.method === 'OPTIONS') return c.body(null, 204, { Allow: allow });
    throw new ProblemError(
      {
        type: problemTypes.methodNotAllowed,
        title: 'Method not allowed',
        status: 405,
        detail: `${c.req.method} is not allowed here; use ${allow}.`,
      },
      { Allow: allow },
    );
  };
}
