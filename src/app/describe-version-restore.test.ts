import { describe, expect, it } from 'vitest';
import { ApiError } from '../client/index.ts';
import { problemTypes } from '../protocol/index.ts';
import { describeVersionRestoreFailure } from './describe-version-restore.ts';

describe('describeVersionRestoreFailure', () => {
  it('says whose newer version stopped the restore, and that it is kept', () => {
    const stale = new ApiError(
      409,
      {
        type: problemTypes.editConflict,
        title: 'Edit conflict',
        status: 409,
        current: {
          id: 'd1',
          title: 'Plan',
          body: 'text',
          version: 4,
          created_at: '2026-12-01T10:00:00.000Z',
          updated_at: '2026-12-01T11:00:00.000Z',
          updated_by: 'Bob',
        },
        current_etag: '"v4"',
      },
      undefined,
    );
    const failure = describeVersionRestoreFailure(stale, 2);
    expect(failure.kind).toBe('newer');
    expect(failure.message).toMatch(
      /^Not restored: Bob saved version 4 meanwhile, and it was not overwritten/,
    );
  });

  it('passes other failures on as a save error', () => {
    const failure = describeVersionRestoreFailure(new ApiError(503, undefined, undefined), 2);
    expect(failure).toMatchObject({ kind: 'failed' });
    expect(failure.message).toMatch(/server is unable just now/);
  });
});
