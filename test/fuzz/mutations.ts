import fc from 'fast-check';

/** A request body as sent: raw text, its content type, and what was done to it (for the tally). */
export interface RawBody {
  readonly text: string;
  readonly contentType: string | undefined;
  readonly mutation: string;
}

/**
 * Strings that have broken parsers, loggers and databases: lone surrogates, RTL override, NUL,
 * combining marks, BOM, zero-width and line/paragraph separators, an astral emoji, non-characters.
 */
export const UNICODE_EDGES = [
  '\ud800',
  '\udfff',
  'a\udc00b',
  '\u202eevil',
  '\u0000',
  'e\u0301\u0301\u0301',
  '\ufeff',
  '\u200b\u200d',
  '\u2028\u2029',
  '\u0085',
  '😀👩‍⚕️',
  '\uffff\ufffe',
  'İıſK',
  '\u001b[31m',
  '"\'\\`\u0024{}<script>',
] as const;

/** Values that look like ids, numbers or keys to a careless parser. */
export const ODD_SCALARS = [
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  '0x10',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '..',
  '__proto__',
  'constructor',
  '%00',
] as const;

/** Values at or past the edges of what a field of their kind holds: extreme instants and dates, huge and tiny numbers. */
export const BOUNDARY_STRINGS = [
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '1970-01-01T00:00:00.000Z',
  '2024-02-29T23:59:59.999999999Z',
  '2026-03-29T01:30:00+14:00',
  '0000-01-01',
  '9999-12-31',
  '2023-02-29',
] as const;
const BOUNDARY_NUMBERS = [0, -0, -1, 1e21, -1e21, 2 ** 53, 2 ** 31, 0.1 + 0.2, Number.MIN_VALUE, Number.MAX_VALUE, 1e-7] as const;

/** Any JSON value of another shape than the one expected (a wrong type somewhere). */
const anyJson = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(...ODD_SCALARS),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.integer(), { maxKeys: 2 }),
);

/** An edge-case string: one of `UNICODE_EDGES` around ordinary text. */
export const edgeString = fc
  .tuple(fc.constantFrom(...UNICODE_EDGES), fc.string({ maxLength: 8 }), fc.boolean())
  .map(([edge, text, before]) => (before ? edge + text : text + edge));

type Json = unknown;
type Path = readonly (string | number)[];

const pathsOf = (value: Json, path: Path = []): Path[] => {
  const here = [path];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => pathsOf(item, [...path, i]))];
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, key]))];
  return here;
};

const getAt = (value: Json, path: Path): Json => path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key], value);

/** A copy of `value` with the node at `path` replaced (own properties only: `__proto__` stays a plain key). */
const setAt = (value: Json, path: Path, replacement: Json): Json => {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, Json>;
  Object.defineProperty(copy, head!, { value: setAt(copy[head!], rest, replacement), enumerable: true, writable: true, configurable: true });
  return copy;
};

/** Adds an own enumerable member (JSON.stringify writes it, `__proto__` included) at the front or the back. */
const withMember = (node: Record<string, Json>, key: string, member: Json, first: boolean): Record<string, Json> => {
  const copy: Record<string, Json> = {};
  const entries: [string, Json][] = first ? [[key, member], ...Object.entries(node)] : [...Object.entries(node), [key, member]];
  for (const [name, value] of entries) Object.defineProperty(copy, name, { value, enumerable: true, writable: true, configurable: true });
  return copy;
};

const isObject = (value: Json): value is Record<string, Json> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Placeholders replaced in the JSON text afterwards: what JSON.stringify cannot write (a repeated key, deep nesting). */
const DUP = '\u0001dup\u0001';
const DEEP = '\u0001deep\u0001';
const quoted = (marker: string): string => JSON.stringify(marker);

const JSON_TYPE = 'application/json';

/** The ways a valid JSON value is spoiled; each is one mutation of the tally. */
const mutationsOf = (valid: Json, maxBodyBytes: number): fc.Arbitrary<RawBody>[] => {
  const paths = pathsOf(valid);
  const objectPaths = paths.filter((path) => isObject(getAt(valid, path)));
  const stringPaths = paths.filter((path) => typeof getAt(valid, path) === 'string');
  const somePath = fc.constantFrom(...paths);
  // Lists rather than filters: a filter no value passes (`{}` has no field) would draw forever.
  const innerPaths = paths.filter((path) => path.length > 0);
  const scalarPaths = paths.filter((path) => ['string', 'number'].includes(typeof getAt(valid, path)));
  const filledObjectPaths = paths.filter((path) => isObject(getAt(valid, path)) && Object.keys(getAt(valid, path) as object).length > 0);
  const json = (value: Json, mutation: string, text = JSON.stringify(value)): RawBody => ({ text, contentType: JSON_TYPE, mutation });
  const text = JSON.stringify(valid);
  const list: fc.Arbitrary<RawBody>[] = [
    fc
      .tuple(innerPaths.length > 0 ? fc.constantFrom(...innerPaths) : somePath, anyJson)
      .map(([path, wrong]) => json(setAt(valid, path, wrong), 'body:wrong-type')),
    fc
      .tuple(somePath, fc.integer({ min: 1, max: 3 * maxBodyBytes }), fc.constantFrom('x', 'é', '😀', ' '))
      .map(([path, length, unit]) => json(setAt(valid, path, unit.repeat(length)), 'body:huge-string')),
    fc.tuple(somePath, fc.integer({ min: 2, max: 3000 }), fc.boolean()).map(([path, depth, arrays]) => {
      const nested = arrays ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      return json(undefined, 'body:deep-nesting', JSON.stringify(setAt(valid, path, DEEP)).replace(quoted(DEEP), nested));
    }),
    fc.tuple(stringPaths.length > 0 ? fc.constantFrom(...stringPaths) : somePath, edgeString, fc.boolean()).map(([path, edge, append]) => {
      const current = getAt(valid, path);
      return json(setAt(valid, path, append && typeof current === 'string' ? current + edge : edge), 'body:unicode');
    }),
    fc.tuple(scalarPaths.length > 0 ? fc.constantFrom(...scalarPaths) : somePath, fc.nat()).map(([path, pick]) => {
      const edges: readonly Json[] = typeof getAt(valid, path) === 'number' ? BOUNDARY_NUMBERS : BOUNDARY_STRINGS;
      return json(setAt(valid, path, edges[pick % edges.length]), 'body:boundary');
    }),
    fc.constantFrom('null', '[]', '1', '"text"', 'true', '{}', '', ' ', '[{}]').map((root) => json(undefined, 'body:wrong-root', root)),
    fc.nat({ max: Math.max(0, text.length - 1) }).map((cut) => json(undefined, 'body:truncated', text.slice(0, cut))),
    fc
      .constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-16',
        'application/xml',
        'json',
        '',
      )
      .map((contentType) => ({ text, contentType: contentType === '' ? undefined : contentType, mutation: 'body:content-type' })),
    fc
      .integer({ min: maxBodyBytes + 1, max: 4 * maxBodyBytes })
      .map((size) => json(undefined, 'body:oversized', text + ' '.repeat(Math.max(0, size - text.length)))),
    fc.constantFrom('\ufeff', '\u0000', ' \n\t').map((prefix) => json(undefined, 'body:prefix', prefix + text)),
  ];
  if (objectPaths.length > 0) {
    const someObject = fc.constantFrom(...objectPaths);
    const someFilledObject = fc.constantFrom(...(filledObjectPaths.length > 0 ? filledObjectPaths : objectPaths));
    list.push(
      fc
        .tuple(
          someObject,
          fc.constantFrom('__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString'),
          fc.constantFrom<Json>({ polluted: 'yes', isAdmin: true, roles: ['admin'] }, { prototype: { polluted: 'yes' } }, 'yes', null),
          fc.boolean(),
        )
        .map(([path, key, member, first]) =>
          json(setAt(valid, path, withMember(getAt(valid, path) as Record<string, Json>, key, member, first)), 'body:prototype-key'),
        ),
      fc
        .tuple(someObject, fc.constantFrom('isAdmin', 'roles', 'userId', 'id', 'status', 'verified', 'x'), anyJson)
        .map(([path, key, member]) =>
          json(setAt(valid, path, withMember(getAt(valid, path) as Record<string, Json>, key, member, false)), 'body:unknown-field'),
        ),
      fc.tuple(someFilledObject, anyJson, fc.boolean(), fc.nat()).map(([path, member, first, pick]) => {
        const node = getAt(valid, path) as Record<string, Json>;
        const keys = Object.keys(node);
        const key = keys[pick % keys.length] ?? 'x';
        // The same key twice in the text: JSON.parse keeps the last; a validator must see that one.
        const marked = JSON.stringify(setAt(valid, path, withMember(node, DUP, member, first)));
        return json(undefined, 'body:duplicate-key', marked.replace(quoted(DUP), JSON.stringify(key)));
      }),
      fc.tuple(someFilledObject, fc.nat()).map(([path, pick]) => {
        const node = { ...(getAt(valid, path) as Record<string, Json>) };
        const keys = Object.keys(node);
        if (keys.length > 0) delete node[keys[pick % keys.length]!];
        return json(setAt(valid, path, node), 'body:missing-field');
      }),
    );
  }
  return list;
};

/**
 * A body for a route that takes `valid` values: mostly a valid one (so the routes' own rules run),
 * else one mutation of it: wrong types, huge strings, deep nesting, unicode edge cases, prototype
 * keys, unknown and missing fields, duplicate keys, a wrong root, wrong content types, truncated or
 * prefixed JSON, oversized bodies.
 *
 * @example
 * fc.sample(bodyOf(arbitraryOf(schema, doc), 8192), 3); // [{ text: '{"rating":3}', contentType: 'application/json', mutation: 'body:valid' }, …]
 */
export const bodyOf = (valid: fc.Arbitrary<Json>, maxBodyBytes: number): fc.Arbitrary<RawBody> =>
  valid.chain((value) => {
    const mutations = mutationsOf(value, maxBodyBytes);
    // Half valid: the other parts of the request are mutated too, and a route's own rules run only past validation.
    return fc.oneof(
      { weight: mutations.length, arbitrary: fc.constant<RawBody>({ text: JSON.stringify(value), contentType: JSON_TYPE, mutation: 'body:valid' }) },
      ...mutations.map((arbitrary) => ({ weight: 1, arbitrary })),
    );
  });

/** A body sent to a route that takes none (most are sent none). */
export const unexpectedBody: fc.Arbitrary<RawBody | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<RawBody>(
      { text: '{}', contentType: JSON_TYPE, mutation: 'body:unexpected' },
      { text: '{"a":1}', contentType: 'text/plain', mutation: 'body:unexpected' },
    ),
  },
);
