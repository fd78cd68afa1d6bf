import { describe, expect, it } from 'vitest';
import { problemTypes } from '../protocol/index.ts';
import { ApiError, conflictProblemOf } from './api-error.ts';
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

  it('gives the minimal 409 as it came when that read fails (the app reads again)', async () => {
    const { client } = createServer('"v3"', 503);
    const error = await client
      .saveDocument('a', mine, '"v1"', { knownCurrent: theirs })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(409);
    expect(conflictProblemOf(error)).toBeUndefined();
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
