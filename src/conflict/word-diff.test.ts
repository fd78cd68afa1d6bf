import { describe, expect, it } from 'vitest';
import { showWhiteSpace } from './word-diff.tsx';

describe('showWhiteSpace', () => {
  it('marks every space, tab and line break of a change that is only white space', () => {
    expect(showWhiteSpace('  ')).toBe('··');
    expect(showWhiteSpace('\t')).toBe('→');
    expect(showWhiteSpace(' \r\n')).toBe('·¶\n');
  });

  it('leaves a change with words in it as it is', () => {
    expect(showWhiteSpace(' new words ')).toBe(' new words ');
  });
});
