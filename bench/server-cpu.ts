// Server CPU per request of several builds, in alternating rounds (decision 17's addendum): for
// a change too small for `npm run bench:server`'s throughput to show above the machine's noise.
//
//   npx tsx bench/server-cpu.ts get <build> <build> …   # signed-in GETs of one document
//   npx tsx bench/server-cpu.ts put <build> <build> …   # saves, each connection its own document
//
// A build is a folder with `bin/concord.js` and `dist/cli/` (a checkout after `npm run
// build:cli`, or a copy of those two and a `node_modules` link); `<build>@off` runs it with
// CONCORD_AUTH=off, `<build>@silent` with the log silent; `baseline` is bench/baseline-server.ts.
// 64 keep-alive connections from undici, ROUNDS (default 10) rounds of MS (default 1500) ms per
// build after 2 s unmeasured; CPU (user + system, every thread) from /proc. Loopback only.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { loadTestEnv, readCpuMs, startLoggedServer } from './server-process.ts';
import { formatLoadAverage } from './stats.ts';

const [kind, ...specs] = process.argv.slice(2);
if ((kind !== 'get' && kind !== 'put') || specs.length === 0) {
  throw new Error('usage: server-cpu.ts get|put <build>[@off|@silent] … (or baseline)');
}
const rounds = Number(process.env.ROUNDS ?? 10);
const roundMs = Number(process.env.MS ?? 1500);
const connections = 64;
// Lines of each document (`a line`): 64 make a 0.6 KB answer; from about 150 on, an answer is
// large enough to be compressed for clients that accept it (bench:server's are 1.1 KB).
const lines = Number(process.env.LINES ?? 64);
const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'concord-server-cpu-'));

interface Server {
  spec: string;
  child: ChildProcess;
  pool: Pool;
  headers: Record<string, string>;
  /** The document each connection reads or saves, and its last ETag. */
  ids: string[];
  etags: string[];
  cpuMs: number;
  requests: number;
}

async function request(s: Server, path: string, method: string, headers = {}, body?: string) {
  const res = await s.pool.request({ path, method, headers: { ...s.headers, ...headers }, body });
  const text = await res.body.text();
  return { status: res.statusCode, etag: String(res.headers.etag), text, headers: res.headers };
}

async function start(spec: string, n: number): Promise<Server> {
  const [build, mode] = spec.split('@') as [string, string | undefined];
  const database = join(work, `${n}.db`);
  const args =
    build === 'baseline'
      ? ['--import', 'tsx', join(root, 'bench/baseline-server.ts'), database]
      : [join(resolve(build), 'bin/concord.js'), 'serve', '--port', '0', '--db', database];
  const { url, child } = await startLoggedServer(args, {
    cwd: build === 'baseline' ? root : resolve(build),
    env: {
      ...process.env,
      ...loadTestEnv,
      CONCORD_AUTH: mode === 'off' ? 'off' : 'accounts',
      ...(mode === 'silent' && { CONCORD_LOG_LEVEL: 'silent' }),
    },
    logPath: join(work, `${n}.log`),
  });
  const json = { 'Content-Type': 'application/json' };
  const s: Server = {
    ...{ spec, child, pool: new Pool(url, { connections }), headers: json },
    ...{ ids: [], etags: [], cpuMs: 0, requests: 0 },
  };
  if (build !== 'baseline' && mode !== 'off') {
    const account = JSON.stringify({ username: 'bench', password: 'a bench password' });
    const made = await request(s, '/api/users', 'POST', {}, account);
    s.headers = { ...json, Cookie: String([made.headers['set-cookie']].flat()[0]).split(';')[0]! };
  }
  const documents = kind === 'get' ? 1 : connections;
  for (let d = 0; d < documents; d++) {
    const body = JSON.stringify({ title: `CPU ${d}`, body: 'a line\n'.repeat(lines) });
    const made = await request(s, '/api/docs', 'POST', {}, body);
    s.ids.push((JSON.parse(made.text) as { id: string }).id);
    s.etags.push(made.etag);
  }
  return s;
}

/** `ms` of load on `s`; counted unless warming up. */
async function load(s: Server, ms: number, counted: boolean): Promise<void> {
  const end = Date.now() + ms;
  const cpuBefore = readCpuMs(s.child.pid!);
  let requests = 0;
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      const d = kind === 'get' ? 0 : c;
      for (let cycle = 0; Date.now() < end; cycle++, requests++) {
        if (kind === 'get') {
          await request(s, `/api/docs/${s.ids[d]}`, 'GET');
          continue;
        }
        const body = JSON.stringify({
          title: `CPU ${d}`,
          body: `${cycle}\n${'a line\n'.repeat(lines)}`,
        });
        const saved = await request(
          s,
          `/api/docs/${s.ids[d]}`,
          'PUT',
          { 'If-Match': s.etags[d] },
          body,
        );
        if (saved.status !== 200) throw new Error(`${s.spec}: a save answered ${saved.status}`);
        s.etags[d] = saved.etag;
      }
    }),
  );
  if (!counted) return;
  s.cpuMs += readCpuMs(s.child.pid!) - cpuBefore;
  s.requests += requests;
}

const servers: Server[] = [];
try {
  for (const [n, spec] of specs.entries()) servers.push(await start(spec, n));
  for (const s of servers) await load(s, 2000, false);
  for (let round = 0; round < rounds; round++) {
    for (const s of round % 2 ? [...servers].reverse() : servers) await load(s, roundMs, true);
  }
  console.log(`${kind}, ${rounds} rounds of ${roundMs} ms, load average ${formatLoadAverage()}`);
  for (const s of servers) {
    const perRequest = ((s.cpuMs * 1000) / s.requests).toFixed(1);
    console.log(`${s.spec}: ${perRequest} µs of server CPU per request (${s.requests} requests)`);
  }
} finally {
  for (const s of servers) {
    s.child.kill('SIGTERM');
    await s.pool.close();
  }
  rmSync(work, { recursive: true, force: true });
}
