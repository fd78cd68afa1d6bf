import { describe, expect, it } from 'vitest';
import { ApiError } from '../client/index.ts';
import { describeError, describeSaveError } from './describe-error.ts';

describe('describeSaveError', () => {
  it('says a 5xx is the server’s passing trouble and that the edits are kept', () => {
    const error = new ApiError(
      503,
      { type: 'about:blank', title: 'Service Unavailable', status: 503 },
      undefined,
    );
    expect(describeSaveError(error)).toBe(
      'Not saved: the server is unable just now (Service Unavailable). Your edits are kept here; try Save again in a moment.',
    );
  });

  it('leaves other answers to describeError', () => {
    const error = new ApiError(
      400,
      { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Body: too long' },
      undefined,
    );
    expect(describeSaveError(error)).toBe(describeError(error));
    expect(describeSaveError(new TypeError('fetch failed'))).toBe(
      'The server could not be reached. Your edits are kept here; try again.',
    );
  });
});
