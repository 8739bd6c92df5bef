import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, NestedStack, Stack, Validations } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_IDS } from '../../functions/routes';
import { addNagChecks, buildCareBowApp } from '../../lib/app';
import { CareBowStack } from '../../lib/carebow-stack';
import { functionBundlingPasses } from '../../lib/function-bundles';
import { ACKNOWLEDGEMENTS, type AcknowledgementKey } from '../../lib/nag';
import { parseStageConfig, STAGE_CONFIGS } from '../../lib/stages';
import { addGrantProbe } from './support/probe';
import { resourcesOfType, type CfnResource, type CfnTemplate } from './support/synth';
import { OPENAI_SDK_FILE } from '../../shared/adapters/openai/sdk';

const ADR = join(import.meta.dirname, '..', '..', 'docs', 'adr', '0002-cdk-nag-acknowledgements.md');
/** The context key CDK reads to decide which stacks bundle their assets (`cdk synth <stack>` sets it). */
const BUNDLING_STACKS = 'aws:cdk:bundling-stacks';
const BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

interface ValidationReport {
  readonly pluginReports: { readonly pluginName: string; readonly violations: { readonly ruleName: string; readonly severity: string }[] }[];
}

/** Every acknowledgement recorded in the tree: where, which rule id, and the reason. */
const acknowledgementsIn = (root: IConstruct): { path: string; construct: IConstruct; id: string; reason: string }[] =>
  root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([qualified, reason]) => ({
          path: construct.node.path,
          construct,
          id: qualified.replace(/^[A-Za-z]+::/, ''),
          reason,
        })),
      ),
  );

const synthOrReport = (app: App): CloudAssembly => {
  try {
    return app.synth();
  } catch (error) {
    throw new Error(`cdk-nag rejected the app:\n${(error as Error).message.slice(0, 6000)}`);
  }
};

const errorsIn = (assembly: CloudAssembly): string[] => {
  const report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8')) as ValidationReport;
  return report.pluginReports.flatMap((plugin) => plugin.violations.filter((v) => v.severity === 'error').map((v) => `${plugin.pluginName}: ${v.ruleName}`));
};

describe('Construct: CareBow app under cdk-nag', () => {
  let app: App;
  let assembly: CloudAssembly;
  /**
   * A stack with every optional stage setting on, so optional resources are checked too, and a
   * route-like probe declaring the grants no route declares yet (test/infra/support/probe.ts).
   */
  let everything: App;
  let everythingAssembly: CloudAssembly;

  beforeAll(() => {
    // cdk-nag reads templates, not bundles: esbuild runs for the dev stack only, whose bundles the
    // last test inspects (every stage bundles the same entries). `cdk synth` bundles every stage.
    app = buildCareBowApp({ context: { [BUNDLING_STACKS]: ['CareBow-dev'] } });
    assembly = synthOrReport(app);
    everything = new App({ context: { [BUNDLING_STACKS]: [] } });
    const everythingStack = new CareBowStack(everything, 'CareBow-everything', {
      config: parseStageConfig({
        ...STAGE_CONFIGS.prod,
        alarmEmail: 'oncall@carebow.example',
        notifications: { ...STAGE_CONFIGS.prod.notifications, sandboxRecipients: ['tester@carebow.example'] },
        aiModel: { enabled: true, model: 'gpt-4o-mini', baseUrl: 'https://llm.carebow.example/v1' },
        issuer: 'https://api.carebow.example',
        extraIssuer: { issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example', audience: 'cognito-client' },
      }),
    });
    addGrantProbe(everythingStack);
    addNagChecks(everything);
    everythingAssembly = synthOrReport(everything);
  });

  it('synthesizes every stage with AWS Solutions, HIPAA Security and Serverless checks and no unacknowledged error', () => {
    // Prepare
    const stacks = assembly.stacks.map((stack) => stack.stackName).sort();

    // Act
    const errors = [...errorsIn(assembly), ...errorsIn(everythingAssembly)];

    // Assess
    expect(stacks).toEqual(['CareBow-Pipeline', 'CareBow-dev', 'CareBow-prod', 'CareBow-staging']);
    expect(errors).toEqual([]);
  });

  it('fails synthesis on an error nobody acknowledged', () => {
    // Prepare
    const bad = new App();
    new sqs.Queue(new Stack(bad, 'Bad', { env: { region: 'us-east-1' } }), 'UnencryptedQueue', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    addNagChecks(bad);

    // Act
    const synth = (): unknown => bad.synth();

    // Assess
    expect(synth).toThrow(/AwsSolutions-SQS|HIPAA\.Security-SQS|Serverless-SQSRedrivePolicy/);
  });

  it('checks the resources of nested stacks too, where the monitoring lives (docs/adr/0007-stack-split.md)', () => {
    // Prepare: the packs walk the construct tree, so a nested stack's resources are checked like the parent's.
    const bad = new App();
    const parent = new Stack(bad, 'Bad', { env: { region: 'us-east-1' } });
    new sns.Topic(new NestedStack(parent, 'Monitoring'), 'PlainTopic');
    addNagChecks(bad);

    // Act
    let failure = '';
    try {
      bad.synth();
    } catch (error) {
      failure = (error as Error).message;
    }

    // Assess
    expect(failure).toMatch(/HIPAA\.Security-SNSEncryptedKMS|AwsSolutions-SNS3/);
    expect(failure).toContain('Bad/Monitoring/PlainTopic');
    expect(app.node.findChild('CareBow-prod').node.findChild('Monitoring')).toBeInstanceOf(NestedStack);
  });

  it('gives every acknowledgement a reason from the catalogue, on a construct below the stack', () => {
    // Prepare
    // A rule may have several entries, one per reason (a function DLQ for API vs queue invocation).
    const catalogue = new Map<string, Set<string>>();
    for (const { ids, reason } of Object.values(ACKNOWLEDGEMENTS)) for (const id of ids) catalogue.set(id, new Set([...(catalogue.get(id) ?? []), reason]));

    // Act
    const recorded = [...acknowledgementsIn(app), ...acknowledgementsIn(everything)];

    // Assess
    expect(recorded.length).toBeGreaterThan(0);
    for (const ack of recorded) {
      expect(ack.reason.trim().length, `${ack.path}: ${ack.id}`).toBeGreaterThan(40);
      expect(catalogue.get(ack.id)?.has(ack.reason), `${ack.path}: ${ack.id} is not in lib/nag.ts with this reason`).toBe(true);
      expect(Stack.isStack(ack.construct) || App.isApp(ack.construct), `${ack.path} is too broad for ${ack.id}`).toBe(false);
    }
  });

  it('uses every catalogue entry, so none outlives its finding', () => {
    // Prepare: an entry is used when each of its rule ids was acknowledged with its reason.
    const recorded = new Set([...acknowledgementsIn(app), ...acknowledgementsIn(everything)].map((ack) => `${ack.id}\n${ack.reason}`));

    // Act
    const unused = Object.entries(ACKNOWLEDGEMENTS).filter(([, entry]) => !entry.ids.every((id) => recorded.has(`${id}\n${entry.reason}`)));

    // Assess
    expect(unused.map(([key]) => key)).toEqual([]);
  });

  it('lists the same acknowledgements in docs/adr/0002-cdk-nag-acknowledgements.md', () => {
    // Prepare
    const adr = readFileSync(ADR, 'utf8');
    const table = adr.slice(adr.indexOf('## Acknowledgements'), adr.indexOf('\n## ', adr.indexOf('## Acknowledgements') + 1));

    // Act
    const rows = table
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => {
        const [key, ids, , reason] = line.split(' | ');
        return {
          key: key!.replace(/^\| /, '').replaceAll('`', ''),
          ids: [...ids!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
          reason: (reason ?? '').replace(/ \|$/, ''),
        };
      });

    // Assess
    expect(Object.fromEntries(rows.map((row) => [row.key, row.ids]))).toEqual(
      Object.fromEntries(Object.entries(ACKNOWLEDGEMENTS).map(([key, entry]) => [key as AcknowledgementKey, [...entry.ids]])),
    );
    for (const row of rows) expect(row.reason.length, row.key).toBeGreaterThan(40);
  });

  it('bundles every function, the workers included, as minified ESM with the createRequire banner and a source map', () => {
    // Prepare
    const stack = assembly.getStackByName('CareBow-dev');
    // The route functions live in the area stacks, whose templates sit beside the parent's (ADR 0008).
    const nested = readdirSync(assembly.directory).filter((file) => file.startsWith('CareBowdev') && file.endsWith('.nested.template.json'));
    const templates = [stack.template as CfnTemplate, ...nested.map((file) => JSON.parse(readFileSync(join(assembly.directory, file), 'utf8')) as CfnTemplate)];

    // Act
    const functions = templates.flatMap((template) => resourcesOfType(template, 'AWS::Lambda::Function'));

    // Assess
    expect(functions).toHaveLength(ROUTE_IDS.length + 6); // routes, authorizer, triage, chat, notifications, content and audit anchor workers
    for (const [id, fn] of functions) {
      const hash = (fn.Properties!.Code.S3Key as string).replace(/\.zip$/, '');
      const dir = join(assembly.directory, `asset.${hash}`);
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      expect(code.startsWith(BANNER), id).toBe(true);
      expect(existsSync(join(dir, 'index.mjs.map')), id).toBe(true);
      // Minified ESM: the mangled handler is exported as `handler`, with no whitespace.
      expect(code, `${id} exports handler from minified ESM`).toMatch(/export\{[\w$]+ as handler\}/);
      expect(code, id).toContain('//# sourceMappingURL=index.mjs.map');
    }
  });

  it('builds every function of the bundled stage in one esbuild pass: lib/function-entries.ts lists them all (ADR 0025)', () => {
    // Prepare: the dev stack bundled above, in this file's process; the every-option stack is not bundled

    // Act
    const passes = functionBundlingPasses();

    // Assess: a function missing from functionEntries() would have cost a pass of its own
    expect(passes).toBe(1);
  });

  it('ships the openai client beside the two workers’ bundles as a file of its own, and in no function’s bundle (ADR 0024)', () => {
    // Prepare
    const stack = assembly.getStackByName('CareBow-dev');
    const nested = readdirSync(assembly.directory).filter((file) => file.startsWith('CareBowdev') && file.endsWith('.nested.template.json'));
    const templates = [stack.template as CfnTemplate, ...nested.map((file) => JSON.parse(readFileSync(join(assembly.directory, file), 'utf8')) as CfnTemplate)];
    const functions = templates.flatMap((template) => resourcesOfType(template, 'AWS::Lambda::Function'));
    const dirOf = (fn: CfnResource): string => join(assembly.directory, `asset.${(fn.Properties!.Code.S3Key as string).replace(/\.zip$/, '')}`);

    // Act
    const withClient = functions.filter(([, fn]) => existsSync(join(dirOf(fn), OPENAI_SDK_FILE)));

    // Assess: `X-Stainless-Lang` is a header only the openai client sends
    expect(withClient.map(([id]) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual(['ChatWorkerFunction', 'TriageWorkerFunction']);
    for (const [id, fn] of withClient) {
      const client = readFileSync(join(dirOf(fn), OPENAI_SDK_FILE), 'utf8');
      expect(client.startsWith(BANNER), id).toBe(true);
      expect(client, id).toContain('X-Stainless-Lang');
    }
    for (const [id, fn] of functions) expect(readFileSync(join(dirOf(fn), 'index.mjs'), 'utf8'), id).not.toContain('X-Stainless-Lang');
  });
});
