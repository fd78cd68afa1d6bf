import { Hono } from 'hono';
import { problemTypes } from '../../../protocol/problem.ts';
import { answerMethodNotAllowed } from '../answer-method-not-allowed.ts';
import { createJsonResponse } from '../create-json-response.ts';
import { createProblemResponse } from '../problem-error.ts';
import type { DocumentStore } from '../../store/store.ts';

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
