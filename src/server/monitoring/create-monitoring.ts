import { createLogger } from './create-logger.ts';
import type { Logger } from './create-logger.ts';
import { createMetrics } from './create-metrics.ts';
import type { Metrics } from './create-metrics.ts';

/** Where an app reports its requests: the request log, the metrics, and who may read them. */
export interface Monitoring {
  logger: Logger;
  metrics: Metrics;
  /**
   * The bearer token `GET /metrics` requires; without one it answers only requests from this
   * machine's loopback addresses that came through no proxy.
   */
  metricsToken: string | undefined;
}

/** What `createMonitoring` takes; every member is optional. */
export interface MonitoringOptions {
  /** Default: a silent logger, so an app built in a test prints nothing. */
  logger?: Logger;
  metricsToken?: string;
  /** Also export prom-client's process metrics (default false; `concord serve` turns it on). */
  processMetrics?: boolean;
}

/**
 * The request log and metrics of one app (pass it as `createApp({ monitoring })`).
 *
 * @example
 * const monitoring = createMonitoring({ logger: createLogger(), processMetrics: true });
 * const app = createApp({ store, monitoring });
 */
export function createMonitoring(options: MonitoringOptions = {}): Monitoring {
  return {
    logger: options.logger ?? createLogger({ level: 'silent' }),
    metrics: createMetrics({ processMetrics: options.processMetrics }),
    metricsToken: options.metricsToken || undefined,
  };
}
