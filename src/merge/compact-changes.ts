/**
 * Slides every group of changed lines of one side of a diff to the same place git's xdiff puts it
 * (`xdl_change_compact`), so ambiguous diffs — which of two equal blank lines was deleted —
 * come out as git's do, and the three-way merge agrees with `git merge-file` on what touches what.
 *
 * `changed` and `otherChanged` hold one flag per line, shifted by one: index `i + 1` is line `i`,
 * and indexes `0` and `length + 1` are always 0 (sentinels). `ids` are this side's line ids.
 * Groups of the two sides correspond one to one (unchanged lines pair up), which is how a group
 * can be lined up with a change on the other side.
 */
export function compactChanges(
  changed: Uint8Array,
  ids: Int32Array,
  otherChanged: Uint8Array,
  otherLength: number,
): void {
  const n = ids.length;
  // This side's current group is lines [gs, ge); the other side's matching group is [os, oe).
  // xdiff's group_slide_up, group_slide_down, group_previous and group_next are written out
  // where they are used, on these plain variables: as closures over them they ran 15-20 ms
  // unoptimised in a first merge of 40,000 lines (0.6 ms once compiled).
  let gs = 0;
  let ge = 0;
  while (changed[ge + 1]) ge++;
  let os = 0;
  let oe = 0;
  while (otherChanged[oe + 1]) oe++;

  for (;;) {
    if (ge !== gs) {
      let size: number;
      let earliestEnd: number;
      let endMatchingOther: number;
      // Shift up then down as far as possible, merging groups met on the way, until stable.
      do {
        size = ge - gs;
        endMatchingOther = -1;
        // Up, and the other side's group before.
        while (gs !== 0 && ids[gs - 1] === ids[ge - 1]) {
          gs--;
          changed[gs + 1] = 1;
          ge--;
          changed[ge + 1] = 0;
          // Sliding may have joined the group before.
          while (changed[gs]) gs--;
          oe = os - 1;
          os = oe;
          while (otherChanged[os]) os--;
        }
        earliestEnd = ge;
        if (oe > os) endMatchingOther = ge;
        // Down, and the other side's group after.
        while (ge < n && ids[gs] === ids[ge]) {
          changed[gs + 1] = 0;
          gs++;
          changed[ge + 1] = 1;
          ge++;
          while (changed[ge + 1]) ge++;
          if (oe === otherLength) throw new Error('compactChanges: groups out of step');
          os = oe + 1;
          oe = os;
          while (otherChanged[oe + 1]) oe++;
          if (oe > os) endMatchingOther = ge;
        }
      } while (size !== ge - gs);

      // The group sits as low as it can; line it up with a change on the other side if one was
      // passed, as git does (where git would report a bug if a slide failed, this goes on).
      if (ge !== earliestEnd && endMatchingOther !== -1) {
        while (oe === os) {
          if (gs !== 0 && ids[gs - 1] === ids[ge - 1]) {
            gs--;
            changed[gs + 1] = 1;
            ge--;
            changed[ge + 1] = 0;
            while (changed[gs]) gs--;
          }
          oe = os - 1;
          os = oe;
          while (otherChanged[os]) os--;
        }
      }
    }
    if (ge === n) break;
    gs = ge + 1;
    ge = gs;
    while (changed[ge + 1]) ge++;
    if (oe === otherLength) throw new Error('compactChanges: groups out of step');
    os = oe + 1;
    oe = os;
    while (otherChanged[oe + 1]) oe++;
  }
}
