import type { Hono } from 'hono';
import { uniqueSymbol } from 'hono-openapi';
import type { OpenApiOperation } from './openapi-parts.ts';

/**
 * Declares the OpenAPI operation of the route just added to `routes`, so that
 * `generateOpenApiDocument` finds it beside its handler. It marks the handler itself the way
 * hono-openapi's `describeRoute` marks its middleware, without that middleware: a described
 * route runs exactly the handlers it had, with no extra step on every request (decision 0025).
 *
 * @example
 * routes.get('/:id', async (c) => readDocument(c));
 * describeOperation(routes, { operationId: 'getDocument', summary: '…', responses: { … } });
 */
export function describeOperation(routes: Hono, operation: OpenApiOperation): void {
  const route = routes.routes.at(-1);
  if (!route || route.method === 'ALL') {
    throw new Error(`describeOperation(${operation.operationId}) follows the route it describes.`);
  }
  Object.assign(route.handler, { [uniqueSymbol]: { spec: operation } });
}
