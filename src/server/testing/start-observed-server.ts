import { serve } from '@hono/node-server';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../monitoring/create-logger.ts';
import { createMonitoring } from '../monitoring/create-monitoring.ts';
import type { Monitoring, MonitoringOptions } from '../monitoring/create-monitoring.ts';
import { createTestApp } from './create-test-app.ts';
import type { TestApp } from './create-test-app.ts';

/** A test app on a real loopback port whose request log is captured. */
export interface ObservedServer {
  t: TestApp;
  base: string;
  monitoring: Monitoring;
  /** Every log line so far, parsed. */
  lines: Record<string, unknown>[];
  /** Every log line so far, as written. */
  text(): string;
  /** `GET /metrics` from loopback: the Prometheus text. */
  scrape(): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts a fresh test app (see `createTestApp`) on a free loopback port, logging at `debug`
 * into memory, with the rate limit off.
 *
 * @example const s = await startObservedServer(); await fetch(`${s.base}/api/docs`); s.lines[0]
 */
export async function startObservedServer(
  options: Omit<MonitoringOptions, 'logger'> = {},
): Promise<ObservedServer> {
  const written: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => void written.push(line) },
  });
  const monitoring = createMonitoring({ ...options, logger });
  const t = createTestApp({ monitoring, rateLimit: false });
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    t,
    base,
    monitoring,
    get lines() {
      return written.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    text: () => written.join(''),
    async scrape() {
      const res = await fetch(`${base}/metrics`);
      if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
      return res.text();
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await t.close();
    },
  };
}

/**
 * The value of one sample in Prometheus text, e.g. `readSample(text,
 * 'concord_conflicts_total{kind="stale-save"}')`; `undefined` when it is not there.
 */
export function readSample(text: string, sample: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
}
