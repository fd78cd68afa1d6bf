// Load benchmark of the server: simulated editors doing read-modify-write cycles (GET, edit,
// PUT with If-Match, on 409 merge onto the current version and retry) over shared documents,
// against Concord on SQLite and on PostgreSQL (with accounts off, and with accounts on: every
// request signed in with a session cookie) and against a bare node:http baseline on the same
// stores. Loopback only, bounded in time. Checks afterwards that no update was lost.
//
//   npm run bench:server                      # 64 editors, 100 documents, 20 s per server
//   BENCH_SECONDS=5 npm run bench:server      # shorter (1–120 s)
//   BENCH_STORES=sqlite npm run bench:server  # one store only (sqlite, postgres)
//   BENCH_PROFILE=/tmp/prof npm run bench:server  # also write each Concord server's CPU profile
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Pool } from 'undici';
import { stop } from '../e2e/concord-process.ts';
import { merge } from '../src/merge/index.ts';
import type { DocumentDto } from '../src/protocol/index.ts';
import { openStore } from '../src/server/store/open-store.ts';
import { findPostgresBin, startTestPostgres } from '../src/server/testing/start-test-postgres.ts';
import { loadTestEnv, readCpuMs, startLoggedServer } from './server-process.ts';
import { median } from './stats.ts';

const seconds = Math.min(120, Math.max(1, Number(process.env.BENCH_SECONDS ?? 20)));
const editors = 64;
const documents = 100;
const stores = (process.env.BENCH_STORES ?? 'sqlite,postgres').split(',');
// Each server's time is split into this many rounds, alternating with the other server's.
const rounds = 8;
// Before them, each server runs this long unmeasured, as a server in use has run: its code
// compiled by the JIT (Concord has more of it than the baseline) and its caches warm.
const warmUpMs = Math.min(3000, (seconds * 1000) / rounds);
// Where the Concord servers write their CPU profiles (.cpuprofile, when they exit), if asked.
const profileDir = process.env.BENCH_PROFILE;
const profileArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];

interface Acknowledged {
  id: string;
  version: number;
  etag: string;
  body: string;
}

interface RunResult {
  name: string;
  /** The store's name: the baseline of a Concord row is the row `${kind} baseline`. */
  kind: string;
  saves: number;
  conflicts: number;
  latencies: number[];
  lost: string[];
  /** The server process's CPU time per request, in microseconds (NaN where unknown). */
  cpuPerRequest: number;
  /** Saves acknowledged in each measured round. */
  roundSaves: number[];
}

const root = fileURLToPath(new URL('..', import.meta.url));
// The servers' databases and logs.
const dir = mkdtempSync(join(tmpdir(), 'concord-bench-'));
let logs = 0;

// The editors share keep-alive connections, as browsers keep theirs, through undici's lean
// request API: fetch's web streams (and, to a lesser degree, node:http's ClientRequest) cost the
// load generator more CPU per request than the server spends answering it, and on two cores
// that queueing would be measured as server latency.
const pools = new Map<string, Pool>();

interface Answer {
  status: number;
  etag: string | undefined;
  json: unknown;
  setCookie: string | undefined;
}

/** One HTTP exchange with the server at `origin`, with the answer's JSON parsed. */
async function send(
  origin: string,
  path: string,
  method: 'GET' | 'POST' | 'PUT',
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  let pool = pools.get(origin);
  if (!pool) pools.set(origin, (pool = new Pool(origin, { connections: editors })));
  const res = await pool.request({ path, method, headers, body });
  const text = await res.body.text();
  const etag = res.headers.etag as string | undefined;
  const cookies = [res.headers['set-cookie'] ?? []].flat();
  const setCookie = cookies[0];
  return { status: res.statusCode, etag, json: text ? JSON.parse(text) : undefined, setCookie };
}

/** Closes the connections to the servers (they close idle ones after 5 s anyway). */
async function closeConnections(): Promise<void> {
  const closing = [...pools.values()].map((pool) => pool.close());
  pools.clear();
  await Promise.all(closing);
}

/** Starts a Concord or baseline server process and resolves with its URL. */
function startProcess(
  args: string[],
  auth: 'off' | 'accounts' = 'off',
): Promise<{ url: string; child: ChildProcess }> {
  // As before accounts (loopback only), or with every request signed in.
  const env = { ...process.env, ...loadTestEnv, CONCORD_AUTH: auth };
  return startLoggedServer(args, { cwd: root, env, logPath: join(dir, `server-${logs++}.log`) });
}

/** Each document has one line per editor, kept apart by unchanging lines so edits merge cleanly. */
function seedBody(): string {
  return Array.from({ length: editors }, (_, e) => `editor ${e}: -\n~\n`).join('');
}

function setLine(body: string, editor: number, value: string): string {
  return body.replace(new RegExp(`^editor ${editor}: .*$`, 'm'), `editor ${editor}: ${value}`);
}

/** One server under test: its documents, what the editors saw, and what it acknowledged. */
interface Target {
  name: string;
  base: string;
  databaseUrl: string;
  ids: string[];
  /** Sent with every request: the session cookie where accounts are on. */
  headers: Record<string, string>;
  acks: Acknowledged[];
  /** The last acknowledged value of each editor's line in each document: "id editor" → value. */
  lastEdit: Map<string, string>;
  latencies: number[];
  conflicts: number;
  /** Each editor's count of cycles so far, so that every value it writes is new. */
  cycles: number[];
  /** The server's process id, HTTP requests it answered, and CPU milliseconds it used doing so. */
  pid: number;
  requests: number;
  cpuMs: number;
  /** Saves acknowledged while warming up: checked for loss, not counted as throughput. */
  warmUpSaves: number;
  /** Saves acknowledged in each round. */
  roundSaves: number[];
}

const jsonHeaders = { 'Content-Type': 'application/json' };

/**
 * The first account of a server with accounts on, signed in (one session shared by all editors:
 * each request pays for looking its session up, which is what accounts cost per request).
 */
async function signIn(base: string): Promise<Record<string, string>> {
  const account = JSON.stringify({ username: 'bench', password: 'a bench password' });
  const created = await send(base, '/api/users', 'POST', jsonHeaders, account);
  if (created.status !== 201 || !created.setCookie) {
    throw new Error(`the first account was not made: ${created.status}`);
  }
  return { Cookie: created.setCookie.split(';')[0]! };
}

async function seed(
  name: string,
  base: string,
  databaseUrl: string,
  pid: number,
  headers: Record<string, string>,
): Promise<Target> {
  const ids: string[] = [];
  for (let d = 0; d < documents; d++) {
    const body = JSON.stringify({ title: `Bench ${d}`, body: seedBody() });
    const { json } = await send(base, '/api/docs', 'POST', { ...jsonHeaders, ...headers }, body);
    ids.push((json as DocumentDto).id);
  }
  const cycles = Array.from({ length: editors }, () => 0);
  return {
    name,
    base,
    databaseUrl,
    ids,
    headers,
    acks: [],
    lastEdit: new Map(),
    latencies: [],
    conflicts: 0,
    cycles,
    pid,
    requests: 0,
    cpuMs: 0,
    warmUpSaves: 0,
    roundSaves: [],
  };
}

/** Runs the editors against `target` for `ms` milliseconds (each finishes its last cycle). */
async function drive(target: Target, ms: number): Promise<void> {
  const { name, base, ids, acks, lastEdit, latencies, cycles, headers: auth } = target;
  const deadline = performance.now() + ms;
  const cpuBefore = readCpuMs(target.pid);
  const savesBefore = acks.length;

  const put = async (id: string, etag: string, title: string, body: string, editor: number) => {
    const started = performance.now();
    target.requests++;
    const headers = { ...jsonHeaders, ...auth, 'If-Match': etag, 'Concord-User': `e${editor}` };
    const res = await send(
      base,
      `/api/docs/${id}`,
      'PUT',
      headers,
      JSON.stringify({ title, body }),
    );
    latencies.push(performance.now() - started);
    const answer = res.json as DocumentDto & { current: DocumentDto; current_etag: string };
    return { status: res.status, etag: res.etag!, answer };
  };

  const editor = async (e: number) => {
    while (performance.now() < deadline) {
      const n = cycles[e]!++;
      const id = ids[Math.floor(Math.random() * documents)]!;
      target.requests++;
      const got = await send(base, `/api/docs/${id}`, 'GET', auth);
      const doc = got.json as DocumentDto;
      let baseText = doc.body;
      let etag = got.etag!;
      const value = `save ${n}`;
      let mine = setLine(baseText, e, value);
      for (;;) {
        const { status, etag: newEtag, answer } = await put(id, etag, doc.title, mine, e);
        if (status === 200) {
          acks.push({ id, version: answer.version, etag: newEtag, body: mine });
          lastEdit.set(`${id} ${e}`, value);
          break;
        }
        if (status !== 409) throw new Error(`${name}: PUT answered ${status}`);
        target.conflicts++;
        // Merge my edit onto their version, as the conflict dialog would, and retry.
        const merged = merge({ base: baseText, mine, theirs: answer.current.body });
        if (!merged.clean) throw new Error(`${name}: a merge that should be clean conflicted`);
        baseText = answer.current.body;
        mine = merged.text;
        etag = answer.current_etag;
      }
    }
  };
  await Promise.all(Array.from({ length: editors }, (_, e) => editor(e)));
  target.cpuMs += readCpuMs(target.pid) - cpuBefore;
  target.roundSaves.push(acks.length - savesBefore);
  // Servers close idle keep-alive connections after 5 s, racing a request sent on one as it
  // closes (ECONNRESET): start each round on fresh connections instead.
  await closeConnections();
}

/** Reads the store directly: every acknowledged save kept, gapless versions, edits present. */
async function findLost({ ids, acks, lastEdit, databaseUrl }: Target): Promise<string[]> {
  const store = await openStore(databaseUrl);
  const lost: string[] = [];
  try {
    const byId = new Map<string, Map<number, { etag: string; body: string }>>();
    for (const id of ids) {
      const versions = (await store.listVersions(id)) ?? [];
      const current = await store.getDocument(id);
      const numbers = versions.map((v) => v.version).reverse();
      if (numbers.some((v, i) => v !== i + 1) || numbers.length !== current?.version) {
        lost.push(`${id}: versions are not 1..${current?.version}`);
      }
      const kept = new Map<number, { etag: string; body: string }>();
      for (const v of versions) {
        const full = await store.getVersion(id, v.version);
        kept.set(v.version, { etag: full!.etag, body: full!.body });
      }
      byId.set(id, kept);
      for (let e = 0; e < editors; e++) {
        const value = lastEdit.get(`${id} ${e}`);
        if (value && !current!.body.includes(`editor ${e}: ${value}\n`)) {
          lost.push(`${id}: editor ${e}'s last edit (${value}) is missing`);
        }
      }
    }
    for (const ack of acks) {
      const kept = byId.get(ack.id)?.get(ack.version);
      if (kept?.etag !== ack.etag || kept.body !== ack.body) {
        lost.push(`${ack.id} v${ack.version}: acknowledged save not in history`);
      }
    }
  } finally {
    await store.close();
  }
  return lost;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * Runs Concord and the baseline on `kind`'s store in alternating rounds (Concord first in odd
 * rounds, the baseline first in even ones), so that both meet the same background load on a
 * shared machine and the ratio compares like with like.
 */
async function benchStore(kind: string, makeUrl: () => Promise<string>): Promise<RunResult[]> {
  const targets: Target[] = [];
  const children: ChildProcess[] = [];
  try {
    for (const server of ['concord', 'concord with accounts', 'baseline'] as const) {
      const databaseUrl = await makeUrl();
      const args =
        server === 'baseline'
          ? [...profileArgs, '--import', 'tsx', 'bench/baseline-server.ts', databaseUrl]
          : [...profileArgs, 'bin/concord.js', 'serve', '--port', '0', '--db', databaseUrl];
      const auth = server === 'concord with accounts' ? 'accounts' : 'off';
      const { url, child } = await startProcess(args, auth);
      children.push(child);
      const headers = auth === 'accounts' ? await signIn(url) : {};
      targets.push(await seed(`${kind} ${server}`, url, databaseUrl, child.pid!, headers));
    }
    for (const target of targets) {
      await drive(target, warmUpMs);
      // Its saves stay in `acks` for the lost-update check; only the measures start afresh.
      Object.assign(target, { latencies: [], conflicts: 0, requests: 0, cpuMs: 0, roundSaves: [] });
      target.warmUpSaves = target.acks.length;
    }
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const target of order) await drive(target, (seconds * 1000) / rounds);
    }
  } finally {
    await closeConnections();
    await Promise.all(children.map(stop));
  }
  const results: RunResult[] = [];
  for (const target of targets) {
    const { name, acks, conflicts, latencies, cpuMs, requests, warmUpSaves, roundSaves } = target;
    const lost = await findLost(target);
    const cpuPerRequest = (cpuMs * 1000) / requests;
    const saves = acks.length - warmUpSaves;
    results.push({ name, kind, saves, conflicts, latencies, lost, cpuPerRequest, roundSaves });
  }
  return results;
}

const results: RunResult[] = [];
let postgres: Awaited<ReturnType<typeof startTestPostgres>> | undefined;
try {
  if (stores.includes('sqlite')) {
    let n = 0;
    results.push(...(await benchStore('SQLite', async () => join(dir, `bench-${n++}.db`))));
  }
  if (stores.includes('postgres')) {
    if (!findPostgresBin()) throw new Error('PostgreSQL is not installed (see README).');
    // fsync on: durable as a deployment, like SQLite's synchronous=FULL.
    postgres = await startTestPostgres({ durable: true });
    let n = 0;
    results.push(
      ...(await benchStore('PostgreSQL', async () => {
        const schema = `bench_${n++}`;
        const client = new pg.Client(postgres!.url);
        await client.connect();
        await client.query(`CREATE SCHEMA ${schema}`);
        await client.end();
        return `${postgres!.url}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      })),
    );
  }
} finally {
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
}

console.log(
  `\n${editors} editors, ${documents} documents, ${seconds} s per server in ${rounds} alternating rounds after ${warmUpMs / 1000} s unmeasured, loopback; latency of PUT\n`,
);
console.log(
  '| server | saves/s | conflicts/s | p50 ms | p99 ms | × baseline | server CPU µs/request | lost updates |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
let failed = false;
const notes: string[] = [];
for (const result of results) {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const baseline = results.find((r) => r.name === `${result.kind} baseline`)!;
  // Each round of one server ran next to the same round of the other, so under the same
  // background load: the median of those paired ratios is what the machine's noise moves least.
  const paired = result.roundSaves.map((saves, i) => saves / baseline.roundSaves[i]!);
  const ratio = median(paired);
  const concord = result.name !== baseline.name;
  if (concord) {
    const [low, high] = [Math.min(...paired), Math.max(...paired)];
    const overall = result.saves / baseline.saves;
    notes.push(
      `${result.name}: ${ratio.toFixed(2)}× is the median of ${paired.length} paired rounds (${low.toFixed(2)}–${high.toFixed(2)}×; all rounds together ${overall.toFixed(2)}×)`,
    );
  }
  const row = [
    result.name,
    (result.saves / seconds).toFixed(0),
    (result.conflicts / seconds).toFixed(0),
    percentile(sorted, 50).toFixed(1),
    percentile(sorted, 99).toFixed(1),
    concord ? `${ratio.toFixed(2)}×` : '1.00×',
    result.cpuPerRequest.toFixed(0),
    String(result.lost.length),
  ];
  console.log(`| ${row.join(' | ')} |`);
  for (const line of result.lost.slice(0, 10)) console.error(`  lost: ${line}`);
  if (result.lost.length > 0) failed = true;
  if (concord && ratio < 0.7) failed = true;
  if (result.name === 'SQLite concord' && percentile(sorted, 99) >= 50) failed = true;
}
console.log(`\n${notes.join('\n')}`);
console.log('\nTargets: ≥ 0.70× baseline, p99 < 50 ms on SQLite, zero lost updates.');
if (failed) {
  console.error('A target was missed.');
  process.exitCode = 1;
}
