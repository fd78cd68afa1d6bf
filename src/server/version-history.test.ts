import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotInterval } from './store/kept-body.ts';
import { history } from './testing/arbitrary-bodies.ts';
import { createTestStore } from './testing/create-test-store.ts';
import type { TestStore } from './testing/create-test-store.ts';
import type { DocumentStore } from './store/store.ts';

// The store contract: however versions are kept (deltas, snapshots: docs/decisions/0021),
// every one reads back exactly as it was saved. Runs on SQLite and on PostgreSQL.
let t: TestStore;
beforeEach(() => {
  t = createTestStore();
});
afterEach(() => t.close());

let clock = Date.parse('2030-01-01T00:00:00.000Z');
const write = (title: string, body: string) => ({
  title,
  body,
  user: 'Ann',
  at: new Date(clock++),
});

/** Saves `bodies` as versions 1, 2, … of a new document; its id. */
async function saveHistory(store: DocumentStore, title: string, bodies: readonly string[]) {
  const created = await store.createDocument(write(title, bodies[0]!));
  if (created.status !== 'created') throw new Error(created.status);
  let etag = created.document.etag;
  for (const body of bodies.slice(1)) {
    const saved = await store.saveDocument(created.document.id, {
      ...write(title, body),
      expected: [etag],
    });
    if (saved.status !== 'saved') throw new Error(saved.status);
    etag = saved.document.etag;
  }
  return created.document.id;
}

/** Every version's body, oldest first, as the store gives them back. */
async function readHistory(store: DocumentStore, id: string): Promise<string[]> {
  const versions = (await store.listVersions(id))!.map((v) => v.version).reverse();
  return Promise.all(versions.map(async (n) => (await store.getVersion(id, n))!.body));
}

describe('kept versions', () => {
  it('read back byte for byte: unicode, empty bodies, small and huge edits, rewrites', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(history, async (bodies) => {
        const id = await saveHistory(t.store, `History ${runs++}`, bodies);
        expect(await readHistory(t.store, id)).toEqual(bodies);
        expect((await t.store.getDocument(id))!.body).toBe(bodies.at(-1));
      }),
      { numRuns: 30 },
    );
  }, 60_000);

  it('read back across snapshots: a long history of one-word edits of a large body', async () => {
    const words = Array.from({ length: 20_000 }, (_, i) => `w${(i * 7919) % 10_007}`);
    const bodies = [words.join(' ')];
    for (let n = 1; n < snapshotInterval * 2 + 10; n++) {
      const at = (n * 104_729) % words.length;
      words[at] = `edit${n}✓`;
      bodies.push(words.join(' '));
    }
    const id = await saveHistory(t.store, 'Long', bodies);
    const read = await readHistory(t.store, id);
    expect(read.length).toBe(bodies.length);
    read.forEach((body, i) => expect(body === bodies[i], `version ${i + 1}`).toBe(true));
  }, 60_000);

  it('keep a version exact when a save lands in between a read and a swap', async () => {
    const id = await saveHistory(t.store, 'Race', ['base text, shared']);
    const current = (await t.store.getDocument(id))!;
    const outcomes = await Promise.all(
      ['first save', 'second save', 'third save'].map((body) =>
        t.store.saveDocument(id, { ...write('Race', body), expected: '*' }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['saved', 'saved', 'saved']);
    const bodies = await readHistory(t.store, id);
    expect(bodies[0]).toBe(current.body);
    expect([...bodies.slice(1)].sort()).toEqual(['first save', 'second save', 'third save']);
  });
});
