import { describe, expect, it } from 'vitest';
import { judge, keepsPromise, personOf } from './judge.ts';

const bob = { who: 'bob', text: 'Bob adds kestrel-1 marten-2.' };
const aliceTab2 = { who: 'alice#2', text: 'Alice adds heron-3 lynx-4.' };
const nothing = new Map<string, string[]>();

describe('judge', () => {
  it('keeps the promise when every sentence is on the server once', () => {
    const verdict = judge([bob], { server: `Intro.\n${bob.text}\n`, visible: nothing }, [1, 2]);
    expect(verdict).toMatchObject({ typedChars: bob.text.length, lostChars: 0 });
    expect(keepsPromise(verdict)).toBe(true);
  });

  it('counts a sentence neither saved nor in front of its author as lost', () => {
    const verdict = judge([bob], { server: 'Intro.\n', visible: nothing }, [1]);
    expect(verdict.lostChars).toBe(bob.text.length);
    expect(verdict.lost).toEqual([bob]);
    expect(keepsPromise(verdict)).toBe(false);
  });

  it('counts a garbled sentence (only part of it stored) as lost', () => {
    const verdict = judge([bob], { server: 'Bob adds kestrel-1\n', visible: nothing }, [1]);
    expect(verdict.lostChars).toBe(bob.text.length);
  });

  it('accepts a sentence still in front of its author as unsaved, not lost', () => {
    const visible = new Map([['bob', ['Title', `Intro.\n${bob.text}`]]]);
    const verdict = judge([bob], { server: 'Intro.\n', visible }, [1]);
    expect(verdict).toMatchObject({ lostChars: 0, unsavedChars: bob.text.length });
  });

  it('counts a sentence kept only in an older version as in history, not lost', () => {
    const verdict = judge([bob], { server: '', visible: nothing, history: [bob.text] }, [1, 2]);
    expect(verdict).toMatchObject({ lostChars: 0, inHistoryChars: bob.text.length });
  });

  it('does not accept a sentence that only someone else can see', () => {
    const visible = new Map([['alice', [bob.text]]]);
    expect(judge([bob], { server: '', visible }, [1]).lostChars).toBe(bob.text.length);
  });

  it("counts another tab's text as its person's", () => {
    expect(personOf('alice#2')).toBe('alice');
    const visible = new Map([['alice', [aliceTab2.text]]]);
    expect(judge([aliceTab2], { server: '', visible }, [1]).lostChars).toBe(0);
  });

  it('counts what was out of sight when the fault was over and is saved now as recovered', () => {
    const verdict = judge([bob], { server: bob.text, visible: nothing }, [1, 2], {
      server: '',
      visible: nothing,
    });
    expect(verdict.recoveredChars).toBe(bob.text.length);
  });

  it('finds sentences stored twice, conflict markers and version gaps', () => {
    const server = `${bob.text}\n<<<<<<< mine\nx\n=======\ny\n>>>>>>> theirs\n${bob.text}\n`;
    const verdict = judge([bob], { server, visible: nothing }, [1, 2, 4]);
    expect(verdict.duplicated).toEqual([bob.text]);
    expect(verdict.markerLines).toEqual([2, 4, 6]);
    expect(verdict.versionGaps).toEqual([3]);
    expect(keepsPromise(verdict)).toBe(false);
  });

  it('does not count marker-like lines the document started with', () => {
    const seed = 'Heading\n=======\n';
    expect(judge([], { server: seed, visible: nothing }, [1], undefined, seed).markerLines).toEqual(
      [],
    );
  });
});
