import { beforeAll, describe, expect, it } from 'vitest';
import { routes, type RouteId } from '../../functions/routes';
import { cacheKeyParameters } from '../../lib/api';
import { CONTENT_WORKER_GRANTS } from '../../lib/content';
import type { RouteDef } from '../../shared/http/route';
import { asArray, logicalIdOf, resourcesOfType, routeConstructPath, synthStage, type CfnResource, type Synthesized } from './support/synth';

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

const CACHED = (Object.keys(routes) as RouteId[]).filter((routeId) => (routes[routeId] as RouteDef).cache !== undefined);

/** Every IAM statement of the policies attached to `roleId`. */
const statementsOf = (synth: Synthesized, roleId: string): Statement[] =>
  resourcesOfType(synth.json, 'AWS::IAM::Policy')
    .map(([, resource]) => resource)
    .filter((policy) => asArray(policy.Properties!.Roles).some((role: unknown) => JSON.stringify(role).includes(roleId)))
    .flatMap((policy) => policy.Properties!.PolicyDocument.Statement as Statement[]);

describe('Construct: Content', () => {
  let prod: Synthesized;
  let dev: Synthesized;
  beforeAll(() => {
    prod = synthStage('prod');
    dev = synthStage('dev');
  });

  it('encrypts the content queue and its DLQ with the CMK and redrives after 5 receives', () => {
    // Prepare
    const queueId = logicalIdOf(prod.stack, 'Content/Queue');
    const dlqId = logicalIdOf(prod.stack, 'Content/DeadLetterQueue');

    // Act
    const queue = prod.json.Resources[queueId]!.Properties!;

    // Assess
    expect(queue.KmsMasterKeyId).toBeDefined();
    expect(prod.json.Resources[dlqId]!.Properties!.KmsMasterKeyId).toBeDefined();
    expect(queue.RedrivePolicy.maxReceiveCount).toBe(5);
    expect(JSON.stringify(queue.RedrivePolicy.deadLetterTargetArn)).toContain(dlqId);
    expect(queue.VisibilityTimeout).toBe(360);
  });

  it('runs the worker at most twice at once, within its reservation, with partial batch responses', () => {
    // Prepare
    const workerId = logicalIdOf(prod.stack, 'Content/WorkerFunction');
    // The queue invokes the worker's live alias (docs/adr/0016-canary-deployments.md).
    const aliasId = logicalIdOf(prod.stack, 'Content/WorkerLive/Alias');

    // Act
    const worker = prod.json.Resources[workerId]!.Properties!;
    const [mapping] = resourcesOfType(prod.json, 'AWS::Lambda::EventSourceMapping')
      .map(([, resource]) => resource)
      .filter((resource: CfnResource) => JSON.stringify(resource.Properties!.FunctionName).includes(aliasId));

    // Assess
    expect(worker.ReservedConcurrentExecutions).toBe(2);
    expect(mapping!.Properties!.ScalingConfig).toEqual({ MaximumConcurrency: 2 });
    expect(mapping!.Properties!.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
  });

  it('grants the worker the content table and nothing of the PHI tables, keys or other queues', () => {
    // Prepare
    const roleId = logicalIdOf(prod.stack, 'Content/WorkerRole');
    const contentTable = logicalIdOf(prod.stack, 'Data/ContentTable');

    // Act
    const statements = statementsOf(prod, roleId);
    const dynamo = statements.filter((statement) => asArray(statement.Action).some((action: string) => action.startsWith('dynamodb:')));
    const resources = JSON.stringify(statements.map((statement) => statement.Resource));

    // Assess
    expect(CONTENT_WORKER_GRANTS).toEqual({ tables: { content: 'readWrite' } });
    expect(dynamo.length).toBeGreaterThan(0);
    for (const statement of dynamo) expect(JSON.stringify(statement.Resource)).toContain(contentTable);
    for (const table of ['Records', 'Identity', 'Keys', 'Sessions']) expect(resources).not.toContain(logicalIdOf(prod.stack, `Data/${table}Table`));
    expect(resources).not.toContain(logicalIdOf(prod.stack, 'Triage/Queue'));
    expect(JSON.stringify(statements)).not.toContain('kms:Sign');
  });

  it('alarms when a rebuild reaches the content DLQ', () => {
    // Act
    const alarms = resourcesOfType(prod.monitoring.json, 'AWS::CloudWatch::Alarm').map(([, resource]) => resource);

    // Assess
    expect(
      alarms.some((alarm: CfnResource) => String(alarm.Properties!.AlarmDescription).startsWith('Content library rebuilds reached the dead-letter queue')),
    ).toBe(true);
  });

  it('caches only the public library GETs in prod, encrypted, keyed on their path and query parameters', () => {
    // Prepare
    const stageId = logicalIdOf(prod.stack, 'Api/RestApi/DeploymentStage.prod');

    // Act
    const stage = prod.json.Resources[stageId]!.Properties!;
    const caching = (
      stage.MethodSettings as { ResourcePath: string; HttpMethod: string; CachingEnabled?: boolean; CacheDataEncrypted?: boolean; CacheTtlInSeconds?: number }[]
    ).filter((setting) => setting.CachingEnabled === true);

    // Assess
    expect(CACHED.length).toBeGreaterThanOrEqual(3);
    expect(cacheKeyParameters(routes.libraryPosts as RouteDef)).toContain('method.request.querystring.q');
    expect(cacheKeyParameters(routes.libraryPost as RouteDef)).toEqual(['method.request.path.post']);
    expect(stage.CacheClusterEnabled).toBe(true);
    expect(stage.CacheClusterSize).toBe('0.5');
    expect(caching.map((setting) => `${setting.HttpMethod} ${setting.ResourcePath}`).sort()).toEqual(
      CACHED.map((routeId) => `GET /${(routes[routeId] as RouteDef).path.replace(/\//g, '~1')}`).sort(),
    );
    for (const setting of caching) {
      expect(setting.CacheDataEncrypted).toBe(true);
      expect(setting.CacheTtlInSeconds).toBe(300);
    }
    for (const routeId of CACHED) {
      const route = routes[routeId] as RouteDef;
      expect(route.method).toBe('GET');
      expect('public' in route.access).toBe(true);
      const method = prod.json.Resources[logicalIdOf(prod.stack, routeConstructPath(routeId, 'Method'))]!.Properties!;
      expect(method.Integration.CacheKeyParameters ?? []).toEqual(cacheKeyParameters(route));
      expect(Object.keys(method.RequestParameters ?? {})).toEqual(cacheKeyParameters(route));
    }
  });

  it('runs no cache cluster in dev, and no method caches there', () => {
    // Prepare
    const stageId = logicalIdOf(dev.stack, 'Api/RestApi/DeploymentStage.dev');

    // Act
    const stage = dev.json.Resources[stageId]!.Properties!;

    // Assess
    expect(stage.CacheClusterEnabled).toBeUndefined();
    expect(JSON.stringify(stage.MethodSettings ?? [])).not.toContain('"CachingEnabled":true');
  });
});
