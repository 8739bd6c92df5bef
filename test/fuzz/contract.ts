import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { JsonSchema, SchemaRoot } from './arbitraries';

/** One parameter of an operation, as the document lists it. */
export interface Parameter {
  readonly in: 'path' | 'query' | 'header';
  readonly name: string;
  readonly required?: boolean;
  readonly schema: JsonSchema;
}

/** One operation of the OpenAPI document: what the fuzzer draws requests from and checks answers against. */
export interface Operation {
  readonly operationId: string;
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: { readonly content: Record<string, { readonly schema: JsonSchema }> };
  readonly responses: Readonly<Record<string, { readonly $ref?: string; readonly content?: Record<string, { readonly schema?: JsonSchema }> }>>;
}

export interface OpenApiDocument extends SchemaRoot {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components: SchemaRoot['components'] & { readonly responses: Readonly<Record<string, Operation['responses'][string]>> };
}

/** The served document, read once: requests are drawn from it and answers checked against it. */
export const OPENAPI = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'functions', 'platform', 'openapi.generated.json'), 'utf8'),
) as OpenApiDocument;

/** The operation of a route line (`GET /api/v1/me`). */
export const operationOf = (method: string, path: string): Operation => {
  const operation = OPENAPI.paths[path]?.[method.toLowerCase()];
  if (operation === undefined) throw new Error(`No operation ${method} ${path} in the OpenAPI document`);
  return operation;
};

// `$ref`s point at `#/components/…`; registered under this id, every compiled schema can reach them.
const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
addFormats.default(ajv);
ajv.addSchema({ $id: 'carebow', components: OPENAPI.components });
const anchored = (schema: JsonSchema): JsonSchema => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"carebow#/components/'));

const compiled = new Map<string, ValidateFunction | null>();

/**
 * What the document says a route may answer with `status`: `undefined` when the status is not
 * listed; else the JSON body's validator, or `null` when the answer has no JSON body (204, a
 * stream). Compiled once per route and status.
 *
 * @example
 * const check = documentedAnswer(operationOf('GET', '/api/v1/me'), 200);
 * check?.(body) // true when the body is a MeResponse
 */
export const documentedAnswer = (operation: Operation, status: number): ValidateFunction | null | undefined => {
  const listed = operation.responses[String(status)];
  if (listed === undefined) return undefined;
  const key = `${operation.operationId} ${status}`;
  if (!compiled.has(key)) {
    const response = listed.$ref === undefined ? listed : OPENAPI.components.responses[listed.$ref.split('/').pop()!]!;
    const schema = response.content?.['application/json']?.schema;
    compiled.set(key, schema === undefined ? null : ajv.compile(anchored(schema)));
  }
  return compiled.get(key);
};

/** The media types the document lists for a status (`text/event-stream` for a stream). */
export const documentedMediaTypes = (operation: Operation, status: number): string[] => {
  const listed = operation.responses[String(status)];
  if (listed === undefined) return [];
  const response = listed.$ref === undefined ? listed : OPENAPI.components.responses[listed.$ref.split('/').pop()!]!;
  return Object.keys(response.content ?? {});
};

/** A validator for any schema of the document (the fuzzer's self-check: drawn values are valid). */
export const validatorOf = (schema: JsonSchema): ValidateFunction => ajv.compile(anchored(schema));
