import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDto } from '../protocol/document.ts';
import { limits } from '../protocol/document.ts';

const bin = fileURLToPath(new URL('../../bin/concord.js', import.meta.url));

let dir: string;
let child: ChildProcessWithoutNullStreams;
let base: string;
let stdout = '';

/** Starts `concord serve --port 0` the way the Playwright fixtures do; resolves with its URL. */
function startServer(): Promise<string> {
  child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--db', join(dir, 'c.db')], {
    env: { ...process.env, PORT: '', HOST: '', CONCORD_AUTH: 'off' },
  });
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const match = /^Concord listening on (http:\/\/\S+)\n/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening`)));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'concord-cli-'));
  base = await startServer();
}, 20_000);

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('concord serve over real HTTP', () => {
  it('prints exactly one line with the real port', () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
    expect(stdout).toBe(`Concord listening on ${base}\n`);
  });

  it('creates, saves, conflicts and streams a change', async () => {
    const created = await fetch(`${base}/api/docs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Concord-User': 'Ann' },
      body: JSON.stringify({ title: 'Over the wire', body: 'v1' }),
    });
    expect(created.status).toBe(201);
    const doc = (await created.json()) as DocumentDto;
    const etag = created.headers.get('ETag')!;

    const events = await fetch(`${base}/api/docs/${doc.id}/events`);
    expect(events.headers.get('Content-Type')).toContain('text/event-stream');
    const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    const waitFor = async (text: string) => {
      while (!received.includes(text)) received += (await reader.read()).value ?? '';
    };
    await waitFor('id: 1\n');

    const put = (body: string) =>
      fetch(`${base}/api/docs/${doc.id}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'If-Match': etag, 'Concord-User': 'Bob' },
        body: JSON.stringify({ title: 'Over the wire', body }),
      });
    expect((await put('v2')).status).toBe(200);
    expect((await put('v2 other')).status).toBe(409);
    await waitFor('id: 2\n');
    expect(received).toContain('"updated_by":"Bob"');
    await reader.cancel();

    const got = await fetch(`${base}/api/docs/${doc.id}`);
    expect(((await got.json()) as DocumentDto).body).toBe('v2');
  });

  // The server reads bodies from Node's stream itself, not through app.request's path.
  it('answers bad and oversized bodies from the socket, chunked or not, and serves on', async () => {
    const post = (body: BodyInit, extra: RequestInit = {}) =>
      fetch(`${base}/api/docs`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
        ...extra,
      });
    const bad = await post('{"title": "x", "body": ');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toContain('not valid JSON');
    const huge = JSON.stringify({ title: 'Huge', body: 'y'.repeat(limits.maxBodyBytes) });
    expect((await post(huge)).status).toBe(413);
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = new TextEncoder().encode(huge);
        for (let at = 0; at < bytes.length; at += 64 * 1024) {
          controller.enqueue(bytes.subarray(at, at + 64 * 1024));
        }
        controller.close();
      },
    });
    expect((await post(chunks, { duplex: 'half' } as RequestInit)).status).toBe(413);
    const fine = await post(JSON.stringify({ title: 'Fine after huge', body: 'ü' }));
    expect(fine.status).toBe(201);
    expect(((await fine.json()) as DocumentDto).body).toBe('ü');
  });

  it('logs each request as one JSON line after the first, and serves /metrics on loopback', async () => {
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toMatch(/^concord_conflicts_total\{kind="stale-save"\} 1$/m);
    expect(text).toContain('process_resident_memory_bytes');
    const requestLines = () => stdout.split('\n').slice(1, -1);
    await expect
      .poll(() => requestLines().some((line) => line.includes('"status":409')))
      .toBe(true);
    const logged = requestLines().map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.find((line) => line.status === 409)).toMatchObject({
      level: 'info',
      method: 'PUT',
      route: '/api/docs/:id',
      conflict: 'stale-save',
    });
    expect(stdout).not.toContain('Over the wire'); // the title
  });

  it('stops with exit code 0 on SIGTERM, even with an event stream open', async () => {
    const list = (await (await fetch(`${base}/api/docs`)).json()) as { items: DocumentDto[] };
    const stream = await fetch(`${base}/api/docs/${list.items[0]!.id}/events`);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // The server ended the stream rather than leaving it hanging.
    await expect(stream.text()).resolves.toContain('event: version');
    // Every request answered before the signal is in the log, the last one included.
    const last = stdout.trimEnd().split('\n').at(-1)!;
    expect(JSON.parse(last)).toMatchObject({ route: '/api/docs/:id/events', status: 200 });
  });
});
