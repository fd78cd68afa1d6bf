import { describe, expect, it } from 'vitest';
import { diffWords } from '../merge/index.ts';
import { foldChanges } from './fold-changes.ts';

const words = (n: number, word = 'w') =>
  Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');

describe('foldChanges', () => {
  it('folds a long unchanged stretch between two changes, keeping context on both sides', () => {
    const before = `${words(3, 'a')} old ${words(40)} old ${words(3, 'z')}`;
    const after = `${words(3, 'a')} new ${words(40)} new ${words(3, 'z')}`;
    const shown = foldChanges(diffWords(before, after), 5);
    const folded = shown.filter((change) => change.kind === 'folded');
    expect(folded).toMatchObject([{ kind: 'folded', words: 30 }]);
    // Nothing but the fold is lost: the shown text plus the folded words is the whole diff.
    const middle = shown.filter((change) => change.kind === 'same' && change.text.includes('w'));
    expect(middle.map((change) => 'text' in change && change.text)).toEqual([
      ' w0 w1 w2 w3 w4 ',
      'w35 w36 w37 w38 w39 ',
    ]);
  });

  it('folds the start and end of a text down to the side next to a change', () => {
    const shown = foldChanges(diffWords(`${words(50)} end`, `${words(50)} finish`), 4);
    expect(shown[0]).toMatchObject({ kind: 'folded', words: 46 });
    const text = shown.map((change) => ('text' in change ? change.text : '')).join('');
    expect(text).toBe(`${words(50)} endfinish`);
    expect(shown[1]).toEqual({ kind: 'same', text: 'w46 w47 w48 w49 ' });
  });

  it('leaves a stretch alone when the fold would hide fewer words than it keeps', () => {
    const changes = diffWords(`a ${words(15)} b`, `c ${words(15)} d`);
    expect(foldChanges(changes, 5).some((change) => change.kind === 'folded')).toBe(false);
  });
});
