import { describe, expect, it } from 'vitest';
import { KEEP_AT_MOST, ScratchArrays } from './scratch-arrays.ts';

describe('ScratchArrays', () => {
  it('hands a slot its own array again, zeroed for bytes', () => {
    const scratch = new ScratchArrays();
    const first = scratch.zeroedBytes(0, 10);
    first.fill(7);
    const again = scratch.zeroedBytes(0, 8);
    expect(again.buffer).toBe(first.buffer);
    expect([...again]).toEqual(new Array(8).fill(0));
    expect(scratch.zeroedBytes(1, 8).buffer).not.toBe(first.buffer);
  });

  it('keeps no array bigger than KEEP_AT_MOST, so one huge merge leaves nothing behind', () => {
    const scratch = new ScratchArrays();
    const small = scratch.ints32(0, 100);
    const huge = scratch.ints32(0, KEEP_AT_MOST + 1);
    expect(huge.length).toBe(KEEP_AT_MOST + 1);
    expect(scratch.ints32(0, 100).buffer).toBe(small.buffer);
    expect(scratch.ints32(0, KEEP_AT_MOST + 1).buffer).not.toBe(huge.buffer);
  });
});
