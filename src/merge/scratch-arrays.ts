/**
 * Typed arrays reused from one call to the next, by slot. A merge of many conflicts runs
 * thousands of small diffs, and fresh typed arrays for each (each with its own buffer) cost a
 * third of its time in allocation and garbage collection. A slot's array is valid until the
 * next request for that slot: callers must not nest uses of one slot.
 */
export class ScratchArrays {
  private readonly bytes: Uint8Array[] = [];
  private readonly ints: Int32Array[] = [];

  /** `length` bytes of slot `slot`, all zero. */
  zeroedBytes(slot: number, length: number): Uint8Array {
    let buffer = this.bytes[slot];
    if (!buffer || buffer.length < length) {
      buffer = new Uint8Array(Math.max(length, 2 * (buffer?.length ?? 0)));
      this.bytes[slot] = buffer;
    }
    const view = buffer.subarray(0, length);
    view.fill(0);
    return view;
  }

  /** `length` integers of slot `slot`, holding whatever they held before. */
  ints32(slot: number, length: number): Int32Array {
    let buffer = this.ints[slot];
    if (!buffer || buffer.length < length) {
      buffer = new Int32Array(Math.max(length, 2 * (buffer?.length ?? 0)));
      this.ints[slot] = buffer;
    }
    return buffer.subarray(0, length);
  }
}
