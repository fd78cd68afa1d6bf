import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem } from '../../protocol/problem.ts';
import { createJsonResponse } from './create-json-response.ts';

/**
 * A deliberate error answer: thrown anywhere in a handler, sent by `handleError` as an
 * `application/problem+json` document (RFC 9457) with any extra headers (`Allow`, …).
 *
 * @example
 * throw new ProblemError({ type: problemTypes.notFound, title: 'Not found', status: 404 });
 */
export class ProblemError extends HTTPException {
  readonly problem: Problem;
  readonly headers: Record<string, string>;

  constructor(problem: Problem, headers: Record<string, string> = {}) {
    super(problem.status as ContentfulStatusCode, { message: problem.detail ?? problem.title });
    this.problem = problem;
    this.headers = headers;
  }

  override getResponse(): Response {
    return createProblemResponse(this.problem, this.headers);
  }
}

/** An `application/problem+json` response for `problem`, with its status. */
export function createProblemResponse(
  problem: Problem,
  headers: Record<string, string> = {},
): Response {
  return createJsonResponse(problem, problem.status, {
    ...headers,
    'Content-Type': 'application/problem+json',
  });
}
