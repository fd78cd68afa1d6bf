import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { problemTypes } from '../protocol/problem.ts';
import { createProblemResponse, ProblemError } from './problem-error.ts';

/**
 * The app's one error path (`app.onError`): deliberate errors are sent as they are, as problem
 * documents; anything else is a bug, logged and answered with a bare 500 that leaks nothing.
 */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof ProblemError) return error.getResponse();
  if (error instanceof HTTPException) {
    // Thrown by Hono itself or a middleware: keep the status, speak problem+json.
    return createProblemResponse({
      type: 'about:blank',
      title: error.message || 'Request failed',
      status: error.status,
    });
  }
  console.error(`${c.req.method} ${c.req.path} failed:`, error);
  return createProblemResponse({
    type: problemTypes.internal,
    title: 'Internal server error',
    status: 500,
    detail: 'The server failed to answer this request. Nothing you sent was lost on your side.',
  });
}
