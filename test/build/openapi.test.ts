import { execFileSync } from 'node:child_process';
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';
import { CLIENT_FILE, generatedClientText } from '../../scripts/generate-client';
import { AREAS, areaOf, generatedOpenApi } from '../../scripts/generate-openapi';
import { UrgencyLevelsResponse, QuickAssessmentResponse } from '../../shared/contracts/assessment';
import { Conversation } from '../../shared/contracts/chat';
import { ROLES } from '../../shared/domain/roles';
import { RulesFired, TriageResult } from '../../shared/contracts/triage';
import { URGENCY_LEVELS } from '../../shared/assessment/urgency-levels';
import { MAX_MESSAGES } from '../../shared/chat/conversation';
import { OFFLINE_REPLY } from '../../shared/chat/send-message';
import { isPublic, type RouteDef } from '../../shared/http/route';
import { DEFAULT_EMERGENCY_ADVICE, DISCLAIMER } from '../../shared/triage/result';
import { MAX_MODEL_LIST, MAX_MODEL_TEXT, PROMPT_VERSION } from '../../shared/triage/model';
import { ENGINE_IDS, RULES_VERSION, RULE_IDS } from '../../shared/triage/rules/engine';
import { TABLES } from '../../shared/triage/rules/tables';
import * as z from '../../shared/zod';

/**
 * The OpenAPI document against the route table: what it must say about every route (ids, tags,
 * parameters, security, errors, rate-limit headers), that no function can bundle its generator,
 * that the response bounds it shows hold for the largest real responses, and that the typed client
 * is generated from it. Linting it (Spectral, OWASP) is `openapi-lint.test.ts`.
 */

const ROOT = join(import.meta.dirname, '../..');
const all: RouteDef[] = Object.values(routes);
const document = generatedOpenApi() as any;
const operationOf = (route: RouteDef) => document.paths[route.path][route.method.toLowerCase()];

/** A `$ref` into the document, resolved. */
const resolve = (node: any): any =>
  node?.$ref
    ? resolve(
        node.$ref
          .slice(2)
          .split('/')
          .reduce((at: any, key: string) => at[key.replaceAll('~1', '/')], document),
      )
    : node;

describe('OpenAPI document: operations', () => {
  it('names every operation by its route id and tags it with its area (the routes/*.ts module)', () => {
    // Act
    const operations = all.map((route) => [route, operationOf(route)] as const);

    // Assess
    expect(new Set(Object.keys(AREAS))).toEqual(
      new Set([
        'platform',
        'identity',
        'records',
        'triage',
        'assessment',
        'chat',
        'account',
        'audit',
        'care',
        'appointments',
        'matching',
        'options',
        'notifications',
        'content',
        'library',
      ]),
    );
    expect(
      Object.values(AREAS)
        .flatMap((area) => Object.keys(area.routes))
        .sort(),
    ).toEqual(Object.keys(routes).sort());
    expect(document.tags.map((tag: { name: string }) => tag.name)).toEqual(Object.keys(AREAS));
    for (const [route, operation] of operations) {
      expect(operation.operationId, route.id).toBe(route.id);
      expect(operation.tags, route.id).toEqual([areaOf(route.id)]);
      expect(operation.summary, route.id).toBe(route.summary);
    }
  });

  it('documents the query parameters of every route that takes them', () => {
    // Prepare
    const withQuery = all.filter((route) => route.query !== undefined);

    // Act
    const documented = Object.fromEntries(
      withQuery.map((route) => [
        route.id,
        operationOf(route)
          .parameters.filter((p: any) => p.in === 'query')
          .map((p: any) => p.name),
      ]),
    );

    // Assess
    expect(Object.keys(documented).sort()).toEqual([
      'accessLog',
      'appointmentList',
      'auditEvents',
      'auditVerify',
      'chatList',
      'consentList',
      'libraryPosts',
      'notificationList',
      'postManageList',
      'postRevisions',
      'practitionerSearch',
      'practitionerSlots',
      'sessionList',
    ]);
    for (const route of withQuery) {
      const shape = (route.query as unknown as { _zod: { def: { shape: Record<string, unknown> } } })._zod.def.shape;
      expect(documented[route.id], route.id).toEqual(Object.keys(shape));
    }
    const limit = operationOf(routes.sessionList).parameters.find((p: any) => p.name === 'limit');
    expect(limit).toMatchObject({ in: 'query', schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 100 } });
    expect(operationOf(routes.auditVerify).parameters.find((p: any) => p.name === 'subjectId')).toMatchObject({ required: true, schema: { maxLength: 128 } });
  });

  it('types every path parameter: required, a UUID of 36 characters (a public post’s slug: its pattern, at most 96)', () => {
    for (const route of all) {
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
      const documented = (operationOf(route).parameters ?? []).filter((p: any) => p.in === 'path');
      expect(
        documented.map((p: any) => p.name),
        route.id,
      ).toEqual(names);
      for (const parameter of documented)
        expect(parameter, route.id).toMatchObject(
          route.id.startsWith('library')
            ? { required: true, schema: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 96 } }
            : { required: true, schema: { type: 'string', format: 'uuid', maxLength: 36 } },
        );
    }
  });

  it('asks for a bearer JWT on protected routes (with their roles) and for nothing on public ones', () => {
    expect(document.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: expect.stringContaining('RFC8725'),
    });
    for (const route of all) {
      const operation = operationOf(route);
      if (isPublic(route.access)) expect(operation.security, route.id).toEqual([]);
      else {
        expect(operation.security, route.id).toEqual([{ bearer: [] }]);
        expect(operation['x-carebow-roles'], route.id).toEqual(route.access.roles);
      }
    }
  });
});

describe('OpenAPI document: responses', () => {
  const statusesOf = (route: RouteDef): string[] => Object.keys(operationOf(route).responses);

  it('documents 401 and 403 on every protected route, 400, 429 and 500 everywhere, 404/409/412 where they can happen', () => {
    for (const route of all) {
      const statuses = statusesOf(route);
      expect(statuses, route.id).toEqual(expect.arrayContaining([String(route.status), '400', '429', '500']));
      if (!isPublic(route.access)) expect(statuses, route.id).toEqual(expect.arrayContaining(['401', '403']));
      else expect(statuses, route.id).not.toContain('403');
      if (route.params !== undefined) expect(statuses, route.id).toContain('404');
      if (route.headers?.includes('Idempotency-Key')) expect(statuses, route.id).toContain('409');
      if (route.headers?.includes('If-Match')) expect(statuses, route.id).toContain('412');
    }
    // Outcomes of the use cases, beyond what the route table says.
    expect(statusesOf(routes.login)).toEqual(expect.arrayContaining(['401', '429']));
    expect(statusesOf(routes.register)).toContain('409');
    expect(statusesOf(routes.sessionCreate)).toEqual(expect.arrayContaining(['201', '202']));
    expect(statusesOf(routes.chat)).toEqual(expect.arrayContaining(['200', '202', '404', '409']));
    expect(statusesOf(routes.profilePut)).toEqual(expect.arrayContaining(['200', '201', '412']));
    expect(resolve(operationOf(routes.healthDetailed).responses['503']).content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/DetailedHealthResponse',
    });
    for (const id of ['analyzeSymptoms', 'quickAssessment', 'followUpQuestions', 'consultation', 'chat'] as const) {
      expect(operationOf(routes[id]).responses['429'].description, id).toMatch(/AI quota/);
    }
  });

  it('documents the rate-limit headers on every 2xx and 4xx, required where the function always sends them, and Retry-After on every 429', () => {
    for (const route of all) {
      for (const [status, response] of Object.entries<any>(operationOf(route).responses)) {
        const headers = resolve(response).headers;
        for (const name of ['X-Request-Id', 'RateLimit-Policy', 'X-RateLimit-Limit', 'X-RateLimit-Burst', 'Access-Control-Allow-Origin']) {
          expect(headers?.[name], `${route.id} ${status} ${name}`).toBeDefined();
        }
        // A success always comes from the route's function; an error may come from API Gateway itself.
        expect(resolve(headers['X-RateLimit-Limit']).required ?? false, `${route.id} ${status}`).toBe(status.startsWith('2') || status === '503');
        if (status === '429') expect(resolve(headers['Retry-After']), `${route.id} 429`).toMatchObject({ required: true, schema: { type: 'integer' } });
      }
    }
    expect(resolve(operationOf(routes.profileGet).responses['200'].headers.ETag)).toMatchObject({ required: true });
    expect(resolve(operationOf(routes.sessionCreate).responses['202'].headers.Location)).toMatchObject({ required: true });
  });

  it('gives every error the error body', () => {
    for (const route of all) {
      for (const [status, response] of Object.entries<any>(operationOf(route).responses)) {
        if (Number(status) >= 400 && status !== '503')
          expect(resolve(response).content['application/json'].schema, `${route.id} ${status}`).toEqual({ $ref: '#/components/schemas/ErrorResponse' });
      }
    }
  });
});

describe('OpenAPI generator: build time only', () => {
  it('is imported by no function and no shared module (the bundles never carry zod-openapi or the document builder)', () => {
    // Prepare
    const files = globSync(['functions/**/*.ts', 'shared/**/*.ts'], { cwd: ROOT });

    // Act
    const offenders = files.filter((file) =>
      /from\s+['"](zod-openapi|openapi-typescript)['"]|from\s+['"][./]*scripts\//.test(readFileSync(join(ROOT, file), 'utf8')),
    );

    // Assess
    expect(files.length).toBeGreaterThan(100);
    expect(offenders).toEqual([]);
  });
});

describe('Response bounds hold for the largest real responses', () => {
  const fams = Object.values(TABLES.FAMILIES).map((text) => text.split('|'));
  const say = TABLES.GENERAL_ADVICE;
  /** The longest emergency advice the rules can compose: every crisis line, the level's advice, two other families'. */
  const longestAdvice = [
    ...new Set(fams.filter((f) => f[6] && f[7]?.includes('c')).map((f) => f[6]!)),
    [say.emergency!, say.emergency_ambulance!].sort((a, b) => b.length - a.length)[0]!,
    ...fams
      .filter((f) => f[6] && !f[7]?.includes('c'))
      .map((f) => f[6]!)
      .sort((a, b) => b.length - a.length)
      .slice(0, 2),
  ].join(' ');
  const text = (length: number) => 'x'.repeat(length);
  const list = (length: number) => Array.from({ length: MAX_MODEL_LIST }, () => text(length));

  it('a triage result: model texts and lists at their limits, an emergency summary, every rule id fired', () => {
    // Prepare
    const rulesFired = [...RULE_IDS, ...ENGINE_IDS, 'floor:rules', 'escalate:low_confidence', 'escalate:repeat_within_24h', 'fallback:model_answer_unusable'];
    const result = {
      level: 'emergency',
      confidence: 0.9,
      summary: `${longestAdvice} ${text(MAX_MODEL_TEXT)}`,
      possibleConditions: list(MAX_MODEL_TEXT),
      followUpQuestions: list(MAX_MODEL_TEXT),
      selfCare: list(MAX_MODEL_TEXT),
      watchFor: list(MAX_MODEL_TEXT),
      specialist: text(MAX_MODEL_TEXT),
      teleconsultationOk: false,
      disclaimer: DISCLAIMER,
      source: 'model',
      rulesFired,
      model: 'gpt-4o-mini-2024-07-18',
      promptVersion: [PROMPT_VERSION, RULES_VERSION].sort((a, b) => b.length - a.length)[0]!,
    };

    // Act
    const parsed = z.safeParse(TriageResult, result);

    // Assess
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(z.safeParse(RulesFired, rulesFired).success).toBe(true);
    expect(
      z.safeParse(QuickAssessmentResponse, { level: 'emergency', summary: text(300), emergencyAdvice: longestAdvice, rulesFired, disclaimer: DISCLAIMER })
        .success,
    ).toBe(true);
  });

  it('a full conversation, an emergency in it, and the urgency scale', () => {
    // Prepare
    const at = new Date().toISOString();
    const conversation = {
      conversationId: '0190e4a8-8e2b-7c3d-9a4f-1b2c3d4e5f60',
      status: 'answered',
      disclaimer: DISCLAIMER,
      messages: Array.from({ length: MAX_MESSAGES }, (_, i) => ({
        role: i % 2 ? 'assistant' : 'user',
        content: text(2000),
        at,
        ...(i % 2 ? { source: 'model' } : {}),
      })),
      emergency: { level: 'emergency', advice: longestAdvice },
    };

    // Act
    const parsed = z.safeParse(Conversation, conversation);

    // Assess
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(OFFLINE_REPLY.length).toBeLessThanOrEqual(2000);
    expect(DEFAULT_EMERGENCY_ADVICE.length).toBeLessThanOrEqual(2000);
    expect(z.safeParse(UrgencyLevelsResponse, { levels: URGENCY_LEVELS }).success).toBe(true);
    expect(ROLES.length).toBeLessThanOrEqual(16);
  });
});

describe('Typed client (client/carebow-api.d.ts)', () => {
  it('is generated from the served document (else run `npm run openapi && npm run client`)', async () => {
    expect(readFileSync(CLIENT_FILE, 'utf8') === (await generatedClientText()), 'client/carebow-api.d.ts is stale: run `npm run client`').toBe(true);
  });

  it('compiles on its own under strict TypeScript, declaration files checked', () => {
    // The repo's tsconfig skips checking .d.ts files (skipLibCheck): compile this one with it off.
    const tsc = join(ROOT, 'node_modules/.bin/tsc');
    const args = [
      '--noEmit',
      '--strict',
      '--noUncheckedIndexedAccess',
      '--exactOptionalPropertyTypes',
      '--target',
      'ES2024',
      '--module',
      'ESNext',
      '--moduleResolution',
      'Bundler',
      '--skipLibCheck',
      'false',
      '--types',
      'node',
      'client/carebow-api.d.ts',
    ];
    expect(() => execFileSync(tsc, args, { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
  });
});
