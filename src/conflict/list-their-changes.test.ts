import { describe, expect, it } from 'vitest';
import { describeNewerTheirs, listTheirChanges, summarizeChange } from './list-their-changes.ts';

const base = 'Agenda\n\nAttendees:\n- Ann\n- Ben\n\nWe meet at noon.\n\nBring notes.\n';

describe('listTheirChanges', () => {
  it('lists a change of theirs that does not overlap mine (an attendee added elsewhere)', () => {
    const mine = base.replace('Bring notes.', 'Bring notes and coffee.');
    const theirs = base.replace('- Ben\n', '- Ben\n- Cleo\n');
    expect(listTheirChanges({ base, mine, theirs })).toEqual([
      { where: 'body', context: '- Ben', base: '', theirs: '- Cleo\n' },
    ]);
  });

  it('lists their side of an overlapping change, and every other change of theirs, in order', () => {
    const mine = base.replace('noon', 'one');
    const theirs = base.replace('Agenda', 'Agenda for Monday').replace('noon', 'two');
    expect(listTheirChanges({ base, mine, theirs })).toEqual([
      { where: 'body', context: '', base: 'Agenda\n', theirs: 'Agenda for Monday\n' },
      { where: 'body', context: '- Ben', base: 'We meet at noon.\n', theirs: 'We meet at two.\n' },
    ]);
  });

  it('lists a passage theirs deleted', () => {
    const mine = base.replace('Agenda', 'Agenda!');
    const theirs = base.replace('- Ann\n', '');
    expect(listTheirChanges({ base, mine, theirs })).toEqual([
      { where: 'body', context: 'Attendees:', base: '- Ann\n', theirs: '' },
    ]);
  });

  it('lists nothing when mine holds every change of theirs', () => {
    // The same change on both sides, and an addition of theirs that mine extended.
    const mine = base.replace('Agenda', 'Agenda!').replace('noon.', 'noon sharp, in room 4.');
    const theirs = base.replace('Agenda', 'Agenda!').replace('noon.', 'noon sharp.');
    expect(listTheirChanges({ base, mine, theirs })).toEqual([]);
    expect(listTheirChanges({ base, mine, theirs: base })).toEqual([]);
    // Not when theirs deleted a word mine kept, or added one mine lacks there.
    const deleted = base.replace('Agenda', 'Agenda!').replace('at noon', 'noon');
    expect(listTheirChanges({ base, mine, theirs: deleted })).toHaveLength(1);
    const other = base.replace('Agenda', 'Agenda!').replace('noon.', 'noon sharp, in room 5.');
    expect(listTheirChanges({ base, mine, theirs: other })).toHaveLength(1);
  });

  it('lists their title when mine keeps another', () => {
    const titles = { base: 'Plan', mine: 'Plan', theirs: 'Plan B' };
    expect(listTheirChanges({ base, mine: base, theirs: base, titles })).toEqual([
      { where: 'title', context: '', base: 'Plan', theirs: 'Plan B' },
    ]);
    expect(
      listTheirChanges({ base, mine: base, theirs: base, titles: { ...titles, mine: 'Plan B' } }),
    ).toEqual([]);
  });
});

describe('summarizeChange', () => {
  it('says which words were removed and which added', () => {
    expect(summarizeChange({ base: 'We meet at noon.\n', theirs: 'We meet at two.\n' })).toEqual({
      removed: 'noon',
      added: 'two',
    });
    expect(summarizeChange({ base: '', theirs: '- Cleo\n' })).toEqual({
      removed: '',
      added: '- Cleo',
    });
  });

  it('cuts a long change short', () => {
    const long = 'word '.repeat(40);
    expect(summarizeChange({ base: '', theirs: long }, 20).added).toBe('word word word word…');
  });
});

describe('describeNewerTheirs', () => {
  const describe = (removed: string, added: string) => `-[${removed}] +[${added}]`;
  const previous = { base, mine: base.replace('noon', 'one'), theirs: base.replace('noon', 'two') };
  const resolved = base.replace('noon', 'one');

  it('says what the newer theirs changed when the resolution met it', () => {
    const newer = previous.theirs.replace('- Ben\n', '- Ben\n- Cleo\n').replace('notes', 'pens');
    const next = { base: previous.theirs, mine: resolved, theirs: newer };
    expect(describeNewerTheirs(previous, next, describe)).toBe('-[] +[- Cleo]; -[notes] +[pens]');
  });

  it('says nothing when the inputs are not a resolution meeting a newer version', () => {
    const other = { base, mine: resolved, theirs: base.replace('noon', 'three') };
    expect(describeNewerTheirs(previous, other, describe)).toBeNull();
  });
});
