/**
 * `npm run bench:dialog`: how fast the conflict dialog is in a real browser, on the real app and
 * server. For documents of 100, 2,000 and 20,000 lines (one conflict per 100 lines), it prints:
 *
 * - ready: from the 409 answer arriving in the page to the dialog shown with focus on its first
 *   conflict (merge, render, focus) — target ≤ 300 ms at 20,000 lines;
 * - choice: from a click on "Use mine" (on the middle conflict) to the next paint showing the
 *   updated count — target < 50 ms.
 *
 * Which path: the app merges in a worker while the newer version waits (prepare-resolution.ts);
 * each run waits for that merge before it clicks Save, so "ready" is the dialog opening on a
 * merge prepared in the worker. NO_WORKER=1 takes the worker away: the merge then runs on the
 * main thread after the 409, as in a browser without module workers.
 *
 * Medians of RUNS runs (default 5) for SIZES (default 100,2000,20000). Needs `npm run build`
 * first (it serves dist/app). BASELINE=<another build's dist/app> measures that build too, in
 * the same runs (alternating, so both meet the same machine load). TRACE=<lines> prints where
 * the main thread spent 409 → ready (bench/trace-summary.ts); PROFILE=<lines> a CPU profile.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, readServerUrl, spawnConcord, stop } from '../e2e/concord-process.ts';
import { formatLoadAverage, median } from './stats.ts';
import { startTrace } from './trace-summary.ts';

const runs = Number(process.env.RUNS ?? 5);
const sizes = process.env.SIZES?.split(',').map(Number) ?? [100, 2_000, 20_000];
const noWorker = process.env.NO_WORKER === '1';

async function startServer(
  staticDir?: string,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'concord-bench-dialog-'));
  const env = staticDir ? { CONCORD_STATIC_DIR: staticDir } : {};
  const child = spawnConcord(join(dir, 'bench.db'), env);
  const url = await readServerUrl(child);
  return {
    url,
    stop: async () => {
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A prose document: `lines` lines of about 85 characters. */
function makeDocument(lines: number): string[] {
  return Array.from(
    { length: lines },
    (_, i) =>
      `Line ${i}: the quick brown fox jumps over the lazy dog, then writes line ${i} again.`,
  );
}

async function measureOnce(browser: Browser, url: string, lines: number, run: number) {
  const base = makeDocument(lines);
  const title = `Bench ${lines} lines, run ${run} ${Date.now()}`;
  const created = await fetch(`${url}/api/docs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title, body: base.join('\n') + '\n' }),
  });
  const doc = (await created.json()) as { id: string };
  const etag = created.headers.get('ETag')!;

  // Both sides edit the same line every 100 lines: one conflict each.
  const mine = base.map((line, i) => (i % 100 === 50 ? `${line} Mine.` : line));
  const theirs = base.map((line, i) => (i % 100 === 50 ? `${line} Theirs.` : line));

  const context = await browser.newContext({ baseURL: url });
  // tsx compiles with keepNames, which wraps functions passed to page.evaluate in `__name`.
  await context.addInitScript('window.__name = (f) => f');
  if (noWorker) await context.addInitScript('delete window.Worker');
  const page = await context.newPage();
  // The app terminates its worker once the merge is posted back: then the merge is prepared.
  const prepared = new Promise<void>((resolve) =>
    page.on('worker', (worker) => worker.on('close', () => resolve())),
  );
  // Same origin, but not the app: the app would write its own (clean) draft over ours.
  await page.goto('/api/docs?limit=1');
  // Mine arrives as this tab's draft (typing 20,000 lines through the keyboard would take
  // minutes and measure Playwright, not Concord); opening the document restores it as after a reload.
  await page.evaluate(
    ({ id, draft }) => sessionStorage.setItem(`concord:draft:${id}`, JSON.stringify(draft)),
    {
      id: doc.id,
      draft: {
        base: { title, body: base.join('\n') + '\n', etag, version: 1 },
        mine: { title, body: mine.join('\n') + '\n' },
        savedAt: new Date().toISOString(),
      },
    },
  );
  await page.goto(`/docs/${doc.id}`);
  await page.getByText('Restored your unsaved edits').waitFor();

  const saved = await fetch(`${url}/api/docs/${doc.id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'If-Match': etag },
    body: JSON.stringify({ title, body: theirs.join('\n') + '\n' }),
  });
  if (saved.status !== 200) throw new Error(`theirs not saved: ${saved.status}`);
  await page.getByRole('region', { name: 'Newer version' }).waitFor();
  if (!noWorker) await prepared;

  const profile = process.env.PROFILE === String(lines) ? await startProfile(page) : undefined;
  const trace = process.env.TRACE === String(lines) ? await startTrace(page) : undefined;
  const cpuTrace = trace ? undefined : await startTrace(page, true);
  const { ready, minimal } = await timeToReady(page);
  if (profile) await profile.print('409 → ready');
  if (trace) await trace.print(`409 → ready, run ${run}`, [['bench:409', 'bench:ready']]);
  const readyCpu = (await cpuTrace?.cpu('bench:409', 'bench:ready')) ?? NaN;
  const profile2 = process.env.PROFILE === String(lines) ? await startProfile(page) : undefined;
  const choice = await timeToChoice(page, Math.ceil(lines / 200));
  if (profile2) await profile2.print('Use mine');
  await context.close();
  return { ready, readyCpu, choice, minimal };
}

/** 409 → ready, and whether the 409 left the document out (the app held it already). */
async function timeToReady(page: Page): Promise<{ ready: number; minimal: boolean }> {
  await page.evaluate(() => {
    const w = window as unknown as {
      __t409?: number;
      __tReady?: Promise<number>;
      __minimal?: boolean;
    };
    const originalFetch = window.fetch;
    window.fetch = async (...args) => {
      const response = await originalFetch(...args);
      if (response.status === 409) {
        w.__t409 = performance.mark('bench:409').startTime;
        w.__minimal = response.headers.get('Preference-Applied') === 'return=minimal';
      }
      return response;
    };
    w.__tReady = new Promise((resolve) => {
      const check = () => {
        const focused = document.activeElement?.closest('.concord-dialog [data-conflict]');
        if (focused)
          requestAnimationFrame(() => resolve(performance.mark('bench:ready').startTime));
        else requestAnimationFrame(check);
      };
      check();
    });
  });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  return page.evaluate(async () => {
    const w = window as unknown as {
      __t409: number;
      __tReady: Promise<number>;
      __minimal: boolean;
    };
    return { ready: (await w.__tReady) - w.__t409, minimal: w.__minimal };
  });
}

async function timeToChoice(page: Page, conflict: number): Promise<number> {
  const group = page.getByRole('group', { name: new RegExp(`^Conflict ${conflict} of \\d+$`) });
  const button = group.getByRole('button', { name: 'Use mine', exact: true });
  await button.scrollIntoViewIfNeeded();
  await page.evaluate(() => {
    const w = window as unknown as { __choice?: Promise<number> };
    const left = document.querySelector('.concord-dialog__left')!;
    w.__choice = new Promise((resolve) => {
      let start = 0;
      document.addEventListener('click', () => (start = performance.now()), {
        capture: true,
        once: true,
      });
      new MutationObserver((_, observer) => {
        observer.disconnect();
        // The change is on screen at the next frame.
        requestAnimationFrame(() => resolve(performance.now() - start));
      }).observe(left, { childList: true, characterData: true, subtree: true });
    });
  });
  await button.click();
  return page.evaluate(() => (window as unknown as { __choice: Promise<number> }).__choice);
}

/** PROFILE=<lines> prints where the page spent its time (CPU profile, self time). */
async function startProfile(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    async print(label: string) {
      const { profile } = await cdp.send('Profiler.stop');
      const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
      const self = new Map<string, number>();
      profile.samples!.forEach((id, i) => {
        const frame = nodes.get(id)!.callFrame;
        const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}:${frame.columnNumber}`;
        self.set(key, (self.get(key) ?? 0) + profile.timeDeltas![i]! / 1000);
      });
      console.log(`-- ${label}`);
      for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
        console.log(`${ms.toFixed(1).padStart(8)} ms  ${key}`);
      }
    },
  };
}

const builds = [
  { name: 'this build', server: await startServer() },
  ...(process.env.BASELINE
    ? [{ name: 'baseline', server: await startServer(process.env.BASELINE) }]
    : []),
];
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const path = noWorker ? 'merged on the main thread (no worker)' : 'merge prepared in the worker';
  console.log(`Conflict dialog in headless Chromium, ${path}, median of ${runs} runs`);
  console.log(`load average at start: ${formatLoadAverage()}`);
  console.log(
    'lines   | conflicts | build      | 409 → dialog ready | main-thread CPU | click "Use mine" → painted',
  );
  console.log(
    '------- | --------- | ---------- | ------------------ | --------------- | --------------------------',
  );
  const allResults: Array<{ minimal: boolean }> = [];
  for (const lines of sizes) {
    const results = builds.map(
      () => [] as Array<{ ready: number; readyCpu: number; choice: number; minimal: boolean }>,
    );
    for (let run = 0; run < runs; run++) {
      // Alternating which build goes first, so neither always meets a warmer machine.
      const order = builds.map((_, i) => i);
      if (run % 2) order.reverse();
      for (const i of order)
        results[i]!.push(await measureOnce(browser, builds[i]!.server.url, lines, run));
    }
    allResults.push(...results.flat());
    builds.forEach((build, i) => {
      const ready = median(results[i]!.map((r) => r.ready));
      const cpu = median(results[i]!.map((r) => r.readyCpu));
      const choice = median(results[i]!.map((r) => r.choice));
      console.log(
        `${String(lines).padStart(7)} | ${String(Math.ceil(lines / 100)).padStart(9)} | ${build.name.padEnd(10)} | ${ready.toFixed(0).padStart(15)} ms | ${cpu.toFixed(0).padStart(12)} ms | ${choice.toFixed(0).padStart(23)} ms`,
      );
    });
  }
  const minimalRuns = allResults.filter((r) => r.minimal).length;
  console.log(
    `409s that left the document out (Prefer: return=minimal, the app held it): ${minimalRuns} of ${allResults.length}`,
  );
  console.log(`load average at end: ${formatLoadAverage()}`);
} finally {
  await browser.close();
  for (const build of builds) await build.server.stop();
}
