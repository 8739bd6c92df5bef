import * as z from '../../zod';
import { ModelAssessmentSchema } from '../../triage/model';

export type JsonSchema = Record<string, unknown>;

/** Keywords every Structured Outputs model accepts in strict mode; they are copied as they are. */
const KEPT = new Set(['type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'description']);

/**
 * Bounds that some models reject in strict mode (`'minLength' is not permitted`). They are moved
 * into the description, where the model still reads them; `ModelAssessmentSchema` enforces them.
 */
const BOUNDS: Record<string, (value: unknown) => string> = {
  minLength: (n) => (n === 1 ? 'Not empty.' : `At least ${String(n)} characters.`),
  maxLength: (n) => `At most ${String(n)} characters.`,
  minItems: (n) => `At least ${String(n)} items.`,
  maxItems: (n) => `At most ${String(n)} items.`,
  minimum: (n) => `At least ${String(n)}.`,
  maximum: (n) => `At most ${String(n)}.`,
};

const DROPPED = new Set(['$schema']);

const isObject = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `type: T` becomes `type: [T, "null"]`; an enum gains `null`. */
const nullable = (node: JsonSchema, path: string): JsonSchema => {
  const { type } = node;
  if (typeof type !== 'string') throw new Error(`Wire schema: cannot make ${path} nullable (type ${JSON.stringify(type)})`);
  return { ...node, type: [type, 'null'], ...(Array.isArray(node.enum) ? { enum: [...(node.enum as unknown[]), null] } : {}) };
};

const strictNode = (node: JsonSchema, path: string): JsonSchema => {
  const out: JsonSchema = {};
  const notes: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key)) continue;
    const bound = BOUNDS[key];
    if (bound) notes.push(bound(value));
    else if (KEPT.has(key)) out[key] = value;
    else throw new Error(`Wire schema: keyword "${key}" at ${path} is not supported in strict mode`);
  }
  if (notes.length > 0) out.description = [out.description, ...notes].filter(Boolean).join(' ');

  if (out.type === 'object') {
    if (!isObject(out.properties)) throw new Error(`Wire schema: object at ${path} has no properties`);
    const required = new Set(Array.isArray(out.required) ? (out.required as string[]) : []);
    const properties: JsonSchema = {};
    for (const [name, child] of Object.entries(out.properties)) {
      if (!isObject(child)) throw new Error(`Wire schema: property ${path}.${name} is not a schema`);
      const strict = strictNode(child, `${path}.${name}`);
      properties[name] = required.has(name) ? strict : nullable(strict, `${path}.${name}`);
    }
    out.properties = properties;
    out.required = Object.keys(properties);
    out.additionalProperties = false;
  }
  if (out.type === 'array') {
    if (!isObject(out.items)) throw new Error(`Wire schema: array at ${path} has no single items schema`);
    out.items = strictNode(out.items, `${path}[]`);
  }
  return out;
};

/**
 * Derives the JSON schema the model must answer in. Run at build time (`npm run generate:triage`),
 * not in the worker: the JSON-schema generator is ~20 KB of the worker's code and work at every
 * cold start, for a result that only changes with the code. `response-format.ts` loads the output.
 *
 * A zod object schema as a Structured Outputs strict-mode JSON schema: every property required
 * (an optional one becomes nullable, so the model answers `null` for "none"), no additional
 * properties, only keywords strict mode accepts (bounds move into descriptions). Throws, at module
 * load, for anything it cannot express faithfully, rather than sending a schema the API rejects.
 */
export const toStrictWireSchema = (schema: z.Schema): JsonSchema => {
  const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'throw' }) as JsonSchema;
  if (json.type !== 'object') throw new Error('Wire schema: the root must be an object');
  return strictNode(json, '$');
};

/** The answer schema the model is held to, derived from `ModelAssessmentSchema` (what `npm run generate:triage` writes). */
export const triageWireSchema = (): JsonSchema => toStrictWireSchema(ModelAssessmentSchema);
