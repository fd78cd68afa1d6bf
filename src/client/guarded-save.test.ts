import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { guardedSave, readVersioned, type SaveAdapter } from './guarded-save.ts';
import { shouldRetrySave } from './use-guarded-save.ts';

/** A one-text server on a loopback port, answering a stale If-Match as `conflict` says. */
interface TextServer {
  url: string;
  text: string;
  etag: string;
  /** How a stale If-Match is answered. */
  conflict: '409-with-body' | '412-bare';
  /** Every request, as `METHOD if-match`. */
  log: string[];
}

let server: Server;
let state: TextServer;

beforeEach(async () => {
  state = { url: '', text: 'one\ntwo\n', etag: '"1"', conflict: '412-bare', log: [] };
  server = createServer((req, res) => void answer(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/note`;
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function answer(req: IncomingMessage, res: ServerResponse) {
  state.log.push(`${req.method} ${req.headers['if-match'] ?? '-'}`);
  if (req.method === 'GET') {
    res.writeHead(200, { 'Content-Type': 'text/plain', ETag: state.etag }).end(state.text);
    return;
  }
  let body = '';
  for await (const chunk of req) body += chunk;
  const ifMatch = req.headers['if-match'];
  if (!ifMatch) {
    res.writeHead(428).end();
  } else if (ifMatch.startsWith('W/') || ifMatch !== state.etag) {
    // RFC 9110 §13.1.1: If-Match uses the strong comparison, so a weak tag never matches.
    if (state.conflict === '412-bare') res.writeHead(412).end();
    else {
      res.writeHead(409, { 'Content-Type': 'application/problem+json' });
      res.end(
        JSON.stringify({
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          current: { body: state.text },
          current_etag: state.etag,
        }),
      );
    }
  } else {
    state.text = body;
    state.etag = `"${Number(JSON.parse(state.etag)) + 1}"`;
    res.writeHead(200, { ETag: state.etag }).end();
  }
}

/** Someone else saves first. */
function saveElsewhere(text: string) {
  state.text = text;
  state.etag = `"${Number(JSON.parse(state.etag)) + 1}"`;
}

describe('guardedSave', () => {
  it('saves with If-Match and reports the new ETag', async () => {
    const result = await guardedSave(
      { url: state.url },
      { base: 'one\ntwo\n', text: 'one!\ntwo\n', etag: '"1"' },
    );
    expect(result).toEqual({ status: 'saved', text: 'one!\ntwo\n', etag: '"2"' });
    expect(state.text).toBe('one!\ntwo\n');
    expect(state.log).toEqual(['PUT "1"']);
  });

  it('turns a 409 with the current document into the dialog inputs, without a GET', async () => {
    state.conflict = '409-with-body';
    saveElsewhere('one\ntwo?\n');
    const result = await guardedSave(
      { url: state.url },
      { base: 'one\ntwo\n', text: 'one!\ntwo\n', etag: '"1"' },
    );
    expect(result).toEqual({
      status: 'conflict',
      base: 'one\ntwo\n',
      mine: 'one!\ntwo\n',
      theirs: 'one\ntwo?\n',
      theirsEtag: '"2"',
    });
    expect(state.log).toEqual(['PUT "1"']);
  });

  it('refetches theirs with GET when a 412 has no body, and saves the resolution with its ETag', async () => {
    saveElsewhere('one\ntwo?\n');
    const conflict = await guardedSave(
      { url: state.url },
      { base: 'one\ntwo\n', text: 'one!\ntwo\n', etag: '"1"' },
    );
    expect(conflict).toMatchObject({
      status: 'conflict',
      theirs: 'one\ntwo?\n',
      theirsEtag: '"2"',
    });
    const resolved = await guardedSave(
      { url: state.url },
      { base: 'one\ntwo?\n', text: 'one!\ntwo?\n', etag: '"2"' },
    );
    expect(resolved).toEqual({ status: 'saved', text: 'one!\ntwo?\n', etag: '"3"' });
    expect(state.log).toEqual(['PUT "1"', 'GET -', 'PUT "2"']);
  });

  it('re-merges a resolution that meets yet another save onto the newer version', async () => {
    saveElsewhere('zero\none\ntwo\n');
    // The resolution was made against version 2; version 3 landed meanwhile.
    const resolution = 'zero\none!\ntwo\n';
    saveElsewhere('zero\none\ntwo\nthree\n');
    const result = await guardedSave(
      { url: state.url },
      { base: 'zero\none\ntwo\n', text: resolution, etag: '"2"' },
    );
    expect(result).toEqual({
      status: 'conflict',
      base: 'zero\none\ntwo\n',
      mine: resolution,
      theirs: 'zero\none\ntwo\nthree\n',
      theirsEtag: '"3"',
    });
  });

  it('counts a conflict whose theirs is the draft as saved (a retried save that had landed)', async () => {
    saveElsewhere('one!\ntwo\n');
    const result = await guardedSave(
      { url: state.url },
      { base: 'one\ntwo\n', text: 'one!\ntwo\n', etag: '"1"' },
    );
    expect(result).toEqual({ status: 'saved', text: 'one!\ntwo\n', etag: '"2"' });
  });

  it('throws an ApiError for 428, which is never retried', async () => {
    const error = await guardedSave(
      {
        send: (text) => fetch(state.url, { method: 'PUT', body: text }),
        load: () => fetch(state.url),
      },
      { base: '', text: 'x', etag: '"1"' },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(428);
    expect(shouldRetrySave(0, error as ApiError)).toBe(false);
    expect(shouldRetrySave(0, new TypeError('fetch failed'))).toBe(true);
    expect(state.text).toBe('one\ntwo\n');
  });

  it('reads a JSON API through toBody, readText and readTheirs', async () => {
    state.conflict = '409-with-body';
    saveElsewhere('theirs');
    const result = await guardedSave(
      {
        url: state.url,
        headers: () => ({ 'Content-Type': 'application/json' }),
        toBody: (text) => JSON.stringify({ text }),
        readTheirs: (body) => {
          const b = body as { current: { body: string }; current_etag: string };
          return { text: `[${b.current.body}]`, etag: b.current_etag };
        },
      },
      { base: 'base', text: 'mine', etag: '"1"' },
    );
    expect(result).toMatchObject({ status: 'conflict', theirs: '[theirs]', theirsEtag: '"2"' });
  });

  it('refuses a server that answers 412 to the ETag it serves (a weak tag never matches)', async () => {
    state.etag = 'W/"1"';
    const error = await guardedSave(
      { url: state.url },
      { base: 'one\ntwo\n', text: 'x', etag: 'W/"1"' },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(412);
    expect(state.log).toEqual(['PUT W/"1"', 'GET -']);
  });
});

describe('guardedSave with an adapter', () => {
  /** A note with a title and a body, stored on the text server as two lines. */
  interface Note {
    title: string;
    body: string;
  }
  const toText = (note: Note) => `${note.title}\n${note.body}`;
  const toNote = (text: string): Note => {
    const [title = '', ...rest] = text.split('\n');
    return { title, body: rest.join('\n') };
  };
  const adapter: SaveAdapter<Note> = {
    send: (note, etag) =>
      fetch(state.url, { method: 'PUT', headers: { 'If-Match': etag }, body: toText(note) }),
    load: () => fetch(state.url, { cache: 'no-store' }),
    read: async (response) => toNote(await response.text()),
    readSaved: async (response, sent) => {
      await response.body?.cancel();
      return sent;
    },
    same: (a, b) => a.title === b.title && a.body === b.body,
  };

  it('saves a value and reports the stored value with its new ETag', async () => {
    const note = { title: 'Plan', body: 'v2' };
    const result = await guardedSave(adapter, { base: note, value: note, etag: '"1"' });
    expect(result).toEqual({ status: 'saved', value: note, etag: '"2"' });
    expect(state.text).toBe('Plan\nv2');
  });

  it('reads theirs with load after a bare 412 and reports the refusal', async () => {
    saveElsewhere('Plan\ntheirs');
    const base = { title: 'Plan', body: 'base' };
    const mine = { title: 'Plan', body: 'mine' };
    const result = await guardedSave(adapter, { base, value: mine, etag: '"1"' });
    expect(result).toEqual({
      status: 'conflict',
      base,
      mine,
      theirs: { title: 'Plan', body: 'theirs' },
      theirsEtag: '"2"',
      refusal: { status: 412, problem: undefined },
    });
    expect(state.log).toEqual(['PUT "1"', 'GET -']);
  });

  it('counts theirs that is the same value (by `same`) as saved', async () => {
    saveElsewhere('Plan\nmine');
    const mine = { title: 'Plan', body: 'mine' };
    const result = await guardedSave(adapter, { base: mine, value: { ...mine }, etag: '"1"' });
    expect(result).toEqual({ status: 'saved', value: mine, etag: '"2"' });
  });

  it('throws an ApiError for a refusal the adapter says is no lost update', async () => {
    saveElsewhere('Plan\ntheirs');
    const strict = { ...adapter, isLostUpdate: () => false };
    const note = { title: 'Plan', body: 'mine' };
    const error = await guardedSave(strict, { base: note, value: note, etag: '"1"' }).catch(
      (e: unknown) => e,
    );
    expect((error as ApiError).status).toBe(412);
    expect(state.log).toEqual(['PUT "1"']);
  });
});

describe('readVersioned', () => {
  it('reads the text and ETag of a GET', async () => {
    expect(await readVersioned(await fetch(state.url))).toEqual({
      text: 'one\ntwo\n',
      etag: '"1"',
    });
  });

  it('reads a JSON resource through readText', async () => {
    const readText = async (response: Response) => (await response.text()).toUpperCase();
    expect(await readVersioned(await fetch(state.url), { readText })).toEqual({
      text: 'ONE\nTWO\n',
      etag: '"1"',
    });
  });

  it('throws an ApiError carrying the status and problem of a failed GET', async () => {
    const problem = { type: 'https://example.com/gone', title: 'Gone', status: 404 };
    const response = new Response(JSON.stringify(problem), {
      status: 404,
      headers: { 'Content-Type': 'application/problem+json' },
    });
    const error = await readVersioned(response).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, problem });
  });

  it('refuses an answer without an ETag, which could not guard a save', async () => {
    await expect(readVersioned(new Response('text'))).rejects.toThrow('without an ETag');
  });
});
