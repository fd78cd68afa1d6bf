import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsControlCharacter } from './contains-control-character.ts';
import { limits } from './document.ts';
import { decodeUserName, encodeUserName } from './encode-user-name.ts';
import { toTitleKey } from './to-title-key.ts';
import { findTitleProblem, validateDocumentInput } from './validate-document-input.ts';

describe('validateDocumentInput', () => {
  it('accepts a title and any body, trimming only the title', () => {
    expect(validateDocumentInput({ title: ' Plan ', body: '  \n' })).toEqual({
      ok: true,
      value: { title: 'Plan', body: '  \n' },
    });
  });

  it('names every wrong field at once', () => {
    const result = validateDocumentInput({ title: 3, extra: true });
    expect(result).toEqual({
      ok: false,
      invalidParams: [
        { name: 'extra', reason: 'is not a known field' },
        { name: 'title', reason: 'must be a string' },
        { name: 'body', reason: 'is required' },
      ],
    });
  });

  it('accepts a title of exactly the maximum length and refuses one longer', () => {
    const max = 'x'.repeat(limits.titleMaxLength);
    expect(validateDocumentInput({ title: max, body: '' }).ok).toBe(true);
    expect(validateDocumentInput({ title: `${max}x`, body: '' }).ok).toBe(false);
  });

  it('returns only trimmed, non-empty, bounded titles for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string(), (title, body) => {
        const result = validateDocumentInput({ title, body });
        if (!result.ok) return;
        expect(result.value.title).toBe(result.value.title.trim());
        expect(result.value.title.length).toBeGreaterThan(0);
        expect(result.value.title.length).toBeLessThanOrEqual(limits.titleMaxLength);
        expect(result.value.body).toBe(body);
      }),
    );
  });
});

describe('toTitleKey', () => {
  it('makes titles equal that differ in case, surrounding space or Unicode normalization', () => {
    expect(toTitleKey('  Café PLAN ')).toBe(toTitleKey('cafe\u0301 plan'));
  });

  it.each([
    ['zero-width characters', 'Pl\u200ban\u200d\ufeff'],
    ['bidi marks and overrides', '\u202ePlan\u202c\u200e'],
    ['a soft hyphen', 'Pl\u00adan'],
    ['fullwidth forms', 'Ｐｌａｎ'],
    ['case folding beyond lower case', 'PLAN'],
    ['no-break and doubled spaces', 'Plan\u00a0\u00a0'],
  ])('makes look-alikes one title: %s', (_, lookAlike) => {
    expect(toTitleKey(lookAlike)).toBe(toTitleKey('Plan'));
  });

  it('folds ligatures, sharp s and runs of white space', () => {
    expect(toTitleKey('ﬁle Straße')).toBe(toTitleKey('FILE STRASSE'));
    expect(toTitleKey('Q3  \t plan')).toBe(toTitleKey('q3 plan'));
  });

  it('keeps titles apart that look different', () => {
    expect(toTitleKey('Plan A')).not.toBe(toTitleKey('Plan B'));
    expect(toTitleKey('Plan')).not.toBe(toTitleKey('Plán'));
  });
});

describe('findTitleProblem for invisible titles', () => {
  it.each(['\u200b', '\u200b\u200c\u2060', ' \u202e\u202c ', '\u00ad'])(
    'refuses %j: it would show as no title',
    (title) => {
      expect(findTitleProblem(title)).toBe('must contain a visible character');
    },
  );
});

describe('encodeUserName and decodeUserName', () => {
  it('round-trip any name without control characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: limits.userNameMaxLength }), (name) => {
        fc.pre(!containsControlCharacter(name) && !/[\ud800-\udfff]/.test(name));
        expect(decodeUserName(encodeUserName(name))).toBe(name.trim());
      }),
    );
  });

  it('reads a missing header as no name and a malformed one as undefined', () => {
    expect(decodeUserName(undefined)).toBe('');
    expect(decodeUserName('%E0%A4%A')).toBeUndefined();
  });
});
