import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';
import type { RouteDef } from '../../shared/http/route';
import { arbitraryOf } from './arbitraries';
import { OPENAPI, operationOf, validatorOf } from './contract';
import { type Answer, judge } from './oracle';
import type { StoreChange } from './store-snapshot';

/** The fuzzer's own checks: each property must be able to fail, and the drawn values must be valid. */
const me = routes.me as RouteDef;
const meOperation = operationOf(me.method, me.path);
const json = (status: number, body: unknown): Answer => ({ status, contentType: 'application/json', retryAfter: null, text: JSON.stringify(body) });
const error = (status: number, code: string): Answer => json(status, { error: { code, message: 'No.', requestId: 'r-1' } });
const audit = (action: string, outcome: string, resourceId = 'me'): StoreChange => ({
  table: 'audit',
  key: 'SUBJECT#u SEQ#000000000002',
  kind: 'added',
  item: { action: { S: action }, outcome: { S: outcome }, resource: { M: { type: { S: 'route' }, id: { S: resourceId } } } },
});
const kinds = (answer: Answer, changes: StoreChange[] = []) => judge(me, meOperation, answer, changes).map((violation) => violation.kind);

describe('Fuzz oracle', () => {
  it('passes a documented answer that changed nothing', () => {
    // Prepare
    const answer = json(200, { id: '0192c3a4-0000-7000-8000-000000000000', email: 'a@example.com', roles: ['patient'], createdAt: '2026-01-01T00:00:00.000Z' });

    // Act
    const violations = kinds(answer);

    // Assess
    expect(violations).toEqual([]);
  });

  it('flags a 5xx, and a status the document does not list for the route', () => {
    // Act
    const violations = kinds(error(502, 'bad_gateway'));

    // Assess
    expect(violations).toEqual(['server-error', 'undocumented-status']);
  });

  it.each([
    ['a stack frame', 'at handler (/work/functions/x.ts:1:2)'],
    ['a store exception', 'ConditionalCheckFailedException'],
    ['an expression fragment', 'attribute_not_exists(pk)'],
    ['a module path', 'node_modules/zod/index.js'],
  ])('flags %s in a body', (_name, text) => {
    // Act
    const violations = kinds(error(400, text));

    // Assess
    expect(violations).toContain('leak');
  });

  it('flags a body its documented schema refuses, and a 429 without Retry-After', () => {
    // Act
    const wrongShape = kinds(json(200, { id: 42 }));
    const noRetry = kinds(error(429, 'too_many_requests'));

    // Assess
    expect(wrongShape).toEqual(['schema']);
    expect(noRetry).toEqual(['retry-after']);
  });

  it('flags any write of a request the HTTP stack refused, even an audit event', () => {
    // Act
    const violations = kinds(error(400, 'invalid_body'), [audit('auth.login', 'failure')]);

    // Assess
    expect(violations).toEqual(['write-on-reject']);
  });

  it('accepts exactly one route.denied event for a role refusal, and nothing else', () => {
    // Act
    const one = kinds(error(403, 'forbidden'), [audit('route.denied', 'denied')]);
    const none = kinds(error(403, 'forbidden'));
    const another = kinds(error(403, 'forbidden'), [audit('route.denied', 'denied', 'profileGet')]);

    // Assess
    expect([one, none, another]).toEqual([[], ['write-on-reject'], ['write-on-reject']]);
  });

  it("accepts a use case's one refusal event and its throttle counter, but no success event and no record", () => {
    // Prepare
    const counter: StoreChange = { table: 'identity', key: 'LOGIN#abc', kind: 'added', item: {} };
    const record: StoreChange = { table: 'records', key: 'USER#u PROFILE', kind: 'changed', item: {} };

    // Act
    const refused = kinds(error(404, 'not_found'), [audit('profile.read', 'failure'), counter]);
    const success = kinds(error(404, 'not_found'), [audit('profile.read', 'success')]);
    const written = kinds(error(404, 'not_found'), [record]);

    // Assess
    expect([refused, success, written]).toEqual([[], ['write-on-reject'], ['write-on-reject']]);
  });

  it('draws only values that the OpenAPI schemas accept', () => {
    // Prepare
    const schemas = Object.entries(OPENAPI.components.schemas ?? {});

    // Act
    const invalid = schemas.flatMap(([name, schema]) => {
      const validate = validatorOf(schema);
      return fc.sample(arbitraryOf(schema, OPENAPI), { numRuns: 5, seed: 14 }).some((value) => !validate(value)) ? [name] : [];
    });

    // Assess
    expect(schemas.length).toBeGreaterThan(50);
    expect(invalid).toEqual([]);
  });
});
