import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { resolutionHows } from '../../protocol/resolution.ts';
import { conflictKinds } from './classify-conflict.ts';

/** The server's Prometheus metrics, in a registry of their own (one per app). */
export interface Metrics {
  registry: Registry;
  /** Answers by route pattern, method and status. */
  requests: Counter<'route' | 'method' | 'status'>;
  /** Seconds from the request to its answer's headers (an event stream: until it opens). */
  duration: Histogram<'route' | 'method'>;
  /** Conflicts by kind (see `conflictKinds`). */
  conflicts: Counter<'kind'>;
  /** Saves that landed resolving a conflict, by how (`Concord-Resolution`). */
  resolutions: Counter<'how'>;
  /** Event streams being sent now, by route pattern. */
  openStreams: Gauge<'route'>;
}

/** Request latency buckets in seconds: from a cached read (1 ms) to a stalled store (10 s). */
export const latencyBuckets = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/**
 * A fresh registry with Concord's metrics. Every conflict kind and resolution starts at 0, so
 * `increase()` sees the first one and a dashboard shows every kind from the start. Labels never
 * hold a document id, a title or a raw path: only route patterns, methods, statuses and the
 * fixed kinds, so scraping tells nothing about the documents and the series stay few.
 *
 * `processMetrics` adds prom-client's default ones (CPU, memory, event-loop lag, GC, handles).
 * They start timers and observers that are never stopped, so only a server process asks for
 * them, not each app a test builds.
 *
 * @example
 * const metrics = createMetrics({ processMetrics: true });
 * await metrics.registry.metrics(); // '# HELP concord_http_requests_total …'
 */
export function createMetrics({ processMetrics = false } = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  const requests = new Counter({
    name: 'concord_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    registers,
  });
  const duration = new Histogram({
    name: 'concord_http_request_duration_seconds',
    help: 'Seconds from a request to its answer (an event stream: until it opened), by route pattern and method.',
    labelNames: ['route', 'method'] as const,
    buckets: latencyBuckets,
    registers,
  });
  const conflicts = new Counter({
    name: 'concord_conflicts_total',
    help: 'Requests refused by a conflict: stale-save and stale-delete (409 to a stale If-Match), precondition-failed (412), title-taken, document-deleted (in the trash), idempotency-key-reused (422) and idempotency-key-in-flight.',
    labelNames: ['kind'] as const,
    registers,
  });
  const resolutions = new Counter({
    name: 'concord_conflict_resolutions_total',
    help: 'Saves that resolved a conflict, by how, as the save said in Concord-Resolution: auto-merged, resolved (in the dialog), kept-mine, took-theirs, restored.',
    labelNames: ['how'] as const,
    registers,
  });
  const openStreams = new Gauge({
    name: 'concord_event_streams_open',
    help: 'Server-sent event streams open now, by route pattern.',
    labelNames: ['route'] as const,
    registers,
  });
  for (const kind of conflictKinds) conflicts.inc({ kind }, 0);
  for (const how of resolutionHows) resolutions.inc({ how }, 0);
  if (processMetrics) collectDefaultMetrics({ register: registry });
  return { registry, requests, duration, conflicts, resolutions, openStreams };
}
