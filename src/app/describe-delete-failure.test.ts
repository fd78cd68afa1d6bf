import { describe, expect, it } from 'vitest';
import { ApiError } from '../client/index.ts';
import { problemTypes } from '../protocol/index.ts';
import { describeDeleteFailure } from './describe-delete-failure.ts';

const current = {
  id: 'd1',
  title: 'Plan',
  body: 'text',
  version: 3,
  created_at: '2026-12-01T10:00:00.000Z',
  updated_at: '2026-12-01T11:00:00.000Z',
  updated_by: 'Bob',
};

describe('describeDeleteFailure', () => {
  it('counts a document someone else deleted first as deleted', () => {
    const deleted = new ApiError(
      409,
      {
        type: problemTypes.documentDeleted,
        title: 'Document deleted',
        status: 409,
        deleted_at: '2026-12-01T12:00:00.000Z',
        restore: '/api/trash/d1/restore',
      },
      undefined,
    );
    expect(describeDeleteFailure(deleted)).toBeUndefined();
  });

  it('says who saved a newer version, which is not deleted unseen', () => {
    const stale = new ApiError(
      409,
      {
        type: problemTypes.editConflict,
        title: 'Edit conflict',
        status: 409,
        current,
        current_etag: '"v3"',
      },
      undefined,
    );
    expect(describeDeleteFailure(stale)).toMatch(/^Not deleted: Bob saved version 3 since/);
  });

  it('says a purged document is gone, and other failures as they are', () => {
    expect(describeDeleteFailure(new ApiError(404, undefined, undefined))).toMatch(
      /no longer exists/,
    );
    expect(describeDeleteFailure(new TypeError('fetch failed'))).toMatch(
      /^Not deleted: The server could not be reached/,
    );
  });
});
