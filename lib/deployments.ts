import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { acknowledge } from './nag';
import type { DeploymentStrategy } from './stages';

/**
 * Safe deploys (docs/adr/0016-canary-deployments.md): every function is invoked through its `live`
 * alias, which points at a new version per deploy; CodeDeploy shifts the alias to it with the
 * stage's strategy and shifts it back when one of the function's own rollback alarms fires.
 */

/** The alias API Gateway, the authorizer's caller and the queues invoke. */
export const LIVE_ALIAS = 'live';

/** The CodeDeploy configuration of each stage strategy (`deployment.strategy` in lib/stages.ts). */
export const DEPLOYMENT_CONFIGS: Readonly<Record<DeploymentStrategy, codedeploy.ILambdaDeploymentConfig>> = {
  allAtOnce: codedeploy.LambdaDeploymentConfig.ALL_AT_ONCE,
  linear10PercentEvery1Minute: codedeploy.LambdaDeploymentConfig.LINEAR_10PERCENT_EVERY_1MINUTE,
  linear10PercentEvery3Minutes: codedeploy.LambdaDeploymentConfig.LINEAR_10PERCENT_EVERY_3MINUTES,
  canary10Percent5Minutes: codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES,
  canary10Percent15Minutes: codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_15MINUTES,
};

/** The runbook of each rollback alarm kind; every alarm's description ends with it. */
export const DEPLOYMENT_RUNBOOKS = {
  errors: 'docs/runbooks/route-deployment-errors.md',
  latency: 'docs/runbooks/route-deployment-latency.md',
  rollback: 'docs/runbooks/route-deployment-rollback.md',
} as const;

/** The alarms are evaluated per minute, so a 5-minute canary is watched five times. */
const ALARM_PERIOD = Duration.minutes(1);

export interface DeploymentsProps {
  /** Stage name: part of the application's and the alarms' names. */
  readonly stage: string;
  /**
   * How each deploy shifts traffic to the new versions.
   * @default 'allAtOnce'
   */
  readonly strategy?: DeploymentStrategy;
}

export interface LiveFunctionOptions {
  /** Readable name of the function (`appointmentBook`, `triageWorker`): the alarms are `carebow-<stage>-<kebab name>-deploy-errors|latency`. */
  readonly name: string;
  /**
   * p99 Duration of the alias, per minute, that rolls a deployment back (two minutes of three).
   * @default - no latency alarm: a queue worker has no caller waiting, only its errors roll it back
   */
  readonly latencyThreshold?: Duration;
}

/** What {@link Deployments.live} built for one function. */
export interface LiveFunction {
  /** The `live` alias on this deploy's version: what callers invoke. */
  readonly alias: lambda.Alias;
  /** The function's deployment group. */
  readonly deploymentGroup: codedeploy.LambdaDeploymentGroup;
  /** Errors ≥ 1 in a minute on the alias. */
  readonly errorsAlarm: cloudwatch.Alarm;
  /** p99 Duration over the threshold on the alias; absent without `latencyThreshold`. */
  readonly latencyAlarm?: cloudwatch.Alarm;
}

/**
 * The stage's CodeDeploy application (`carebow-<stage>`) and the one service role its deployment
 * groups share; {@link live} adds a function's alias, rollback alarms and deployment group beside the
 * function (in its own stack: an area's nested stack for a route).
 *
 * @example
 * const deployments = new Deployments(this, 'Deployments', { stage: 'prod', strategy: 'canary10Percent5Minutes' });
 * const { alias } = deployments.live(fn, { name: 'appointmentBook', latencyThreshold: Duration.seconds(3) });
 * new apigw.LambdaIntegration(alias);
 */
export class Deployments extends Construct {
  public readonly application: codedeploy.LambdaApplication;
  /** Assumed by CodeDeploy to move the aliases and read the alarms (AWSCodeDeployRoleForLambdaLimited). */
  public readonly role: iam.Role;
  public readonly strategy: DeploymentStrategy;
  public readonly deploymentConfig: codedeploy.ILambdaDeploymentConfig;
  /** Every function deployed through the alias, by name. */
  public readonly functions: ReadonlyMap<string, LiveFunction>;

  private readonly stage: string;
  private readonly byName = new Map<string, LiveFunction>();

  public constructor(scope: Construct, id: string, props: DeploymentsProps) {
    super(scope, id);
    this.stage = props.stage;
    this.strategy = props.strategy ?? 'allAtOnce';
    this.deploymentConfig = DEPLOYMENT_CONFIGS[this.strategy];
    this.application = new codedeploy.LambdaApplication(this, 'Application', { applicationName: `carebow-${props.stage}` });
    this.role = new iam.Role(this, 'ServiceRole', {
      assumedBy: new iam.ServicePrincipal('codedeploy.amazonaws.com'),
      description: `CareBow ${props.stage}: CodeDeploy shifts the functions' live aliases`,
    });
    // Each deployment group adds the same managed policy; attach it once here so the role lists it once.
    this.role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSCodeDeployRoleForLambdaLimited'));
    acknowledge(this.role, 'codeDeployServiceRoleManagedPolicy');
    this.functions = this.byName;
  }

  /**
   * Gives `fn` a `live` alias on a new version per deploy, its rollback alarms on that alias, and a
   * deployment group that shifts the alias with the stage's strategy, rolling back on a failed
   * deployment or an alarm. All of it beside `fn`, in `fn`'s stack.
   */
  public live(fn: lambda.Function, options: LiveFunctionOptions): LiveFunction {
    if (this.byName.has(options.name)) throw new Error(`${options.name} already has a live alias`);
    const timeout = fn.timeout?.toMilliseconds() ?? 3_000;
    if (options.latencyThreshold !== undefined && options.latencyThreshold.toMilliseconds() >= timeout) {
      // A request that slow has timed out: it counts as an error, and this alarm could never fire.
      throw new Error(
        `${options.name}: latencyThreshold (${options.latencyThreshold.toMilliseconds()} ms) must be below the function's timeout (${timeout} ms)`,
      );
    }
    // `<name>Live` beside `<name>Function`, `<name>Role` and `<name>Logs`.
    const scope = new Construct(fn.node.scope as Construct, `${fn.node.id.replace(/Function$/, '')}Live`);
    // A new version whenever the function's code or configuration changes (CDK hashes both).
    const alias = new lambda.Alias(scope, 'Alias', { aliasName: LIVE_ALIAS, version: fn.currentVersion });

    // Alias metrics (FunctionName + Resource `<fn>:live`) count both versions while traffic is split;
    // an error on the old one during a deploy also rolls back, which errs on the safe side.
    const errorsAlarm = this.alarm(scope, 'ErrorsAlarm', options.name, 'errors', alias.metricErrors({ period: ALARM_PERIOD, statistic: 'Sum' }), {
      threshold: 1,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      description: `The ${options.name} function's live alias failed an invocation (crash, timeout or failed cold start) during or after a deploy.`,
    });
    const latencyAlarm =
      options.latencyThreshold === undefined
        ? undefined
        : this.alarm(scope, 'LatencyAlarm', options.name, 'latency', alias.metricDuration({ period: ALARM_PERIOD, statistic: 'p99' }), {
            threshold: options.latencyThreshold.toMilliseconds(),
            evaluationPeriods: 3,
            // Two slow minutes of three: one slow cold start in a quiet minute is not a bad version.
            datapointsToAlarm: 2,
            description: `The ${options.name} function's live alias answered slowly (p99 Duration ≥ ${options.latencyThreshold.toMilliseconds()} ms in 2 of 3 minutes).`,
          });

    const deploymentGroup = new codedeploy.LambdaDeploymentGroup(scope, 'DeploymentGroup', {
      application: this.application,
      alias,
      role: this.role,
      deploymentConfig: this.deploymentConfig,
      alarms: latencyAlarm === undefined ? [errorsAlarm] : [errorsAlarm, latencyAlarm],
      autoRollback: { failedDeployment: true, deploymentInAlarm: true, stoppedDeployment: true },
    });
    const live: LiveFunction = { alias, deploymentGroup, errorsAlarm, ...(latencyAlarm !== undefined ? { latencyAlarm } : {}) };
    this.byName.set(options.name, live);
    return live;
  }

  private alarm(
    scope: Construct,
    id: string,
    name: string,
    kind: 'errors' | 'latency',
    metric: cloudwatch.IMetric,
    options: { threshold: number; evaluationPeriods: number; datapointsToAlarm: number; description: string },
  ): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(scope, id, {
      alarmName: `carebow-${this.stage}-${kebab(name)}-deploy-${kind}`,
      alarmDescription: `${options.description} CodeDeploy rolls the deployment back. Runbook: ${DEPLOYMENT_RUNBOOKS[kind]}`,
      metric,
      threshold: options.threshold,
      evaluationPeriods: options.evaluationPeriods,
      datapointsToAlarm: options.datapointsToAlarm,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No traffic is no evidence against a version.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    acknowledge(alarm, 'deploymentAlarmActsThroughCodeDeploy');
    return alarm;
  }
}

const kebab = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
