import { App, CfnElement, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CareBowStack } from '../../../lib/carebow-stack';
import { parseStageConfig, STAGE_CONFIGS, type StageConfig, type StageName } from '../../../lib/stages';

export interface SynthOptions {
  /**
   * Run esbuild for every function. Template assertions do not look inside bundles, so they skip
   * it (the `aws:cdk:bundling-stacks` context CDK itself uses for `cdk synth <other stack>`);
   * the cdk-nag test synthesizes the real app with bundling.
   */
  readonly bundle?: boolean;
  /** Changes to the stage's config (validated like the real ones). */
  readonly overrides?: Partial<StageConfig>;
}

export interface Synthesized {
  readonly app: App;
  readonly stack: CareBowStack;
  readonly template: Template;
  /** The raw template, for the few checks `Template` matchers cannot express. */
  readonly json: CfnTemplate;
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
}

/** Synthesizes one stage's stack, without cdk-nag, the way `cdk synth CareBow-<stage>` would. */
export const synthStage = (stage: StageName, options: SynthOptions = {}): Synthesized => {
  const app = new App(options.bundle === true ? {} : { context: { 'aws:cdk:bundling-stacks': [] } });
  const config = options.overrides === undefined ? STAGE_CONFIGS[stage] : parseStageConfig({ ...STAGE_CONFIGS[stage], ...options.overrides });
  const stack = new CareBowStack(app, `CareBow-${stage}`, { config });
  const template = Template.fromStack(stack);
  return { app, stack, template, json: template.toJSON() as CfnTemplate };
};

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

/** The logical id of the construct at `constructPath` below the stack (e.g. `Data/AuditTable`). */
export const logicalIdOf = (stack: Stack, constructPath: string): string => {
  const construct = stack.node.findAll().find((c) => c.node.path === `${stack.node.path}/${constructPath}`);
  if (construct === undefined) throw new Error(`no construct at ${constructPath}`);
  const element = CfnElement.isCfnElement(construct) ? construct : construct.node.defaultChild;
  if (element === undefined || !CfnElement.isCfnElement(element)) throw new Error(`${constructPath} has no CloudFormation element`);
  return stack.getLogicalId(element);
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
