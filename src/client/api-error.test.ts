import { describe, expect, it } from 'vitest';
import { problemTypes } from '../protocol/index.ts';
import {
  ApiError,
  conflictProblemOf,
  documentDeletedProblemOf,
  isSaveConflict,
  titleTakenProblemOf,
} from './api-error.ts';

const titleTaken = new ApiError(
  409,
  {
    type: problemTypes.titleTaken,
    title: 'Title already used',
    status: 409,
    existing: { id: 'd2', title: 'Plan' },
  },
  undefined,
);

describe('isSaveConflict', () => {
  it('takes a 409 edit conflict, a bare 409 and a 412 for lost updates', () => {
    const editConflict = new ApiError(
      409,
      { type: problemTypes.editConflict, title: 'Edit conflict', status: 409 },
      undefined,
    );
    expect(isSaveConflict(editConflict)).toBe(true);
    expect(isSaveConflict(new ApiError(409, undefined, undefined))).toBe(true);
    expect(isSaveConflict(new ApiError(412, undefined, undefined))).toBe(true);
  });

  it('does not take a title already used for a lost update', () => {
    expect(isSaveConflict(titleTaken)).toBe(false);
    expect(conflictProblemOf(titleTaken)).toBeUndefined();
  });
});

describe('titleTakenProblemOf', () => {
  it('reads the document that has the title', () => {
    expect(titleTakenProblemOf(titleTaken)?.existing).toEqual({ id: 'd2', title: 'Plan' });
  });

  it('finds nothing in other errors, or in a title-taken problem without the document', () => {
    expect(titleTakenProblemOf(new ApiError(409, undefined, undefined))).toBeUndefined();
    const incomplete = new ApiError(
      409,
      { type: problemTypes.titleTaken, title: 'Title already used', status: 409 },
      undefined,
    );
    expect(titleTakenProblemOf(incomplete)).toBeUndefined();
    expect(titleTakenProblemOf(new TypeError('offline'))).toBeUndefined();
  });
});

describe('documentDeletedProblemOf', () => {
  const deleted = new ApiError(
    409,
    {
      type: problemTypes.documentDeleted,
      title: 'Document deleted',
      status: 409,
      deleted_at: '2026-12-01T10:00:00.000Z',
      restore: '/api/trash/d1/restore',
    },
    undefined,
  );

  it('reads how to restore a document in the trash, which is no lost update to merge', () => {
    expect(documentDeletedProblemOf(deleted)?.restore).toBe('/api/trash/d1/restore');
    expect(isSaveConflict(deleted)).toBe(false);
  });

  it('finds nothing in an edit conflict', () => {
    expect(documentDeletedProblemOf(new ApiError(409, undefined, undefined))).toBeUndefined();
  });
});
