import * as z from '../zod';
import type { Schema } from '../zod';
import { ErrorResponse } from '../contracts/common';
import { isPublic, type RequestHeader, type RouteDef } from './route';

type JsonSchema = Record<string, unknown>;

/** How each request header a route may honour is described, and the error it can add. */
const HEADER_PARAMETERS: Record<RequestHeader, { parameter: JsonSchema; status: string }> = {
  'Idempotency-Key': {
    parameter: {
      name: 'Idempotency-Key', in: 'header', required: false,
      description: 'A client-chosen key (8–64 of A–Z a–z 0–9 - _). A retry with the same key and body replays the first answer without doing the work again; the same key with another body, or while the first is still running, is 409.',
      schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' },
    },
    status: '409',
  },
  'If-Match': {
    parameter: {
      name: 'If-Match', in: 'header', required: false,
      description: 'The ETag last read. Required to replace an existing record; a stale or missing one is 412.',
      schema: { type: 'string' },
    },
    status: '412',
  },
};
const REF_PREFIX = '#/components/schemas/';

const clean = (json: unknown): JsonSchema => {
  const { $schema: _schema, $id: _id, id: _meta, ...rest } = json as JsonSchema;
  return rest;
};

/** Every schema with a `.meta({ id })`, as accepted (`input`) or as sent (`output`), cross-referenced. */
const namedSchemas = (io: 'input' | 'output'): Record<string, JsonSchema> =>
  Object.fromEntries(
    Object.entries(z.toJSONSchema(z.globalRegistry, { io, unrepresentable: 'any', uri: (id) => `${REF_PREFIX}${id}` }).schemas)
      .map(([id, json]) => [id, clean(json)]),
  );

/**
 * Collects schemas into `components.schemas`: a schema with a `.meta({ id })` is a named component
 * referenced by `$ref`; others are inlined. Requests are described as accepted (`input`),
 * responses as sent (`output`).
 */
class Components {
  readonly #input = namedSchemas('input');
  readonly #output = namedSchemas('output');
  readonly #used: Record<string, JsonSchema> = {};

  public ref(schema: Schema, io: 'input' | 'output'): JsonSchema {
    const id = z.globalRegistry.get(schema)?.id;
    if (id === undefined) return clean(z.toJSONSchema(schema, { io, unrepresentable: 'any' }));
    this.#used[id] = (io === 'input' ? this.#input : this.#output)[id]!;
    return { $ref: `${REF_PREFIX}${id}` };
  }

  /** The components used, plus everything they reference. */
  public all(): Record<string, JsonSchema> {
    const pending = Object.keys(this.#used);
    while (pending.length > 0) {
      const json = JSON.stringify(this.#used[pending.pop()!]);
      for (const [, id] of json.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
        if (id !== undefined && this.#used[id] === undefined) {
          this.#used[id] = this.#output[id] ?? this.#input[id]!;
          pending.push(id);
        }
      }
    }
    return this.#used;
  }
}

/**
 * The OpenAPI 3.1 document of the API, derived from the route table and its zod schemas, so it
 * can never list a route that does not exist or miss one that does.
 *
 * @example
 * const document = openApiDocument(Object.values(routes), { version: '0.1.0' });
 */
export const openApiDocument = (routes: readonly RouteDef[], info: { version: string; serverUrl?: string }): JsonSchema => {
  const paths: Record<string, Record<string, unknown>> = {};
  const components = new Components();
  const errorContent = { 'application/json': { schema: components.ref(ErrorResponse, 'output') } };
  const errorResponses = {
    '400': { description: 'Invalid request', content: errorContent },
    '401': { description: 'Missing or invalid token', content: errorContent },
    '403': { description: 'Role may not call this route', content: errorContent },
    '409': { description: 'Conflicts with the current state (or an Idempotency-Key reused)', content: errorContent },
    '412': { description: 'If-Match is stale or missing', content: errorContent },
    '429': { description: 'Throttled; see Retry-After', content: errorContent },
    '500': { description: 'Internal error (generic body with a request id)', content: errorContent },
  };
  for (const route of routes) {
    const responses: Record<string, unknown> = {
      [String(route.status)]: route.response
        ? { description: route.summary, content: { 'application/json': { schema: components.ref(route.response, 'output') } } }
        : { description: route.summary },
      ...Object.fromEntries(['400', '429', '500', ...(isPublic(route.access) ? [] : ['401', '403']), ...(route.headers ?? []).map((header) => HEADER_PARAMETERS[header].status)]
        .map((code) => [code, { $ref: `#/components/responses/${code}` }])),
    };
    const parameters = [
      ...[...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...(route.headers ?? []).map((header) => HEADER_PARAMETERS[header].parameter),
    ];
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      summary: route.summary,
      ...('roles' in route.access ? { 'x-carebow-roles': route.access.roles } : { security: [] }),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: components.ref(route.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'CareBow API', version: info.version },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    components: { schemas: components.all(), responses: errorResponses, securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    security: [{ bearer: [] }],
    paths,
  };
};
