import fc from 'fast-check';
import type { RouteDef } from '../../shared/http/route';
import { arbitraryOf } from './arbitraries';
import { OPENAPI, type Operation, type Parameter } from './contract';
import { BOUNDARY_STRINGS, bodyOf, edgeString, ODD_SCALARS, type RawBody, unexpectedBody } from './mutations';

/**
 * Who sends the request: a valid token of a role the route allows, a valid token of a role it does
 * not (or of no role), an expired token, a token with a broken signature, a string that is no token
 * at all, or nothing. The token itself is made at send time, so a printed counterexample never holds one.
 */
export type AuthKind = 'right' | 'wrong' | 'expired' | 'bad-signature' | 'garbage' | 'none';

/** One request of the fuzzer, in the form it is sent and printed. */
export interface FuzzRequest {
  readonly auth: AuthKind;
  /** The path with its parameters filled in, percent-encoded (or deliberately not). */
  readonly path: string;
  /** `''` or `?…`. */
  readonly query: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: RawBody | undefined;
  /** What was done to it, one label per part: `params:valid`, `query:unknown-key`, `body:truncated`, … */
  readonly mutations: readonly string[];
}

const labelled = <T>(arbitrary: fc.Arbitrary<T>, label: string): fc.Arbitrary<{ value: T; label: string }> => arbitrary.map((value) => ({ value, label }));

/** Encodes for a URL; a lone surrogate (which encodeURIComponent refuses) becomes U+FFFD, as a browser would send it. */
const encode = (value: string): string => encodeURIComponent(value.toWellFormed());

/** A path parameter: from its schema, an id that exists, or hostile (edge strings, huge, raw percent bytes). */
const pathParamOf = (parameter: Parameter, knownIds: readonly string[]) =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: labelled(
        arbitraryOf(parameter.schema, OPENAPI).map((value) => encode(String(value))),
        'params:valid',
      ),
    },
    { weight: 2, arbitrary: labelled(fc.constantFrom(...knownIds), 'params:known-id') },
    {
      weight: 1,
      arbitrary: labelled(
        fc
          .oneof(
            fc.constantFrom(...ODD_SCALARS).filter((value) => value !== ''),
            edgeString.filter((value) => value.length > 0),
          )
          .map(encode),
        'params:odd',
      ),
    },
    {
      weight: 1,
      arbitrary: labelled(
        fc.integer({ min: 100, max: 2500 }).map((length) => 'a'.repeat(length)),
        'params:huge',
      ),
    },
    // Bytes that are no UTF-8 (a lone surrogate's, 0xFF), NUL, an encoded slash, a bare percent.
    { weight: 1, arbitrary: labelled(fc.constantFrom('%ED%A0%80', '%FF', '%00', 'a%2Fb', '%', '%E0%A4%A', '%C0%AF'), 'params:raw-percent') },
  );

const queryValueOf = (parameter: Parameter): fc.Arbitrary<string> => arbitraryOf(parameter.schema, OPENAPI).map(String);

/** The query string: the route's parameters drawn from their schemas, then perhaps one mutation. */
const queryOf = (parameters: readonly Parameter[]): fc.Arbitrary<{ value: string; label: string }> => {
  const model = Object.fromEntries(parameters.map((parameter) => [parameter.name, queryValueOf(parameter)]));
  const requiredKeys = parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name);
  const valid = fc.record(model, { requiredKeys }) as fc.Arbitrary<Record<string, string>>;
  const names = parameters.map((parameter) => parameter.name);
  const serialize = (pairs: [string, string][]): string =>
    pairs.length === 0 ? '' : `?${new URLSearchParams(pairs.map(([k, v]): [string, string] => [k.toWellFormed(), v.toWellFormed()]))}`;
  return valid.chain((params) => {
    const pairs = Object.entries(params);
    const mutations: fc.Arbitrary<{ value: string; label: string }>[] = [
      labelled(
        fc.tuple(fc.constantFrom('debug', 'admin', 'userId', '__proto__', 'constructor', 'limit[]', ''), fc.constantFrom(...ODD_SCALARS)),
        'query:unknown-key',
      ).map(({ value: [key, odd], label }) => ({ value: serialize([...pairs, [key, odd]]), label })),
      labelled(edgeString, 'query:unicode').map(({ value, label }) => ({ value: serialize([...pairs, [names[0] ?? 'q', value]]), label })),
      labelled(fc.integer({ min: 200, max: 4000 }), 'query:huge').map(({ value, label }) => ({
        value: serialize([[names[0] ?? 'q', 'z'.repeat(value)], ...pairs]),
        label,
      })),
      fc.constant({ value: '?%FF=%ED%A0%80&%=1', label: 'query:raw-percent' }),
    ];
    if (names.length > 0) {
      mutations.push(
        labelled(
          fc.tuple(fc.constantFrom(...names), fc.constantFrom(...ODD_SCALARS, ...BOUNDARY_STRINGS, '1e21', '-0', '1.5', '100000')),
          'query:wrong-type',
        ).map(({ value: [key, odd], label }) => ({
          value: serialize([...pairs.filter(([name]) => name !== key), [key, odd]]),
          label,
        })),
        // The same parameter twice: the gateway hands the function one value, which must still be validated.
        labelled(fc.tuple(fc.constantFrom(...names), fc.constantFrom(...ODD_SCALARS)), 'query:duplicate-key').map(({ value: [key, odd], label }) => ({
          value: serialize([...pairs, [key, odd]]),
          label,
        })),
      );
    }
    return fc.oneof(
      { weight: 2 * mutations.length, arbitrary: fc.constant({ value: serialize(pairs), label: names.length > 0 ? 'query:valid' : 'query:none' }) },
      ...mutations.map((arbitrary) => ({ weight: 1, arbitrary })),
    );
  });
};

/** The route's documented request headers, and a few others clients and attackers send. */
const headersOf = (parameters: readonly Parameter[]): fc.Arbitrary<Record<string, string>> => {
  const documented = Object.fromEntries(
    parameters.map((parameter) => [
      parameter.name,
      fc.oneof(
        { weight: 3, arbitrary: arbitraryOf(parameter.schema, OPENAPI).map(String) },
        // A few values drawn again and again, so a key is reused (with another body) and a version matches.
        { weight: 2, arbitrary: fc.constantFrom('"1"', '"2"', '"3"', 'fuzz-key-0001', 'fuzz-key-0002') },
        { weight: 1, arbitrary: fc.constantFrom('*', 'W/"1"', '"', '"1", "2"', ' ', 'ünïcödé', 'x'.repeat(2000)) },
      ),
    ]),
  );
  return fc.record(
    {
      ...documented,
      accept: fc.constantFrom('application/json', 'text/event-stream', '*/*', 'text/html', 'application/xml;q=0.9, */*;q=0.1', ''),
      origin: fc.constantFrom('http://localhost:5173', 'https://evil.example', 'null'),
      'x-forwarded-for': fc.constantFrom('10.0.0.1', '1.2.3.4, 5.6.7.8', 'not-an-ip'),
      'user-agent': fc.string({ maxLength: 300, unit: 'grapheme-ascii' }),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<Record<string, string>>;
};

const AUTH_KINDS: readonly { weight: number; arbitrary: fc.Arbitrary<AuthKind> }[] = [
  { weight: 6, arbitrary: fc.constant<AuthKind>('right') },
  { weight: 2, arbitrary: fc.constant<AuthKind>('wrong') },
  { weight: 1, arbitrary: fc.constant<AuthKind>('expired') },
  { weight: 1, arbitrary: fc.constant<AuthKind>('bad-signature') },
  { weight: 1, arbitrary: fc.constant<AuthKind>('garbage') },
  { weight: 1, arbitrary: fc.constant<AuthKind>('none') },
];

/**
 * Requests for one route, drawn from its OpenAPI operation: path parameters, query, documented
 * headers and body from their schemas, each then perhaps mutated, with one of the `AuthKind`s.
 * `knownIds` (ids that exist in the store) make some requests reach real records.
 *
 * @example
 * fc.sample(requestsFor(routes.consentList, operationOf('GET', '/api/v1/consents'), [userId]), 1);
 * // [{ auth: 'right', path: '/api/v1/consents', query: '?direction=granted', headers: {}, body: undefined, mutations: ['params:none', 'query:valid', 'body:none'] }]
 */
export const requestsFor = (route: RouteDef, operation: Operation, knownIds: readonly string[]): fc.Arbitrary<FuzzRequest> => {
  const parameters = operation.parameters ?? [];
  const pathParams = parameters.filter((parameter) => parameter.in === 'path');
  const path =
    pathParams.length === 0
      ? fc.constant({ value: route.path, label: 'params:none' })
      : fc.tuple(...pathParams.map((parameter) => pathParamOf(parameter, knownIds))).map((values) => {
          const filled = pathParams.reduce((path, parameter, i) => path.replace(`{${parameter.name}}`, values[i]!.value), route.path);
          const odd = values.find((value) => value.label !== 'params:valid');
          return { value: filled, label: (odd ?? values[0]!).label };
        });
  const schema = operation.requestBody?.content['application/json']?.schema;
  // fetch sends no body with a GET, nor does API Gateway pass one on.
  const body =
    route.method === 'GET' ? fc.constant(undefined) : schema === undefined ? unexpectedBody : bodyOf(arbitraryOf(schema, OPENAPI), route.maxBodyBytes);
  return fc
    .record({
      auth: fc.oneof(...AUTH_KINDS),
      path,
      query: queryOf(parameters.filter((parameter) => parameter.in === 'query')),
      headers: headersOf(parameters.filter((parameter) => parameter.in === 'header')),
      body,
    })
    .map(({ auth, path, query, headers, body }) => ({
      auth,
      path: path.value,
      query: query.value,
      headers,
      body,
      mutations: [path.label, query.label, body?.mutation ?? 'body:none'],
    }));
};
