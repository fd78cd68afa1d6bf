import { describe, expect, it } from 'vitest';
import { engineMarkerLabel, findEngineMarker } from './engine-markers.ts';

describe('findEngineMarker', () => {
  const sources = ['Notes\n=======\n', 'Notes\n=======\nmine\n', 'Notes\n=======\ntheirs\n'];

  it('finds a marker line the dialog wrote, and its line', () => {
    const text = `Notes\n=======\n<<<<<<< ${engineMarkerLabel('mine', 2)}\nmine\n`;
    expect(findEngineMarker(text, sources)).toEqual({ line: 3, conflict: 2 });
    expect(findEngineMarker('a\n======= (conflict 1)\n', sources)).toEqual({
      line: 2,
      conflict: 1,
    });
    expect(findEngineMarker('>>>>>>>> theirs (conflict 3) and more', sources)).toEqual({
      line: 1,
      conflict: 3,
    });
  });

  it('finds nothing in plain text, a heading underline or a git block', () => {
    expect(findEngineMarker(sources[1]!, sources)).toBeUndefined();
    const git = '<<<<<<< HEAD\na\n=======\nb\n>>>>>>> feature\n';
    expect(findEngineMarker(git, sources)).toBeUndefined();
  });

  it('leaves a marker line the documents already hold to the person', () => {
    const line = '<<<<<<< mine (conflict 1)';
    expect(findEngineMarker(`${line}\nmine\n`, [`${line}\n`, 'mine\n', ''])).toBeUndefined();
  });
});

describe('translated marker labels', () => {
  const german = {
    mine: 'meine Fassung (Konflikt {n})',
    separator: '(Konflikt {n})',
    theirs: 'ihre Fassung (Konflikt {n})',
  };

  it('writes the number where {n} is', () => {
    expect(engineMarkerLabel('theirs', 12, german)).toBe('ihre Fassung (Konflikt 12)');
    expect(engineMarkerLabel('separator', 3)).toBe('(conflict 3)');
  });

  it('finds the first marker of the labels it is given, the English ones by default', () => {
    const text = 'a\n======= (conflict 2)\n<<<<<<< meine Fassung (Konflikt 4)\nb\n';
    expect(findEngineMarker(text, [])).toEqual({ line: 2, conflict: 2 });
    expect(findEngineMarker(text, [], german)).toEqual({ line: 3, conflict: 4 });
    expect(findEngineMarker('>>>>>>> ihre Fassung (Konflikt 12)', [], german)).toEqual({
      line: 1,
      conflict: 12,
    });
  });

  it('takes labels with signs regular expressions use literally', () => {
    const odd = { mine: 'mine [*{n}*]', separator: '+{n}+', theirs: 'theirs (${n})' };
    expect(findEngineMarker('x\n======= +7+\n', [], odd)).toEqual({ line: 2, conflict: 7 });
    expect(findEngineMarker('======= 7\n', [], odd)).toBeUndefined();
  });

  it('refuses labels that cannot name a conflict', () => {
    expect(() => engineMarkerLabel('mine', 1, { ...german, mine: 'meine' })).toThrow(
      'labels.markers.mine must be one line with {n} once',
    );
    const twice = { ...german, theirs: '{n} ihre {n}' };
    expect(() => engineMarkerLabel('theirs', 1, twice)).toThrow(TypeError);
    const broken = { ...german, separator: '{n}\n' };
    expect(() => engineMarkerLabel('separator', 1, broken)).toThrow(/one line/);
  });
});
