import { describe, expect, it } from 'vitest';
import type { DraftResolution } from '../client/index.ts';
import { version } from './editor-flow-fixtures.ts';
import { typedIntoResult } from './typed-into-result.ts';

function conflictWithTitles(base: string, mine: string, theirs: string): DraftResolution {
  return {
    base: { title: base, body: 'one\n' },
    mine: { title: mine, body: 'one mine\n' },
    theirs: version(2, 'one theirs\n', theirs),
    mode: 'save',
  };
}

describe('typedIntoResult', () => {
  it('keeps the choices and title last reported, with the text typed', () => {
    const conflict: DraftResolution = {
      ...conflictWithTitles('Notes', 'Notes', 'Notes'),
      progress: { title: 'Edited title', body: 'one mine\n', choices: ['mine'] },
    };
    expect(typedIntoResult(conflict, 'one mine!\n').progress).toEqual({
      title: 'Edited title',
      body: 'one mine!\n',
      choices: ['mine'],
    });
  });

  it('before any report, takes the title the dialog opens with', () => {
    // Only theirs renamed it: the dialog opens on their title.
    expect(typedIntoResult(conflictWithTitles('A', 'A', 'B'), 'x').progress?.title).toBe('B');
    // Both renamed it differently: undecided, shown as mine (a reopened dialog keeps it undecided).
    expect(typedIntoResult(conflictWithTitles('A', 'M', 'T'), 'x').progress?.title).toBe('M');
  });
});
