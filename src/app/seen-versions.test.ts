import { describe, expect, it } from 'vitest';
import { readSeenVersion, recordSeenVersion } from './seen-versions.ts';

/** A Storage over a Map, as a browser's localStorage behaves for these calls. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('the version this browser last showed', () => {
  it('is nothing before the document was ever shown', () => {
    expect(readSeenVersion('d1', memoryStorage())).toBeUndefined();
  });

  it('is remembered per document, with its ETag', () => {
    const storage = memoryStorage();
    recordSeenVersion('d1', { version: 3, etag: '"a3"' }, storage);
    recordSeenVersion('d2', { version: 1, etag: '"b1"' }, storage);
    expect(readSeenVersion('d1', storage)).toEqual({ version: 3, etag: '"a3"' });
    expect(storage.getItem('concord:seen:d2')).toBe('{"version":1,"etag":"\\"b1\\""}');
  });

  it('never goes back: a tab still on an older base does not undo what another tab showed', () => {
    const storage = memoryStorage();
    recordSeenVersion('d1', { version: 5, etag: '"a5"' }, storage);
    recordSeenVersion('d1', { version: 4, etag: '"a4"' }, storage);
    expect(readSeenVersion('d1', storage)).toEqual({ version: 5, etag: '"a5"' });
  });

  it('reads a damaged record as nothing seen', () => {
    const storage = memoryStorage();
    for (const text of [
      'not json',
      'null',
      '{"version":"3","etag":"x"}',
      '{"version":0,"etag":"x"}',
    ]) {
      storage.setItem('concord:seen:d1', text);
      expect(readSeenVersion('d1', storage)).toBeUndefined();
    }
  });

  it('works on without storage (a browser that keeps nothing)', () => {
    const refusing = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error('QuotaExceeded');
      },
    };
    expect(() => recordSeenVersion('d1', { version: 1, etag: '"a1"' }, refusing)).not.toThrow();
    expect(readSeenVersion('d1', undefined)).toBeUndefined();
  });
});
