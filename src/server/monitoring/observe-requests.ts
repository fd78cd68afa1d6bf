import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import { randomUUID } from 'node:crypto';
import { classifyConflict } from './classify-conflict.ts';
import { idPattern } from '../http/routes/create-document-routes.ts';
import type { Monitoring } from './create-monitoring.ts';
import { clientClosedStatus } from '../http/handle-error.ts';
import { ProblemError } from '../http/problem-error.ts';
import { readNodeBindings } from '../http/read-node-bindings.ts';
import { readRequestHeader } from '../http/read-request-header.ts';
import { readRequestNotes } from '../http/request-notes.ts';
import { countWhileOpen } from '../events/count-while-open.ts';
import { writeRequestLine } from './write-request-line.ts';
import type { RequestLine } from './write-request-line.ts';

/** The header that carries a request's id, taken from a proxy that set one, else made here. */
export const requestIdHeader = 'X-Request-Id';

// A proxy's id is kept only if it is a plain token: it goes into logs and a response header.
const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;

// Methods beyond these share one label, so odd ones cannot multiply the series.
const knownMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']);

/**
 * The routes that answer with event streams. Only their answers are looked into: reading an
 * answer's headers or body turns @hono/node-server's lightweight response into a full one,
 * which `npm run bench:server` measures on every request.
 */
export const eventStreamRoutes = new Set(['/api/docs/:id/events', '/api/events']);

// Probes answered well are logged at debug: a load balancer and Prometheus ask every few seconds.
const probeRoutes = new Set(['/healthz', '/metrics']);

/**
 * Logs one JSON line per request and counts it in the metrics: the route pattern (never the
 * raw path), method, status, latency, the document id when there is one, the conflict kind of
 * a refused write and the resolution a save said it made. Never a body, a title, a header value
 * or a query. A fault (500) is logged here with its stack, once; a client that went away (499)
 * is one plain line. Register it first, so it times every answer, middlewares' own included.
 *
 * @example app.use('*', observeRequests(createMonitoring({ logger })));
 */
export function observeRequests({ logger, metrics }: Monitoring): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const requestId = readRequestId(c);
    const { outgoing } = readNodeBindings(c);
    // On Node's response before the answer exists, as the security headers are (cheaper than
    // rewriting the answer's headers afterwards).
    outgoing?.setHeader(requestIdHeader, requestId);
    await next();
    if (!outgoing) c.res.headers.set(requestIdHeader, requestId);

    const latencyMs = performance.now() - started;
    const route = routePath(c) || '*';
    const method = knownMethods.has(c.req.method) ? c.req.method : 'OTHER';
    const { status } = c.res;
    const notes = readRequestNotes(c);
    const { error } = c;
    const problemType = error instanceof ProblemError ? error.problem.type : notes.problemType;
    const conflict = status >= 400 ? classifyConflict(problemType, method) : undefined;
    const resolution = status < 300 ? notes.resolution : undefined;

    metrics.requests.inc({ route, method, status: String(status) });
    metrics.duration.observe({ route, method }, latencyMs / 1000);
    if (conflict) metrics.conflicts.inc({ kind: conflict });
    if (resolution) metrics.resolutions.inc({ how: resolution });
    if (eventStreamRoutes.has(route) && isEventStream(c.res)) {
      metrics.openStreams.inc({ route });
      c.res = new Response(
        countWhileOpen(c.res.body!, () => metrics.openStreams.dec({ route })),
        c.res,
      );
    }

    const documentId = readDocumentId(c);
    // Absent fields stay undefined: pino leaves them out, as writeRequestLine does.
    const line: RequestLine = {
      request_id: requestId,
      method,
      route,
      status,
      latency_ms: Math.round(latencyMs * 10) / 10,
      document_id: documentId,
      conflict,
      resolution,
    };
    const message = `${method} ${route} ${status}`;
    if (status === clientClosedStatus) {
      logger.info({ ...line, aborted: true }, `${message}: the client went away`);
    } else if (status >= 500) {
      // A fault carries its stack; a deliberate 5xx (the store unavailable) says enough itself.
      const fault = error && !(error instanceof HTTPException) ? { err: error } : {};
      logger.error({ ...line, ...fault }, message);
    } else if (status < 300 && probeRoutes.has(route)) {
      logger.debug(line, message);
    } else {
      writeRequestLine(logger, line, message);
    }
  };
}

function readRequestId(c: Context): string {
  const sent = readRequestHeader(c, requestIdHeader);
  return sent !== undefined && requestIdPattern.test(sent) ? sent : randomUUID();
}

/** The document a request was about: its path's id, or the one a create made (Location). */
function readDocumentId(c: Context): string | undefined {
  const location = c.res.status === 201 ? c.res.headers.get('Location') : null;
  const id = c.req.param('id') ?? location?.slice(location.lastIndexOf('/') + 1);
  return id !== undefined && idPattern.test(id) ? id : undefined;
}

function isEventStream(res: Response): boolean {
  return (
    res.status === 200 &&
    (res.headers.get('Content-Type') ?? '').startsWith('text/event-stream') &&
    res.body !== null
  );
}
