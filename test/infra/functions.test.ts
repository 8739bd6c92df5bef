import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_AREAS, routes, ROUTE_IDS, type RouteId } from '../../functions/routes';
import { pascal } from '../../lib/data';
import { buildCareBowApp } from '../../lib/app';
import { STAGE_CONFIGS, STAGE_NAMES } from '../../lib/stages';
import { TABLES } from '../../shared/data/tables';
import type { RouteDef } from '../../shared/http/route';
import {
  logicalIdOf,
  referencedId,
  resourceCounts,
  resourcesOfType,
  routeConstructPath,
  synthStage,
  type CfnResource,
  type Synthesized,
} from './support/synth';

const ROUTE_ENVIRONMENT = [
  'CAREBOW_STAGE',
  'CAREBOW_VERSION',
  'CORS_ALLOWED_ORIGINS',
  ...Object.values(TABLES).map((spec) => spec.envVar),
  'KEY_PROVIDER',
  'TOKEN_SIGNING_KEY_ID',
  'BLIND_INDEX_SECRET_ID',
  'DATA_KEY_ID',
  'AUTH_ISSUER',
  'AUTH_CLIENT_ID',
  'ACCESS_TOKEN_TTL_SECONDS',
  'PASSWORD_SCRYPT_LOG_N',
  'TRIAGE_QUEUE_URL',
  'CHAT_QUEUE_URL',
  'NOTIFICATIONS_QUEUE_URL',
  'CONTENT_QUEUE_URL',
  'NOTIFICATION_CHANNELS',
  'APP_BASE_URL',
  'OPENAI_MODEL',
  'AI_MODEL_ENABLED',
  'POWERTOOLS_SERVICE_NAME',
  'POWERTOOLS_LOG_LEVEL',
  'NODE_OPTIONS',
  'API_RATE_LIMIT',
  'API_BURST_LIMIT',
].sort();

describe('Construct: Api functions', () => {
  let dev: Synthesized;
  let fnOf: (routeId: RouteId | 'authorizer') => CfnResource;

  beforeAll(() => {
    dev = synthStage('dev');
    fnOf = (routeId) =>
      dev.json.Resources[logicalIdOf(dev.stack, routeId === 'authorizer' ? 'Api/AuthorizerFunction' : routeConstructPath(routeId, 'Function'))]!;
  });

  it('creates one function per route, plus the authorizer and the triage, chat, notifications, content and audit anchor workers, and nothing else', () => {
    // Prepare
    const expected = ROUTE_IDS.length + 6;

    // Act
    const functions = resourcesOfType(dev.json, 'AWS::Lambda::Function');

    // Assess
    expect(functions).toHaveLength(expected);
    for (const routeId of ROUTE_IDS) expect(fnOf(routeId).Properties!.Description).toContain(`${routes[routeId].method} ${routes[routeId].path}`);
  });

  it('keeps every stack of the app, each stage stack and each nested stack, well below the CloudFormation limit of 500 resources', () => {
    // Prepare
    const limit = 500;
    const app = buildCareBowApp({ nag: false, context: { 'aws:cdk:bundling-stacks': [] } });

    // Act
    const counts = resourceCounts(app);
    const report = counts.map(({ path, nested, resources }) => `${path}${nested ? ' (nested)' : ''}: ${resources}`).join(', ');
    console.info(`CloudFormation resources per stack: ${report}`);

    // Assess: a route costs about 3 resources in the stage stack (log group, path resource, CORS
    // preflight), 5 in its area's stack and 2 alarms in Monitoring; past 450 in any stack it is
    // time to split again (docs/adr/0007-stack-split.md, docs/adr/0008-api-nested-stacks.md).
    const areaStacks = Object.keys(ROUTE_AREAS).map((area) => `Api/${pascal(area)}Routes`);
    expect(counts.map(({ path }) => path).sort()).toEqual(
      [
        // The deploy pipeline's roles (lib/pipeline.ts), apart from the stages.
        'CareBow-Pipeline',
        ...STAGE_NAMES.flatMap((stage) => [`CareBow-${stage}`, `CareBow-${stage}/Monitoring`, ...areaStacks.map((area) => `CareBow-${stage}/${area}`)]),
      ].sort(),
    );
    for (const { path, resources } of counts) expect(resources, `${path} (${report})`).toBeLessThan(limit - 50);
  });

  it('runs every function on nodejs24.x, arm64, with active tracing, a timeout, reserved concurrency and its own log group', () => {
    // Prepare
    const functions = resourcesOfType(dev.json, 'AWS::Lambda::Function');
    const workerIds = [
      logicalIdOf(dev.stack, 'Triage/WorkerFunction'),
      logicalIdOf(dev.stack, 'Chat/WorkerFunction'),
      logicalIdOf(dev.stack, 'Notifications/WorkerFunction'),
      logicalIdOf(dev.stack, 'Content/WorkerFunction'),
      logicalIdOf(dev.stack, 'AuditAnchor/WorkerFunction'),
    ];

    // Act
    const logGroups = functions.map(([, fn]) => referencedId(fn.Properties!.LoggingConfig?.LogGroup));

    // Assess: API functions answer within 10 s (a streamed route streams for 30 s: streaming.test.ts); the workers have their
    // own timeouts and reservations (triage.test.ts, chat.test.ts, notifications.test.ts, content.test.ts, audit-anchor.test.ts).
    const streamedIds = ROUTE_IDS.filter((routeId) => (routes[routeId] as RouteDef).stream === true).map((routeId) =>
      logicalIdOf(dev.stack, routeConstructPath(routeId, 'Function')),
    );
    for (const [id, fn] of functions) {
      expect(fn.Properties, id).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], TracingConfig: { Mode: 'Active' }, Handler: 'index.handler' });
      if (workerIds.includes(id)) continue;
      expect(fn.Properties, id).toMatchObject({
        Timeout: streamedIds.includes(id) ? 30 : 10,
        ReservedConcurrentExecutions: STAGE_CONFIGS.dev.reservedConcurrency,
      });
    }
    expect(logGroups.every((group) => group !== undefined)).toBe(true);
    expect(new Set(logGroups).size).toBe(functions.length);
  });

  it('gives the password-hashing routes 1024 MB and the others 512 MB', () => {
    // Prepare
    const heavy = new Set<RouteId>(['register', 'login', 'passwordChange']);

    // Act, Assess
    for (const routeId of ROUTE_IDS) expect(fnOf(routeId).Properties!.MemorySize, routeId).toBe(heavy.has(routeId) ? 1024 : 512);
  });

  it('hands every route function the same environment, and only the verify route the audit digests and anchor key', () => {
    // Prepare
    const DIGEST_ENV = ['AUDIT_ANCHOR_KEY_ID', 'AUDIT_DIGEST_BUCKET'];
    const all = ROUTE_IDS.map((routeId) => [routeId, fnOf(routeId).Properties!.Environment.Variables as Record<string, unknown>] as const);

    // Act
    const variables = all.map(([, env]) => Object.fromEntries(Object.entries(env).filter(([name]) => !DIGEST_ENV.includes(name))));
    const first = variables[0]!;

    // Assess
    expect(Object.keys(first).sort()).toEqual(ROUTE_ENVIRONMENT);
    for (const environment of variables) expect(environment).toEqual(first);
    // The verify route checks chains against the anchor's digests (ADR 0014); no other route reads them.
    expect(all.filter(([, env]) => DIGEST_ENV.some((name) => name in env)).map(([routeId]) => routeId)).toEqual(['auditVerify']);
    expect(first).toMatchObject({
      CAREBOW_STAGE: 'dev',
      CORS_ALLOWED_ORIGINS: STAGE_CONFIGS.dev.corsAllowedOrigins.join(','),
      KEY_PROVIDER: 'kms',
      AUTH_CLIENT_ID: 'carebow-dev',
      ACCESS_TOKEN_TTL_SECONDS: '900',
      PASSWORD_SCRYPT_LOG_N: '17',
      POWERTOOLS_SERVICE_NAME: 'carebow',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      NODE_OPTIONS: '--enable-source-maps',
      // The stage's method throttle, which the rate-limit headers of every response state.
      API_RATE_LIMIT: String(STAGE_CONFIGS.dev.throttle.rateLimit),
      API_BURST_LIMIT: String(STAGE_CONFIGS.dev.throttle.burstLimit),
    });
    expect(first.IDENTITY_TABLE).toEqual({ Ref: logicalIdOf(dev.stack, 'Data/IdentityTable') });
    expect(first.AUDIT_TABLE).toEqual({ Ref: logicalIdOf(dev.stack, 'Data/AuditTable') });
    expect(first.TOKEN_SIGNING_KEY_ID).toEqual({ 'Fn::GetAtt': [logicalIdOf(dev.stack, 'Data/TokenSigningKey'), 'Arn'] });
  });

  it('names every table from its spec and the wrapping key by ARN (KEYS_TABLE, RECORDS_TABLE, DATA_KEY_ID)', () => {
    // Prepare
    const variables = fnOf('profileGet').Properties!.Environment.Variables as Record<string, unknown>;

    // Act
    const tables = Object.entries(TABLES).map(([name, spec]) => [spec.envVar, variables[spec.envVar], name] as const);

    // Assess
    for (const [envVar, value, name] of tables) expect(value, envVar).toEqual({ Ref: logicalIdOf(dev.stack, `Data/${pascal(name)}Table`) });
    expect(tables.map(([envVar]) => envVar)).toEqual(expect.arrayContaining(['KEYS_TABLE', 'RECORDS_TABLE']));
    expect(variables.DATA_KEY_ID).toEqual({ 'Fn::GetAtt': [logicalIdOf(dev.stack, 'Data/DataKeyWrappingKey'), 'Arn'] });
  });

  it('builds AUTH_ISSUER from the REST API id, not from the deployment URL (no dependency cycle)', () => {
    // Prepare
    const restApiId = logicalIdOf(dev.stack, 'Api/RestApi');

    // Act
    const issuer = fnOf('login').Properties!.Environment.Variables.AUTH_ISSUER;

    // Assess
    expect(issuer).toEqual({
      'Fn::Join': ['', ['https://', { Ref: restApiId }, '.execute-api.us-east-1.', { Ref: 'AWS::URLSuffix' }, '/dev']],
    });
  });

  it('gives the authorizer only its issuer list, which names the built-in issuer and its JWKS', () => {
    // Prepare
    const restApiId = logicalIdOf(dev.stack, 'Api/RestApi');

    // Act
    const variables = fnOf('authorizer').Properties!.Environment.Variables as Record<string, unknown>;
    const rendered = JSON.stringify(variables.AUTHORIZER_ISSUERS);

    // Assess
    expect(Object.keys(variables)).toEqual(['AUTHORIZER_ISSUERS']);
    expect(rendered).toContain(`{"Ref":"${restApiId}"}`);
    expect(rendered).toContain('\\"audience\\":\\"carebow-dev\\"');
    expect(rendered).toContain('/dev/.well-known/jwks.json');
  });

  it('uses a configured issuer and trusts an extra (Cognito) issuer when the stage sets them', () => {
    // Prepare
    const custom = synthStage('staging', {
      overrides: {
        issuer: 'https://api.staging.carebow.example',
        extraIssuer: { issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example', audience: 'cognito-client' },
      },
    });
    const fn = (path: string): CfnResource => custom.json.Resources[logicalIdOf(custom.stack, path)]!;

    // Act
    const issuers = JSON.parse(fn('Api/AuthorizerFunction').Properties!.Environment.Variables.AUTHORIZER_ISSUERS as string) as unknown;

    // Assess
    expect(fn(routeConstructPath('login', 'Function')).Properties!.Environment.Variables.AUTH_ISSUER).toBe('https://api.staging.carebow.example');
    expect(issuers).toEqual([
      { issuer: 'https://api.staging.carebow.example', audience: 'carebow-staging', jwksUri: 'https://api.staging.carebow.example/.well-known/jwks.json' },
      {
        issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example',
        audience: 'cognito-client',
        jwksUri: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example/.well-known/jwks.json',
      },
    ]);
  });
});
