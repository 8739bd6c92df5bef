import { App, CfnElement, NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ROUTE_AREAS, type RouteArea, type RouteId } from '../../../functions/routes';
import { CareBowStack } from '../../../lib/carebow-stack';
import { pascal } from '../../../lib/data';
import { parseStageConfig, STAGE_CONFIGS, type StageConfig, type StageName } from '../../../lib/stages';

/**
 * Resource types that hold data, or the keys and secrets without which stored data is unreadable:
 * they never move (ADR 0007). A schedule group holds every pending reminder (deleting or replacing
 * it deletes its schedules), so it counts too (docs/adr/0010-notifications.md).
 */
export const STATEFUL_TYPES = [
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::KMS::Key',
  'AWS::SQS::Queue',
  'AWS::Logs::LogGroup',
  'AWS::SecretsManager::Secret',
  'AWS::Backup::BackupVault',
  'AWS::Scheduler::ScheduleGroup',
  // The audit digests and their access logs (ADR 0014): a replaced Object Lock bucket loses the digest chain.
  'AWS::S3::Bucket',
] as const;

export interface SynthOptions {
  /**
   * Run esbuild for every function. Template assertions do not look inside bundles, so they skip
   * it (the `aws:cdk:bundling-stacks` context CDK itself uses for `cdk synth <other stack>`);
   * the cdk-nag test synthesizes the real app with bundling.
   */
  readonly bundle?: boolean;
  /** Changes to the stage's config (validated like the real ones). */
  readonly overrides?: Partial<StageConfig>;
  /** Adds to the stack before it is synthesized, to test what a change does. */
  readonly amend?: (stack: CareBowStack) => void;
}

export interface Synthesized {
  readonly app: App;
  /** The stage stack (the parent). */
  readonly stack: CareBowStack;
  /**
   * The stage as its API is deployed: the stage stack's template with the resources of its route
   * area stacks (`Api/<Area>Routes`, docs/adr/0008-api-nested-stacks.md) merged in, their
   * parameters replaced by what the parent passes (so a policy names `DataRecordsTable…` as in one
   * stack). Monitoring stays apart (`monitoring`).
   */
  readonly template: Template;
  /** The merged template raw, for the few checks `Template` matchers cannot express. */
  readonly json: CfnTemplate;
  /** The stage stack's own template: each nested stack is one `AWS::CloudFormation::Stack` in it. */
  readonly parentJson: CfnTemplate;
  /** The `Monitoring` nested stack (alarm topic, alarms, dashboard): its own template. */
  readonly monitoring: SynthesizedNested;
}

export interface SynthesizedNested {
  readonly stack: NestedStack;
  readonly template: Template;
  readonly json: CfnTemplate;
  /**
   * What the parent passes for a value of the nested template: a `{ Ref: <parameter> }` becomes
   * the parent's expression for that parameter (`{ 'Fn::GetAtt': ['DataKey5F086070', 'Arn'] }`,
   * `{ Ref: 'TriageQueue25D901DA' }`), so an assertion can name the parent's resource. Any other
   * value is returned unchanged.
   */
  readonly fromParent: (value: unknown) => unknown;
}

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, any>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly DependsOn?: string[];
  readonly Metadata?: Record<string, any>;
}

export interface CfnTemplate {
  readonly Resources: Record<string, CfnResource>;
  readonly Outputs?: Record<string, { Value: unknown }>;
  readonly Parameters?: Record<string, { Type: string }>;
}

/**
 * The stages as they are, synthesized once per test worker: the infra project does not isolate its files
 * (vitest.config.ts), so the files a worker runs share these instead of each synthesizing the same stage again
 * (about 4 s each). Shared, so read-only: a test that changes a stage passes `overrides` or `amend`.
 */
const asTheyAre = new Map<StageName, Synthesized>();

/** Synthesizes one stage's stack, without cdk-nag, the way `cdk synth CareBow-<stage>` would. */
export const synthStage = (stage: StageName, options: SynthOptions = {}): Synthesized => {
  if (Object.keys(options).length > 0) return synthesize(stage, options);
  if (!asTheyAre.has(stage)) asTheyAre.set(stage, synthesize(stage, {}));
  return asTheyAre.get(stage)!;
};

const synthesize = (stage: StageName, options: SynthOptions): Synthesized => {
  const app = new App(options.bundle === true ? {} : { context: { 'aws:cdk:bundling-stacks': [] } });
  const config = options.overrides === undefined ? STAGE_CONFIGS[stage] : parseStageConfig({ ...STAGE_CONFIGS[stage], ...options.overrides });
  const stack = new CareBowStack(app, `CareBow-${stage}`, { config });
  options.amend?.(stack);
  const parentJson = Template.fromStack(stack).toJSON() as CfnTemplate;
  const json = mergeNested(
    parentJson,
    Object.values(stack.api.areaStacks).map((area) => synthNested(stack, parentJson, area)),
  );
  return { app, stack, template: Template.fromJSON(json), json, parentJson, monitoring: synthNested(stack, parentJson, stack.monitoring) };
};

/** `parent` with every nested stack's resources added, each `{ Ref: <parameter> }` in them mapped to the parent's value. */
const mergeNested = (parent: CfnTemplate, nested: readonly SynthesizedNested[]): CfnTemplate => {
  const resources: Record<string, CfnResource> = { ...parent.Resources };
  for (const child of nested) {
    for (const [id, resource] of Object.entries(child.json.Resources)) {
      if (id in resources) throw new Error(`${child.stack.node.path}: logical id ${id} is also in another stack; merged assertions would be wrong`);
      resources[id] = mapDeep(resource, child.fromParent) as CfnResource;
    }
  }
  return { ...parent, Resources: resources };
};

/** `value` with `map` applied to every node, top-down; a node `map` changes is not walked further. */
const mapDeep = (value: unknown, map: (node: unknown) => unknown): unknown => {
  const mapped = map(value);
  if (mapped !== value) return mapped;
  if (Array.isArray(value)) return value.map((item) => mapDeep(item, map));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapDeep(item, map)]));
  return value;
};

/**
 * The template of a nested stack of `synth` that is neither an area stack nor Monitoring (a test's
 * probe, `amend`ed in), with every parameter replaced by what the parent passes, as in `json`.
 */
export const nestedTemplate = (synth: Synthesized, nested: NestedStack): CfnTemplate => {
  const child = synthNested(synth.stack, synth.parentJson, nested);
  return mergeNested({ Resources: {} }, [child]);
};

/**
 * The construct path, below the stage stack, of a route's function (`Function`), role (`Role`), method (`Method`),
 * or its live alias and the alias's deployment group and rollback alarms (`Live/Alias`, … lib/deployments.ts).
 */
export const routeConstructPath = (
  routeId: RouteId,
  kind: 'Function' | 'Role' | 'Method' | 'Live/Alias' | 'Live/DeploymentGroup' | 'Live/ErrorsAlarm' | 'Live/LatencyAlarm',
): string => `Api/${pascal(areaOfRoute(routeId))}Routes/${pascal(routeId)}${kind}`;

const areaOfRoute = (routeId: RouteId): RouteArea => {
  const area = (Object.keys(ROUTE_AREAS) as RouteArea[]).find((name) => routeId in ROUTE_AREAS[name]);
  if (area === undefined) throw new Error(`Route ${routeId} is in no area of ROUTE_AREAS`);
  return area;
};

/** A nested stack's own template, and the parameters its parent passes it. */
const synthNested = (parent: Stack, parentJson: CfnTemplate, nested: NestedStack): SynthesizedNested => {
  const template = Template.fromStack(nested);
  const resource = nested.nestedStackResource;
  if (resource === undefined) throw new Error(`${nested.node.path} has no AWS::CloudFormation::Stack resource`);
  const passed = (parentJson.Resources[parent.getLogicalId(resource)]?.Properties?.Parameters ?? {}) as Record<string, unknown>;
  const fromParent = (value: unknown): unknown => {
    const ref = typeof value === 'object' && value !== null ? (value as { Ref?: unknown }).Ref : undefined;
    return typeof ref === 'string' && ref in passed ? passed[ref] : value;
  };
  return { stack: nested, template, json: template.toJSON() as CfnTemplate, fromParent };
};

/** Every stack of `app`, nested stacks included, by construct path, with its template's resource count. */
export const resourceCounts = (app: App): { path: string; nested: boolean; resources: number }[] =>
  app.node
    .findAll()
    .filter((construct): construct is Stack => Stack.isStack(construct))
    .map((stack) => ({
      path: stack.node.path,
      nested: NestedStack.isNestedStack(stack),
      resources: Object.keys((Template.fromStack(stack).toJSON() as CfnTemplate).Resources).length,
    }));

/** Resources of one type, by logical id. */
export const resourcesOfType = (json: CfnTemplate, type: string): [string, CfnResource][] =>
  Object.entries(json.Resources).filter(([, resource]) => resource.Type === type);

/** `{ Ref: id }` or `{ 'Fn::GetAtt': [id, attr] }` → `id`; anything else → undefined. */
export const referencedId = (value: unknown): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.Ref === 'string') return v.Ref;
  const getAtt = v['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  return undefined;
};

/** Every logical id a value refers to, at any depth (inside Fn::Join, arrays, ...). */
export const referencedIds = (value: unknown): Set<string> => {
  const ids = new Set<string>();
  const walk = (node: unknown): void => {
    const id = referencedId(node);
    if (id !== undefined) ids.add(id);
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) Object.values(node).forEach(walk);
  };
  walk(value);
  return ids;
};

/**
 * The logical id of the construct at `constructPath` below the stack (e.g. `Data/AuditTable`), in
 * the template of the stack that holds it: a nested stack's for a construct in one.
 */
export const logicalIdOf = (stack: Stack, constructPath: string): string => {
  const construct = stack.node.findAll().find((c) => c.node.path === `${stack.node.path}/${constructPath}`);
  if (construct === undefined) throw new Error(`no construct at ${constructPath}`);
  const element = CfnElement.isCfnElement(construct) ? construct : construct.node.defaultChild;
  if (element === undefined || !CfnElement.isCfnElement(element)) throw new Error(`${constructPath} has no CloudFormation element`);
  return Stack.of(element).getLogicalId(element);
};

/** API Gateway methods as `METHOD /path`, rebuilt from the resource tree in the template. */
export const apiMethods = (json: CfnTemplate): Map<string, { logicalId: string; properties: Record<string, any> }> => {
  const resources = Object.fromEntries(resourcesOfType(json, 'AWS::ApiGateway::Resource'));
  const pathOf = (resourceRef: unknown): string => {
    const id = referencedId(resourceRef);
    const resource = id === undefined ? undefined : resources[id];
    if (resource === undefined) return ''; // the root resource (Fn::GetAtt RestApi.RootResourceId)
    return `${pathOf(resource.Properties!.ParentId)}/${resource.Properties!.PathPart as string}`;
  };
  const methods = new Map<string, { logicalId: string; properties: Record<string, any> }>();
  for (const [logicalId, method] of resourcesOfType(json, 'AWS::ApiGateway::Method')) {
    const key = `${method.Properties!.HttpMethod as string} ${pathOf(method.Properties!.ResourceId) || '/'}`;
    methods.set(key, { logicalId, properties: method.Properties! });
  }
  return methods;
};

/** IAM policy statements as plain arrays, whatever the template's single-or-array shorthand. */
export const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
