import { describe, expect, it } from 'vitest';
import { readMergeFileArgs } from './read-merge-file-args.ts';

const files = ['mine.txt', 'base.txt', 'theirs.txt'];

describe('readMergeFileArgs --marker-size', () => {
  it('reads a size from 1 to 1000, attached or as the next argument', () => {
    expect(readMergeFileArgs(['--marker-size=1', ...files])).toMatchObject({ markerSize: 1 });
    expect(readMergeFileArgs(['--marker-size', '1000', ...files])).toMatchObject({
      markerSize: 1000,
    });
  });

  // git answers "expects a numerical value" for the ones that are not integers (1e9, abc, 3.5,
  // empty), quietly uses 7 for 0 and below, and runs out of memory on 1000000000.
  it('says what is wrong with 0, a negative, a huge or a non-numeric size', () => {
    for (const size of ['0', '-1', '-7', '1e9', '1000000000', '1001', 'abc', '3.5', '', '0x10']) {
      expect(readMergeFileArgs([`--marker-size=${size}`, ...files])).toBe(
        `option \`marker-size' expects a number from 1 to 1000, not "${size}"`,
      );
    }
    expect(readMergeFileArgs(['--marker-size', '-1', ...files])).toMatch(/from 1 to 1000/);
  });
});
