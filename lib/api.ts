import { Duration, NestedStack, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ROUTE_AREAS, routes, ROUTE_IDS, type RouteArea, type RouteId } from '../functions/routes';
import { TABLES, TABLE_NAMES, type TableName } from '../shared/data/tables';
import { STAGE_THROTTLE_DEFAULT } from '../shared/http/rate-limit';
import { isPublic, type HttpMethod, type RouteDef, type Throttle } from '../shared/http/route';
import { SECURITY_HEADERS } from '../shared/http/security-headers';
import { pascal } from './data';
import { Deployments } from './deployments';
import { type AuditDigestTargets, encryptedLogGroup, grantDeclared, invokedTarget, nodeFunction, type FunctionSettings, type GrantTargets } from './functions';
import { AUTHORIZER_ENTRY } from './function-entries';
import { acknowledge } from './nag';
import type { DeploymentStrategy } from './stages';

/** An issuer the authorizer trusts besides the built-in one (e.g. a Cognito user pool). */
export interface TrustedIssuerProps {
  /** The `iss` claim, an https URL. */
  readonly issuer: string;
  /** The expected `aud` / `client_id`. */
  readonly audience: string;
  /**
   * Where its public keys are published.
   * @default `${issuer}/.well-known/jwks.json`
   */
  readonly jwksUri?: string;
}

/** How a deploy shifts the API's functions to their new versions, and what rolls it back (lib/deployments.ts). */
export interface ApiDeploymentProps {
  /** The CodeDeploy strategy of every function's `live` alias. */
  readonly strategy: DeploymentStrategy;
  /**
   * p99 Duration of a route's (or the authorizer's) alias that rolls a deployment back.
   * @default Duration.seconds(3)
   */
  readonly routeP99Latency?: Duration;
  /**
   * The same for a streamed route (`stream` in the route table), which runs as long as the model writes.
   * @default Duration.seconds(25)
   */
  readonly streamedRouteP99Latency?: Duration;
}

export interface ApiProps {
  /** Stage name: the API Gateway stage and part of every name. */
  readonly stage: string;
  /** Release version handed to the functions (`CAREBOW_VERSION`). */
  readonly version: string;
  /** CMK for the log groups. */
  readonly encryptionKey: kms.IKey;
  /** The tables, keyed like `TABLES`; routes are granted access per their `grants.tables`. */
  readonly tables: Readonly<Record<TableName, dynamodb.ITableV2>>;
  /** Asymmetric key that signs access tokens. */
  readonly tokenSigningKey: kms.IKey;
  /** Symmetric key that wraps per-user data keys; routes use it per their `grants.dataKeys`. */
  readonly dataKeyWrappingKey: kms.IKey;
  /** HMAC key of the e-mail blind index. */
  readonly blindIndexSecret: secretsmanager.ISecret;
  /** Where triage sessions are queued. */
  readonly triageQueue: sqs.IQueue;
  /** Where chat messages are queued for the chat worker; routes send to it per their `grants.chatQueue`. */
  readonly chatQueue: sqs.IQueue;
  /** Where notification events are queued; routes send to it per their `grants.notificationsQueue`. */
  readonly notificationsQueue: sqs.IQueue;
  /**
   * Whether the stage runs API Gateway's cache for the routes whose line has `cache` (the public
   * library's GETs), keyed on their path and query parameters. Nothing else is ever cached.
   * @default false
   */
  readonly edgeCache?: boolean;
  /**
   * The model API key secret, where the stage enables the model: routes granted `modelApiKey` read it
   * (`OPENAI_API_KEY_SECRET_ID`), and `OPENAI_BASE_URL` goes with it when set.
   * @default - no model secret: routes that would call the model answer without it
   */
  readonly modelApiKeySecret?: secretsmanager.ISecret;
  /**
   * An OpenAI-compatible endpoint (https) for the routes that call the model.
   * @default - the provider's own endpoint
   */
  readonly modelBaseUrl?: string;
  /** Where "the content library changed" is queued; routes send to it per their `grants.contentQueue`. */
  readonly contentQueue: sqs.IQueue;
  /** The app's https URL, for the links in notifications (`APP_BASE_URL`). */
  readonly appBaseUrl: string;
  /** Browser origins allowed by CORS (at least one). */
  readonly corsAllowedOrigins: readonly string[];
  /**
   * Stage-level steady-state limit, requests per second.
   * @default 10
   */
  readonly throttlingRateLimit?: number;
  /**
   * Stage-level burst limit.
   * @default 20
   */
  readonly throttlingBurstLimit?: number;
  /**
   * Retention of the function, access and execution log groups.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * What happens to the log groups when the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly logRemovalPolicy?: RemovalPolicy;
  /**
   * Reserved concurrency of every function (route functions and the authorizer).
   * @default - none reserved
   */
  readonly reservedConcurrency?: number;
  /**
   * The built-in issuer's URL (`iss` of the tokens we sign), e.g. a custom domain.
   * @default - the execute-api URL of the stage, built from the REST API id
   */
  readonly issuer?: string;
  /**
   * Issuers the authorizer trusts in addition to the built-in one.
   * @default - none
   */
  readonly extraIssuers?: readonly TrustedIssuerProps[];
  /**
   * scrypt cost (log2 N) for password hashing.
   * @default 17
   */
  readonly scryptLogN?: number;
  /**
   * Model name for the triage code (`OPENAI_MODEL`).
   * @default 'gpt-4o-mini'
   */
  readonly openAiModel?: string;
  /**
   * Whether the stage calls a model at all (the worker holds its key); routes use it to decide
   * whether to queue a chat message for the worker or answer offline.
   * @default false
   */
  readonly aiModelEnabled?: boolean;
  /**
   * Lifetime of the access tokens we issue (at most 15 minutes, docs/security.md #8).
   * @default Duration.minutes(15)
   */
  readonly accessTokenTtl?: Duration;
  /**
   * How long API Gateway caches an authorizer decision; never longer than a token lives.
   * @default Duration.minutes(5)
   */
  readonly authorizerCacheTtl?: Duration;
  /**
   * Whether this stack sets the account-wide API Gateway CloudWatch Logs role, which access and
   * execution logging need. The setting is per account and region; turn this off when something
   * else (another stack, a landing zone) owns it.
   * @default true
   */
  readonly manageAccountCloudWatchRole?: boolean;
  /**
   * How each deploy shifts traffic to the new versions of the functions (the routes, the
   * authorizer, and the workers built with {@link Api.functionSettings}).
   * @default - all at once, rolled back on the same alarms
   */
  readonly deployment?: ApiDeploymentProps;
}

/**
 * The functions' security headers, as gateway-response header mappings (static values are
 * single-quoted; values that themselves hold quotes, like the CSP, cannot be expressed and are
 * left out: gateway responses carry no content to render anyway).
 */
const GATEWAY_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SECURITY_HEADERS)
    .filter(([, value]) => !value.includes("'"))
    .map(([name, value]) => [name, `'${value}'`]),
);

/** Routes that hash passwords: scrypt with N=2^17, r=8 needs 128 MiB and a full vCPU share. */
const PASSWORD_HASHING_ROUTES: ReadonlySet<RouteId> = new Set<RouteId>(['register', 'login', 'passwordChange']);

/**
 * The REST API: one function per line of the route table, a token authorizer in front of
 * every non-public route, stage and method throttling, JSON access logs without PHI, X-Ray.
 */
export class Api extends Construct {
  public readonly restApi: apigw.RestApi;
  /** The deployed stage (named after the CareBow stage); the WAF web ACL attaches here. */
  public readonly stage: apigw.Stage;
  /** One function per route, keyed by route id. */
  public readonly functions: Readonly<Record<RouteId, lambda.IFunction>>;
  /**
   * One nested stack per route area (`Api/<Area>Routes`): the area's functions, roles, Lambda
   * permissions and methods. Everything stateful stays in the stage stack (docs/adr/0008-api-nested-stacks.md).
   */
  public readonly areaStacks: Readonly<Record<RouteArea, NestedStack>>;
  public readonly authorizerFunction: lambda.IFunction;
  public readonly authorizer: apigw.IAuthorizer;
  /** The built-in token issuer (`AUTH_ISSUER`). */
  public readonly issuer: string;
  /** The audience / client id of tokens we issue (`AUTH_CLIENT_ID`). */
  public readonly clientId: string;

  /**
   * The environment every route function gets (names, not secrets: grants limit access). The
   * triage worker starts from it, since it reads the same configuration schema.
   */
  public readonly environment: Readonly<Record<string, string>>;
  /** Log group and role settings of the API's functions; the triage worker uses the same. */
  public readonly functionSettings: FunctionSettings;
  /**
   * The stage's CodeDeploy application: every function built with {@link functionSettings} is
   * invoked through its `live` alias (docs/adr/0016-canary-deployments.md).
   */
  public readonly deployments: Deployments;

  private readonly props: ApiProps;
  /** Route functions whose grants name `auditDigests`, granted by {@link grantAuditDigests} once the anchor exists. */
  private readonly auditDigestReaders: lambda.Function[] = [];
  private auditDigestsGranted = false;
  /** The stage's default method throttle; routes without their own report it in their rate-limit headers. */
  private readonly stageThrottle: Throttle;

  public constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.props = props;
    this.stageThrottle = {
      rateLimit: props.throttlingRateLimit ?? STAGE_THROTTLE_DEFAULT.rateLimit,
      burstLimit: props.throttlingBurstLimit ?? STAGE_THROTTLE_DEFAULT.burstLimit,
    };
    this.deployments = new Deployments(this, 'Deployments', {
      stage: props.stage,
      ...(props.deployment !== undefined ? { strategy: props.deployment.strategy } : {}),
    });
    this.functionSettings = {
      stage: props.stage,
      encryptionKey: props.encryptionKey,
      logRetention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      logRemovalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
      deployments: this.deployments,
    };
    const stack = Stack.of(this);
    const accessTokenTtl = props.accessTokenTtl ?? Duration.minutes(15);
    const authorizerCacheTtl = props.authorizerCacheTtl ?? Duration.minutes(5);
    if (accessTokenTtl.toSeconds() > 900) throw new Error('accessTokenTtl must be at most 15 minutes');
    if (authorizerCacheTtl.toSeconds() > accessTokenTtl.toSeconds()) {
      throw new Error('authorizerCacheTtl must not exceed accessTokenTtl: a cached decision would outlive its token');
    }
    if (props.corsAllowedOrigins.length === 0) throw new Error('corsAllowedOrigins needs at least one origin');

    const accessLogs = this.logGroup('AccessLogs');
    this.restApi = new apigw.RestApi(this, 'RestApi', {
      restApiName: `carebow-${props.stage}`,
      description: `CareBow ${props.stage} API`,
      endpointConfiguration: { types: [apigw.EndpointType.REGIONAL] },
      cloudWatchRole: props.manageAccountCloudWatchRole ?? true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN,
      retainDeployments: false,
      deployOptions: {
        stageName: props.stage,
        throttlingRateLimit: this.stageThrottle.rateLimit,
        throttlingBurstLimit: this.stageThrottle.burstLimit,
        tracingEnabled: true,
        // Errors only, and never request/response bodies: those carry PHI.
        loggingLevel: apigw.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        metricsEnabled: false,
        cachingEnabled: false,
        // Only the methods `methodCaching` names cache; the cluster exists only where a stage asks for it.
        ...(props.edgeCache === true ? { cacheClusterEnabled: true, cacheClusterSize: '0.5' } : {}),
        accessLogDestination: new apigw.LogGroupLogDestination(accessLogs),
        accessLogFormat: apigw.AccessLogFormat.custom(
          JSON.stringify({
            requestId: apigw.AccessLogField.contextRequestId(),
            ip: apigw.AccessLogField.contextIdentitySourceIp(),
            caller: apigw.AccessLogField.contextIdentityCaller(),
            requestTime: apigw.AccessLogField.contextRequestTime(),
            httpMethod: apigw.AccessLogField.contextHttpMethod(),
            resourcePath: apigw.AccessLogField.contextResourcePath(),
            status: apigw.AccessLogField.contextStatus(),
            protocol: apigw.AccessLogField.contextProtocol(),
            responseLength: apigw.AccessLogField.contextResponseLength(),
            integrationLatency: apigw.AccessLogField.contextIntegrationLatency(),
          }),
        ),
        methodOptions: mergeMethodOptions(methodThrottling(), props.edgeCache === true ? methodCaching() : {}),
      },
    });
    // TLS 1.2+ on the default endpoint (the default policy for a regional API is TLS 1.0).
    (this.restApi.node.defaultChild as apigw.CfnRestApi).securityPolicy = apigw.SecurityPolicy.TLS_1_2;
    this.stage = this.restApi.deploymentStage;

    // API Gateway creates the execution log group on first use, unencrypted and kept forever.
    // Creating it first (the stage waits for it) gives it the CMK and a retention.
    const executionLogs = this.logGroup('ExecutionLogs', `API-Gateway-Execution-Logs_${this.restApi.restApiId}/${props.stage}`);
    this.stage.node.addDependency(executionLogs);

    this.clientId = `carebow-${props.stage}`;
    this.issuer = props.issuer ?? `https://${this.restApi.restApiId}.execute-api.${stack.region}.${stack.urlSuffix}/${props.stage}`;

    const authorizerFunction = this.nodeFunction(this, 'Authorizer', {
      entry: AUTHORIZER_ENTRY,
      description: 'Token authorizer: verifies bearer access tokens',
      memorySize: 512,
      environment: {
        AUTHORIZER_ISSUERS: stack.toJsonString([
          { issuer: this.issuer, audience: this.clientId, jwksUri: `${this.issuer}/.well-known/jwks.json` },
          ...(props.extraIssuers ?? []).map((extra) => ({
            issuer: extra.issuer,
            audience: extra.audience,
            jwksUri: extra.jwksUri ?? `${extra.issuer}/.well-known/jwks.json`,
          })),
        ]),
      },
    });
    this.authorizerFunction = authorizerFunction;
    this.authorizer = new apigw.TokenAuthorizer(this, 'TokenAuthorizer', {
      authorizerName: `carebow-${props.stage}-token`,
      handler: invokedTarget(authorizerFunction, this.functionSettings, { name: 'authorizer', latencyThreshold: this.routeP99Latency(false) }),
      identitySource: apigw.IdentitySource.header('Authorization'),
      // Same shape the authorizer checks: a malformed header is a 401 without invoking it.
      validationRegex: '^Bearer [A-Za-z0-9_.~+/=-]+$',
      resultsCacheTtl: authorizerCacheTtl,
    });

    const environment = this.sharedEnvironment(accessTokenTtl);
    this.environment = environment;
    const grantTargets: GrantTargets = {
      tables: props.tables,
      dataKeyWrappingKey: props.dataKeyWrappingKey,
      tokenSigningKey: props.tokenSigningKey,
      blindIndexSecret: props.blindIndexSecret,
      triageQueue: props.triageQueue,
      chatQueue: props.chatQueue,
      // No reminders target: the notifications worker alone manages schedules (ADR 0010), so a
      // route declaring `grants.reminders` fails synthesis.
      notificationsQueue: props.notificationsQueue,
      contentQueue: props.contentQueue,
      ...(props.modelApiKeySecret !== undefined ? { modelApiKeySecret: props.modelApiKeySecret } : {}),
    };
    const functions = {} as Record<RouteId, lambda.IFunction>;
    const methodsByPath = new Map<string, HttpMethod[]>();
    const areaStacks = {} as Record<RouteArea, NestedStack>;
    for (const area of Object.keys(ROUTE_AREAS) as RouteArea[]) {
      // Functions, roles, permissions and methods only: nothing stateful (docs/adr/0008-api-nested-stacks.md).
      const areaStack = new NestedStack(this, `${pascal(area)}Routes`, { description: `CareBow ${props.stage}: the ${area} routes (functions and methods)` });
      areaStacks[area] = areaStack;
      for (const routeId of Object.keys(ROUTE_AREAS[area]) as RouteId[]) {
        if (routeId in functions) throw new Error(`Route ${routeId} is in two areas of ROUTE_AREAS`);
        functions[routeId] = this.routeFunction(areaStack, routeId, environment, grantTargets);
        const route: RouteDef = routes[routeId];
        methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method]);
      }
    }
    const missing = ROUTE_IDS.filter((routeId) => !(routeId in functions));
    if (missing.length > 0) throw new Error(`Routes in no area of ROUTE_AREAS (functions/routes/index.ts): ${missing.join(', ')}`);
    this.areaStacks = areaStacks;
    this.functions = functions;

    for (const [routePath, methods] of methodsByPath) {
      this.restApi.root.resourceForPath(routePath).addCorsPreflight({
        allowOrigins: [...props.corsAllowedOrigins],
        allowMethods: [...methods, 'OPTIONS'],
        allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match'],
        maxAge: Duration.hours(1),
        statusCode: 204,
      });
    }

    this.node.addValidation({
      validate: () => (this.auditDigestReaders.length > 0 && !this.auditDigestsGranted ? ['routes read audit digests: call Api.grantAuditDigests'] : []),
    });
    this.addGatewayResponses();
    acknowledge(this.restApi, 'apiRequestValidationInHandlers', 'apiLambdaAuthorizerNotCognito');
    acknowledge(this.stage, 'apiNoCache', 'apiNoClientCertificate');
    const cloudWatchRole = this.restApi.node.tryFindChild('CloudWatchRole');
    if (cloudWatchRole !== undefined) acknowledge(cloudWatchRole, 'apiGatewayCloudWatchRoleManagedPolicy');
  }

  /**
   * Grants the routes whose line declares `grants.auditDigests` (the verify route) read access to the anchor's
   * digests and public key, and hands them the bucket and key as the anchor worker has them. Call once, with the
   * AuditAnchor's bucket and key; synthesis fails if such a route was never granted.
   *
   * @example
   * api.grantAuditDigests({ bucket: auditAnchor.bucket, signingKey: auditAnchor.signingKey, stage });
   */
  public grantAuditDigests(targets: AuditDigestTargets): void {
    this.auditDigestsGranted = true;
    for (const fn of this.auditDigestReaders) {
      grantDeclared(fn, { auditDigests: 'read' }, { tables: this.props.tables, auditDigests: targets });
      fn.addEnvironment('AUDIT_DIGEST_BUCKET', targets.bucket.bucketName).addEnvironment('AUDIT_ANCHOR_KEY_ID', targets.signingKey.keyArn);
    }
  }

  /** Every route function gets the same environment: names are not secrets, grants limit access. */
  private sharedEnvironment(accessTokenTtl: Duration): Record<string, string> {
    const props = this.props;
    const tableEnv = Object.fromEntries(TABLE_NAMES.map((name) => [TABLES[name].envVar, props.tables[name].tableName]));
    return {
      CAREBOW_STAGE: props.stage,
      CAREBOW_VERSION: props.version,
      CORS_ALLOWED_ORIGINS: props.corsAllowedOrigins.join(','),
      // The stage's default method throttle, for the rate-limit headers of routes without their own.
      API_RATE_LIMIT: String(this.stageThrottle.rateLimit),
      API_BURST_LIMIT: String(this.stageThrottle.burstLimit),
      ...tableEnv,
      KEY_PROVIDER: 'kms',
      TOKEN_SIGNING_KEY_ID: props.tokenSigningKey.keyArn,
      BLIND_INDEX_SECRET_ID: props.blindIndexSecret.secretArn,
      DATA_KEY_ID: props.dataKeyWrappingKey.keyArn,
      AUTH_ISSUER: this.issuer,
      AUTH_CLIENT_ID: this.clientId,
      ACCESS_TOKEN_TTL_SECONDS: String(accessTokenTtl.toSeconds()),
      PASSWORD_SCRYPT_LOG_N: String(props.scryptLogN ?? 17),
      TRIAGE_QUEUE_URL: props.triageQueue.queueUrl,
      CHAT_QUEUE_URL: props.chatQueue.queueUrl,
      // Notifications (docs/adr/0010-notifications.md): where events go. The worker adds its
      // sender, its SES configuration set and what the reminders' schedules name.
      NOTIFICATIONS_QUEUE_URL: props.notificationsQueue.queueUrl,
      NOTIFICATION_CHANNELS: 'aws',
      CONTENT_QUEUE_URL: props.contentQueue.queueUrl,
      APP_BASE_URL: props.appBaseUrl,
      OPENAI_MODEL: props.openAiModel ?? 'gpt-4o-mini',
      AI_MODEL_ENABLED: String(props.aiModelEnabled ?? false),
      ...(props.modelApiKeySecret !== undefined ? { OPENAI_API_KEY_SECRET_ID: props.modelApiKeySecret.secretArn } : {}),
      ...(props.modelApiKeySecret !== undefined && props.modelBaseUrl !== undefined ? { OPENAI_BASE_URL: props.modelBaseUrl } : {}),
      POWERTOOLS_SERVICE_NAME: 'carebow',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      NODE_OPTIONS: '--enable-source-maps',
    };
  }

  /**
   * One route: its function, role and method in the area's nested stack, invoked by API Gateway
   * only. Its log group and its path resource stay here in the stage stack: the log group's
   * logical id is pinned (it holds evidence), and path resources are shared between areas.
   */
  private routeFunction(areaStack: NestedStack, routeId: RouteId, environment: Record<string, string>, grantTargets: GrantTargets): lambda.IFunction {
    const route: RouteDef = routes[routeId];
    const name = pascal(routeId);
    const fn = this.nodeFunction(areaStack, name, {
      entry: route.entry,
      description: `${route.method} ${route.path}: ${route.summary}`,
      memorySize: PASSWORD_HASHING_ROUTES.has(routeId) ? 1024 : 512,
      environment,
      logGroup: this.logGroup(`${name}Logs`),
      ...(route.bundleFiles ? { bundleFiles: route.bundleFiles } : {}),
      // A streamed reply runs as long as the model writes (its 17 s deadline) plus the reads and the sealed write.
      ...(route.stream === true ? { timeout: Duration.seconds(30) } : {}),
    });
    // The anchor's bucket and key are built after the API (they use its function settings): granted later.
    const { auditDigests, ...grants } = route.grants;
    grantDeclared(fn, grants, grantTargets);
    if (auditDigests === 'read') this.auditDigestReaders.push(fn);
    // API Gateway invokes the `live` alias, which CodeDeploy moves to each deploy's version.
    const target = invokedTarget(fn, this.functionSettings, { name: routeId, latencyThreshold: this.routeP99Latency(route.stream === true) });
    // A Method in the nested stack on the stage stack's resource: it attaches to the same REST API
    // and authorizer, and changes the API's deployment like a method built here would.
    const method = new apigw.Method(areaStack, `${name}Method`, {
      resource: this.restApi.root.resourceForPath(route.path),
      httpMethod: route.method,
      integration: new StageLambdaIntegration(target, this.props.stage, this.props.edgeCache === true ? cacheKeyParameters(route) : [], route.stream === true),
      options: isPublic(route.access)
        ? {
            authorizationType: apigw.AuthorizationType.NONE,
            operationName: routeId,
            ...cachedRequestParameters(this.props.edgeCache === true ? cacheKeyParameters(route) : []),
          }
        : { authorizationType: apigw.AuthorizationType.CUSTOM, authorizer: this.authorizer, operationName: routeId },
    });
    // A public method has no authorizer at all; the others have the Lambda token authorizer.
    acknowledge(method, isPublic(route.access) ? 'publicRoute' : 'apiLambdaAuthorizerNotCognito');
    return fn;
  }

  /** A function with its own role (lib/functions.ts), invoked by API Gateway only. */
  private nodeFunction(
    scope: Construct,
    name: string,
    options: {
      entry: string;
      description: string;
      memorySize: number;
      environment: Record<string, string>;
      bundleFiles?: readonly string[];
      logGroup?: logs.ILogGroup;
      timeout?: Duration;
    },
  ): lambda.Function {
    const fn = nodeFunction(scope, name, this.functionSettings, {
      ...options,
      timeout: options.timeout ?? Duration.seconds(10),
      ...(this.props.reservedConcurrency !== undefined ? { reservedConcurrency: this.props.reservedConcurrency } : {}),
    });
    acknowledge(fn, 'lambdaSynchronousNoDlq');
    return fn;
  }

  /** The p99 Duration of a route's alias that rolls a deployment back. */
  private routeP99Latency(streamed: boolean): Duration {
    const deployment = this.props.deployment;
    return streamed ? (deployment?.streamedRouteP99Latency ?? Duration.seconds(25)) : (deployment?.routeP99Latency ?? Duration.seconds(3));
  }

  private logGroup(id: string, logGroupName?: string): logs.LogGroup {
    return encryptedLogGroup(this, id, this.functionSettings, logGroupName);
  }

  /**
   * Responses API Gateway produces itself (authorizer denials, throttling, unknown routes, its own
   * failures) use the same JSON error body as the functions, carry the request id and the
   * security headers, and never echo an internal message.
   */
  private addGatewayResponses(): void {
    const origins = this.props.corsAllowedOrigins;
    // A static header can name one origin only; with several, browsers see a CORS error instead.
    const cors: Record<string, string> = origins.length === 1 ? { 'Access-Control-Allow-Origin': `'${origins[0]}'`, Vary: "'Origin'" } : {};
    const respond = (
      id: string,
      type: apigw.ResponseType,
      code: string,
      message: string,
      options: { statusCode?: string; headers?: Record<string, string> } = {},
    ): void => {
      this.restApi.addGatewayResponse(id, {
        type,
        ...(options.statusCode !== undefined ? { statusCode: options.statusCode } : {}),
        responseHeaders: { ...GATEWAY_SECURITY_HEADERS, ...cors, ...options.headers },
        templates: {
          'application/json': `{"error":{"code":"${code}","message":"${message}","requestId":"$context.requestId"}}`,
        },
      });
    };
    respond('Unauthorized', apigw.ResponseType.UNAUTHORIZED, 'unauthorized', 'Authentication failed.', { headers: { 'WWW-Authenticate': "'Bearer'" } });
    respond('AccessDenied', apigw.ResponseType.ACCESS_DENIED, 'forbidden', 'You may not perform this action.');
    respond('WafFiltered', apigw.ResponseType.WAF_FILTERED, 'forbidden', 'The request was blocked.');
    // An unknown path or method: the route does not exist (docs/security.md #3), so 404 rather than 403.
    respond('MissingAuthenticationToken', apigw.ResponseType.MISSING_AUTHENTICATION_TOKEN, 'not_found', 'Not found.', { statusCode: '404' });
    // Every 429 says when to retry: the gateway's token bucket refills within a second.
    respond('Throttled', apigw.ResponseType.THROTTLED, 'too_many_requests', 'Too many requests; retry later.', { headers: { 'Retry-After': "'1'" } });
    respond('RequestTooLarge', apigw.ResponseType.REQUEST_TOO_LARGE, 'payload_too_large', 'The request is too large.');
    // The defaults keep API Gateway's status (415, 502, 504, ...); only the body and headers change.
    respond('Default4xx', apigw.ResponseType.DEFAULT_4XX, 'invalid_request', 'The request is invalid.');
    respond('Default5xx', apigw.ResponseType.DEFAULT_5XX, 'internal_error', 'Something went wrong. Quote the request id if you contact support.');
  }
}

/**
 * `LambdaIntegration`, except that the invoke permission names the stage by its name rather than by
 * a reference to the `AWS::ApiGateway::Stage`. With the method and the permission in an area's
 * nested stack, that reference would make the nested stack wait for the stage, which waits for the
 * deployment, which waits for the nested stack's methods: a cycle. No console test-invoke permission.
 */
class StageLambdaIntegration extends apigw.AwsIntegration {
  public constructor(
    private readonly handler: lambda.IFunction,
    private readonly stageName: string,
    cacheKeys: readonly string[] = [],
    stream = false,
  ) {
    super({
      proxy: true,
      service: 'lambda',
      // A streaming route is invoked with InvokeWithResponseStream, the path LambdaIntegration uses for `STREAM`.
      path: stream ? `2021-11-15/functions/${handler.functionArn}/response-streaming-invocations` : `2015-03-31/functions/${handler.functionArn}/invocations`,
      options: {
        ...(cacheKeys.length > 0 ? { cacheKeyParameters: [...cacheKeys] } : {}),
        ...(stream ? { responseTransferMode: apigw.ResponseTransferMode.STREAM } : {}),
      },
    });
  }

  public override bind(method: apigw.Method): apigw.IntegrationConfig {
    const config = super.bind(method);
    this.handler.addPermission('ApiPermission', {
      principal: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      scope: method,
      // API Gateway's execute-api ARN: path parameters become wildcards (`/appointments/*/cancel`).
      sourceArn: method.api.arnForExecuteApi(method.httpMethod, method.resource.path.replace(/\{[^}]*\}/g, '*'), this.stageName),
    });
    return config;
  }
}

/**
 * The cache key of a cached route (`route.cache`): its path parameters and every parameter of its
 * query schema, as API Gateway names them. Empty for a route without `cache`.
 */
export const cacheKeyParameters = (route: RouteDef): string[] => {
  if (route.cache === undefined) return [];
  const pathKeys = [...route.path.matchAll(/\{([^}]+)\}/g)].map((match) => `method.request.path.${match[1]}`);
  const shape = (route.query as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape ?? {};
  return [...pathKeys, ...Object.keys(shape).map((key) => `method.request.querystring.${key}`)];
};

/** A cached method declares its cache key's parameters (path ones required, query ones optional). */
const cachedRequestParameters = (keys: readonly string[]): { requestParameters?: Record<string, boolean> } =>
  keys.length === 0 ? {} : { requestParameters: Object.fromEntries(keys.map((key) => [key, key.startsWith('method.request.path.')])) };

/** One method's throttle and cache settings together (both are overrides of the same `'/path/METHOD'`). */
const mergeMethodOptions = (...options: Record<string, apigw.MethodDeploymentOptions>[]): Record<string, apigw.MethodDeploymentOptions> => {
  const merged: Record<string, apigw.MethodDeploymentOptions> = {};
  for (const option of options) for (const [key, value] of Object.entries(option)) merged[key] = { ...merged[key], ...value };
  return merged;
};

/** Stage cache settings from the route table: `'/path/GET'` → cached for the route's `cache.ttlSeconds`, encrypted. */
export const methodCaching = (): Record<string, apigw.MethodDeploymentOptions> =>
  Object.fromEntries(
    ROUTE_IDS.flatMap((routeId) => {
      const route: RouteDef = routes[routeId];
      if (route.cache === undefined) return [];
      if (route.method !== 'GET' || !isPublic(route.access)) throw new Error(`Route ${routeId}: only public GET routes may be cached`);
      return [
        [
          `${route.path}/${route.method}`,
          {
            cachingEnabled: true,
            cacheTtl: Duration.seconds(route.cache.ttlSeconds),
            cacheDataEncrypted: true,
            // A method override replaces the stage's settings for that method: restate them.
            loggingLevel: apigw.MethodLoggingLevel.ERROR,
            dataTraceEnabled: false,
            metricsEnabled: false,
          },
        ],
      ];
    }),
  );

/** Method throttling from the route table: `'/path/METHOD'` → the route's own limits. */
export const methodThrottling = (): Record<string, apigw.MethodDeploymentOptions> =>
  Object.fromEntries(
    ROUTE_IDS.flatMap((routeId) => {
      const route: RouteDef = routes[routeId];
      return route.throttle === undefined
        ? []
        : [
            [
              `${route.path}/${route.method}`,
              {
                throttlingRateLimit: route.throttle.rateLimit,
                throttlingBurstLimit: route.throttle.burstLimit,
                // A method override replaces the stage's settings for that method: restate them.
                loggingLevel: apigw.MethodLoggingLevel.ERROR,
                dataTraceEnabled: false,
                metricsEnabled: false,
                cachingEnabled: false,
              },
            ],
          ];
    }),
  );
