/**
 * Where a page's main thread spent a measured stretch of time, from a Chrome trace: self time per
 * trace event (style, layout, paint, scripting, GC…) and per JavaScript function (from the trace's
 * sampling profiler), between two `performance.mark`s the page set. Used by `TRACE=<lines>` in
 * bench/dialog.ts.
 */
import type { CDPSession, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, for complete events. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      cpuProfile?: {
        nodes?: Array<{ id: number; parent?: number; callFrame: CallFrame }>;
        samples?: number[];
      };
      timeDeltas?: number[];
      startTime?: number;
    };
  };
}

interface CallFrame {
  functionName: string;
  url?: string;
  lineNumber: number;
  columnNumber: number;
}

const categories = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];

/**
 * Starts a trace of `page` (`light`: only what {@link measureMainThreadCpu} needs); `print` stops
 * it and prints the summary between marks, `cpu` stops it and measures the main thread's CPU time.
 */
export async function startTrace(page: Page, light = false) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      includedCategories: light ? ['toplevel', 'blink.user_timing', '__metadata'] : categories,
      excludedCategories: ['*'],
    },
  });
  return {
    async cpu(from: string, to: string) {
      const events = await stopTrace(cdp);
      await cdp.detach();
      return measureMainThreadCpu(events, from, to);
    },
    /** Stops the trace and prints a summary for each stretch between two marks. */
    async print(label: string, stretches: ReadonlyArray<readonly [string, string]>) {
      const events = await stopTrace(cdp);
      for (const [from, to] of stretches) {
        console.log(`-- ${label}`);
        for (const line of summariseTrace(events, from, to)) console.log(line);
      }
    },
  };
}

/** Stops a trace started with `Tracing.start` on `cdp` and reads its events. */
export async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) =>
    cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)),
  );
  await cdp.send('Tracing.end');
  const stream = await done;
  let json = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    json += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(json) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** The summary's lines: the stretch's length, then the top self times by event and function. */
export function summariseTrace(events: TraceEvent[], from: string, to: string): string[] {
  const mark = (name: string) =>
    events.find((e) => e.cat.includes('blink.user_timing') && e.name === name);
  const start = mark(from);
  const end = mark(to);
  if (!start || !end) return [`marks ${from} / ${to} not found`];
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = (e: TraceEvent) => e.pid === start.pid && (!main || e.tid === main.tid);
  const lines = [`${((end.ts - start.ts) / 1000).toFixed(1)} ms from ${from} to ${to}`];

  // Self time of complete events on the main thread, clipped to the stretch.
  const spans = events
    .filter((e) => onMain(e) && e.ph === 'X' && e.dur !== undefined)
    .map((e) => ({ name: e.name, start: e.ts, end: e.ts + e.dur! }))
    .filter((s) => s.end > start.ts && s.start < end.ts)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const self = new Map<string, number>();
  const stack: Array<{ name: string; start: number; end: number }> = [];
  const clip = (a: number, b: number) => Math.max(0, Math.min(b, end.ts) - Math.max(a, start.ts));
  let busy = 0;
  for (const span of spans) {
    while (stack.length && stack.at(-1)!.end <= span.start) stack.pop();
    const parent = stack.at(-1);
    const own = clip(span.start, span.end);
    self.set(span.name, (self.get(span.name) ?? 0) + own);
    if (parent) self.set(parent.name, self.get(parent.name)! - own);
    else busy += own;
    stack.push(span);
  }
  lines.push(`main thread busy ${(busy / 1000).toFixed(1)} ms; longest tasks:`);
  const tasks = spans.filter(
    (s) =>
      s.name === 'RunTask' &&
      !spans.some((o) => o !== s && o.name === 'RunTask' && o.start <= s.start && o.end >= s.end),
  );
  for (const task of [...tasks].sort((a, b) => b.end - b.start - (a.end - a.start)).slice(0, 5)) {
    const inside = spans.filter((s) => s !== task && s.start >= task.start && s.end <= task.end);
    const names = [...new Set(inside.slice(0, 6).map((s) => s.name))].join(' > ');
    lines.push(
      `  at +${((task.start - start.ts) / 1000).toFixed(0)} ms: ${((task.end - task.start) / 1000).toFixed(1)} ms  ${names}`,
    );
  }
  lines.push('self time by event:');
  for (const [name, us] of top(self, 10))
    lines.push(`${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);

  // JavaScript self time per function, from the sampling profiler's chunks.
  const nodes = new Map<number, CallFrame>();
  const parents = new Map<number, number>();
  const byFunction = new Map<string, number>();
  const withCallees = new Map<string, number>();
  const keyOf = (frame: CallFrame) =>
    `${frame.functionName || '(anonymous)'} ${(frame.url ?? '').split('/').pop()}:${frame.lineNumber}:${frame.columnNumber}`;
  const profiles = new Map<string, number>();
  // A profile's chunks may come from another thread: the Profile event names the profiled one.
  const mainProfiles = new Set(
    events.filter((e) => e.name === 'Profile' && e.id && onMain(e)).map((e) => e.id),
  );
  for (const e of events) {
    if (e.name === 'Profile' && e.id) profiles.set(e.id, e.args?.data?.startTime ?? e.ts);
    if (e.name !== 'ProfileChunk' || !e.id || !mainProfiles.has(e.id)) continue;
    const cpu = e.args?.data?.cpuProfile;
    for (const node of cpu?.nodes ?? []) {
      nodes.set(node.id, node.callFrame);
      if (node.parent !== undefined) parents.set(node.id, node.parent);
    }
    let t = profiles.get(e.id) ?? e.ts;
    const deltas = e.args?.data?.timeDeltas ?? [];
    (cpu?.samples ?? []).forEach((id, i) => {
      const delta = deltas[i] ?? 0;
      t += delta;
      profiles.set(e.id!, t);
      if (t < start.ts || t > end.ts) return;
      const frame = nodes.get(id);
      if (!frame) return;
      const took = deltas[i + 1] ?? delta;
      byFunction.set(keyOf(frame), (byFunction.get(keyOf(frame)) ?? 0) + took);
      // Each function on the sample's stack once (recursion counts once).
      const onStack = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
        const caller = nodes.get(at);
        if (caller) onStack.add(keyOf(caller));
      }
      for (const key of onStack) withCallees.set(key, (withCallees.get(key) ?? 0) + took);
    });
  }
  lines.push('JavaScript self time by function (sampled):');
  for (const [name, us] of top(byFunction, 15))
    lines.push(`${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
  lines.push('JavaScript time by function, callees included (sampled):');
  for (const [name, us] of top(withCallees, 30))
    lines.push(`${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
  return lines;
}

function top(map: Map<string, number>, n: number): Array<[string, number]> {
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
}

// A task of the main thread's scheduler, as the timeline and the toplevel category name it.
const taskNames = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/**
 * The main thread's CPU time between two marks, in ms: the thread time of its top-level tasks
 * there (a task cut by a mark counts in proportion). Unlike the wall time, it hardly moves when
 * other processes take the machine's cores.
 */
export function measureMainThreadCpu(events: TraceEvent[], from: string, to: string): number {
  const mark = (name: string) =>
    events.find((e) => e.cat.includes('blink.user_timing') && e.name === name);
  const start = mark(from);
  const end = mark(to);
  if (!start || !end) return NaN;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasks = events
    .filter((e) => taskNames.has(e.name) && e.ph === 'X' && e.dur && e.tdur !== undefined)
    .filter((e) => e.pid === start.pid && (!main || e.tid === main.tid))
    .sort((a, b) => a.ts - b.ts);
  let cpu = 0;
  let until = -Infinity; // the end of the last task counted: a task inside it is part of it
  for (const e of tasks) {
    if (e.ts < until) continue;
    until = e.ts + e.dur!;
    const inside = Math.min(e.ts + e.dur!, end.ts) - Math.max(e.ts, start.ts);
    if (inside > 0) cpu += (e.tdur! * inside) / e.dur!;
  }
  return cpu / 1000;
}
