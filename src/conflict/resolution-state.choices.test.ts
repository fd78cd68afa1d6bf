import { describe, expect, it } from 'vitest';
import {
  countConflictsLeft,
  createResolution,
  findStatuses,
  resolveReducer,
  simpleChoice,
  type ResolutionAction,
  type ResolutionState,
} from './resolution-state.ts';

// Twelve conflicts, each line apart from the next by four unchanged lines.
const gap = '1\n2\n3\n4\n';
const lines = (side: string) =>
  Array.from({ length: 12 }, (_, i) => `line ${i + 1}${side}\n${gap}`).join('');
const input = { base: lines(''), mine: lines(' mine'), theirs: lines(' theirs') };

function apply(state: ResolutionState, ...actions: ResolutionAction[]): ResolutionState {
  return actions.reduce(resolveReducer, state);
}

const choose = (conflict: number, choice: 'mine' | 'theirs' | 'both'): ResolutionAction => ({
  type: 'choose',
  conflict,
  choice,
});

describe('changing a choice', () => {
  it('replaces the chosen side with the new one', () => {
    const state = apply(createResolution(input), choose(1, 'mine'), choose(1, 'theirs'));
    expect(state.text.startsWith(`line 1 theirs\n${gap}<<<<<<<`)).toBe(true);
    expect(findStatuses(state)[0]).toBe('theirs');
    expect(apply(state, choose(1, 'both')).text.startsWith('line 1 mine\nline 1 theirs\n1\n')).toBe(
      true,
    );
  });

  it('changes conflict 3 after 4–12 are resolved without undoing them', () => {
    let state = createResolution(input);
    for (let n = 3; n <= 12; n++) state = apply(state, choose(n, 'mine'));
    state = apply(state, choose(3, 'theirs'));
    expect(findStatuses(state)).toEqual([
      'unresolved',
      'unresolved',
      'theirs',
      ...Array.from({ length: 9 }, () => 'mine'),
    ]);
    expect(state.text).toContain(`line 3 theirs\n${gap}line 4 mine\n`);
    expect(state.text.endsWith(`line 12 mine\n${gap}`)).toBe(true);
    expect(countConflictsLeft(state)).toBe(2);
  });

  it('calls a resolved conflict edited when its text is changed by hand, and still changes it', () => {
    const chosen = apply(createResolution(input), choose(1, 'mine'));
    const edited = apply(chosen, {
      type: 'edit',
      text: chosen.text.replace('line 1 mine', 'line 1 mine, reworded'),
    });
    expect(findStatuses(edited)[0]).toBe('edited');
    expect(countConflictsLeft(edited)).toBe(11);
    const changed = apply(edited, choose(1, 'theirs'));
    expect(findStatuses(changed)[0]).toBe('theirs');
    expect(changed.text.startsWith(`line 1 theirs\n${gap}<<<<<<<`)).toBe(true);
  });

  it('keeps a note typed next to a resolved conflict when its choice changes', () => {
    const chosen = apply(createResolution(input), choose(1, 'mine'));
    const noted = apply(chosen, { type: 'edit', text: 'A note.\n' + chosen.text });
    expect(findStatuses(noted)[0]).toBe('mine');
    const changed = apply(noted, choose(1, 'theirs'));
    expect(changed.text.startsWith(`A note.\nline 1 theirs\n${gap}`)).toBe(true);
  });

  it('recognises the side a hand edit gave back, and the marker block undone to', () => {
    const initial = createResolution(input);
    const chosen = apply(initial, choose(2, 'theirs'));
    // The whole result comes back at once (as after a reload): each conflict keeps its place.
    const resumed = apply(initial, { type: 'edit', text: chosen.text });
    expect(findStatuses(resumed).slice(0, 3)).toEqual(['unresolved', 'theirs', 'unresolved']);
    const changed = apply(resumed, choose(2, 'mine'));
    expect(changed.text).toBe(apply(initial, choose(2, 'mine')).text);
    expect(findStatuses(apply(chosen, { type: 'undo' }))[1]).toBe('unresolved');
  });

  it('does not override choices made when All mine is pressed', () => {
    const state = apply(createResolution(input), choose(2, 'theirs'), {
      type: 'chooseAll',
      choice: 'mine',
    });
    expect(findStatuses(state).slice(0, 3)).toEqual(['mine', 'theirs', 'mine']);
  });
});

describe('simpleChoice and white space', () => {
  it('takes the other side when one side only changed white space', () => {
    expect(simpleChoice({ base: 'a b\n', mine: 'a  b\n', theirs: 'a c\n' })).toBe('theirs');
    expect(simpleChoice({ base: 'a b\n', mine: 'a c\n', theirs: '\ta b \n' })).toBe('mine');
  });

  it('lets Resolve simple ones settle such a conflict', () => {
    const state = createResolution({
      base: 'one\ntwo\n',
      mine: 'one\n  two\n',
      theirs: 'one\ntwo, revised\n',
    });
    expect(countConflictsLeft(state)).toBe(1);
    const next = apply(state, { type: 'resolveSimple' });
    expect(countConflictsLeft(next)).toBe(0);
    expect(next.text).toBe('one\ntwo, revised\n');
  });
});
