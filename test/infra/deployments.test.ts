import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes, ROUTE_IDS, type RouteId } from '../../functions/routes';
import { DEPLOYMENT_RUNBOOKS, Deployments, LIVE_ALIAS } from '../../lib/deployments';
import { STAGE_CONFIGS, STAGE_NAMES, type StageName } from '../../lib/stages';
import type { RouteDef } from '../../shared/http/route';
import {
  apiMethods,
  asArray,
  logicalIdOf,
  referencedId,
  referencedIds,
  resourcesOfType,
  routeConstructPath,
  synthStage,
  type CfnResource,
  type Synthesized,
} from './support/synth';

const ROOT = join(import.meta.dirname, '..', '..');

/** The CodeDeploy configuration each stage's strategy names (issue 13: canary in prod, linear in staging, all at once in dev). */
const EXPECTED_CONFIG: Readonly<Record<StageName, string>> = {
  dev: 'CodeDeployDefault.LambdaAllAtOnce',
  staging: 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute',
  prod: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
};

/** The functions that are not routes, by construct path prefix (`<prefix>Function`, `<prefix>Live/…`), and whether a caller waits on them. */
const OTHER_FUNCTIONS: readonly { prefix: string; latency: boolean }[] = [
  { prefix: 'Api/Authorizer', latency: true },
  { prefix: 'Triage/Worker', latency: false },
  { prefix: 'Chat/Worker', latency: false },
  { prefix: 'Notifications/Worker', latency: false },
  { prefix: 'Content/Worker', latency: false },
  { prefix: 'AuditAnchor/Worker', latency: false },
];

/** The resources a value refers to, without pseudo parameters (`AWS::Partition`). */
const resourceIds = (value: unknown): string[] => [...referencedIds(value)].filter((id) => !id.startsWith('AWS::'));

interface Deployed {
  readonly id: string;
  readonly functionId: string;
  readonly aliasId: string;
  readonly groupId: string;
  readonly errorsAlarmId: string;
  /** Absent for a queue worker. */
  readonly latencyAlarmId?: string;
  /** The p99 threshold (ms) its latency alarm must have. */
  readonly latencyMs?: number;
}

/** Every function of the stage with the logical ids of its live alias, deployment group and rollback alarms. */
const deployedFunctions = (synth: Synthesized, stage: StageName): Deployed[] => {
  const id = (path: string): string => logicalIdOf(synth.stack, path);
  const { deployment } = STAGE_CONFIGS[stage];
  const routeEntries = ROUTE_IDS.map((routeId: RouteId): Deployed => {
    const streamed = (routes[routeId] as RouteDef).stream === true;
    return {
      id: routeId,
      functionId: id(routeConstructPath(routeId, 'Function')),
      aliasId: id(routeConstructPath(routeId, 'Live/Alias')),
      groupId: id(routeConstructPath(routeId, 'Live/DeploymentGroup')),
      errorsAlarmId: id(routeConstructPath(routeId, 'Live/ErrorsAlarm')),
      latencyAlarmId: id(routeConstructPath(routeId, 'Live/LatencyAlarm')),
      latencyMs: streamed ? deployment.streamedRouteP99LatencyMs : deployment.routeP99LatencyMs,
    };
  });
  const others = OTHER_FUNCTIONS.map(
    ({ prefix, latency }): Deployed => ({
      id: prefix,
      functionId: id(`${prefix}Function`),
      aliasId: id(`${prefix}Live/Alias`),
      groupId: id(`${prefix}Live/DeploymentGroup`),
      errorsAlarmId: id(`${prefix}Live/ErrorsAlarm`),
      ...(latency ? { latencyAlarmId: id(`${prefix}Live/LatencyAlarm`), latencyMs: deployment.routeP99LatencyMs } : {}),
    }),
  );
  return [...routeEntries, ...others];
};

describe('Construct: Deployments', () => {
  const synths = {} as Record<StageName, Synthesized>;

  beforeAll(() => {
    // One synth per stage, shared by every test of this file.
    for (const stage of STAGE_NAMES) synths[stage] = synthStage(stage);
  });

  it('deploys every function of every stage with its stage strategy: canary in prod, linear in staging, all at once in dev', () => {
    // Prepare
    const expectedGroups = ROUTE_IDS.length + OTHER_FUNCTIONS.length;

    // Act
    const perStage = STAGE_NAMES.map((stage) => ({
      stage,
      groups: resourcesOfType(synths[stage].json, 'AWS::CodeDeploy::DeploymentGroup').map(([, group]) => group.Properties!),
      applications: resourcesOfType(synths[stage].json, 'AWS::CodeDeploy::Application').map(([, app]) => app.Properties!),
    }));

    // Assess
    for (const { stage, groups, applications } of perStage) {
      expect(applications, stage).toEqual([expect.objectContaining({ ApplicationName: `carebow-${stage}`, ComputePlatform: 'Lambda' })]);
      expect(groups, stage).toHaveLength(expectedGroups);
      for (const group of groups) {
        expect(group.DeploymentConfigName, stage).toBe(EXPECTED_CONFIG[stage]);
        expect(group.DeploymentStyle, stage).toEqual({ DeploymentType: 'BLUE_GREEN', DeploymentOption: 'WITH_TRAFFIC_CONTROL' });
      }
    }
  });

  it('points each function’s one live alias at this deploy’s version of that function, shifted by its own deployment group', () => {
    // Prepare
    const prod = synths.prod;
    const functions = resourcesOfType(prod.json, 'AWS::Lambda::Function').map(([id]) => id);
    const aliases = resourcesOfType(prod.json, 'AWS::Lambda::Alias');

    // Act
    const deployed = deployedFunctions(prod, 'prod');

    // Assess: one alias per function, and nothing else is an alias
    expect(deployed.map((d) => d.functionId).sort()).toEqual([...functions].sort());
    expect(aliases.map(([id]) => id).sort()).toEqual(deployed.map((d) => d.aliasId).sort());
    for (const { id, functionId, aliasId, groupId } of deployed) {
      const alias = prod.json.Resources[aliasId]!;
      expect(alias.Properties!.Name, id).toBe(LIVE_ALIAS);
      expect(alias.Properties!.FunctionName, id).toEqual({ Ref: functionId });
      const versionId = referencedId(alias.Properties!.FunctionVersion)!;
      expect(prod.json.Resources[versionId], id).toMatchObject({ Type: 'AWS::Lambda::Version', Properties: { FunctionName: { Ref: functionId } } });
      const update = (alias as CfnResource & { UpdatePolicy?: Record<string, any> }).UpdatePolicy?.CodeDeployLambdaAliasUpdate;
      expect(update?.DeploymentGroupName, id).toEqual({ Ref: groupId });
      expect(referencedId(update?.ApplicationName), id).toBe(logicalIdOf(prod.stack, 'Api/Deployments/Application'));
    }
  });

  it('integrates every API method with its route’s live alias, never $LATEST, and the authorizer with its alias', () => {
    // Prepare
    const dev = synths.dev;
    const methods = apiMethods(dev.json);
    const deployed = new Map(deployedFunctions(dev, 'dev').map((d) => [d.id, d]));
    const [, authorizer] = resourcesOfType(dev.json, 'AWS::ApiGateway::Authorizer')[0]!;

    // Act
    const integrations = ROUTE_IDS.map((routeId) => {
      const route = routes[routeId] as RouteDef;
      return { routeId, uri: methods.get(`${route.method} ${route.path}`)!.properties.Integration.Uri as unknown };
    });

    // Assess
    for (const { routeId, uri } of integrations) {
      const { aliasId, functionId } = deployed.get(routeId)!;
      expect(resourceIds(uri), routeId).toEqual([aliasId]);
      expect(referencedIds(uri).has(functionId), routeId).toBe(false);
    }
    expect(resourceIds(authorizer.Properties!.AuthorizerUri)).toEqual([deployed.get('Api/Authorizer')!.aliasId]);
  });

  it('lets every queue invoke its worker’s live alias only, and the audit anchor’s schedule its alias', () => {
    // Prepare
    const staging = synths.staging;
    // The audit anchor reads no queue: its schedule invokes its alias (below).
    const workers = deployedFunctions(staging, 'staging').filter((d) => d.id.endsWith('/Worker') && d.id !== 'AuditAnchor/Worker');
    const anchor = deployedFunctions(staging, 'staging').find((d) => d.id === 'AuditAnchor/Worker')!;

    // Act
    const mappings = resourcesOfType(staging.json, 'AWS::Lambda::EventSourceMapping').map(([, m]) => referencedIds(m.Properties!.FunctionName));

    // Assess
    expect(mappings).toHaveLength(workers.length);
    for (const { id, aliasId, functionId } of workers) {
      expect(
        mappings.filter((refs) => refs.has(aliasId)),
        id,
      ).toHaveLength(1);
      expect(
        mappings.filter((refs) => refs.has(functionId)),
        id,
      ).toEqual([]);
    }
    const [, rule] = resourcesOfType(staging.json, 'AWS::Events::Rule').find(([id]) => id.startsWith('AuditAnchorSchedule'))!;
    expect(rule.Properties!.Targets.map((target: { Arn: unknown }) => referencedId(target.Arn))).toEqual([anchor.aliasId]);
  });

  it('rolls each deployment back on a failure, a stop, or its own function’s errors and latency alarms on the alias', () => {
    // Prepare
    const prod = synths.prod;
    const roleId = logicalIdOf(prod.stack, 'Api/Deployments/ServiceRole');

    // Act
    const deployed = deployedFunctions(prod, 'prod');

    // Assess
    for (const { id, functionId, groupId, errorsAlarmId, latencyAlarmId, latencyMs } of deployed) {
      const group = prod.json.Resources[groupId]!.Properties!;
      const own = [errorsAlarmId, ...(latencyAlarmId !== undefined ? [latencyAlarmId] : [])];
      expect(group.AlarmConfiguration, id).toEqual({ Enabled: true, Alarms: own.map((alarmId) => ({ Name: { Ref: alarmId } })) });
      expect(group.AutoRollbackConfiguration.Enabled, id).toBe(true);
      expect([...group.AutoRollbackConfiguration.Events].sort(), id).toEqual(['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM', 'DEPLOYMENT_STOP_ON_REQUEST']);
      expect(referencedId(group.ServiceRoleArn), id).toBe(roleId);
      // The alarms watch this function's alias: FunctionName and Resource `<function>:live`.
      const dimensions = [
        { Name: 'FunctionName', Value: { Ref: functionId } },
        { Name: 'Resource', Value: { 'Fn::Join': ['', [{ Ref: functionId }, `:${LIVE_ALIAS}`]] } },
      ];
      expect(prod.json.Resources[errorsAlarmId]!.Properties, id).toMatchObject({
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Statistic: 'Sum',
        Period: 60,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        Dimensions: dimensions,
      });
      if (latencyAlarmId === undefined) continue;
      expect(prod.json.Resources[latencyAlarmId]!.Properties, id).toMatchObject({
        Namespace: 'AWS/Lambda',
        MetricName: 'Duration',
        ExtendedStatistic: 'p99',
        Period: 60,
        Threshold: latencyMs,
        Dimensions: dimensions,
      });
    }
    expect(deployed.filter((d) => d.latencyAlarmId === undefined).map((d) => d.id)).toEqual([
      'Triage/Worker',
      'Chat/Worker',
      'Notifications/Worker',
      'Content/Worker',
      'AuditAnchor/Worker',
    ]);
  });

  it('gives the streamed chat route its own latency threshold, below its 30 s timeout', () => {
    // Prepare
    const streamed = ROUTE_IDS.filter((routeId) => (routes[routeId] as RouteDef).stream === true);
    expect(streamed.length).toBeGreaterThan(0);

    // Act
    const thresholds = streamed.map(
      (routeId) =>
        synths.prod.json.Resources[logicalIdOf(synths.prod.stack, routeConstructPath(routeId, 'Live/LatencyAlarm'))]!.Properties!.Threshold as number,
    );

    // Assess
    for (const threshold of thresholds) {
      expect(threshold).toBe(STAGE_CONFIGS.prod.deployment.streamedRouteP99LatencyMs);
      expect(threshold).toBeLessThan(30_000);
    }
    expect(STAGE_CONFIGS.prod.deployment.routeP99LatencyMs).toBeLessThan(10_000);
  });

  it('lets only CodeDeploy assume the one deployment role of a stage, with the limited Lambda policy and nothing else', () => {
    // Prepare
    const prod = synths.prod;

    // Act
    const role = prod.json.Resources[logicalIdOf(prod.stack, 'Api/Deployments/ServiceRole')]!.Properties!;
    const policies = resourcesOfType(prod.json, 'AWS::IAM::Policy').filter(([, policy]) =>
      asArray(policy.Properties!.Roles).some((r) => referencedId(r) === logicalIdOf(prod.stack, 'Api/Deployments/ServiceRole')),
    );

    // Assess
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'codedeploy.amazonaws.com' } },
    ]);
    expect(JSON.stringify(role.ManagedPolicyArns)).toContain(':iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited');
    expect(asArray(role.ManagedPolicyArns)).toHaveLength(1);
    expect(policies).toEqual([]);
  });

  it('names each rollback alarm after its stage and function, and ends its description with a runbook that has the four sections', () => {
    // Prepare
    const prod = synths.prod;
    const sections = ['## What it means', '## How to look', '## How to fix', '## How to tell it is fixed'];

    // Act
    const alarms = deployedFunctions(prod, 'prod').flatMap((d) => [d.errorsAlarmId, ...(d.latencyAlarmId !== undefined ? [d.latencyAlarmId] : [])]);
    const described = alarms.map((alarmId) => prod.json.Resources[alarmId]!.Properties!);

    // Assess
    for (const alarm of described) {
      expect(alarm.AlarmName).toMatch(/^carebow-prod-[a-z0-9-]+-deploy-(errors|latency)$/);
      const runbook = /Runbook: (docs\/runbooks\/route-deployment-[a-z]+\.md)$/.exec(String(alarm.AlarmDescription))?.[1];
      expect(runbook, alarm.AlarmName).toBe(DEPLOYMENT_RUNBOOKS[alarm.AlarmName.endsWith('errors') ? 'errors' : 'latency']);
    }
    expect(new Set(described.map((alarm) => alarm.AlarmName)).size).toBe(described.length);
    for (const file of Object.values(DEPLOYMENT_RUNBOOKS)) {
      expect(existsSync(join(ROOT, file)), file).toBe(true);
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const section of sections) expect(text, `${file} ${section}`).toContain(section);
    }
  });

  it('deploys all at once unless told otherwise, and refuses a latency threshold the function’s timeout would never let it reach', () => {
    // Prepare
    const stack = new Stack(new App(), 'Probe');
    const deployments = new Deployments(stack, 'Deployments', { stage: 'dev' });
    const fn = new lambda.Function(stack, 'ProbeFunction', {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('export const handler = async () => 1;'),
      timeout: Duration.seconds(10),
    });

    // Act
    const tooSlow = (): unknown => {
      try {
        return deployments.live(fn, { name: 'probe', latencyThreshold: Duration.seconds(10) });
      } catch (error) {
        return error;
      }
    };
    const refused = tooSlow();
    const live = deployments.live(fn, { name: 'probe', latencyThreshold: Duration.seconds(3) });

    // Assess
    expect(String(refused)).toMatch(/must be below the function's timeout/);
    expect(deployments.strategy).toBe('allAtOnce');
    expect(live.alias.aliasName).toBe(LIVE_ALIAS);
    expect(live.latencyAlarm).toBeDefined();
    expect(() => deployments.live(fn, { name: 'probe' })).toThrow(/already has a live alias/);
  });
});
