import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMerge } from '../merge/index.ts';
import {
  findLeftoverMarkers,
  findMarkerLikeLines,
  renderConflictBlock,
  type LeftoverMarker,
} from './find-leftover-markers.ts';
import { countConflictsLeft, createResolution, resolveReducer } from './resolution-state.ts';

const base = 'Notes\n=======\n\none\ntwo\nthree\n';
const mine = 'Notes\n=======\n\none\ntwo (mine)\nthree\n';
const theirs = 'Notes\n=======\n\none\ntwo (theirs)\nthree\n';

/** The result with the lines from the one matching `from` to the one matching `to` deleted. */
function deleteLines(text: string, from: RegExp, to: RegExp): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => from.test(l));
  const end = lines.findIndex((l, i) => i >= start && to.test(l));
  lines.splice(start, end - start + 1);
  return lines.join('\n');
}

describe('leftover conflict markers', () => {
  it('labels every marker line of a block with its conflict, the separator too', () => {
    const state = createResolution({ base, mine, theirs });
    expect(state.conflicts[0]!.markers).toEqual([
      '<<<<<<< mine (conflict 1)',
      '======= (conflict 1)',
      '>>>>>>> theirs (conflict 1)',
    ]);
    expect(state.text).toBe(
      'Notes\n=======\n\none\n<<<<<<< mine (conflict 1)\ntwo (mine)\n======= (conflict 1)\ntwo (theirs)\n>>>>>>> theirs (conflict 1)\nthree\n',
    );
  });

  it('counts a block whose separator and end were deleted, and says on which line its marker is', () => {
    const state = createResolution({ base, mine, theirs });
    const text = deleteLines(state.text, /^=+ \(conflict/, /^>+ theirs/);
    expect(text).toBe('Notes\n=======\n\none\n<<<<<<< mine (conflict 1)\ntwo (mine)\nthree\n');
    const edited = resolveReducer(state, { type: 'edit', text });
    expect(countConflictsLeft(edited)).toBe(1);
    expect(findLeftoverMarkers(edited.text, edited.conflicts)).toEqual([{ conflict: 1, line: 5 }]);
  });

  it('counts a marker line with something typed after it', () => {
    const state = createResolution({ base, mine, theirs });
    const text = state.text
      .replace(/<<<<<<< mine \(conflict 1\)\n/, '')
      .replace('======= (conflict 1)\n', '')
      .replace('>>>>>>> theirs (conflict 1)', '>>>>>>> theirs (conflict 1) ok');
    const edited = resolveReducer(state, { type: 'edit', text });
    expect(findLeftoverMarkers(edited.text, edited.conflicts)).toEqual([{ conflict: 1, line: 7 }]);
  });

  it('takes a Markdown heading underline for text, not for a marker', () => {
    const state = createResolution({ base, mine, theirs });
    const resolved = resolveReducer(state, { type: 'choose', conflict: 1, choice: 'theirs' });
    expect(resolved.text).toBe(theirs);
    expect(countConflictsLeft(resolved)).toBe(0);
    expect(findLeftoverMarkers(resolved.text, resolved.conflicts)).toEqual([]);
  });

  it('leaves marker lines the documents already hold to the person, with longer markers of its own', () => {
    // Saved by an older version that let a marker through: now it is the person's text.
    const old = '<<<<<<< mine (conflict 1)\n';
    const state = createResolution({ base: old + base, mine: old + mine, theirs: old + theirs });
    expect(state.conflicts[0]!.markers[0]).toBe('<<<<<<<< mine (conflict 1)');
    expect(countConflictsLeft(state)).toBe(1);
    const resolved = resolveReducer(state, { type: 'choose', conflict: 1, choice: 'mine' });
    expect(resolved.text).toBe(old + mine);
    expect(countConflictsLeft(resolved)).toBe(0);
  });

  it('labels the separator of a CRLF block on its own line', () => {
    const crlf = (t: string) => t.replace(/\n/g, '\r\n');
    const state = createResolution({ base: crlf(base), mine: crlf(mine), theirs: crlf(theirs) });
    expect(state.conflicts[0]!.block).toBe(
      '<<<<<<< mine (conflict 1)\r\ntwo (mine)\r\n======= (conflict 1)\r\ntwo (theirs)\r\n>>>>>>> theirs (conflict 1)\r\n',
    );
  });

  it('labels the separator after a side without a final line break', () => {
    const state = createResolution({ base: 'a\nb', mine: 'a\nb mine', theirs: 'a\nb theirs' });
    expect(state.conflicts[0]!.block).toBe(
      '<<<<<<< mine (conflict 1)\nb mine\n======= (conflict 1)\nb theirs\n>>>>>>> theirs (conflict 1)\n',
    );
  });

  it('finds what a scan of every line start finds, in any text', () => {
    const state = createResolution({ base, mine, theirs });
    const other = createResolution({ base: 'a\nb', mine: 'a\nb mine', theirs: 'a\nb theirs' });
    const conflicts = [
      ...state.conflicts,
      {
        ...other.conflicts[0]!,
        number: 2,
        markers: [
          '<<<<<<<< mine (conflict 2)',
          '======== (conflict 2)',
          '>>>>>>>> theirs (conflict 2)',
        ],
      },
    ];
    const pieces = [
      ...conflicts.flatMap((c) => c.markers),
      '=======',
      '>>>>>>>',
      '<<<<<<<',
      ' ',
      'x',
      ')',
      ' ok',
      '\n',
      '\r\n',
      '\r',
      '\u2028',
      '(conflict 1)',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(findLeftoverMarkers(text, conflicts)).toEqual(scanEveryLineStart(text, conflicts));
      }),
      { numRuns: 2000 },
    );
  });

  it('answers again for the same text without a new scan, and anew for a changed one', () => {
    const state = createResolution({ base, mine, theirs });
    const first = findLeftoverMarkers(state.text, state.conflicts);
    expect(findLeftoverMarkers(`${state.text}`, state.conflicts)).toBe(first);
    const resolved = resolveReducer(state, { type: 'choose', conflict: 1, choice: 'mine' });
    expect(findLeftoverMarkers(resolved.text, resolved.conflicts)).toEqual([]);
    expect(findLeftoverMarkers(state.text, state.conflicts)).toEqual(first);
  });
});

/** The scan as a regular expression tried at every line start (the reference). */
function scanEveryLineStart(
  text: string,
  conflicts: ReadonlyArray<{ number: number; markers: readonly string[] }>,
): LeftoverMarker[] {
  const owner = new Map(conflicts.flatMap((c) => c.markers.map((m) => [m, c.number] as const)));
  // Every line start, also right after a marker line's U+2028 (where `^…[^\r\n]*` with the
  // m flag would have swallowed the next marker into the first).
  const lineStarts = /(?<=^|[\n\r\u2028\u2029])(?=([<=>]{7,} [^\r\n]*))/g;
  return [...text.matchAll(lineStarts)].flatMap((match) => {
    const marker = match[1]!;
    const conflict = owner.get(marker.slice(0, marker.indexOf(')') + 1));
    const line = text.slice(0, match.index).split('\n').length;
    return conflict === undefined ? [] : [{ conflict, line }];
  });
}

describe('marker lines with labels of their own', () => {
  const markers = { mine: 'Mine {n}', separator: '{n}', theirs: 'Theirs {n}' };
  const lines = Array.from({ length: 13 }, (_, i) => `line ${i}`);
  // Thirteen conflicts (four unchanged lines apart, so git's rule keeps them apart), so that
  // conflict 1's marker is a prefix of conflict 10's to 13's.
  const gap = 'a\nb\nc\nd\n';
  const input = {
    base: lines.map((l) => `${l}\n${gap}`).join(''),
    mine: lines.map((l) => `${l} (mine)\n${gap}`).join(''),
    theirs: lines.map((l) => `${l} (theirs)\n${gap}`).join(''),
  };

  it('writes them around each conflict and tells conflict 1 from conflict 12', () => {
    const state = createResolution(input, { markers });
    expect(state.conflicts).toHaveLength(13);
    expect(state.conflicts[11]!.markers).toEqual([
      '<<<<<<< Mine 12',
      '======= 12',
      '>>>>>>> Theirs 12',
    ]);
    expect(findLeftoverMarkers(state.text, state.conflicts)).toHaveLength(39);
    const chosen = resolveReducer(state, { type: 'choose', conflict: 1, choice: 'mine' });
    const left = findLeftoverMarkers(chosen.text, chosen.conflicts);
    expect(left.map((m) => m.conflict)).not.toContain(1);
    expect(left.filter((m) => m.conflict === 12)).toHaveLength(3);
    expect(countConflictsLeft(chosen)).toBe(12);
  });

  it('refuses labels that cannot name a conflict', () => {
    expect(() => createResolution(input, { markers: { ...markers, theirs: 'Theirs' } })).toThrow(
      TypeError,
    );
  });
});

describe('renderConflictBlock', () => {
  it("writes git's block, line ends and all, with a labelled separator", () => {
    const piece = fc.constantFrom('a', 'b c', '', '\n', '\r\n', 'x\r\n', 'y\n', '<<<<<<<', '\r');
    const side = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(side, side, side, fc.integer({ min: 1, max: 120 }), (base, mine, theirs, n) => {
        const region = { kind: 'conflict' as const, base, mine, theirs };
        const taken = findMarkerLikeLines([base, mine, theirs]);
        const { block, markers } = renderConflictBlock(region, n, taken);
        // The reference: the engine's git-compatible rendering, its bare separator labelled.
        const size = markers[0]!.indexOf(' ');
        const git = renderMerge(
          { clean: false, regions: [region], conflicts: 1 },
          {
            markerSize: size,
            labels: { mine: `mine (conflict ${n})`, theirs: `theirs (conflict ${n})` },
          },
        );
        const separator = new RegExp(`^={${size}}(?=\\r?\\n)`, 'm');
        const expected = git.replace(separator, markers[1]!);
        expect(block).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
