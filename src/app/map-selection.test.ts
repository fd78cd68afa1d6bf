import { describe, expect, it } from 'vitest';
import { isChangeBefore, mapSelection } from './map-selection.ts';

const caret = (at: number) => ({ start: at, end: at });

describe('mapSelection', () => {
  it('shifts a caret by what was inserted or removed before it', () => {
    expect(mapSelection('one two three', 'one and a half two three', caret(8))).toEqual(caret(19));
    expect(mapSelection('one two three', 'two three', caret(8))).toEqual(caret(4));
  });

  it('leaves a caret alone when the change is after it', () => {
    expect(mapSelection('one two three', 'one two three four', caret(3))).toEqual(caret(3));
  });

  it('puts text inserted at the caret before it', () => {
    expect(mapSelection('ab', 'aXb', caret(1))).toEqual(caret(2));
  });

  it('keeps a selection around the same words, and shrinks it when some were removed', () => {
    // "two" selected; a word inserted before it.
    expect(mapSelection('one two three', 'zero one two three', { start: 4, end: 7 })).toEqual({
      start: 9,
      end: 12,
    });
    // "two three" selected; "two " removed by the other person.
    expect(mapSelection('one two three', 'one three', { start: 4, end: 13 })).toEqual({
      start: 4,
      end: 9,
    });
  });

  it('moves a caret inside a removed passage to where the passage was', () => {
    expect(mapSelection('keep this gone keep', 'keep keep', caret(12))).toEqual(caret(5));
  });

  it('follows a change in another paragraph of a longer text', () => {
    const before = 'First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n';
    const after = 'First paragraph, rewritten by Alice.\n\nSecond paragraph.\n\nThird paragraph.\n';
    const at = before.indexOf('Third') + 2;
    expect(mapSelection(before, after, caret(at))).toEqual(caret(after.indexOf('Third') + 2));
  });

  it('never returns a place past the end of the new text', () => {
    expect(mapSelection('a long text', 'short', caret(11))).toEqual(caret(5));
  });
});

describe('isChangeBefore', () => {
  it('tells whether all the change lies before a place', () => {
    expect(isChangeBefore('one two', 'zero one two', 5)).toBe(true);
    expect(isChangeBefore('one two', 'one two three', 5)).toBe(false);
    expect(isChangeBefore('one two', 'one two', 5)).toBe(false);
  });
});
