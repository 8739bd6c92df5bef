import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { routes } from '../functions/routes';
import { AUTH_THROTTLE } from '../functions/routes/limits';
import type { RouteDef } from '../shared/http/route';

/**
 * Credential routes outside `/api/v1/auth/`: the route table's lines with the credential throttle
 * (`AUTH_THROTTLE`) elsewhere, today `POST /api/v1/me/password`, which checks a password too, and the
 * MFA enrolment routes under `/api/v1/me/mfa`, which check a code.
 */
export const CREDENTIAL_PATHS_OUTSIDE_AUTH: readonly string[] = [
  ...new Set(
    Object.values(routes as Record<string, RouteDef>)
      .filter((route) => route.throttle === AUTH_THROTTLE && !route.path.startsWith('/api/v1/auth/'))
      .map((route) => {
        // WAF matches these exactly: a path parameter would need a regex pattern set instead.
        if (route.path.includes('{')) throw new Error(`Credential route ${route.path} has a path parameter; the WAF rule matches exact paths`);
        return route.path;
      }),
  ),
];

export interface EdgeProps {
  /** Stage name; part of names and, by default, of the auth path prefix. */
  readonly stage: string;
  /** The API stage the web ACL protects. */
  readonly apiStage: apigw.Stage;
  /** CMK for the WAF log group. */
  readonly encryptionKey: kms.IKey;
  /**
   * Requests one client IP may send per 5 minutes, to any path.
   * @default 1000
   */
  readonly requestsPerIp?: number;
  /**
   * Requests one client IP may send per 5 minutes to the credential routes (`/api/v1/auth/`, and
   * the routes outside it that check a password: {@link CREDENTIAL_PATHS_OUTSIDE_AUTH}).
   * @default 100
   */
  readonly authRequestsPerIp?: number;
  /**
   * What WAF sees in front of `/api/v1/auth/`. On the execute-api endpoint of a REST API the
   * request path starts with the stage name (`/dev/api/v1/auth/login`); behind a custom domain
   * with a base path mapping it does not. Set `''` when the API moves behind a custom domain.
   * @default `/${stage}`
   */
  readonly pathPrefix?: string;
  /**
   * Retention of the WAF log group.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * What happens to the WAF log group when the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly logRemovalPolicy?: RemovalPolicy;
}

const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesSQLiRuleSet',
] as const;

/** The names of the web ACL's rules, in priority order. */
export const WAF_RULE_NAMES = [...MANAGED_RULE_GROUPS, 'RatePerIp', 'AuthRatePerIp'] as const;

/**
 * The regional WAF web ACL in front of the API stage: AWS managed rule groups in block mode and
 * two per-IP rate rules (everything, and a stricter one for the credential routes), with logging
 * of blocked and counted requests to an encrypted log group.
 */
export class Edge extends Construct {
  public readonly webAcl: wafv2.CfnWebACL;
  public readonly logGroup: logs.ILogGroup;

  public constructor(scope: Construct, id: string, props: EdgeProps) {
    super(scope, id);
    const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: `carebow-${props.stage}-${metricName}`,
    });

    const managed: wafv2.CfnWebACL.RuleProperty[] = MANAGED_RULE_GROUPS.map((name, priority) => ({
      name,
      priority,
      // `none` keeps each group's own actions, which are BLOCK: nothing is downgraded to COUNT.
      overrideAction: { none: {} },
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
      visibilityConfig: visibility(name),
    }));

    const prefix = props.pathPrefix ?? `/${props.stage}`;
    // Decode and normalise first, so `%2F`, `//` or `/./` cannot step around a path.
    const textTransformations = [
      { priority: 0, type: 'URL_DECODE' },
      { priority: 1, type: 'NORMALIZE_PATH' },
    ];
    const pathMatch = (positionalConstraint: 'STARTS_WITH' | 'EXACTLY', path: string): wafv2.CfnWebACL.StatementProperty => ({
      byteMatchStatement: { fieldToMatch: { uriPath: {} }, positionalConstraint, searchString: `${prefix}${path}`, textTransformations },
    });
    // Every credential route: the `/api/v1/auth/` prefix, and those outside it (a password change).
    const credentialPaths = [pathMatch('STARTS_WITH', '/api/v1/auth/'), ...CREDENTIAL_PATHS_OUTSIDE_AUTH.map((path) => pathMatch('EXACTLY', path))];
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: `carebow-${props.stage}`,
      description: `CareBow ${props.stage}: managed rules and per-IP rate limits in front of the API`,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('web-acl'),
      rules: [
        ...managed,
        {
          name: 'RatePerIp',
          priority: managed.length,
          action: { block: {} },
          statement: {
            rateBasedStatement: { aggregateKeyType: 'IP', limit: props.requestsPerIp ?? 1000, evaluationWindowSec: 300 },
          },
          visibilityConfig: visibility('rate-per-ip'),
        },
        {
          name: 'AuthRatePerIp',
          priority: managed.length + 1,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              limit: props.authRequestsPerIp ?? 100,
              evaluationWindowSec: 300,
              scopeDownStatement: credentialPaths.length === 1 ? credentialPaths[0] : { orStatement: { statements: credentialPaths } },
            },
          },
          visibilityConfig: visibility('auth-rate-per-ip'),
        },
      ],
    });

    new wafv2.CfnWebACLAssociation(this, 'StageAssociation', {
      resourceArn: props.apiStage.stageArn,
      webAclArn: this.webAcl.attrArn,
    });

    // WAF only logs to groups named `aws-waf-logs-*`.
    const logGroupName = `aws-waf-logs-carebow-${props.stage}`;
    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName,
      encryptionKey: props.encryptionKey,
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });
    this.logGroup = logGroup;
    const logging = new wafv2.CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      // WAF wants the log group ARN without the `:*` suffix of `logGroupArn`.
      logDestinationConfigs: [
        Stack.of(this).formatArn({ service: 'logs', resource: 'log-group', resourceName: logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
      ],
      // Tokens and query strings never reach the logs (docs/security.md #14).
      redactedFields: [{ singleHeader: { Name: 'authorization' } }, { singleHeader: { Name: 'cookie' } }, { queryString: {} }],
      // Blocked and counted requests only: allowed ones are in the API access log already.
      loggingFilter: {
        DefaultBehavior: 'DROP',
        Filters: [
          {
            Behavior: 'KEEP',
            Requirement: 'MEETS_ANY',
            Conditions: [{ ActionCondition: { Action: 'BLOCK' } }, { ActionCondition: { Action: 'COUNT' } }],
          },
        ],
      },
    });
    logging.node.addDependency(logGroup);
  }
}
