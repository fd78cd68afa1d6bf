// Save latency with many open event streams: PUT round trips against `concord serve` with no
// stream open, then with BENCH_STREAMS (default 5000) open — half on the saved document, half
// on the list — held by this process over loopback. Bounded: a fixed number of saves, and
// every stream opened and closed within the run. Prints the medians and their ratio.
//
//   npx tsx bench/event-fanout.ts
//   BENCH_STREAMS=8000 npx tsx bench/event-fanout.ts
//   BENCH_CONCORD=/path/to/other/checkout npx tsx bench/event-fanout.ts  # another build
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import type { ClientRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readServerUrl, stop } from '../e2e/concord-process.ts';
import { median } from './stats.ts';

const streams = Math.min(20_000, Math.max(1, Number(process.env.BENCH_STREAMS ?? 5000)));
const saves = 40;
// Pause between saves, so that each measures one save rather than a queue of fan-outs.
const gapMs = Number(process.env.BENCH_GAP_MS ?? 300);
const root = process.env.BENCH_CONCORD ?? fileURLToPath(new URL('..', import.meta.url));
// Spread over loopback addresses (all of 127.0.0.0/8 is this host on Linux), at most 1000
// each, so that no one source runs out of ports.
const perAddress = 1000;

const dir = mkdtempSync(join(tmpdir(), 'harden-fanout-'));
const child = spawn(
  process.execPath,
  [
    // BENCH_PROFILE=dir writes the server's CPU profile there.
    ...(process.env.BENCH_PROFILE
      ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE]
      : []),
    join(root, 'bin/concord.js'),
    'serve',
    '--port',
    '0',
    '--host',
    '127.0.0.1',
    '--db',
    join(dir, 'c.db'),
  ],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      CONCORD_STATIC_DIR: '',
      CONCORD_RATE_LIMIT: 'off',
      CONCORD_AUTH: 'off',
      CONCORD_MAX_STREAMS: String(streams + 10),
      CONCORD_MAX_STREAMS_PER_CLIENT: String(perAddress),
    },
  },
);
const open: ClientRequest[] = [];
try {
  const url = new URL(await readServerUrl(child));
  const port = Number(url.port);
  const send = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    new Promise<{ status: number; etag: string; text: string }>((resolve, reject) => {
      const req = request({ port, host: '127.0.0.1', method, path, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, etag: String(res.headers.etag), text }),
        );
      });
      req.on('error', reject).end(body);
    });
  const json = { 'Content-Type': 'application/json' };
  const created = await send(
    'POST',
    '/api/docs',
    json,
    JSON.stringify({ title: 'Fan-out', body: '' }),
  );
  const { id } = JSON.parse(created.text) as { id: string };
  let etag = created.etag;
  const timeSaves = async () => {
    const times: number[] = [];
    for (let i = 0; i < saves; i++) {
      const start = performance.now();
      const res = await send(
        'PUT',
        `/api/docs/${id}`,
        { ...json, 'If-Match': etag },
        JSON.stringify({ title: 'Fan-out', body: `v${i}` }),
      );
      times.push(performance.now() - start);
      if (res.status !== 200) throw new Error(`save answered ${res.status}`);
      etag = res.etag;
      // Let the previous save's events go out: this measures one save, not a queue of them.
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
    return times;
  };
  await timeSaves(); // warm-up
  const quiet = await timeSaves();

  const opening: Promise<number>[] = [];
  for (let i = 0; i < streams; i++) {
    const localAddress = `127.0.1.${1 + Math.floor(i / perAddress)}`;
    const path = i % 2 ? '/api/events' : `/api/docs/${id}/events`;
    opening.push(
      new Promise((resolve, reject) => {
        const req = request(
          { port, host: '127.0.0.1', path, localAddress, agent: false },
          (res) => {
            res.resume();
            resolve(res.statusCode!);
          },
        );
        open.push(req);
        req.on('error', reject).end();
      }),
    );
    if (i % 500 === 499) await Promise.all(opening.slice(-500));
  }
  const statuses = await Promise.all(opening);
  const ok = statuses.filter((s) => s === 200).length;
  if (ok !== streams) throw new Error(`only ${ok} of ${streams} streams opened`);
  await new Promise((resolve) => setTimeout(resolve, 500));
  // The last subscriber of all: when it hears of a save, every stream has.
  let heard: () => void = () => {};
  await new Promise<void>((resolve, reject) => {
    const req = request(
      { port, host: '127.0.0.1', path: '/api/events', localAddress: '127.0.2.1', agent: false },
      (res) => {
        res.setEncoding('utf8').on('data', (chunk: string) => {
          if (chunk.includes('event: version')) heard();
        });
        resolve();
      },
    );
    open.push(req);
    req.on('error', reject).end();
  });
  const fanOut: number[] = [];
  const timeFanOut = async () => {
    const start = performance.now();
    const done = new Promise<void>((resolve) => (heard = resolve));
    const res = await send(
      'PUT',
      `/api/docs/${id}`,
      { ...json, 'If-Match': etag },
      JSON.stringify({ title: 'Fan-out', body: 'probe' }),
    );
    etag = res.etag;
    await done;
    fanOut.push(performance.now() - start);
  };
  for (let i = 0; i < 5; i++) await timeFanOut();
  const busy = await timeSaves();

  const ms = (values: number[]) => `${median(values).toFixed(2)} ms`;
  console.log(`PUT median, no stream open:      ${ms(quiet)}`);
  console.log(`PUT median, ${streams} streams open: ${ms(busy)}`);
  console.log(`ratio: ${(median(busy) / median(quiet)).toFixed(2)}×`);
  console.log(`a save reaches all ${streams} streams in (median): ${ms(fanOut)}`);
} finally {
  for (const req of open) req.destroy();
  await stop(child);
  rmSync(dir, { recursive: true, force: true });
}
