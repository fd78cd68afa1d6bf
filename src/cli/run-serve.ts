import { serve } from '@hono/node-server';
import { setMaxListeners } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AuthOptions } from '../server/auth/auth-options.ts';
import { createApp } from '../server/create-app.ts';
import { createLogger, isLogLevel, logLevels } from '../server/monitoring/create-logger.ts';
import type { LogLevel } from '../server/monitoring/create-logger.ts';
import { createMonitoring } from '../server/monitoring/create-monitoring.ts';
import { createServerFactory } from '../server/http/create-server-factory.ts';
import { isHostPattern } from '../server/http/guard-host.ts';
import { isOrigin } from '../server/http/handle-cors.ts';
import { defaultEventStreamCaps } from '../server/events/limit-event-streams.ts';
import type { EventStreamCaps } from '../server/events/limit-event-streams.ts';
import { defaultRateLimit } from '../server/http/limit-rate.ts';
import { defaultTrashDays } from '../server/store/trash-retention.ts';
import type { RateLimit } from '../server/http/limit-rate.ts';
import { openStore } from '../server/store/open-store.ts';
import type { DocumentStore } from '../server/store/store.ts';
import type { CliIo } from './cli-io.ts';
import { readAuthOptions } from './read-auth-options.ts';
import { usage } from './usage.ts';

/** The built app, found from this file so `concord serve` works from any working directory. */
const defaultStaticDir = fileURLToPath(new URL('../../dist/app', import.meta.url));

/** How long in-flight requests get to finish after SIGTERM before their connections are cut. */
const shutdownGraceMs = 10_000;

/**
 * `concord serve`: opens the store, listens, prints `Concord listening on http://HOST:PORT`
 * once the port is bound (the real port when asked for 0), and on SIGTERM or SIGINT stops
 * accepting, lets in-flight requests finish, closes the store and resolves 0.
 */
export async function runServe(argv: string[], io: CliIo): Promise<number> {
  const options = readServeOptions(argv, io);
  if (typeof options === 'number') return options;

  let store: DocumentStore;
  try {
    store = await openStore(options.databaseUrl);
  } catch (error) {
    io.stderr.write(`concord serve: cannot open the database: ${(error as Error).message}\n`);
    return 1;
  }
  // Aborted on shutdown so that long-lived answers (event streams) end and let the server close.
  const shutdown = new AbortController();
  // Every open event stream listens to it: thousands are expected, not a leak.
  setMaxListeners(0, shutdown.signal);
  const app = createApp({
    store,
    staticDir: options.staticDir,
    signal: shutdown.signal,
    corsOrigins: options.corsOrigins,
    rateLimit: options.rateLimit,
    trashDays: options.trashDays,
    monitoring: createMonitoring({
      // On the process's own stdout, pino writes through its buffered stream of fd 1.
      logger: createLogger({
        level: options.logLevel,
        destination: io.stdout === process.stdout ? undefined : io.stdout,
      }),
      metricsToken: options.metricsToken,
      processMetrics: true,
    }),
    allowedHosts: options.allowedHosts,
    eventStreamCaps: options.eventStreamCaps,
    auth: options.auth,
  });

  return new Promise<number>((resolve) => {
    const server = serve(
      {
        fetch: app.fetch,
        port: options.port,
        hostname: options.host,
        createServer: createServerFactory(),
      },
      (info: AddressInfo) => {
        const host = info.family === 'IPv6' ? `[${options.host}]` : options.host;
        io.stdout.write(`Concord listening on http://${host}:${info.port}\n`);
      },
    ) as Server;

    server.once('error', async (error) => {
      io.stderr.write(
        `concord: cannot listen on ${options.host}:${options.port}: ${error.message}\n`,
      );
      await store.close();
      resolve(1);
    });

    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      shutdown.abort();
      const force = setTimeout(() => server.closeAllConnections(), shutdownGraceMs);
      force.unref();
      // A keep-alive connection that goes idle (its last answer, say an event stream, just
      // ended) would hold close() open until it times out: drop such connections as they go idle.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      server.close(async () => {
        clearTimeout(force);
        clearInterval(sweep);
        await store.close();
        resolve(0);
      });
      server.closeIdleConnections();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}

interface ServeOptions {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** `null` when no app is to be served (dev mode: Vite serves it). */
  staticDir: string | null;
  /** From `CONCORD_CORS_ORIGINS`: origins separated by commas or spaces. */
  corsOrigins: string[];
  /** From `CONCORD_RATE_LIMIT`: requests per second per client, or `off`. */
  rateLimit: RateLimit | false;
  /** From `CONCORD_TRASH_DAYS`: days a deleted document stays in the trash. */
  trashDays: number;
  /** From `CONCORD_LOG_LEVEL`: the request log's level (default info). */
  logLevel: LogLevel;
  /** From `CONCORD_METRICS_TOKEN`: the bearer token `/metrics` wants; none: loopback only. */
  metricsToken: string | undefined;
  /** From `CONCORD_ALLOWED_HOSTS`, and the host bound when it is a name: see `guardHost`. */
  allowedHosts: string[];
  /** From `CONCORD_MAX_STREAMS_PER_CLIENT` and `CONCORD_MAX_STREAMS`. */
  eventStreamCaps: EventStreamCaps;
  /** From `CONCORD_AUTH` and its companions: see `readAuthOptions`. */
  auth: AuthOptions;
}

/** The options from flags, then environment, then defaults; or the exit code to stop with. */
function readServeOptions(argv: string[], io: CliIo): ServeOptions | number {
  let values: { port?: string; host?: string; db?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.stderr.write(`concord serve: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(usage);
    return 0;
  }
  // An empty variable counts as unset: `HOST=` must not bind every interface.
  const portText = values.port ?? (io.env.PORT || '8080');
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    io.stderr.write(`concord serve: port must be a number from 0 to 65535, not "${portText}"\n`);
    return 2;
  }
  const corsOrigins = (io.env.CONCORD_CORS_ORIGINS ?? '').split(/[\s,]+/).filter(Boolean);
  const badOrigin = corsOrigins.find((origin) => !isOrigin(origin));
  if (badOrigin !== undefined) {
    io.stderr.write(
      `concord serve: CONCORD_CORS_ORIGINS holds "${badOrigin}", not an origin like https://wiki.example.com\n`,
    );
    return 2;
  }
  const rateLimit = readRateLimit(io.env.CONCORD_RATE_LIMIT);
  if (rateLimit === undefined) {
    io.stderr.write(
      `concord serve: CONCORD_RATE_LIMIT must be requests per second per client (e.g. 100) or "off", not "${io.env.CONCORD_RATE_LIMIT}"\n`,
    );
    return 2;
  }
  const trashText = io.env.CONCORD_TRASH_DAYS?.trim() || String(defaultTrashDays);
  const trashDays = Number(trashText);
  if (!/^\d+(\.\d+)?$/.test(trashText)) {
    io.stderr.write(
      `concord serve: CONCORD_TRASH_DAYS must be a number of days (e.g. 30), not "${trashText}"\n`,
    );
    return 2;
  }
  const logLevel = io.env.CONCORD_LOG_LEVEL?.trim().toLowerCase() || 'info';
  if (!isLogLevel(logLevel)) {
    io.stderr.write(
      `concord serve: CONCORD_LOG_LEVEL must be one of ${logLevels.join(', ')}, not "${logLevel}"\n`,
    );
    return 2;
  }
  const perClient = readCount(
    io.env.CONCORD_MAX_STREAMS_PER_CLIENT,
    defaultEventStreamCaps.perClient,
  );
  const total = readCount(io.env.CONCORD_MAX_STREAMS, defaultEventStreamCaps.total);
  if (perClient === undefined || total === undefined) {
    const name = perClient === undefined ? 'CONCORD_MAX_STREAMS_PER_CLIENT' : 'CONCORD_MAX_STREAMS';
    io.stderr.write(
      `concord serve: ${name} must be a whole number of event streams, at least 1, not "${io.env[name]}"\n`,
    );
    return 2;
  }
  const host = values.host ?? (io.env.HOST || '127.0.0.1');
  const allowedHosts = (io.env.CONCORD_ALLOWED_HOSTS ?? '').split(/[\s,]+/).filter(Boolean);
  const badHost = allowedHosts.find((name) => !isHostPattern(name));
  if (badHost !== undefined) {
    io.stderr.write(
      `concord serve: CONCORD_ALLOWED_HOSTS holds "${badHost}", not a host name like docs.example.com (or .example.com for its subdomains)\n`,
    );
    return 2;
  }
  // Bound to a name, that name is the server's own; 0.0.0.0 and :: are not names, and the
  // machine's host name is not trusted by default (whoever controls its DNS could rebind it).
  if (isHostPattern(host) && !/^[\d.]+$/.test(host)) allowedHosts.push(host);
  const auth = readAuthOptions(io.env, host);
  if (typeof auth === 'string') {
    io.stderr.write(`concord serve: ${auth}\n`);
    return 2;
  }
  return {
    auth,
    allowedHosts,
    eventStreamCaps: { perClient, total },
    corsOrigins,
    rateLimit,
    trashDays,
    logLevel,
    metricsToken: io.env.CONCORD_METRICS_TOKEN?.trim() || undefined,
    port,
    host,
    databaseUrl: values.db ?? (io.env.DATABASE_URL || undefined),
    // Set but empty means "serve no app": `npm run dev` lets Vite serve it.
    staticDir:
      io.env.CONCORD_STATIC_DIR === undefined
        ? defaultStaticDir
        : io.env.CONCORD_STATIC_DIR || null,
  };
}

/** A whole number from the environment, `fallback` when unset or empty; `undefined` when bad. */
function readCount(value: string | undefined, fallback: number): number | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return fallback;
  return /^[1-9]\d{0,8}$/.test(text) ? Number(text) : undefined;
}

/**
 * `CONCORD_RATE_LIMIT`: unset or empty for the default, `off` (or `0`) for none, or a number
 * of requests per second per client, which may come in bursts of up to two seconds' worth.
 */
function readRateLimit(value: string | undefined): RateLimit | false | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return defaultRateLimit;
  if (text === 'off' || text === '0') return false;
  const perSecond = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(perSecond > 0)) return undefined;
  return { perSecond, burst: Math.max(1, Math.ceil(perSecond * 2)) };
}
