import { describe, expect, it } from 'vitest';
import { describeVersionLine } from './describe-version-line.ts';

describe('describeVersionLine', () => {
  it('names who saved the version being edited', () => {
    expect(describeVersionLine(3, { version: 3, updated_by: 'alice' })).toBe(
      'version 3 · last saved by alice',
    );
  });

  it('names nobody once a newer version has arrived: its author did not save version N', () => {
    expect(describeVersionLine(1, { version: 2, updated_by: 'bob' })).toBe('version 1');
  });

  it('names nobody when the version was saved under no name', () => {
    expect(describeVersionLine(1, { version: 1, updated_by: '' })).toBe('version 1');
  });
});
