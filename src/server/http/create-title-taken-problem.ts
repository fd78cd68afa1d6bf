import { problemTypes } from '../../protocol/problem.ts';
import type { TitleTakenProblem } from '../../protocol/problem.ts';
import { ProblemError } from './problem-error.ts';

/** 409 to a create or rename whose title another document already has, naming that one. */
export function createTitleTakenProblem(existing: { id: string; title: string }): ProblemError {
  const problem: TitleTakenProblem = {
    type: problemTypes.titleTaken,
    title: 'Title already used',
    status: 409,
    detail: `The title ${JSON.stringify(existing.title)} is already used by another document; pick another or open it.`,
    existing,
  };
  return new ProblemError(problem);
}
