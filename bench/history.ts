/**
 * `npm run bench:history`: how fast the History page is on a long history, in a real browser
 * on the real app and server. A document with VERSIONS versions (default 1,000; one-word
 * edits of a ~17 KB text) is seeded through the API, then each run opens its History in a
 * fresh browser context and prints the medians of RUNS runs (default 7):
 *
 * - open: from a click on the editor's "History" to the list of versions on screen (its
 *   first row painted) — target ≤ 200 ms. Measured twice: clicked at once, as soon as the
 *   editor shows the button, and clicked in a freshly loaded editor once it has settled (the
 *   first page of the history fetched ahead while the editor was idle, as it is when a
 *   person reads or types before opening History);
 * - changes: from a click on a version (the 10th newest) to its changes on screen (an
 *   insertion or deletion painted) — target ≤ 200 ms;
 * - cold load: from the start of a navigation to /docs/{id}/history in a fresh context to
 *   the list painted (the app's code loaded, parsed and booted too: no target).
 *
 * Baseline, in the same runs (alternating, so both meet the same load): the same page and
 * server with the whole list loaded at once (the page's request for 20 versions rewritten to
 * ask for 1,000), which is what the page did before it was paged. Needs `vite build` and the
 * compiled CLI first (the script does both).
 */
import { chromium, type Browser, type Page, type Request } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, readServerUrl, spawnConcord, stop } from '../e2e/concord-process.ts';
import { formatLoadAverage, median } from './stats.ts';
import { startTrace } from './trace-summary.ts';

const runs = Number(process.env.RUNS ?? 7);
const versionCount = Number(process.env.VERSIONS ?? 1000);
const targetMs = 200;

/** The server on a fresh SQLite file, without rate limits (the seeding is 1,000 saves). */
async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'concord-bench-history-'));
  const child = spawnConcord(join(dir, 'bench.db'), { CONCORD_RATE_LIMIT: 'off' });
  const url = await readServerUrl(child);
  return {
    url,
    stop: async () => {
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A document with `count` versions, each one word changed; its id. */
async function seedHistory(url: string, count: number): Promise<string> {
  const words = Array.from({ length: 3000 }, (_, i) => `word${(i * 7919) % 10_007}`);
  const title = `History bench ${Date.now()}`;
  const created = await fetch(`${url}/api/docs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title, body: words.join(' ') }),
  });
  const { id } = (await created.json()) as { id: string };
  let etag = created.headers.get('ETag')!;
  for (let n = 2; n <= count; n++) {
    words[(n * 104_729) % words.length] = `edit${n}`;
    const saved = await fetch(`${url}/api/docs/${id}`, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/json',
        'If-Match': etag,
        'Concord-User': n % 2 ? 'Bob' : 'Carol',
      },
      body: JSON.stringify({ title, body: words.join(' ') }),
    });
    if (saved.status !== 200) throw new Error(`version ${n} not saved: ${saved.status}`);
    etag = saved.headers.get('ETag')!;
  }
  return id;
}

type Mode = 'paged' | 'whole list';

/** One run's times in ms: wall times from a click or navigation, and the clicks' CPU times. */
interface Measured {
  cold: number;
  openAtOnce: number;
  openAtOnceCpu: number;
  open: number;
  openCpu: number;
  changes: number;
  changesCpu: number;
  rows: number;
}

async function measureOnce(
  browser: Browser,
  url: string,
  id: string,
  mode: Mode,
): Promise<Measured> {
  const context = await browser.newContext({ baseURL: url });
  // tsx compiles with keepNames, which wraps functions passed to page.evaluate in `__name`.
  await context.addInitScript('window.__name = (f) => f');
  // The list's first row painted, timed from the navigation's start (performance.now()'s 0).
  await context.addInitScript(() => {
    const w = window as unknown as { __listShown?: Promise<number> };
    performance.mark('bench:navigated');
    w.__listShown = new Promise((resolve) => {
      const check = () => {
        if (document.querySelector('[aria-label="Versions"] li a'))
          requestAnimationFrame(() => {
            performance.mark('bench:listed');
            resolve(performance.now());
          });
        else requestAnimationFrame(check);
      };
      check();
    });
  });
  const page = await context.newPage();
  if (mode === 'whole list') {
    await page.route(/\/versions\?limit=20$/, (route) =>
      route.continue({ url: route.request().url().replace('limit=20', 'limit=1000') }),
    );
  }
  const requests = watchRequests(page);
  // Cold: the History URL loaded in a fresh context (the app's code included).
  const coldTrace =
    process.env.TRACE === 'cold' && mode === 'paged' ? await startTrace(page) : undefined;
  await page.goto(`/docs/${id}/history`);
  const cold = await page.evaluate(
    () => (window as unknown as { __listShown: Promise<number> }).__listShown,
  );
  if (coldTrace) {
    await coldTrace.print('cold load', [['bench:navigated', 'bench:listed']]);
    await requests.print('cold load');
  }
  // In the app: the editor's "History" button, as a writer opens it. First at once, as soon as
  // it shows (with whatever the editor fetched ahead by then: usually nothing yet)...
  await page.goto(`/docs/${id}`);
  const history = page.getByRole('button', { name: 'History', exact: true });
  await history.waitFor();
  await requests.print();
  const versionsSelector = '[aria-label="Versions"] li a';
  const openAtOnce = await measureClick(
    page,
    'open-at-once',
    mode,
    requests,
    versionsSelector,
    () => history.click(),
  );
  // ... then in a freshly loaded editor once it has settled, as when a person reads or types
  // before opening History: the editor fetches the history's first page ahead while idle.
  let prefetch: Promise<unknown> = Promise.resolve();
  const notePrefetch = (request: Request) => {
    if (/\/versions\?limit=/.test(request.url())) prefetch = request.response();
  };
  page.on('request', notePrefetch);
  await page.goto(`/docs/${id}`);
  await history.waitFor();
  // Settled: the main thread idle once, and what the editor fetched ahead (if anything) in.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
  await prefetch;
  page.off('request', notePrefetch);
  const open = await measureClick(page, 'open', mode, requests, versionsSelector, () =>
    history.click(),
  );
  const rows = await page.getByRole('list', { name: 'Versions' }).getByRole('listitem').count();
  const version = versionCount - 10;
  const link = page.getByRole('link', { name: `Version ${version}`, exact: true });
  await link.waitFor();
  const changes = await measureClick(
    page,
    'changes',
    mode,
    requests,
    `[aria-label="Changes in version ${version}"] :is(ins, del)`,
    () => link.click(),
  );
  await context.close();
  return {
    cold,
    openAtOnce: openAtOnce.ms,
    openAtOnceCpu: openAtOnce.cpu,
    open: open.ms,
    openCpu: open.cpu,
    changes: changes.ms,
    changesCpu: changes.cpu,
    rows,
  };
}

/**
 * A click timed (`timeFromClick`) with the main thread's CPU time over the same stretch from a
 * light trace, which the machine's other load moves much less than the wall time. With
 * TRACE=cold, TRACE=open, TRACE=open-at-once or TRACE=changes, that step of the paged runs prints a full trace summary and the
 * requests it made instead.
 */
async function measureClick(
  page: Page,
  step: 'open-at-once' | 'open' | 'changes',
  mode: Mode,
  requests: ReturnType<typeof watchRequests>,
  selector: string,
  click: () => Promise<void>,
): Promise<{ ms: number; cpu: number }> {
  const full = process.env.TRACE === step && mode === 'paged';
  const trace = await startTrace(page, !full);
  const ms = await timeFromClick(page, selector, click);
  if (!full) return { ms, cpu: await trace.cpu('bench:click', 'bench:shown') };
  await trace.print(step, [['bench:click', 'bench:shown']]);
  await requests.print(step);
  return { ms, cpu: NaN };
}

/** The page's requests since the last `print`, with when each started and ended. */
function watchRequests(page: Page) {
  let seen: Request[] = [];
  page.on('requestfinished', (request) => seen.push(request));
  return {
    /** Prints them under `label`; without one, forgets them. */
    async print(label?: string) {
      if (label === undefined) return void (seen = []);
      const origin = await page.evaluate(() => performance.timeOrigin);
      const click = await page.evaluate(
        () => performance.getEntriesByName('bench:click').at(-1)?.startTime ?? 0,
      );
      console.log(`-- requests, ${label} (ms from the click or navigation)`);
      for (const request of seen) {
        const t = request.timing();
        const at = (ms: number) => (t.startTime + ms - origin - click).toFixed(0);
        console.log(
          `  ${at(0)} → ${at(t.responseEnd)}  (waiting ${(t.responseStart - t.requestStart).toFixed(0)})  ${request.url().replace(/^https?:\/\/[^/]+/, '')}`,
        );
      }
      seen = [];
    },
  };
}

/** From the click `click` makes to the first frame painted with `selector` on the page. */
async function timeFromClick(
  page: Page,
  selector: string,
  click: () => Promise<void>,
): Promise<number> {
  await page.evaluate((wanted) => {
    const w = window as unknown as { __shown?: Promise<number> };
    w.__shown = new Promise((resolve) => {
      let start = 0;
      document.addEventListener(
        'click',
        () => {
          start = performance.now();
          performance.mark('bench:click');
        },
        { capture: true, once: true },
      );
      const check = () => {
        if (start > 0 && document.querySelector(wanted))
          requestAnimationFrame(() => {
            performance.mark('bench:shown');
            resolve(performance.now() - start);
          });
        else requestAnimationFrame(check);
      };
      check();
    });
  }, selector);
  await click();
  return page.evaluate(() => (window as unknown as { __shown: Promise<number> }).__shown);
}

const server = await startServer();
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const seedStart = performance.now();
  const id = await seedHistory(server.url, versionCount);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  console.log(
    `History of a document with ${versionCount} versions (seeded in ${seedSeconds.toFixed(1)} s), headless Chromium, median of ${runs} runs`,
  );
  console.log(`load average at start: ${formatLoadAverage()}`);
  const modes: Mode[] = ['paged', 'whole list'];
  const results = new Map(modes.map((mode) => [mode, [] as Measured[]]));
  // One unmeasured run each: the first navigation also compiles the server's and page's code.
  for (const mode of modes) await measureOnce(browser, server.url, id, mode);
  for (let run = 0; run < runs; run++) {
    const order = run % 2 ? [...modes].reverse() : modes;
    for (const mode of order)
      results.get(mode)!.push(await measureOnce(browser, server.url, id, mode));
  }
  const columns = [
    ['openAtOnce', 'History clicked at once → list shown'],
    ['open', 'History clicked, editor settled → list shown'],
    ['changes', 'version clicked → changes shown'],
  ] as const;
  console.log(
    `page       | rows | ${columns.map(([, title]) => title).join(' | ')} | cold load of /docs/{id}/history → list shown`,
  );
  console.log(
    `---------- | ---- | ${columns.map(([, title]) => '-'.repeat(title.length)).join(' | ')} | ${'-'.repeat(44)}`,
  );
  const medians = new Map<Mode, Record<keyof Measured, number>>();
  for (const mode of modes) {
    const all = results.get(mode)!;
    const keys = Object.keys(all[0]!) as (keyof Measured)[];
    const m = Object.fromEntries(
      keys.map((key) => [key, median(all.map((r) => r[key]))]),
    ) as Record<keyof Measured, number>;
    medians.set(mode, m);
    const cells = columns.map(([key, title]) =>
      `${m[key].toFixed(0)} ms (CPU ${m[`${key}Cpu`].toFixed(0)} ms)`.padStart(title.length),
    );
    console.log(
      `${mode.padEnd(10)} | ${String(all[0]!.rows).padStart(4)} | ${cells.join(' | ')} | ${m.cold.toFixed(0).padStart(41)} ms`,
    );
  }
  console.log("(CPU: the main thread's CPU time over the same stretch, which load moves less)");
  const paged = medians.get('paged')!;
  const whole = medians.get('whole list')!;
  const ratio = (key: keyof Measured) => (paged[key] / whole[key]).toFixed(2);
  console.log(
    `paged / whole list: open at once ${ratio('openAtOnce')}×, open ${ratio('open')}×, changes ${ratio('changes')}×, cold load ${ratio('cold')}×`,
  );
  const met = (ms: number) => (ms <= targetMs ? 'met' : 'NOT met');
  console.log(
    `targets (≤ ${targetMs} ms, paged): open at once ${met(paged.openAtOnce)}, open ${met(paged.open)}, changes ${met(paged.changes)}`,
  );
  console.log(`load average at end: ${formatLoadAverage()}`);
} finally {
  await browser.close();
  await server.stop();
}
