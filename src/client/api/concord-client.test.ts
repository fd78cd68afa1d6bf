import { describe, expect, it } from 'vitest';
import { problemTypes } from '../../protocol/index.ts';
import { ApiError, conflictProblemOf, isSaveConflict, titleTakenProblemOf } from '../api-error.ts';
import { createConcordClient, type VersionedDocument } from './concord-client.ts';

/** A client whose fetch records each request and answers a saved document. */
function createRecordingClient() {
  const sent: Request[] = [];
  const client = createConcordClient({
    fetch: async (input, init) => {
      sent.push(new Request(new URL(String(input), 'http://concord.test'), init));
      return new Response(JSON.stringify({ id: 'a', title: 'T', body: 'b', version: 2 }), {
        status: 200,
        headers: { 'Content-Type': 'application/json', ETag: '"v2"' },
      });
    },
  });
  return { client, sent };
}

describe('saveDocument', () => {
  it('sends Concord-Resolution when the save resolves a conflict', async () => {
    const { client, sent } = createRecordingClient();
    await client.saveDocument('a', { title: 'T', body: 'b' }, '"v1"', { resolution: 'kept-mine' });
    expect(sent[0]!.method).toBe('PUT');
    expect(sent[0]!.headers.get('If-Match')).toBe('"v1"');
    expect(sent[0]!.headers.get('Concord-Resolution')).toBe('kept-mine');
  });

  it('sends no Concord-Resolution for an ordinary save', async () => {
    const { client, sent } = createRecordingClient();
    await client.saveDocument('a', { title: 'T', body: 'b' }, '"v1"');
    expect(sent[0]!.headers.has('Concord-Resolution')).toBe(false);
    expect(await sent[0]!.json()).toEqual({ title: 'T', body: 'b' });
  });
});

describe('saveDocument with a known current version', () => {
  const mine = { title: 'Plan', body: 'mine' };
  const theirs = {
    doc: { id: 'a', title: 'Plan', body: 'theirs', version: 2 },
    etag: '"v2"',
  } as unknown as VersionedDocument;
  const newest = { id: 'a', title: 'Plan', body: 'newest', version: 3 };

  /** A server answering a stale save with a minimal 409 naming `currentEtag`, like Concord's. */
  function createServer(currentEtag: string, getStatus = 200) {
    const sent: Request[] = [];
    const client = createConcordClient({
      fetch: async (input, init) => {
        const request = new Request(new URL(String(input), 'http://concord.test'), init);
        sent.push(request);
        if (request.method === 'GET') {
          return new Response(JSON.stringify(newest), {
            status: getStatus,
            headers: { 'Content-Type': 'application/json', ETag: currentEtag },
          });
        }
        const minimal = request.headers.get('Prefer') === 'return=minimal';
        const problem = {
          type: problemTypes.editConflict,
          title: 'Edit conflict',
          status: 409,
          current_etag: currentEtag,
          ...(minimal ? {} : { current: newest }),
        };
        return new Response(JSON.stringify(problem), {
          status: 409,
          headers: { 'Content-Type': 'application/problem+json', ETag: currentEtag },
        });
      },
    });
    return { client, sent };
  }

  it('asks for a minimal 409 and carries the known version as current', async () => {
    const { client, sent } = createServer('"v2"');
    const error = await client
      .saveDocument('a', mine, '"v1"', { knownCurrent: theirs })
      .catch((e: unknown) => e);
    expect(sent.map((r) => [r.method, r.headers.get('Prefer')])).toEqual([
      ['PUT', 'return=minimal'],
    ]);
    expect(conflictProblemOf(error)).toMatchObject({ current: theirs.doc, current_etag: '"v2"' });
  });

  it('reads the current version when the server has a newer one than the known', async () => {
    const { client, sent } = createServer('"v3"');
    const error = await client
      .saveDocument('a', mine, '"v1"', { knownCurrent: theirs })
      .catch((e: unknown) => e);
    expect(sent.map((r) => r.method)).toEqual(['PUT', 'GET']);
    expect(conflictProblemOf(error)).toMatchObject({ current: newest, current_etag: '"v3"' });
  });

  it('reports the failed read when the current version cannot be read (nothing saved)', async () => {
    const { client } = createServer('"v3"', 503);
    const error = await client
      .saveDocument('a', mine, '"v1"', { knownCurrent: theirs })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(503);
    expect(isSaveConflict(error)).toBe(false);
  });

  it('asks nothing when the known version is the one edited', async () => {
    const { client, sent } = createServer('"v2"');
    const error = await client
      .saveDocument('a', mine, '"v2"', { knownCurrent: theirs })
      .catch((e: unknown) => e);
    expect(sent[0]!.headers.has('Prefer')).toBe(false);
    expect(conflictProblemOf(error)).toMatchObject({ current: newest });
  });
});

describe('saveDocument on the guarded save', () => {
  const stored = { id: 'a', title: 'Plan', body: 'stored', version: 4 };

  /** A server answering every PUT with `status` and `problem`, and GET with `stored`. */
  function createRefusingServer(status: number, problem?: object) {
    const sent: string[] = [];
    const client = createConcordClient({
      fetch: async (input, init) => {
        const method = init?.method ?? 'GET';
        sent.push(method);
        if (method === 'GET') {
          return new Response(JSON.stringify(stored), {
            headers: { 'Content-Type': 'application/json', ETag: '"v4"' },
          });
        }
        return new Response(problem ? JSON.stringify(problem) : null, {
          status,
          headers: { 'Content-Type': 'application/problem+json' },
        });
      },
    });
    return { client, sent };
  }

  it('reads the current version after a bare 412 and carries it as current', async () => {
    const { client, sent } = createRefusingServer(412);
    const error = await client
      .saveDocument('a', { title: 'Plan', body: 'mine' }, '"v1"')
      .catch((e: unknown) => e);
    expect(sent).toEqual(['PUT', 'GET']);
    expect((error as ApiError).status).toBe(412);
    expect(conflictProblemOf(error)).toMatchObject({ current: stored, current_etag: '"v4"' });
  });

  it('counts a 412 whose current version is the draft as saved (its first answer was lost)', async () => {
    const { client } = createRefusingServer(412);
    const saved = await client.saveDocument('a', { title: 'Plan', body: 'stored' }, '"v1"');
    expect(saved).toEqual({ doc: stored, etag: '"v4"' });
  });

  it('throws a 409 that is no lost update (a title already used) as it came', async () => {
    const taken = {
      type: problemTypes.titleTaken,
      title: 'Title already used',
      status: 409,
      existing: { id: 'b', title: 'Plan' },
    };
    const { client, sent } = createRefusingServer(409, taken);
    const error = await client
      .saveDocument('a', { title: 'Plan', body: 'mine' }, '"v1"')
      .catch((e: unknown) => e);
    expect(sent).toEqual(['PUT']);
    expect(isSaveConflict(error)).toBe(false);
    expect(titleTakenProblemOf(error)).toEqual(taken);
  });
});
