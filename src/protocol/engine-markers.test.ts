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
