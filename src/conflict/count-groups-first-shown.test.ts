import { describe, expect, it } from 'vitest';
import {
  countGroupsFirstShown,
  groupsAtOnce,
  groupsFirstShown,
} from './count-groups-first-shown.ts';
import type { ConflictStatus } from './resolution-state.ts';

const open = (n: number): ConflictStatus[] => Array<ConflictStatus>(n).fill('unresolved');

describe('countGroupsFirstShown', () => {
  it('renders every group of a dialog with a few dozen conflicts at once', () => {
    expect(countGroupsFirstShown(open(1))).toBe(1);
    expect(countGroupsFirstShown(open(groupsAtOnce))).toBe(groupsAtOnce);
    expect(countGroupsFirstShown([])).toBe(0);
  });

  it('renders the first screens of a larger dialog first', () => {
    expect(countGroupsFirstShown(open(200))).toBe(groupsFirstShown);
  });

  it('includes the first open conflict, where focus goes, and the screens after it', () => {
    const resumed = [...Array<ConflictStatus>(150).fill('mine'), ...open(50)];
    expect(countGroupsFirstShown(resumed)).toBe(150 + groupsFirstShown);
    const nearEnd = [...Array<ConflictStatus>(195).fill('theirs'), ...open(5)];
    expect(countGroupsFirstShown(nearEnd)).toBe(200);
  });

  it('starts from conflict 1 when none is open', () => {
    expect(countGroupsFirstShown(Array<ConflictStatus>(100).fill('edited'))).toBe(groupsFirstShown);
  });
});
