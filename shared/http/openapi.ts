import { z } from 'zod';
import { ErrorResponse } from '../contracts/common';
import { isPublic, type RouteDef } from './route';

type JsonSchema = Record<string, unknown>;
const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

const errorContent = { 'application/json': { schema: schemaOf(ErrorResponse, 'output') } };

/**
 * The OpenAPI 3.1 document of the API, derived from the route table and its zod schemas, so it
 * can never list a route that does not exist or miss one that does.
 *
 * @example
 * const document = openApiDocument(Object.values(routes), { version: '0.1.0' });
 */
export const openApiDocument = (routes: readonly RouteDef[], info: { version: string; serverUrl?: string }): JsonSchema => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const responses: Record<string, unknown> = {
      [String(route.status)]: route.response
        ? { description: route.summary, content: { 'application/json': { schema: schemaOf(route.response, 'output') } } }
        : { description: route.summary },
      '400': { description: 'Invalid request', content: errorContent },
      '429': { description: 'Throttled', content: errorContent },
      '500': { description: 'Internal error (generic body with a request id)', content: errorContent },
    };
    if (!isPublic(route.access)) {
      responses['401'] = { description: 'Missing or invalid token', content: errorContent };
      responses['403'] = { description: 'Role may not call this route', content: errorContent };
    }
    const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      summary: route.summary,
      ...('roles' in route.access ? { 'x-carebow-roles': route.access.roles } : { security: [] }),
      ...(pathParams.length > 0 ? { parameters: pathParams } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'CareBow API', version: info.version },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    security: [{ bearer: [] }],
    paths,
  };
};
