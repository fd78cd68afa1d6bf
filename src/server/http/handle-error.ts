import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { problemTypes } from '../../protocol/problem.ts';
import { isClientGone } from './is-client-gone.ts';
import { createProblemResponse, ProblemError } from './problem-error.ts';

/**
 * The status of an answer to a client that went away mid-request (nginx's "client closed
 * request"): never sent, but the request log and the metrics tell it from a fault.
 */
export const clientClosedStatus = 499;

/**
 * The app's one error path (`app.onError`): deliberate errors are sent as they are, as problem
 * documents; a client gone mid-request gets 499; anything else is a bug, answered with a bare
 * 500 that leaks nothing, and logged with its stack by the request log (`observeRequests`
 * reads `c.error`).
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
  if (isClientGone(c)) {
    return createProblemResponse({
      type: 'about:blank',
      title: 'Client closed request',
      status: clientClosedStatus,
    });
  }
  return createProblemResponse({
    type: problemTypes.internal,
    title: 'Internal server error',
    status: 500,
    detail: 'The server failed to answer this request. Nothing you sent was lost on your side.',
  });
}
