import { describe, expect, it } from 'vitest';
import { describeWhoseChanges } from './summarize-merge.ts';

describe('describeWhoseChanges', () => {
  it('names the colleague, or someone else (lowercase, inside the sentence) when the server does not say', () => {
    expect(describeWhoseChanges({ who: 'Alice' }, false)).toBe('Alice’s changes');
    expect(describeWhoseChanges({ who: '' }, false)).toBe('someone else’s changes');
  });

  it('calls changes saved in another tab of this browser the person’s own, whatever the name', () => {
    expect(describeWhoseChanges({ who: 'Dana' }, true)).toBe('your other tab’s changes');
  });
});
