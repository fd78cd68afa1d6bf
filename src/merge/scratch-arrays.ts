/**
 * Typed arrays reused from one call to the next, by slot. A merge of many conflicts runs
 * thousands of small diffs, and fresh typed arrays for each (each with its own buffer) cost a
 * third of its time in allocation and garbage collection. A slot's array is valid until the
 * next request for that slot: callers must not nest uses of one slot.
 *
 * Only arrays of up to `KEEP_AT_MOST` entries are kept: a big diff is worth its own allocation,
 * and a server or a tab should not hold tens of megabytes after one huge merge.
 */
export class ScratchArrays {
  private readonly bytes: Uint8Array[] = [];
  private readonly ints: Int32Array[] = [];

  /** `length` bytes of slot `slot`, all zero. */
  zeroedBytes(slot: number, length: number): Uint8Array {
    if (length > KEEP_AT_MOST) return new Uint8Array(length);
    let buffer = this.bytes[slot];
    if (!buffer || buffer.length < length) {
      buffer = new Uint8Array(Math.min(KEEP_AT_MOST, Math.max(length, 2 * (buffer?.length ?? 0))));
      this.bytes[slot] = buffer;
    }
    const view = buffer.subarray(0, length);
    view.fill(0);
    return view;
  }

  /** `length` integers of slot `slot`, holding whatever they held before (zeros if new). */
  ints32(slot: number, length: number): Int32Array {
    if (length > KEEP_AT_MOST) return new Int32Array(length);
    let buffer = this.ints[slot];
    if (!buffer || buffer.length < length) {
      buffer = new Int32Array(Math.min(KEEP_AT_MOST, Math.max(length, 2 * (buffer?.length ?? 0))));
      this.ints[slot] = buffer;
    }
    return buffer.subarray(0, length);
  }
}

/** Entries an array may have and still be kept (a 256 KB array of integers at most). */
export const KEEP_AT_MOST = 65_536;
