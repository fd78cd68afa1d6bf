import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentDto } from '../protocol/document.ts';
import { createTestApp } from './testing/create-test-app.ts';
import type { TestApp } from './testing/create-test-app.ts';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

describe('concurrent saves with the same If-Match', () => {
  it.each([2, 50])('let exactly one of %i win and keep its text', async (n) => {
    const { doc, etag } = await t.create('Race', 'base');
    const answers = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        t.put(
          doc.id,
          { title: 'Race', body: `editor ${i}` },
          { 'If-Match': etag, 'Concord-User': `e${i}` },
        ),
      ),
    );
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(n - 1);
    const winner = (await answers[statuses.indexOf(200)]!.json()) as DocumentDto;
    const stored = await t.store.getDocument(doc.id);
    expect(stored).toMatchObject({ version: 2, body: winner.body, updated_by: winner.updated_by });
    expect(await t.store.listVersions(doc.id)).toHaveLength(2);
  });

  it('let exactly one of two racing deletes win', async () => {
    const { doc, etag } = await t.create();
    const del = () =>
      t.app.request(`/api/docs/${doc.id}`, { method: 'DELETE', headers: { 'If-Match': etag } });
    const statuses = (await Promise.all([del(), del()])).map((res) => res.status).sort();
    expect(statuses).toEqual([204, 404]);
  });
});

describe('concurrent saves from separate processes on one SQLite file', () => {
  it('let exactly one of 8 processes win', async () => {
    const { doc, etag } = await t.create('Race', 'base');
    const script = fileURLToPath(new URL('./testing/race-save.ts', import.meta.url));
    const db = join(t.dir, 'concord.db');
    // Far enough ahead for every process to start and open the database first.
    const startAt = String(Date.now() + 2500);
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        runProcess(process.execPath, [
          '--import',
          'tsx',
          script,
          db,
          doc.id,
          etag,
          `p${i}`,
          startAt,
        ]),
      ),
    );
    expect(outcomes.filter((o) => o === 'saved')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'conflict')).toHaveLength(7);
    const stored = await t.store.getDocument(doc.id);
    expect(stored?.version).toBe(2);
    expect(stored?.body).toBe(`p${outcomes.indexOf('saved')}`);
  }, 20_000);
});

function runProcess(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}
