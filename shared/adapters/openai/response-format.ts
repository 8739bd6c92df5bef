import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonSchema } from './wire-schema';

/**
 * The strict-mode answer schema, derived from `ModelAssessmentSchema` at build time
 * (`wire-schema.ts`, `npm run generate:triage`) and read once at cold start; it ships beside the
 * worker bundle as data. A unit test fails when the JSON is stale. (`import.meta.dirname` is this
 * folder locally and the bundle's folder in Lambda.)
 */
export const WIRE_SCHEMA_FILE = 'triage-wire-schema.generated.json';

export const TRIAGE_WIRE_SCHEMA: JsonSchema = JSON.parse(readFileSync(join(import.meta.dirname, WIRE_SCHEMA_FILE), 'utf8')) as JsonSchema;

/** `response_format` for Chat Completions. */
export const TRIAGE_RESPONSE_FORMAT = {
  type: 'json_schema',
  json_schema: { name: 'triage_assessment', strict: true, schema: TRIAGE_WIRE_SCHEMA },
} as const;
