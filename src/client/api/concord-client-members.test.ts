import { describe, expect, it } from 'vitest';
import { problemTypes } from '../../protocol/index.ts';
import { ApiError } from '../api-error.ts';
import { createConcordClient } from './concord-client.ts';

/** A client whose fetch records each request and answers `status` with `body`. */
function createClient(status: number, body: unknown) {
  const sent: Request[] = [];
  const client = createConcordClient({
    fetch: async (input, init) => {
      sent.push(new Request(new URL(String(input), 'http://concord.test'), init));
      const type = status >= 400 ? 'application/problem+json' : 'application/json';
      return new Response(status === 204 ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': type },
      });
    },
  });
  return { client, sent };
}

describe('the members of a document', () => {
  it('lists them with GET …/members', async () => {
    const members = { items: [{ username: 'alice', role: 'owner' }], your_role: 'owner' };
    const { client, sent } = createClient(200, members);
    expect(await client.listMembers('a b')).toEqual(members);
    expect(new URL(sent[0]!.url).pathname).toBe('/api/docs/a%20b/members');
  });

  it('shares with PUT …/members/{username} { role }, the name encoded', async () => {
    const { client, sent } = createClient(201, { username: 'Bob Ng', role: 'viewer' });
    expect(await client.setMember('a', 'Bob Ng', 'viewer')).toEqual({
      username: 'Bob Ng',
      role: 'viewer',
    });
    expect(sent[0]!.method).toBe('PUT');
    expect(new URL(sent[0]!.url).pathname).toBe('/api/docs/a/members/Bob%20Ng');
    expect(await sent[0]!.json()).toEqual({ role: 'viewer' });
  });

  it('removes with DELETE, and throws the problem of a refusal as an ApiError', async () => {
    const { client, sent } = createClient(204, null);
    await client.removeMember('a', 'bob');
    expect(sent[0]!.method).toBe('DELETE');
    const refused = createClient(404, {
      type: problemTypes.notFound,
      title: 'Not found',
      status: 404,
      detail: 'There is no account named "mallory".',
    });
    const error = await refused.client.setMember('a', 'mallory', 'editor').catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('There is no account named "mallory".');
  });
});
