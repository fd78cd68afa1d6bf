import { Hono } from 'hono';
import { problemTypes } from '../../../protocol/problem.ts';
import { answerMethodNotAllowed } from '../answer-method-not-allowed.ts';
import { createJsonResponse } from '../create-json-response.ts';
import { createProblemResponse } from '../problem-error.ts';
import type { DocumentStore } from '../../store/store.ts';
import { describeOperation } from '../openapi/describe-operation.ts';
import { json, noStore, problemResponse, rateLimited } from '../openapi/openapi-parts.ts';
import { refSchema } from '../openapi/openapi-schemas.ts';

/**
 * How long `GET /healthz` waits for the store, in milliseconds. A database that does not answer
 * within this is as bad as one that refuses: a load balancer's probe must not hang (theirs
 * typically time out after 2–5 s).
 */
export const healthTimeoutMs = 2000;

/**
 * `GET /healthz`, for load balancers and orchestrators: 200 `{ status: "ok" }` when the store
 * answers a cheap query, 503 (problem `store-unavailable`, `Retry-After`) when it fails or takes
 * longer than `healthTimeoutMs`. Never cached.
 */
export function createHealthRoutes({ store }: { store: Pick<DocumentStore, 'ping'> }): Hono {
  const routes = new Hono();
  routes.get('/', async () => {
    const headers = { 'Cache-Control': 'no-store' };
    if (await answersWithin(store.ping(), healthTimeoutMs)) {
      return createJsonResponse({ status: 'ok' }, 200, headers);
    }
    return createProblemResponse(
      {
        type: problemTypes.storeUnavailable,
        title: 'Store unavailable',
        status: 503,
        detail: 'The database does not answer; this server cannot serve documents now.',
      },
      { ...headers, 'Retry-After': '5' },
    );
  });
  describeOperation(routes, {
    operationId: 'checkHealth',
    summary: 'Whether this server can serve documents: for load balancers.',
    description: `200 when the store answers a cheap query within ${healthTimeoutMs} ms, else 503.`,
    responses: {
      '200': {
        description: 'The store answers.',
        headers: { 'Cache-Control': noStore },
        content: json(refSchema('Health')),
      },
      '429': rateLimited,
      '503': problemResponse(
        'The store failed or did not answer in time.',
        refSchema('StoreUnavailableProblem'),
        {
          'Cache-Control': noStore,
          'Retry-After': {
            description: 'Seconds before asking again.',
            required: true,
            schema: { type: 'string', pattern: '^[0-9]+$' },
          },
        },
      ),
    },
  });
  routes.all('/', answerMethodNotAllowed(['GET', 'HEAD']));
  return routes;
}

/** Whether `pending` fulfils within `ms`; a rejection or the deadline is `false`. */
async function answersWithin(pending: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  // Both outcomes handled here, so a rejection after the deadline is not left unobserved.
  const answered = pending.then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
