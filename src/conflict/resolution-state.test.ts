import { describe, expect, it } from 'vitest';
import {
  canRedo,
  canUndo,
  countConflictsLeft,
  createResolution,
  findStatuses,
  findUnresolved,
  isUnresolved,
  rebaseResolution,
  simpleChoice,
  resolveReducer,
  type ResolutionAction,
  type ResolutionState,
} from './resolution-state.ts';

const base = 'one\ntwo\nthree\nfour\nfive\n';
const mine = 'ONE\ntwo\nthree (mine)\nfour\nfive\n';
const theirs = 'one\ntwo\nthree (theirs)\nfour\nFIVE\n';

function apply(state: ResolutionState, ...actions: ResolutionAction[]): ResolutionState {
  return actions.reduce(resolveReducer, state);
}

describe('createResolution', () => {
  it('applies changes that do not overlap and leaves none to resolve', () => {
    const state = createResolution({
      base,
      mine: 'ONE\n' + base.slice(4),
      theirs: base.replace('five', 'FIVE'),
    });
    expect(state.text).toBe('ONE\ntwo\nthree\nfour\nFIVE\n');
    expect(state.conflicts).toHaveLength(0);
    expect(countConflictsLeft(state)).toBe(0);
  });

  it('marks an overlapping change as a conflict block between the merged changes', () => {
    const state = createResolution({ base, mine, theirs });
    expect(state.conflicts).toHaveLength(1);
    expect(state.conflicts[0]).toMatchObject({
      number: 1,
      base: 'three\n',
      mine: 'three (mine)\n',
      theirs: 'three (theirs)\n',
    });
    expect(state.text.startsWith('ONE\ntwo\n<<<<<<< ')).toBe(true);
    expect(state.text.endsWith('four\nFIVE\n')).toBe(true);
    expect(countConflictsLeft(state)).toBe(1);
    expect(isUnresolved(state, 1)).toBe(true);
  });
});

describe('resolveReducer', () => {
  it('puts the chosen side in place of the conflict', () => {
    const initial = createResolution({ base, mine, theirs });
    expect(apply(initial, { type: 'choose', conflict: 1, choice: 'mine' }).text).toBe(
      'ONE\ntwo\nthree (mine)\nfour\nFIVE\n',
    );
    expect(apply(initial, { type: 'choose', conflict: 1, choice: 'theirs' }).text).toBe(
      'ONE\ntwo\nthree (theirs)\nfour\nFIVE\n',
    );
    expect(apply(initial, { type: 'choose', conflict: 1, choice: 'base' }).text).toBe(
      'ONE\ntwo\nthree\nfour\nFIVE\n',
    );
  });

  it('keeps both sides in either order', () => {
    const initial = createResolution({ base, mine, theirs });
    expect(apply(initial, { type: 'choose', conflict: 1, choice: 'both' }).text).toBe(
      'ONE\ntwo\nthree (mine)\nthree (theirs)\nfour\nFIVE\n',
    );
    expect(apply(initial, { type: 'choose', conflict: 1, choice: 'both-theirs-first' }).text).toBe(
      'ONE\ntwo\nthree (theirs)\nthree (mine)\nfour\nFIVE\n',
    );
  });

  it('does not glue lines together when both sides end without a newline', () => {
    const state = createResolution({
      base: 'a\nend',
      mine: 'a\nmine end',
      theirs: 'a\ntheirs end',
    });
    expect(apply(state, { type: 'choose', conflict: 1, choice: 'both' }).text).toBe(
      'a\nmine end\ntheirs end',
    );
  });

  it('records the choice and counts the conflict as resolved', () => {
    const state = apply(createResolution({ base, mine, theirs }), {
      type: 'choose',
      conflict: 1,
      choice: 'theirs',
    });
    expect(findStatuses(state)).toEqual(['theirs']);
    expect(isUnresolved(state, 1)).toBe(false);
    expect(countConflictsLeft(state)).toBe(0);
  });

  it('resolves only the chosen one of two identical conflicts', () => {
    // Four unchanged lines apart, so git (and Concord) keep them as two conflicts.
    const state = createResolution({
      base: 'x\ny\n1\n2\n3\n4\ny\nw\n',
      mine: 'x\nM\n1\n2\n3\n4\nM\nw\n',
      theirs: 'x\nT\n1\n2\n3\n4\nT\nw\n',
    });
    expect(state.conflicts).toHaveLength(2);
    const next = apply(state, { type: 'choose', conflict: 2, choice: 'mine' });
    expect(isUnresolved(next, 1)).toBe(true);
    expect(isUnresolved(next, 2)).toBe(false);
    expect(next.text.endsWith('4\nM\nw\n')).toBe(true);
  });

  it('undoes and redoes every choice and edit', () => {
    const initial = createResolution({ base, mine, theirs });
    expect(canUndo(initial)).toBe(false);
    const chosen = apply(initial, { type: 'choose', conflict: 1, choice: 'mine' });
    const edited = apply(chosen, { type: 'edit', text: chosen.text + 'six\n' });
    const undone = apply(edited, { type: 'undo' });
    expect(undone.text).toBe(chosen.text);
    const undoneTwice = apply(undone, { type: 'undo' });
    expect(undoneTwice.text).toBe(initial.text);
    expect(findStatuses(undoneTwice)).toEqual(['unresolved']);
    expect(canRedo(undoneTwice)).toBe(true);
    expect(apply(undoneTwice, { type: 'redo' }, { type: 'redo' }).text).toBe(edited.text);
  });

  it('drops the redo history when a new action follows an undo', () => {
    const initial = createResolution({ base, mine, theirs });
    const state = apply(
      initial,
      { type: 'choose', conflict: 1, choice: 'mine' },
      { type: 'undo' },
      { type: 'choose', conflict: 1, choice: 'theirs' },
    );
    expect(canRedo(state)).toBe(false);
  });

  it('treats removing the markers by hand as resolving the conflict', () => {
    const initial = createResolution({ base, mine, theirs });
    const state = apply(initial, { type: 'edit', text: 'ONE\ntwo\nthree, by hand\nfour\nFIVE\n' });
    expect(isUnresolved(state, 1)).toBe(false);
    expect(countConflictsLeft(state)).toBe(0);
  });

  it('still counts a conflict whose markers remain after an edit inside them', () => {
    const initial = createResolution({ base, mine, theirs });
    const state = apply(initial, {
      type: 'edit',
      text: initial.text.replace('three (mine)', 'three (mine, edited)'),
    });
    expect(isUnresolved(state, 1)).toBe(false);
    expect(countConflictsLeft(state)).toBe(1);
  });

  it('accepts all of one side at once', () => {
    const state = apply(createResolution({ base, mine, theirs }), {
      type: 'chooseAll',
      choice: 'theirs',
    });
    expect(state.text).toBe('ONE\ntwo\nthree (theirs)\nfour\nFIVE\n');
    expect(countConflictsLeft(state)).toBe(0);
  });

  it('resets to the merge as it first was', () => {
    const initial = createResolution({ base, mine, theirs });
    const state = apply(
      initial,
      { type: 'choose', conflict: 1, choice: 'mine' },
      { type: 'reset' },
    );
    expect(state.text).toBe(initial.text);
    expect(canUndo(state)).toBe(true);
  });
});

describe('titles', () => {
  it('takes the one changed title without asking', () => {
    const state = createResolution({
      base,
      mine: base,
      theirs: base,
      titles: { base: 'T', mine: 'T', theirs: 'New' },
    });
    expect(state.title).toMatchObject({ value: 'New', resolved: true });
  });

  it('asks when both changed the title differently, and counts it as a conflict', () => {
    const initial = createResolution({
      base,
      mine: base,
      theirs: base,
      titles: { base: 'T', mine: 'Mine', theirs: 'Theirs' },
    });
    expect(initial.title.resolved).toBe(false);
    expect(countConflictsLeft(initial)).toBe(1);
    const picked = apply(initial, { type: 'chooseTitle', choice: 'theirs' });
    expect(picked.title).toMatchObject({ value: 'Theirs', resolved: true });
    expect(countConflictsLeft(picked)).toBe(0);
    expect(apply(initial, { type: 'editTitle', value: 'Both' }).title).toMatchObject({
      value: 'Both',
      resolved: true,
    });
  });
});

describe('findUnresolved', () => {
  it('lists exactly the conflicts whose blocks remain', () => {
    const state = createResolution({
      base: 'x\ny\n1\n2\n3\n4\ny\nw\n',
      mine: 'x\nM\n1\n2\n3\n4\nM\nw\n',
      theirs: 'x\nT\n1\n2\n3\n4\nT\nw\n',
    });
    expect([...findUnresolved(state)]).toEqual([1, 2]);
    const next = apply(state, { type: 'choose', conflict: 1, choice: 'theirs' });
    expect([...findUnresolved(next)]).toEqual([2]);
    for (const n of [1, 2]) expect(findUnresolved(next).has(n)).toBe(isUnresolved(next, n));
  });
});

describe('resolveSimple', () => {
  it('settles conflicts where one choice loses nothing, and leaves the real ones', () => {
    const state = createResolution({
      base: 'a\n1\n2\n3\n4\nb\n1\n2\n3\n4\nc\n',
      // a: white space only; b: theirs adds to what mine added; c: a real conflict.
      mine: 'a  x\n1\n2\n3\n4\nb plus\n1\n2\n3\n4\nc mine\n',
      theirs: 'a x\n1\n2\n3\n4\nb plus more\n1\n2\n3\n4\nc theirs\n',
    });
    expect(state.conflicts).toHaveLength(3);
    const next = apply(state, { type: 'resolveSimple' });
    expect(findStatuses(next)).toEqual(['mine', 'theirs', 'unresolved']);
    expect(countConflictsLeft(next)).toBe(1);
    expect(next.text.startsWith('a  x\n1\n2\n3\n4\nb plus more\n')).toBe(true);
  });

  it('does not call a deletion simple: taking the fuller side would undo it', () => {
    expect(simpleChoice({ base: 'a b\n', mine: 'a\n', theirs: 'a b c\n' })).toBeNull();
  });

  it('changes nothing, and records no step, when nothing is simple', () => {
    const state = createResolution({ base, mine, theirs });
    expect(apply(state, { type: 'resolveSimple' })).toBe(state);
  });
});

describe('rebaseResolution', () => {
  const base3 = 'a\n1\n2\n3\n4\nb\n1\n2\n3\n4\nc\n';
  const mine3 = 'a mine\n1\n2\n3\n4\nb mine\n1\n2\n3\n4\nc mine\n';
  const theirs3 = 'a theirs\n1\n2\n3\n4\nb theirs\n1\n2\n3\n4\nc theirs\n';

  it('keeps the choices that still apply against a newer theirs, and asks again where it changed', () => {
    const state = apply(
      createResolution({ base: base3, mine: mine3, theirs: theirs3 }),
      { type: 'choose', conflict: 1, choice: 'theirs' },
      { type: 'choose', conflict: 2, choice: 'theirs' },
      { type: 'choose', conflict: 3, choice: 'mine' },
    );
    // Theirs changed again at b only.
    const newer = theirs3.replace('b theirs', 'b theirs, revised');
    const next = rebaseResolution(state, { base: base3, mine: mine3, theirs: newer });
    expect(findStatuses(next)).toEqual(['theirs', 'unresolved', 'mine']);
    expect(countConflictsLeft(next)).toBe(1);
    expect(next.conflicts[1]!.theirs).toBe('b theirs, revised\n');
    expect(next.text.startsWith('a theirs\n')).toBe(true);
    expect(next.text.endsWith('c mine\n')).toBe(true);
    expect(canUndo(next)).toBe(false);
  });

  it('takes in what theirs changed elsewhere', () => {
    const state = apply(createResolution({ base: base3, mine: mine3, theirs: theirs3 }), {
      type: 'chooseAll',
      choice: 'mine',
    });
    const newer = theirs3.replace('1\n2\n3\n4\nc', '1\n2\nthree\n4\nc');
    const next = rebaseResolution(state, { base: base3, mine: mine3, theirs: newer });
    expect(countConflictsLeft(next)).toBe(0);
    expect(next.text).toBe('a mine\n1\n2\n3\n4\nb mine\n1\n2\nthree\n4\nc mine\n');
  });
});
