import { describe, expect, it } from 'vitest';
import { generateETag, isLandedRetry, matchesExpected } from './save-rules.ts';

const at = new Date('2026-12-02T12:00:00Z');
const current = { version: 2, title: 'Plan', body: 'two\n', updated_by: 'bob' };
const retry = { title: 'Plan', body: 'two\n', user: 'bob', at, expected: ['"v1"'] as const };

describe('generateETag', () => {
  it('makes strong tags that do not repeat', () => {
    const tags = new Set(Array.from({ length: 1000 }, generateETag));
    expect(tags.size).toBe(1000);
    for (const tag of [...tags].slice(0, 5)) expect(tag).toMatch(/^"[A-Za-z0-9_-]{24}"$/);
  });
});

describe('matchesExpected', () => {
  it('matches * and any listed tag, nothing else', () => {
    expect(matchesExpected('*', '"x"')).toBe(true);
    expect(matchesExpected(['"a"', '"x"'], '"x"')).toBe(true);
    expect(matchesExpected(['"a"'], '"x"')).toBe(false);
    expect(matchesExpected([], '"x"')).toBe(false);
  });
});

describe('isLandedRetry', () => {
  it('recognises the same save by the same person, guarded by the version before', () => {
    expect(isLandedRetry(current, retry, () => '"v1"')).toBe(true);
  });

  it('is not a retry when anything differs, or for * and a first version', () => {
    const previous = () => '"v1"';
    expect(isLandedRetry(current, { ...retry, body: 'other\n' }, previous)).toBe(false);
    expect(isLandedRetry(current, { ...retry, title: 'Other' }, previous)).toBe(false);
    expect(isLandedRetry(current, { ...retry, user: 'alice' }, previous)).toBe(false);
    expect(isLandedRetry(current, { ...retry, expected: ['"v0"'] }, previous)).toBe(false);
    expect(isLandedRetry(current, { ...retry, expected: '*' }, previous)).toBe(false);
    expect(isLandedRetry({ ...current, version: 1 }, retry, previous)).toBe(false);
    expect(isLandedRetry(current, retry, () => undefined)).toBe(false);
    expect(isLandedRetry(current, retry, () => null)).toBe(false);
  });

  it('reads the previous ETag only once the cheap checks pass', () => {
    let reads = 0;
    const previous = () => (reads++, '"v1"');
    isLandedRetry(current, { ...retry, body: 'other\n' }, previous);
    expect(reads).toBe(0);
    isLandedRetry(current, retry, previous);
    expect(reads).toBe(1);
  });
});
