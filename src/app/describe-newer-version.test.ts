import { describe, expect, it } from 'vitest';
import {
  describeLiveUpdate,
  describeNewerVersion,
  nameMergeNewerButton,
} from './describe-newer-version.ts';

describe('describeNewerVersion', () => {
  it('names the colleague who saved', () => {
    expect(describeNewerVersion({ updatedBy: 'Alice', savedInThisBrowser: false }, 3)).toBe(
      'Alice saved a newer version (version 3) while you were editing.',
    );
    expect(describeNewerVersion({ updatedBy: '', savedInThisBrowser: false }, 3)).toBe(
      'Someone saved a newer version (version 3) while you were editing.',
    );
  });

  it('says "you" for a save in another tab of this browser, whatever its name', () => {
    expect(describeNewerVersion({ updatedBy: 'Dana', savedInThisBrowser: true }, 4)).toBe(
      'You saved a newer version in another tab (version 4).',
    );
  });
});

describe('nameMergeNewerButton', () => {
  it('merges a colleague’s changes as theirs', () => {
    expect(nameMergeNewerButton({ updatedBy: 'Alice', savedInThisBrowser: false })).toBe(
      'Merge their changes',
    );
  });

  it('does not call the person’s own save in another tab theirs', () => {
    expect(nameMergeNewerButton({ updatedBy: 'Dana', savedInThisBrowser: true })).toBe(
      'Merge the changes from your other tab',
    );
  });
});

describe('describeLiveUpdate', () => {
  it('names who saved the version the tab now shows', () => {
    expect(describeLiveUpdate({ updatedBy: 'Alice', savedInThisBrowser: false }, 3)).toBe(
      'Alice saved version 3; the text is updated.',
    );
    expect(describeLiveUpdate({ updatedBy: 'Dana', savedInThisBrowser: true }, 4)).toBe(
      'You saved version 4 in another tab; the text is updated.',
    );
  });
});
