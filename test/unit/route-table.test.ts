import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';
import { AUTH_THROTTLE } from '../../functions/routes/limits';
import { methodThrottling } from '../../lib/api';
import { STAGE_CONFIGS } from '../../lib/stages';
import { openApiDocument } from '../../scripts/generate-openapi';
import { isPublic } from '../../shared/http/route';

const all = Object.values(routes);

describe('Route table', () => {
  it('has one line per method and path, each with a handler module', () => {
    const signatures = all.map((route) => `${route.method} ${route.path}`);
    expect(new Set(signatures).size).toBe(signatures.length);
    for (const route of all) expect(existsSync(join(import.meta.dirname, '../../functions', `${route.entry}.ts`))).toBe(true);
  });

  it('exports each line under its own id, and every exported line is in the table', async () => {
    // Prepare: the area modules, as handlers import them (a line by name)
    const folder = join(import.meta.dirname, '../../functions/routes');
    const lines: [string, { id?: unknown; entry?: unknown }][] = [];
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
      const exported = (await import(join(folder, file))) as Record<string, { id?: unknown; entry?: unknown }>;
      lines.push(...Object.entries(exported).filter(([, value]) => typeof value?.entry === 'string'));
    }

    // Assess: a handler's `import { <id> as route }` names the line it serves, and no line is left out
    for (const [name, line] of lines) expect(line.id, name).toBe(name);
    expect(lines.map(([name]) => name).sort()).toEqual(Object.keys(routes).sort());
  });

  it('makes public only the routes that must be (docs/security.md #17)', () => {
    expect(
      all
        .filter((route) => isPublic(route.access))
        .map((route) => `${route.method} ${route.path}`)
        .sort(),
    ).toEqual([
      'GET /.well-known/jwks.json',
      'GET /.well-known/openid-configuration',
      'GET /api/v1/content/categories',
      'GET /api/v1/content/posts',
      'GET /api/v1/content/posts/{post}',
      'GET /api/v1/health',
      'GET /api/v1/openapi.json',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/logout',
      'POST /api/v1/auth/mfa',
      'POST /api/v1/auth/refresh',
      'POST /api/v1/auth/register',
      'POST /api/v1/content/posts/{post}/views',
    ]);
  });

  it('throttles exactly the credential routes, with AUTH_THROTTLE; every other route keeps the stage default (docs/security.md #18)', () => {
    // Prepare
    const credentialRoutes = ['login', 'loginMfa', 'logout', 'mfaConfirm', 'mfaDisable', 'mfaEnrol', 'passwordChange', 'refresh', 'register'];
    const expected = Object.fromEntries(all.map((route) => [route.id, credentialRoutes.includes(route.id) ? AUTH_THROTTLE : undefined]));

    // Act
    const actual = Object.fromEntries(all.map((route) => [route.id, route.throttle]));

    // Assess
    expect(
      all
        .filter((route) => route.path.startsWith('/api/v1/auth/') || route.path === '/api/v1/me/password' || route.path.startsWith('/api/v1/me/mfa'))
        .map((route) => route.id)
        .sort(),
    ).toEqual(credentialRoutes);
    expect(actual).toStrictEqual(expected);
    expect(AUTH_THROTTLE).toEqual({ rateLimit: 10, burstLimit: 20 });
  });

  it('asks a one-time password of exactly the sensitive routes, and lets only enrolment and `me` through before MFA (docs/security.md #29)', () => {
    // Act
    const withMfa = (mode: 'otp' | 'enrol') =>
      all
        .filter((route) => !isPublic(route.access) && route.access.mfa === mode)
        .map((route) => route.id)
        .sort();

    // Assess
    expect(withMfa('otp')).toEqual(['adminRoles', 'auditEvents', 'auditVerify', 'breakGlass']);
    expect(withMfa('enrol')).toEqual(['me', 'mfaConfirm', 'mfaEnrol']);
  });

  it('keeps AUTH_THROTTLE at or below every stage’s default, so it only ever tightens', () => {
    for (const [stage, config] of Object.entries(STAGE_CONFIGS)) {
      expect(AUTH_THROTTLE.rateLimit, stage).toBeLessThanOrEqual(config.throttle.rateLimit);
      expect(AUTH_THROTTLE.burstLimit, stage).toBeLessThanOrEqual(config.throttle.burstLimit);
    }
  });

  it('hands the CDK stage exactly the table’s method throttles: one override per throttled route, none for the others', () => {
    // Act
    const overrides = methodThrottling();

    // Assess
    const expected = Object.fromEntries(
      all
        .filter((route) => route.throttle !== undefined)
        .map((route) => [`${route.path}/${route.method}`, { rateLimit: route.throttle!.rateLimit, burstLimit: route.throttle!.burstLimit }]),
    );
    const actual = Object.fromEntries(
      Object.entries(overrides).map(([key, options]) => [key, { rateLimit: options.throttlingRateLimit, burstLimit: options.throttlingBurstLimit }]),
    );
    expect(actual).toStrictEqual(expected);
  });

  it('bounds every body', () => {
    for (const route of all) expect(route.maxBodyBytes).toBeLessThanOrEqual(64 * 1024);
  });
});

describe('Function: openApiDocument', () => {
  it('lists exactly the routes of the table (docs/security.md #22)', () => {
    // Act
    const document = openApiDocument(all, { version: 'test' }) as { paths: Record<string, Record<string, unknown>> };

    // Assess
    const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(all.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('describes request bodies as strict JSON schemas', () => {
    const document = openApiDocument(all, { version: 'test' }) as any;
    const ref = document.paths['/api/v1/auth/register'].post.requestBody.content['application/json'].schema.$ref;
    const schema = document.components.schemas[ref.replace('#/components/schemas/', '')];
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['email', 'password']);
  });

  it('is what the openapi function serves: the generated file is up to date (else run `npm run openapi`)', async () => {
    const { readFileSync } = await import('node:fs');
    const { OPENAPI_FILE, generatedOpenApiText } = await import('../../scripts/generate-openapi');
    expect(readFileSync(OPENAPI_FILE, 'utf8') === generatedOpenApiText(), 'functions/platform/openapi.generated.json is stale: run `npm run openapi`').toBe(
      true,
    );
  });

  it('resolves every $ref to a component', () => {
    const document = openApiDocument(all, { version: 'test' }) as any;
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/(schemas|responses|headers)\/([^"]+)"/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(refs.length).toBeGreaterThan(0);
    for (const [kind, ref] of refs) expect(document.components[kind][ref], `${kind}/${ref}`).toBeDefined();
  });

  it('documents the request headers a route honours, with the error each can add', () => {
    // Act
    const document = openApiDocument(all, { version: 'test' }) as any;
    const headersOf = (path: string, method: string) =>
      (document.paths[path][method].parameters ?? []).filter((p: { in: string }) => p.in === 'header').map((p: { name: string }) => p.name);

    // Assess
    expect(headersOf('/api/v1/symptom-sessions', 'post')).toEqual(['Idempotency-Key']);
    expect(headersOf('/api/v1/ai/chat', 'post')).toEqual(['Idempotency-Key']);
    expect(headersOf('/api/v1/profile', 'put')).toEqual(['If-Match']);
    expect(headersOf('/api/v1/profile', 'get')).toEqual([]);
    expect(document.paths['/api/v1/ai/chat'].post.responses['409']).toMatchObject({ $ref: '#/components/responses/409' });
    expect(document.paths['/api/v1/profile'].put.responses['412']).toMatchObject({ $ref: '#/components/responses/412' });
  });
});
