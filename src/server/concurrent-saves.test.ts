import { createAdaptorServer } from '@hono/node-server';
import { spawn } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentDto } from '../protocol/document.ts';
import { createTestApp } from './testing/create-test-app.ts';
import type { TestApp } from './testing/create-test-app.ts';

// This file runs on SQLite and again on PostgreSQL (the Vitest project "postgres").
let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

/** Checks what N racing saves from one ETag must leave: one winner, N-1 conflicts, one version. */
async function expectOneWinner(id: string, answers: Response[]): Promise<void> {
  const statuses = answers.map((res) => res.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(answers.length - 1);
  const winner = (await answers[statuses.indexOf(200)]!.json()) as DocumentDto;
  const stored = await t.store.getDocument(id);
  expect(stored).toMatchObject({ version: 2, body: winner.body, updated_by: winner.updated_by });
  expect(await t.store.listVersions(id)).toHaveLength(2);
  // Every loser was told the winner's version, so each can merge onto it.
  const losers = answers.filter((res) => res.status === 409).slice(0, 20);
  for (const res of losers) {
    const problem = (await res.json()) as { current: DocumentDto };
    expect(problem.current).toMatchObject({ version: 2, body: winner.body });
  }
}

describe('concurrent saves with the same If-Match', () => {
  it.each([2, 50, 100, 1000])(
    'let exactly one of %i win and keep its text',
    async (n) => {
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
      await expectOneWinner(doc.id, answers);
    },
    30_000,
  );

  it('let exactly one of two racing deletes win', async () => {
    const { doc, etag } = await t.create();
    const del = () =>
      t.app.request(`/api/docs/${doc.id}`, { method: 'DELETE', headers: { 'If-Match': etag } });
    const answers = await Promise.all([del(), del()]);
    const statuses = answers.map((res) => res.status).sort();
    // The loser meets a document in the trash: a state-transition conflict, not a 404.
    expect(statuses).toEqual([204, 409]);
    const loser = answers.find((res) => res.status === 409)!;
    expect(((await loser.json()) as { type: string }).type).toMatch(/document-deleted$/);
  });
});

describe('concurrent saves over real HTTP', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
    server = undefined;
  });

  it.each([100, 1000])(
    'let exactly one of %i PUTs to a real port win',
    async (n) => {
      server = createAdaptorServer({ fetch: t.app.fetch }) as Server;
      // A backlog above N: Node's default (511) would drop the surplus connection attempts,
      // which then retry after a second, and the race would be spread over seconds.
      await new Promise<void>((resolve) =>
        server!.listen({ port: 0, host: '127.0.0.1', backlog: 2048 }, resolve),
      );
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const { doc, etag } = await t.create('Race over HTTP', 'base');
      const answers = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          fetch(`${base}/api/docs/${doc.id}`, {
            method: 'PUT',
            headers: {
              'Content-Type': 'application/json',
              'If-Match': etag,
              'Concord-User': `e${i}`,
            },
            body: JSON.stringify({ title: 'Race over HTTP', body: `editor ${i}` }),
          }),
        ),
      );
      await expectOneWinner(doc.id, answers);
    },
    30_000,
  );
});

describe('concurrent saves from separate processes on one database', () => {
  it('let exactly one of 8 processes win', async () => {
    const { doc, etag } = await t.create('Race', 'base');
    const script = fileURLToPath(new URL('./testing/race-save.ts', import.meta.url));
    const racers = Array.from({ length: 8 }, (_, i) =>
      startRacer([...['--import', 'tsx', script], ...[t.databaseUrl, doc.id, etag, `p${i}`]]),
    );
    // Every process has started and opened the database: start them all at once.
    await Promise.all(racers.map((racer) => racer.ready));
    for (const racer of racers) racer.go();
    const outcomes = await Promise.all(racers.map((racer) => racer.outcome));
    expect(outcomes.filter((o) => o === 'saved')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'conflict')).toHaveLength(7);
    const stored = await t.store.getDocument(doc.id);
    expect(stored?.version).toBe(2);
    expect(stored?.body).toBe(`p${outcomes.indexOf('saved')}`);
  }, 20_000);
});

/** A `race-save.ts` process: `ready` once it has opened the database, `go` to let it save. */
function startRacer(args: string[]) {
  const child = spawn(process.execPath, args);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`race-save exited with ${code}\n${stderr}`)),
    );
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.startsWith('ready\n')) resolve();
    });
    exited.then(() => reject(new Error('race-save ended before it was ready')), reject);
  });
  // A rejection that is also reported by `ready` or `outcome` must not count as unhandled.
  exited.catch(() => {});
  return {
    ready,
    go: () => child.stdin.end('go\n'),
    outcome: exited.then(() => stdout.slice('ready\n'.length)),
  };
}
