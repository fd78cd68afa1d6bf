import type { Hono } from 'hono';
import { generateSpecs } from 'hono-openapi';
import { accountSchemas, signInFirst } from './openapi-accounts.ts';
import { memberSchemas } from './openapi-members.ts';
import type { OpenApiDocument, OpenApiOperation, OpenApiPathItem } from './openapi-parts.ts';
import { misdirected } from './openapi-parts.ts';
import { openApiSchemas } from './openapi-schemas.ts';

/**
 * The OpenAPI 3.1 description of `app`, served at `GET /api/openapi.json`: hono-openapi walks
 * the app's routes and gathers the operation each route file declared beside its handler
 * (`describeOperation`); the shared schemas and what every operation may answer are added here.
 * `openapi.test.ts` sends real requests for every operation and documented status and checks
 * each answer against it, so it cannot drift from the code.
 */
export async function generateOpenApiDocument(app: Hono): Promise<OpenApiDocument> {
  const generated = await generateSpecs(app, {
    documentation: {
      info: {
        title: 'Concord',
        version: '1',
        description:
          'Documents saved with ETag-guarded requests. Every error is application/problem+json ' +
          '(RFC 9457). A method a path does not list answers 405 with Allow; OPTIONS answers 204 ' +
          'with Allow. Every answer may also be 429 (rate limit) with Retry-After, or 421 to a ' +
          'Host the server does not answer for, and carries X-Request-Id (the id of its line in ' +
          'the request log; a proxy-sent one is kept). JSON answers of 1 KiB and more are ' +
          'compressed (br or gzip) when Accept-Encoding allows.',
      },
      jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
      // JSON Schema 2020-12 values, which openapi-types' SchemaObject types more narrowly.
      components: {
        schemas: { ...openApiSchemas, ...accountSchemas, ...memberSchemas } as unknown as Record<
          string,
          never
        >,
      },
    },
    // `/api/openapi.json` looks like a static file to it; it is a route like the others.
    excludeStaticFile: false,
    defaultValidationErrorResponse: false,
  });
  const paths = generated.paths as Record<string, OpenApiPathItem>;
  return {
    openapi: '3.1.0',
    info: generated.info as OpenApiDocument['info'],
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths: Object.fromEntries(
      Object.entries(paths).map(([path, item]) => [
        path,
        mapOperations(item, (operation) => withAlwaysAnswers(path, operation)),
      ]),
    ),
    components: {
      schemas: generated.components?.schemas as OpenApiDocument['components']['schemas'],
    },
  };
}

/**
 * `operation` with what the app's middleware may answer before any route: 421 from the Host
 * guard (every path), and 401 from `authenticate` on the document paths.
 */
function withAlwaysAnswers(path: string, operation: OpenApiOperation): OpenApiOperation {
  const signInRequired =
    path.startsWith('/api/docs') || path.startsWith('/api/trash') || path === '/api/events';
  return {
    ...operation,
    responses: {
      ...(signInRequired && { '401': signInFirst }),
      '421': misdirected,
      ...operation.responses,
    },
  };
}

function mapOperations(
  item: OpenApiPathItem,
  map: (operation: OpenApiOperation) => OpenApiOperation,
): OpenApiPathItem {
  return Object.fromEntries(
    Object.entries(item).map(([method, operation]) => [method, map(operation)]),
  );
}
