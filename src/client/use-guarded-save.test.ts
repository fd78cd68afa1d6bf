import { describe, expect, it } from 'vitest';
import { decideResolution, refuseUnresolved } from './use-guarded-save.ts';

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

  it('refuses a marker of translated labels when told them', () => {
    const markers = {
      mine: 'meins (Konflikt {n})',
      separator: '(Konflikt {n})',
      theirs: 'deren (Konflikt {n})',
    };
    const text = 'Notes\n=======\none\n>>>>>>> deren (Konflikt 2)\n';
    expect(refuseUnresolved(text, conflict)).toBeUndefined();
    expect(refuseUnresolved(text, conflict, markers)?.message).toBe(
      'Not saved: conflict 2 is not resolved yet (a conflict marker is left on line 4).',
    );
  });

  it('lets through a marker line that was already in mine', () => {
    const mine = '<<<<<<< mine (conflict 1)\n';
    expect(refuseUnresolved(mine, { ...conflict, mine })).toBeUndefined();
  });
});

describe('decideResolution', () => {
  const doc = (title: string, body: string) => ({ title, body });
  const conflict = {
    base: doc('Plan', 'one\n'),
    mine: doc('Plan', 'one (mine)\n'),
    theirs: { ...doc('Plan', 'one (theirs)\n'), version: 3 },
    theirsEtag: '"3"',
    refusal: { status: 409, problem: undefined },
  };
  const texts = (value: { title: string; body: string }) => [value.title, value.body];

  it('saves a resolution against theirs, theirs becoming the base of a next merge', () => {
    const value = doc('Plan', 'one (both)\n');
    expect(decideResolution(conflict, { value, how: 'merged' }, texts)).toEqual({
      kind: 'save',
      draft: { base: conflict.theirs, value, etag: '"3"' },
    });
  });

  it('keeps theirs without sending anything when the person took theirs', () => {
    expect(decideResolution(conflict, { value: conflict.theirs, how: 'theirs' }, texts)).toEqual({
      kind: 'theirs',
      saved: { value: conflict.theirs, etag: '"3"', how: 'theirs' },
    });
  });

  it('refuses a value with a marker the dialog wrote in any of its texts (the title too)', () => {
    const value = doc('<<<<<<< mine (conflict 1)', 'one\n');
    const step = decideResolution(conflict, { value }, texts);
    expect(step.kind).toBe('refused');
    expect(step.kind === 'refused' && step.error.message).toMatch(/conflict 1 is not resolved/);
  });

  it("refuses a marker of the dialog's own labels that came with the resolution", () => {
    const markers = { mine: 'mío {n}', separator: '{n}', theirs: 'suyo {n}' };
    const value = doc('Plan', 'one\n======= 1\n');
    expect(decideResolution(conflict, { value }, texts).kind).toBe('save');
    const step = decideResolution(conflict, { value, markers }, texts);
    expect(step.kind === 'refused' && step.error.message).toBe(
      'Not saved: conflict 1 is not resolved yet (a conflict marker is left on line 2).',
    );
  });
});
