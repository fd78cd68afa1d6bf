import { describe, expect, it } from 'vitest';
import { ApiError } from '../client/index.ts';
import { problemTypes } from '../protocol/index.ts';
import {
  describeRestoreFailure,
  followStream,
  isDeletedShown,
  markRestore,
} from './restore-mark.ts';

describe('isDeletedShown', () => {
  it('shows a document the flow or the stream says is deleted, until this tab restores it', () => {
    expect(isDeletedShown(false, false, null)).toBe(false);
    expect(isDeletedShown(true, false, null)).toBe(true);
    expect(isDeletedShown(false, true, null)).toBe(true);
    expect(isDeletedShown(true, true, markRestore(true))).toBe(false);
  });

  it('ignores the flow’s lasting mark after a restore, but not a new delete on the stream', () => {
    let mark = markRestore(true);
    expect(isDeletedShown(true, true, mark)).toBe(false); // stream not caught up yet
    mark = followStream(mark, false); // the stream heard `restored`
    expect(isDeletedShown(true, false, mark)).toBe(false);
    mark = followStream(mark, true); // deleted again
    expect(isDeletedShown(true, true, mark)).toBe(true);
  });

  it('counts a stream that never said deleted as caught up at once', () => {
    expect(isDeletedShown(true, true, markRestore(false))).toBe(true);
  });
});

describe('describeRestoreFailure', () => {
  it('names the document that took the title', () => {
    const taken = new ApiError(
      409,
      {
        type: problemTypes.titleTaken,
        title: 'Title already used',
        status: 409,
        existing: { id: 'd2', title: 'Plan' },
      },
      undefined,
    );
    expect(describeRestoreFailure(taken)).toMatch(/another document is now called “Plan”/);
  });

  it('says a purged document is no longer in the trash', () => {
    expect(describeRestoreFailure(new ApiError(404, undefined, undefined))).toMatch(/purged/);
  });
});
