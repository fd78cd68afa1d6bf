import { Hono } from 'hono';
import { answerMethodNotAllowed } from '../answer-method-not-allowed.ts';
import { createJsonResponse } from '../create-json-response.ts';
import { describeOperation } from '../openapi/describe-operation.ts';
import { generateOpenApiDocument } from '../openapi/generate-openapi-document.ts';
import type { OpenApiDocument } from '../openapi/openapi-parts.ts';
import { json, rateLimited } from '../openapi/openapi-parts.ts';

/**
 * `GET /api/openapi.json`: the OpenAPI description of `app`, generated from its routes on the
 * first request (once every route is added) and kept: the routes do not change while it runs.
 */
export function createOpenApiRoutes(app: Hono): Hono {
  const routes = new Hono();
  let document: Promise<OpenApiDocument> | undefined;
  routes.get('/', async () => {
    document ??= generateOpenApiDocument(app);
    return createJsonResponse(await document, 200, { 'Cache-Control': 'no-cache' });
  });
  describeOperation(routes, {
    operationId: 'getOpenApi',
    summary: 'This description.',
    responses: {
      '200': {
        description: 'OpenAPI 3.1.',
        content: json({
          type: 'object',
          required: ['openapi', 'paths'],
          properties: { openapi: { const: '3.1.0' }, paths: { type: 'object' } },
        }),
      },
      '429': rateLimited,
    },
  });
  routes.all('/', answerMethodNotAllowed(['GET', 'HEAD']));
  return routes;
}
