import fc from 'fast-check';

/** A JSON Schema (OpenAPI 3.1 flavour) as found in the generated document: plain JSON. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** The part of the OpenAPI document a `$ref` can point into. */
export interface SchemaRoot {
  readonly components?: { readonly schemas?: Readonly<Record<string, JsonSchema>> };
}

/** Arrays and free-form objects stay small: the fuzzer's budget goes to mutations, not to long valid lists. */
const MAX_ITEMS = 4;
/** An unbounded string is drawn up to this length; a `maxLength` lower than it wins. */
const MAX_PLAIN_STRING = 40;
/** The route schemas are not recursive; past this depth something is wrong with the document. */
const MAX_DEPTH = 12;

const resolve = (schema: JsonSchema, root: SchemaRoot): JsonSchema => {
  const ref = schema['$ref'];
  if (typeof ref !== 'string') return schema;
  const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
  const target = name === undefined ? undefined : root.components?.schemas?.[name];
  if (target === undefined) throw new Error(`Unresolvable $ref ${ref}`);
  return resolve(target, root);
};

/**
 * `allOf`, merged into one schema: objects' properties and required keys add up (the document extends
 * a request schema so), and every part's `pattern` is kept in `patterns` (a string with two rules).
 */
const mergeAll = (schema: JsonSchema, root: SchemaRoot): JsonSchema => {
  const { allOf, ...base } = schema;
  const merged: Record<string, unknown> = { properties: {}, required: [], patterns: [] };
  for (const part of [base, ...(allOf as JsonSchema[]).map((one) => resolve(one, root))]) {
    const { properties, required, pattern, ...rest } = part;
    Object.assign(merged, rest);
    Object.assign(merged['properties'] as object, properties);
    (merged['required'] as string[]).push(...((required as string[] | undefined) ?? []));
    if (typeof pattern === 'string') (merged['patterns'] as string[]).push(pattern);
  }
  return merged;
};

const num = (schema: JsonSchema, keyword: string): number | undefined => (typeof schema[keyword] === 'number' ? (schema[keyword] as number) : undefined);

const integerOf = (schema: JsonSchema): fc.Arbitrary<number> => {
  const exclusiveMin = num(schema, 'exclusiveMinimum');
  const exclusiveMax = num(schema, 'exclusiveMaximum');
  const min = num(schema, 'minimum') ?? (exclusiveMin === undefined ? -1_000_000 : Math.floor(exclusiveMin) + 1);
  const max = num(schema, 'maximum') ?? (exclusiveMax === undefined ? 1_000_000 : Math.ceil(exclusiveMax) - 1);
  return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
};

const numberOf = (schema: JsonSchema): fc.Arbitrary<number> => {
  const exclusiveMin = num(schema, 'exclusiveMinimum');
  const exclusiveMax = num(schema, 'exclusiveMaximum');
  return fc.double({
    min: num(schema, 'minimum') ?? exclusiveMin ?? -1e6,
    max: num(schema, 'maximum') ?? exclusiveMax ?? 1e6,
    minExcluded: exclusiveMin !== undefined && num(schema, 'minimum') === undefined,
    maxExcluded: exclusiveMax !== undefined && num(schema, 'maximum') === undefined,
    noNaN: true,
    noDefaultInfinity: true,
  });
};

/** Instants in a window the API accepts (the scheduling routes bound their windows to years around now). */
const instant = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true });

const stringOf = (schema: JsonSchema): fc.Arbitrary<string> => {
  const minLength = num(schema, 'minLength') ?? 0;
  const maxLength = num(schema, 'maxLength') ?? Math.max(minLength, MAX_PLAIN_STRING);
  const fits = (value: string): boolean => value.length >= minLength && value.length <= maxLength;
  const format = schema['format'];
  if (format === 'uuid') return fc.uuid({ version: [4, 7] });
  if (format === 'date-time') return instant.map((date) => date.toISOString());
  if (format === 'date') return instant.map((date) => date.toISOString().slice(0, 10));
  if (format === 'email') return fc.emailAddress().filter(fits);
  const patterns = ((schema['patterns'] as string[] | undefined) ?? (typeof schema['pattern'] === 'string' ? [schema['pattern']] : [])).map(
    (pattern) => new RegExp(pattern, 'u'),
  );
  if (patterns.length > 0) {
    const matchesAll = (value: string): boolean => fits(value) && patterns.every((regex) => regex.test(value));
    try {
      return fc.stringMatching(patterns[0]!, { size: 'xsmall' }).filter(matchesAll);
    } catch {
      // fast-check cannot generate from every regex (Unicode property classes): draw and keep the matches.
      return fc.string({ minLength, maxLength: Math.min(maxLength, MAX_PLAIN_STRING), unit: 'grapheme' }).filter(matchesAll);
    }
  }
  // A little above `minLength` most of the time, so required free text is not always at its edge.
  return fc.string({ minLength: Math.max(minLength, 1), maxLength: Math.min(maxLength, Math.max(minLength, 1) + MAX_PLAIN_STRING), unit: 'grapheme-ascii' });
};

const objectOf = (schema: JsonSchema, root: SchemaRoot, depth: number): fc.Arbitrary<Record<string, unknown>> => {
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema['required'] ?? []) as string[]);
  const model = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, arbitraryOf(property, root, depth + 1)]));
  const known = fc.record(model, { requiredKeys: Object.keys(properties).filter((key) => required.has(key)) });
  const extra = schema['additionalProperties'];
  if (extra === undefined || extra === false || Object.keys(properties).length > 0) return known as fc.Arbitrary<Record<string, unknown>>;
  // A map (`z.record`): keys of its own, values of the schema.
  const value = extra === true ? fc.jsonValue({ maxDepth: 1 }) : arbitraryOf(extra as JsonSchema, root, depth + 1);
  return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), value, { maxKeys: MAX_ITEMS });
};

/**
 * A fast-check arbitrary of the values `schema` accepts: objects (required and optional
 * properties, no others when `additionalProperties` is false), strings with their format
 * (`uuid`, `date-time`, `date`, `email`), pattern, length and enum, integers and numbers in
 * their bounds, arrays in their item counts, `const`, `anyOf`/`oneOf`, `allOf` of objects and
 * `$ref` into `components.schemas`. Free-form values (`{}`) are any small JSON value.
 *
 * @example
 * const doc = JSON.parse(readFileSync('functions/platform/openapi.generated.json', 'utf8'));
 * fc.sample(arbitraryOf({ $ref: '#/components/schemas/LoginRequest' }, doc), 1);
 * // [{ email: 'a@b.io', password: '…' }]
 */
export const arbitraryOf = (input: JsonSchema, root: SchemaRoot, depth = 0): fc.Arbitrary<unknown> => {
  if (depth > MAX_DEPTH) return fc.constant(null);
  const schema = resolve(input, root);
  if ('const' in schema) return fc.constant(schema['const']);
  if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as unknown[]));
  const choices = (schema['anyOf'] ?? schema['oneOf']) as JsonSchema[] | undefined;
  if (Array.isArray(choices)) return fc.oneof(...choices.map((choice) => arbitraryOf(choice, root, depth + 1)));
  if (Array.isArray(schema['allOf'])) return arbitraryOf(mergeAll(schema, root), root, depth + 1);
  const type = schema['type'];
  if (Array.isArray(type)) return fc.oneof(...type.map((one) => arbitraryOf({ ...schema, type: one }, root, depth + 1)));
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return integerOf(schema);
    case 'number':
      return numberOf(schema);
    case 'string':
      return stringOf(schema);
    case 'array': {
      const minLength = num(schema, 'minItems') ?? 0;
      const maxLength = Math.min(num(schema, 'maxItems') ?? minLength + MAX_ITEMS, minLength + MAX_ITEMS);
      const items = schema['items'] === undefined ? fc.jsonValue({ maxDepth: 1 }) : arbitraryOf(schema['items'] as JsonSchema, root, depth + 1);
      return fc.array(items, { minLength, maxLength });
    }
    case 'object':
      return objectOf(schema, root, depth);
    default:
      return 'properties' in schema ? objectOf(schema, root, depth) : fc.jsonValue({ maxDepth: 2 });
  }
};
