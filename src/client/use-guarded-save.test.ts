import { describe, expect, it } from 'vitest';
import { refuseUnresolved } from './use-guarded-save.ts';

const conflict = {
  base: 'Notes\n=======\none\n',
  mine: 'Notes\n=======\none (mine)\n',
  theirs: 'Notes\n=======\none (theirs)\n',
  theirsEtag: '"2"',
};

describe('refuseUnresolved', () => {
  it('refuses a resolution that still holds a conflict marker the dialog wrote', () => {
    const text = 'Notes\n=======\n<<<<<<< mine (conflict 1)\none (mine)\n';
    expect(refuseUnresolved(text, conflict)?.message).toBe(
      'Not saved: conflict 1 is not resolved yet (a conflict marker is left on line 3).',
    );
  });

  it('lets a resolved text through, heading underline and all', () => {
    expect(refuseUnresolved('Notes\n=======\none (mine)\n', conflict)).toBeUndefined();
  });

  it('lets through a marker line that was already in mine', () => {
    const mine = '<<<<<<< mine (conflict 1)\n';
    expect(refuseUnresolved(mine, { ...conflict, mine })).toBeUndefined();
  });
});
