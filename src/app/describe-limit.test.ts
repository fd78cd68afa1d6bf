import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { limits } from '../protocol/index.ts';
import {
  describeBodyLimit,
  describeOverLimit,
  describeTitleLimit,
  measureRequestBytes,
} from './describe-limit.ts';

// A body of whole words whose request is `bytes` long give or take a word.
function bodyOfBytes(bytes: number, title = 'Plan'): string {
  const overhead = measureRequestBytes({ title, body: '' });
  const word = 'word '; // 5 bytes a word
  return word.repeat(Math.floor((bytes - overhead) / word.length));
}

describe('describeTitleLimit', () => {
  it('says nothing for a title far from the limit', () => {
    expect(describeTitleLimit('Meeting notes')).toEqual({ level: 'ok' });
  });

  it('counts the characters left near the limit, and the ones too many past it', () => {
    expect(describeTitleLimit('x'.repeat(195))).toEqual({
      level: 'near',
      message: '5 characters left',
    });
    expect(describeTitleLimit('x'.repeat(199))).toEqual({
      level: 'near',
      message: '1 character left',
    });
    expect(describeTitleLimit('x'.repeat(203))).toEqual({
      level: 'over',
      message: '3 characters too long',
    });
  });

  it('counts what the server counts: the title trimmed', () => {
    expect(describeTitleLimit(`  ${'x'.repeat(200)}  `).level).toBe('near');
  });
});

describe('describeBodyLimit', () => {
  it('says nothing for an ordinary document', () => {
    expect(describeBodyLimit({ title: 'Plan', body: 'A short text.\n' })).toEqual({ level: 'ok' });
  });

  it('says in words how much to cut from a body far past the limit', () => {
    const body = bodyOfBytes(limits.maxBodyBytes + 6_000);
    expect(describeBodyLimit({ title: 'Plan', body })).toEqual({
      level: 'over',
      message: 'about 1,200 words too long',
    });
  });

  it('says in characters how much to cut from a body just past the limit', () => {
    const body = bodyOfBytes(limits.maxBodyBytes);
    const fill = limits.maxBodyBytes - measureRequestBytes({ title: 'Plan', body });
    const over = body + 'x'.repeat(fill + 3);
    expect(describeBodyLimit({ title: 'Plan', body: over })).toEqual({
      level: 'over',
      message: '3 characters too long',
    });
  });

  it('says how many words are left near the limit', () => {
    const body = bodyOfBytes(limits.maxBodyBytes - 5_000);
    expect(describeBodyLimit({ title: 'Plan', body })).toEqual({
      level: 'near',
      message: 'about 1,000 words left',
    });
  });

  it('measures what the server measures: the JSON request in UTF-8', () => {
    // "é" is 2 bytes in UTF-8, a line break 2 in JSON ("\n").
    expect(measureRequestBytes({ title: 'é', body: '\n' })).toBe(
      '{"title":"é","body":"\\n"}'.length + 1,
    );
  });
});

describe('measureRequestBytes', () => {
  const encoded = (input: { title: string; body: string }) =>
    new TextEncoder().encode(JSON.stringify(input)).length;

  it.each([
    ['quotes and backslashes', 'say "hi" \\ bye'],
    ['every control character', String.fromCharCode(...Array.from({ length: 32 }, (_, i) => i))],
    ['DEL and line separators', '\u007f\u2028\u2029'],
    ['two-, three- and four-byte characters', 'é€😀 naïve 日本'],
    ['lone surrogates, high and low', 'a\ud800b\udc00c\ud83d'],
    ['a pair split by a lone high surrogate', '\ud83d\ud83d\ude00'],
  ])('counts %s as JSON.stringify and UTF-8 would', (_, body) => {
    expect(measureRequestBytes({ title: body, body })).toBe(encoded({ title: body, body }));
  });

  it('agrees with JSON.stringify and UTF-8 on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (body, title) => {
        expect(measureRequestBytes({ title, body })).toBe(encoded({ title, body }));
      }),
      { numRuns: 200 },
    );
    // fast-check builds its tables of every code point and grapheme on first use: a second or
    // more of CPU on a loaded machine before the first run, beyond the default 5 s in CI.
  }, 30_000);
});

describe('describeOverLimit', () => {
  it('names the field and how much to cut, or nothing when both fit', () => {
    expect(describeOverLimit({ title: 'x'.repeat(201), body: '' })).toBe(
      'The title is 1 character too long to save: shorten it.',
    );
    expect(describeOverLimit({ title: 'Plan', body: 'Fine.' })).toBeUndefined();
  });
});
