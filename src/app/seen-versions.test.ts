import { describe, expect, it, vi } from 'vitest';
import { readSeenVersion, recordSeenVersion, seenVersionsKept } from './seen-versions.ts';

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
    expect(JSON.parse(storage.getItem('concord:seen:d2')!)).toMatchObject({
      version: 1,
      etag: '"b1"',
    });
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

describe('how many records a browser keeps', () => {
  it('forgets the documents shown longest ago, never the one just shown nor anything else', () => {
    const storage = memoryStorage();
    storage.setItem('concord:draft:x', 'a draft');
    storage.setItem('concord:seen:old', '{"version":2,"etag":"o"}'); // from before `at`
    let now = 1_000;
    const spy = vi.spyOn(Date, 'now').mockImplementation(() => now++);
    try {
      for (let i = 0; i < seenVersionsKept; i++)
        recordSeenVersion(`d${i}`, { version: 1, etag: `"${i}"` }, storage);
      // Seeing d0 again keeps its record and makes it the newest.
      recordSeenVersion('d0', { version: 2, etag: '"d0-2"' }, storage);
      recordSeenVersion('new', { version: 1, etag: '"n"' }, storage);
    } finally {
      spy.mockRestore();
    }
    const seen = Array.from({ length: storage.length }, (_, i) => storage.key(i)!).filter((k) =>
      k.startsWith('concord:seen:'),
    );
    expect(seen).toHaveLength(seenVersionsKept);
    expect(readSeenVersion('old', storage)).toBeUndefined();
    expect(readSeenVersion('d1', storage)).toBeUndefined();
    expect(readSeenVersion('d0', storage)).toEqual({ version: 2, etag: '"d0-2"' });
    expect(readSeenVersion('d2', storage)).toEqual({ version: 1, etag: '"2"' });
    expect(readSeenVersion('new', storage)).toEqual({ version: 1, etag: '"n"' });
    expect(storage.getItem('concord:draft:x')).toBe('a draft');
  });
});
