import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { Template } from 'aws-cdk-lib/assertions';
import { ROUTE_AREAS, routes, ROUTE_IDS, type RouteArea, type RouteId } from '../../functions/routes';
import { STAGE_CONFIGS } from '../../lib/stages';
import { isPublic, type RouteDef } from '../../shared/http/route';
import {
  apiMethods,
  type CfnTemplate,
  logicalIdOf,
  referencedId,
  resourcesOfType,
  routeConstructPath,
  STATEFUL_TYPES,
  synthStage,
  type Synthesized,
} from './support/synth';

const ROUTES: [string, RouteDef][] = ROUTE_IDS.map((id) => [id, routes[id]]);
const routeKey = (route: RouteDef): string => `${route.method} ${route.path}`;

describe('Construct: Api', () => {
  let dev: Synthesized;
  let methods: ReturnType<typeof apiMethods>;

  beforeAll(() => {
    dev = synthStage('dev');
    methods = apiMethods(dev.json);
  });

  it("keeps each area's functions, roles, permissions and methods in its own nested stack, and nothing stateful there", () => {
    // Prepare
    const allowed = new Set(['AWS::Lambda::Function', 'AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::Lambda::Permission', 'AWS::ApiGateway::Method']);
    // Each route's live alias, its version, its CodeDeploy group and its two rollback alarms (docs/adr/0016-canary-deployments.md).
    const deployment = new Map([
      ['AWS::Lambda::Version', 1],
      ['AWS::Lambda::Alias', 1],
      ['AWS::CodeDeploy::DeploymentGroup', 1],
      ['AWS::CloudWatch::Alarm', 2],
    ]);

    // Act
    const areas = (Object.keys(ROUTE_AREAS) as RouteArea[]).map((area) => {
      const json = Template.fromStack(dev.stack.api.areaStacks[area]).toJSON() as CfnTemplate;
      const types = Object.values(json.Resources).map((resource) => resource.Type);
      return { area, json, types };
    });

    // Assess: ten resources per route, all of them replaceable (docs/adr/0008-api-nested-stacks.md)
    for (const { area, json, types } of areas) {
      const routeCount = Object.keys(ROUTE_AREAS[area]).length;
      expect(
        types.filter((type) => !allowed.has(type) && !deployment.has(type)),
        area,
      ).toEqual([]);
      for (const [type, perRoute] of deployment)
        expect(
          types.filter((t) => t === type),
          `${area} ${type}`,
        ).toHaveLength(routeCount * perRoute);
      for (const type of allowed)
        expect(
          types.filter((t) => t === type),
          `${area} ${type}`,
        ).toHaveLength(routeCount);
      for (const routeId of Object.keys(ROUTE_AREAS[area]) as RouteId[]) {
        expect(json.Resources[logicalIdOf(dev.stack, routeConstructPath(routeId, 'Function'))]?.Type).toBe('AWS::Lambda::Function');
      }
    }
    expect(areas.flatMap(({ types }) => types).filter((type) => (STATEFUL_TYPES as readonly string[]).includes(type))).toEqual([]);
  });

  it("lets API Gateway invoke each route function's live alias from its own method and stage only", () => {
    // Prepare
    const permissions = resourcesOfType(dev.json, 'AWS::Lambda::Permission');

    // Act
    const sourceArns = ROUTES.map(([id, route]) => {
      const fnId = logicalIdOf(dev.stack, routeConstructPath(id as RouteId, 'Function'));
      const aliasId = logicalIdOf(dev.stack, routeConstructPath(id as RouteId, 'Live/Alias'));
      expect(
        permissions.filter(([, permission]) => referencedId(permission.Properties!.FunctionName) === fnId),
        `${id}: $LATEST`,
      ).toEqual([]);
      const own = permissions.filter(([, permission]) => referencedId(permission.Properties!.FunctionName) === aliasId);
      expect(own, id).toHaveLength(1);
      expect(own[0]![1].Properties!.Principal).toBe('apigateway.amazonaws.com');
      const parts = (own[0]![1].Properties!.SourceArn as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
      return [id, parts.filter((part): part is string => typeof part === 'string').join(''), route] as const;
    });

    // Assess: `…/<stage>/<METHOD>/<path with * for parameters>`, never a wildcard method or stage
    for (const [id, arnTail, route] of sourceArns) {
      expect(arnTail, id).toContain(`/dev/${route.method}${route.path.replace(/\{[^}]*\}/g, '*')}`);
    }
  });

  it('redeploys the stage when a method built in an area stack changes (the deployment id follows it)', () => {
    // Prepare
    const deploymentId = (synth: Synthesized): string => resourcesOfType(synth.parentJson, 'AWS::ApiGateway::Deployment').map(([id]) => id)[0]!;
    const changed = synthStage('dev', {
      amend: (stack) => {
        new apigw.Method(stack.api.areaStacks.care, 'ExtraMethod', {
          resource: stack.api.restApi.root.resourceForPath('/api/v1/practitioners'),
          httpMethod: 'PATCH',
          integration: new apigw.MockIntegration(),
        });
      },
    });

    // Act
    const before = deploymentId(dev);
    const after = deploymentId(changed);

    // Assess
    expect(after).not.toBe(before);
    expect(resourcesOfType(changed.parentJson, 'AWS::ApiGateway::Deployment')[0]![1].DependsOn).toContain(
      dev.stack.getLogicalId(dev.stack.api.areaStacks.care.nestedStackResource!),
    );
  });

  it('exposes exactly the route table, no extra and no missing method (SECURITY #22)', () => {
    // Prepare
    const expected = ROUTES.map(([, route]) => routeKey(route)).sort();

    // Act
    const actual = [...methods.keys()].filter((key) => !key.startsWith('OPTIONS ')).sort();

    // Assess
    expect(actual).toEqual(expected);
  });

  it('puts the token authorizer on every method whose route is not public (SECURITY #17)', () => {
    // Prepare
    const authorizerId = logicalIdOf(dev.stack, 'Api/TokenAuthorizer');
    const protectedRoutes = ROUTES.filter(([, route]) => !isPublic(route.access));
    expect(protectedRoutes.length).toBeGreaterThan(0);

    // Act
    const protectedMethods = protectedRoutes.map(([, route]) => methods.get(routeKey(route))!.properties);

    // Assess
    for (const method of protectedMethods) {
      expect(method.AuthorizationType).toBe('CUSTOM');
      expect(method.AuthorizerId).toEqual({ Ref: authorizerId });
    }
  });

  it('leaves exactly the public routes (and CORS preflights) without authorization', () => {
    // Prepare
    const publicRoutes = ROUTES.filter(([, route]) => isPublic(route.access))
      .map(([, route]) => routeKey(route))
      .sort();

    // Act
    const unauthenticated = [...methods.entries()].filter(([, m]) => m.properties.AuthorizationType === 'NONE').map(([key]) => key);

    // Assess
    expect(unauthenticated.filter((key) => !key.startsWith('OPTIONS ')).sort()).toEqual(publicRoutes);
    for (const key of unauthenticated.filter((k) => k.startsWith('OPTIONS '))) {
      expect(methods.get(key)!.properties.Integration.Type, `${key} must be a MOCK preflight`).toBe('MOCK');
    }
  });

  it('answers CORS preflights only on route paths and only for the allowed origins', () => {
    // Prepare
    const routePaths = [...new Set(ROUTES.map(([, route]) => route.path))].sort();
    const [firstOrigin, ...otherOrigins] = STAGE_CONFIGS.dev.corsAllowedOrigins;

    // Act
    const preflights = [...methods.entries()].filter(([key]) => key.startsWith('OPTIONS '));

    // Assess
    expect(preflights.map(([key]) => key.slice('OPTIONS '.length)).sort()).toEqual(routePaths);
    for (const [, preflight] of preflights) {
      const response = preflight.properties.Integration.IntegrationResponses[0];
      expect(response.ResponseParameters['method.response.header.Access-Control-Allow-Origin']).toBe(`'${firstOrigin}'`);
      for (const origin of otherOrigins) expect(response.ResponseTemplates['application/json']).toContain(`"${origin}"`);
    }
  });

  it('throttles the stage from the stage config and the auth routes tighter, from the route table (SECURITY #18)', () => {
    // Prepare
    const throttled = ROUTES.filter(([, route]) => route.throttle !== undefined);
    expect(throttled.length).toBeGreaterThan(0);
    const [, stage] = resourcesOfType(dev.json, 'AWS::ApiGateway::Stage')[0]!;
    const settings = stage.Properties!.MethodSettings as Record<string, any>[];

    // Act
    const stageWide = settings.find((s) => s.ResourcePath === '/*' && s.HttpMethod === '*');

    // Assess
    expect(stageWide).toMatchObject({ ThrottlingRateLimit: STAGE_CONFIGS.dev.throttle.rateLimit, ThrottlingBurstLimit: STAGE_CONFIGS.dev.throttle.burstLimit });
    for (const [id, route] of throttled) {
      const escaped = route.path.replaceAll('/', '~1');
      const override = settings.find((s) => s.ResourcePath === `/${escaped}` && s.HttpMethod === route.method);
      expect(override, id).toMatchObject({
        ThrottlingRateLimit: route.throttle!.rateLimit,
        ThrottlingBurstLimit: route.throttle!.burstLimit,
        LoggingLevel: 'ERROR',
        DataTraceEnabled: false,
      });
      expect(route.throttle!.rateLimit).toBeLessThanOrEqual(STAGE_CONFIGS.dev.throttle.rateLimit);
    }
    for (const [id, route] of ROUTES.filter(([, route]) => route.path.startsWith('/api/v1/auth/'))) {
      expect(route.throttle, `${id} is a credential route`).toBeDefined();
    }
  });

  it('caches authorizer decisions no longer than an access token lives (SECURITY #8)', () => {
    // Prepare
    const accessTokenTtl = 900;

    // Act
    const [, authorizer] = resourcesOfType(dev.json, 'AWS::ApiGateway::Authorizer')[0]!;

    // Assess
    expect(authorizer.Properties).toMatchObject({ Type: 'TOKEN', IdentitySource: 'method.request.header.Authorization' });
    expect(authorizer.Properties!.AuthorizerResultTtlInSeconds).toBeLessThanOrEqual(accessTokenTtl);
    expect(authorizer.Properties!.AuthorizerResultTtlInSeconds).toBe(300);
  });

  it('traces, logs errors without bodies, never caches, and writes access logs without PHI', () => {
    // Prepare
    const allowedFields = [
      'requestId',
      'ip',
      'caller',
      'requestTime',
      'httpMethod',
      'resourcePath',
      'status',
      'protocol',
      'responseLength',
      'integrationLatency',
    ];

    // Act
    const [, stage] = resourcesOfType(dev.json, 'AWS::ApiGateway::Stage')[0]!;
    const format = JSON.parse(stage.Properties!.AccessLogSetting.Format as string) as Record<string, string>;

    // Assess
    expect(stage.Properties).toMatchObject({ StageName: 'dev', TracingEnabled: true });
    expect(stage.Properties!.MethodSettings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ResourcePath: '/*', HttpMethod: '*', LoggingLevel: 'ERROR', DataTraceEnabled: false, CachingEnabled: false }),
      ]),
    );
    expect(Object.keys(format).sort()).toEqual([...allowedFields].sort());
    expect(Object.values(format).join(' ')).not.toMatch(/querystring|\$input|body|\$context\.path|authorization/i);
    expect(stage.Properties!.AccessLogSetting.DestinationArn).toEqual({ 'Fn::GetAtt': [logicalIdOf(dev.stack, 'Api/AccessLogs'), 'Arn'] });
  });

  it('accepts TLS 1.2 or newer only on the regional endpoint (SECURITY #16)', () => {
    // Prepare, Act
    const template = dev.template;

    // Assess
    template.hasResourceProperties('AWS::ApiGateway::RestApi', {
      SecurityPolicy: 'TLS_1_2',
      EndpointConfiguration: { Types: ['REGIONAL'] },
    });
  });

  it('answers gateway errors with the JSON error shape, the request id and the security headers', () => {
    // Prepare
    const required = ['DEFAULT_4XX', 'DEFAULT_5XX', 'UNAUTHORIZED', 'ACCESS_DENIED', 'THROTTLED', 'MISSING_AUTHENTICATION_TOKEN'];

    // Act
    const responses = resourcesOfType(dev.json, 'AWS::ApiGateway::GatewayResponse').map(([, r]) => r.Properties!);

    // Assess
    expect(responses.map((r) => r.ResponseType)).toEqual(expect.arrayContaining(required));
    for (const response of responses) {
      const body = JSON.parse((response.ResponseTemplates['application/json'] as string).replace('$context.requestId', 'REQ')) as unknown;
      expect(body).toEqual({ error: { code: expect.stringMatching(/^[a-z_]+$/), message: expect.any(String), requestId: 'REQ' } });
      expect(response.ResponseParameters).toMatchObject({
        'gatewayresponse.header.Strict-Transport-Security': expect.stringContaining('max-age='),
        'gatewayresponse.header.X-Content-Type-Options': "'nosniff'",
        'gatewayresponse.header.Cache-Control': "'no-store'",
      });
    }
    expect(responses.find((r) => r.ResponseType === 'MISSING_AUTHENTICATION_TOKEN')!.StatusCode).toBe('404');
  });

  it('creates the execution log group itself, encrypted, before the stage can write to it', () => {
    // Prepare
    const logGroupId = logicalIdOf(dev.stack, 'Api/ExecutionLogs');

    // Act
    const [, stage] = resourcesOfType(dev.json, 'AWS::ApiGateway::Stage')[0]!;

    // Assess
    expect(stage.DependsOn).toContain(logGroupId);
    dev.template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: { 'Fn::Join': ['', ['API-Gateway-Execution-Logs_', { Ref: Match.anyValue() }, '/dev']] },
      KmsKeyId: Match.anyValue(),
    });
  });
});
