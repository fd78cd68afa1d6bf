import { describe, expect, it } from 'vitest';
import { createConcordClient } from './concord-client.ts';

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
