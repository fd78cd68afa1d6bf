import { problemTypes } from '../../protocol/problem.ts';
import { ProblemError } from './problem-error.ts';

/** A 404 problem; `detail` says what was looked for. */
export function createNotFoundProblem(detail: string): ProblemError {
  return new ProblemError({ type: problemTypes.notFound, title: 'Not found', status: 404, detail });
}
