import { describe, expect, it } from 'vitest';
import type { VersionSummary } from '../protocol/index.ts';
import {
  decideChangedSinceSeen,
  mayRecordShown,
  describeChangedSinceSeen,
  needsNewerVersions,
} from './decide-changed-since-seen.ts';

/** Versions `from`..`to`, newest first as the server lists them, saved by `by(n)`. */
function history(from: number, to: number, by: (n: number) => string): VersionSummary[] {
  const items: VersionSummary[] = [];
  for (let n = to; n >= from; n--)
    items.push({
      version: n,
      etag: `"v${n}"`,
      updated_at: '2026-12-02T10:00:00Z',
      updated_by: by(n),
    });
  return items;
}

const at = (version: number) => ({ version, etag: `"v${version}"` });

describe('decideChangedSinceSeen', () => {
  it('points out Bob’s saves when Alice comes back to a document she saw at version 1', () => {
    expect(
      decideChangedSinceSeen({
        seen: at(1),
        opened: at(3),
        newer: history(1, 3, () => 'Bob'),
        me: 'Alice',
      }),
    ).toEqual({ seenVersion: 1, currentVersion: 3, versions: 2, others: ['Bob'], byYouToo: false });
  });

  it('says nothing on a first visit: nothing was seen in this browser', () => {
    expect(needsNewerVersions(undefined, at(3))).toBe(false);
    expect(
      decideChangedSinceSeen({ seen: undefined, opened: at(3), newer: [], me: 'Alice' }),
    ).toBeUndefined();
  });

  it('says nothing when the version opened is the one seen (her own saves were seen as saved)', () => {
    expect(needsNewerVersions(at(4), at(4))).toBe(false);
    expect(
      decideChangedSinceSeen({
        seen: at(4),
        opened: at(4),
        newer: history(1, 4, () => 'Bob'),
        me: 'Alice',
      }),
    ).toBeUndefined();
  });

  it('says nothing when every newer version is her own, saved in another browser', () => {
    expect(
      decideChangedSinceSeen({
        seen: at(2),
        opened: at(4),
        newer: history(1, 4, () => 'Alice'),
        me: 'Alice',
      }),
    ).toBeUndefined();
  });

  it('waits for the history before deciding', () => {
    expect(needsNewerVersions(at(1), at(2))).toBe(true);
    expect(
      decideChangedSinceSeen({ seen: at(1), opened: at(2), newer: undefined, me: 'Alice' }),
    ).toBeUndefined();
  });

  it('counts only the versions between the one seen and the one opened, and names each saver once', () => {
    const names: Record<number, string> = {
      2: 'Alice',
      3: 'Carol',
      4: 'Bob',
      5: 'Carol',
      6: 'Dana',
    };
    expect(
      decideChangedSinceSeen({
        seen: at(2),
        opened: at(5),
        // A version saved after the page opened (6) is the live update's business.
        newer: history(1, 6, (n) => names[n] ?? 'Zed'),
        me: 'Alice',
      }),
    ).toEqual({
      seenVersion: 2,
      currentVersion: 5,
      versions: 3,
      others: ['Carol', 'Bob'],
      byYouToo: false,
    });
  });

  it('keeps a nameless saver, and notes her own versions among others’', () => {
    expect(
      decideChangedSinceSeen({
        seen: at(1),
        opened: at(3),
        newer: history(1, 3, (n) => (n === 2 ? '' : 'Alice')),
        me: 'Alice',
      }),
    ).toMatchObject({ others: [''], byYouToo: true });
  });

  it('treats every saver as someone else when the person has no name', () => {
    expect(
      decideChangedSinceSeen({
        seen: at(1),
        opened: at(2),
        newer: history(1, 2, () => ''),
        me: '',
      }),
    ).toMatchObject({ others: [''] });
  });
});

describe('describeChangedSinceSeen', () => {
  const change = {
    seenVersion: 1,
    currentVersion: 2,
    versions: 1,
    others: ['Bob'],
    byYouToo: false,
  };

  it('names who changed it and how many versions since the one seen', () => {
    expect(describeChangedSinceSeen(change)).toBe(
      'Bob changed this document since you last saw it: 1 new version (you saw version 1; this is version 2).',
    );
    expect(
      describeChangedSinceSeen({
        ...change,
        currentVersion: 5,
        versions: 4,
        others: ['Bob', 'Carol', ''],
        byYouToo: true,
      }),
    ).toBe(
      'Bob, Carol, someone and you changed this document since you last saw it: 4 new versions (you saw version 1; this is version 5).',
    );
  });

  it('writes a name as its person spells it, even to start the sentence', () => {
    expect(describeChangedSinceSeen({ ...change, others: ['bob', 'carol'] })).toMatch(
      /^bob and carol changed this document/,
    );
    expect(describeChangedSinceSeen({ ...change, others: [], byYouToo: true })).toMatch(
      /^You changed this document/,
    );
  });

  it('says "Someone" for a version saved without a name', () => {
    expect(describeChangedSinceSeen({ ...change, others: [''] })).toMatch(/^Someone changed/);
  });
});

describe('mayRecordShown', () => {
  it('holds the version opened while the notice points it out, or is still deciding', () => {
    expect(mayRecordShown({ shownVersion: 3, openedVersion: 3, notice: 'showing' })).toBe(false);
    expect(mayRecordShown({ shownVersion: 3, openedVersion: 3, notice: 'deciding' })).toBe(false);
  });

  it('records it once there is nothing to point out (or it was dismissed)', () => {
    expect(mayRecordShown({ shownVersion: 3, openedVersion: 3, notice: 'none' })).toBe(true);
  });

  it('records a version the editor moved on to while the notice shows (her own save, say)', () => {
    expect(mayRecordShown({ shownVersion: 4, openedVersion: 3, notice: 'showing' })).toBe(true);
  });
});
