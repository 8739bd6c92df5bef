import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ROUTE_AREAS, type RouteId, routes } from '../functions/routes';

/** A query definition may name at most this many log groups (CloudWatch Logs quota). */
export const MAX_LOG_GROUPS_PER_QUERY = 50;

/** What a saved query's user replaces before running it (a query definition takes no parameters). */
export const PATIENT_PLACEHOLDER = 'PATIENT_ID';
export const ACTOR_PLACEHOLDER = 'ACTOR_ID';

/**
 * Routes that unseal PHI (their grants decrypt data keys): the log groups a question about a
 * patient's data needs, 26 of ~80, so one query definition covers them.
 */
export const PHI_ROUTE_IDS: readonly RouteId[] = (Object.keys(routes) as RouteId[]).filter((id) => routes[id].grants.dataKeys === 'decrypt');

/**
 * PHI routes a caregiver or provider calls on a record named in the path (another person's):
 * their access lines name the caller and the route, not the patient, so the audit trail is what
 * ties each such request (by `requestId`) to the patient read.
 */
export const CROSS_PATIENT_ROUTE_IDS: readonly RouteId[] = PHI_ROUTE_IDS.filter((id) => {
  const { access, path } = routes[id];
  return path.includes('{') && 'roles' in access && access.roles.some((role) => role === 'caregiver' || role === 'provider');
});

/** The log groups of a run of route areas, in route-table order, as few query definitions as the 50-group quota allows. */
export interface LogGroupChunk {
  /** The route areas whose functions' log groups are in this chunk (the authorizer and workers ride with the last). */
  readonly areas: readonly string[];
  readonly logGroups: readonly logs.ILogGroup[];
}

/**
 * Splits log groups into chunks of at most {@link MAX_LOG_GROUPS_PER_QUERY}, never splitting a
 * route area (so a chunk's name says which routes it covers); `others` go last.
 *
 * @example
 * chunkByArea(routeLogGroups, { authorizer }); // [{ areas: ['platform', …], logGroups: [...] }, …]
 */
export const chunkByArea = (
  routeLogGroups: Readonly<Record<RouteId, logs.ILogGroup>>,
  others: Readonly<Record<string, logs.ILogGroup>> = {},
): LogGroupChunk[] => {
  const chunks: { areas: string[]; logGroups: logs.ILogGroup[] }[] = [];
  const add = (label: string, groups: logs.ILogGroup[]): void => {
    if (groups.length > MAX_LOG_GROUPS_PER_QUERY) throw new Error(`${label} alone has more than ${MAX_LOG_GROUPS_PER_QUERY} log groups`);
    const last = chunks.at(-1);
    if (last !== undefined && last.logGroups.length + groups.length <= MAX_LOG_GROUPS_PER_QUERY) {
      last.areas.push(label);
      last.logGroups.push(...groups);
    } else chunks.push({ areas: [label], logGroups: [...groups] });
  };
  for (const [area, table] of Object.entries(ROUTE_AREAS))
    add(
      area,
      Object.keys(table).map((id) => routeLogGroups[id as RouteId]),
    );
  const otherNames = Object.keys(others).sort();
  if (otherNames.length > 0)
    add(
      otherNames.join('+'),
      otherNames.map((name) => others[name]!),
    );
  return chunks;
};

/** A function's own log group: every CareBow function is given one (lib/functions.ts), never Lambda's default. */
export const functionLogGroup = (fn: lambda.IFunction): logs.ILogGroup => {
  if (!(fn instanceof lambda.Function)) throw new Error(`${fn.node.path} is not a Function of this app`);
  const group = fn.logGroup;
  // On a Function created without a log group, `logGroup` adds a LogRetention for Lambda's default group: refuse it.
  if (fn.node.tryFindChild('LogRetention') !== undefined) throw new Error(`${fn.node.path} has no log group of its own`);
  return group;
};

export interface LogQueriesProps {
  /** Stage name: the folder of every query (`carebow-<stage>/…`). */
  readonly stage: string;
  /** Every route's function log group, by route id. */
  readonly routeLogGroups: Readonly<Record<RouteId, logs.ILogGroup>>;
  /** The authorizer's and the workers' log groups, by name (`authorizer`, `triageWorker`, …). */
  readonly otherLogGroups: Readonly<Record<string, logs.ILogGroup>>;
}

/**
 * Saved CloudWatch Logs Insights queries (`AWS::Logs::QueryDefinition`) for compliance officers
 * and operators, in the folder `carebow-<stage>/` of the Logs Insights console. Logs carry only
 * allowlisted fields (shared/logger.ts): a route's access line names the route, the caller
 * (`userId`), the status and the request id, never whose record was read; the workers' lines name
 * the data subject (`subjectId`). The audit trail (`GET /api/v1/audit/events`) is the record of
 * who accessed whom; these queries find the requests around it (docs/architecture.md,
 * "Dashboards and queries").
 *
 * @example
 * new LogQueries(stack, 'LogQueries', { stage: 'prod', routeLogGroups, otherLogGroups: { authorizer, triageWorker } });
 */
export class LogQueries extends Construct {
  /** Every query definition, by its name. */
  public readonly definitions: Readonly<Record<string, logs.QueryDefinition>>;

  public constructor(scope: Construct, id: string, props: LogQueriesProps) {
    super(scope, id);
    const definitions: Record<string, logs.QueryDefinition> = {};
    const define = (constructId: string, name: string, logGroups: readonly logs.ILogGroup[], queryString: logs.QueryString): void => {
      if (logGroups.length > MAX_LOG_GROUPS_PER_QUERY) throw new Error(`${name}: ${logGroups.length} log groups, at most ${MAX_LOG_GROUPS_PER_QUERY}`);
      const queryDefinitionName = `carebow-${props.stage}/${name}`;
      definitions[queryDefinitionName] = new logs.QueryDefinition(this, constructId, { queryDefinitionName, queryString, logGroups: [...logGroups] });
    };

    const subjectGroups = [...PHI_ROUTE_IDS.map((routeId) => props.routeLogGroups[routeId]), ...Object.values(props.otherLogGroups)];
    define(
      'WhoAccessedPatient',
      'compliance/who-accessed-patient',
      subjectGroups,
      new logs.QueryString({
        fields: ['@timestamp', 'route', 'userId', 'subjectId', 'action', 'outcome', 'status', 'requestId'],
        filterStatements: [`subjectId = "${PATIENT_PLACEHOLDER}" or userId = "${PATIENT_PLACEHOLDER}" or route in ${JSON.stringify(CROSS_PATIENT_ROUTE_IDS)}`],
        sort: '@timestamp desc',
        limit: 10000,
      }),
    );
    define(
      'BreakGlassUses',
      'compliance/break-glass-uses',
      [props.routeLogGroups.breakGlass],
      new logs.QueryString({
        fields: ['@timestamp', 'userId', 'status', 'errorCode', 'requestId'],
        filterStatements: ['route = "breakGlass" and status < 300'],
        sort: '@timestamp asc',
        limit: 10000,
      }),
    );

    const routeChunks = chunkByArea(props.routeLogGroups);
    routeChunks.forEach((chunk, index) => {
      const part = partOf(index, routeChunks.length);
      define(
        `ActorActivity${index + 1}`,
        `compliance/actor-activity${part}`,
        chunk.logGroups,
        new logs.QueryString({
          fields: ['@timestamp', 'route', 'method', 'status', 'errorCode', 'requestId'],
          filterStatements: [`userId = "${ACTOR_PLACEHOLDER}"`],
          sort: '@timestamp desc',
          limit: 10000,
        }),
      );
    });

    const allChunks = chunkByArea(props.routeLogGroups, props.otherLogGroups);
    allChunks.forEach((chunk, index) => {
      const part = partOf(index, allChunks.length);
      define(
        `ErrorsByRoute${index + 1}`,
        `operator/errors-by-route${part}`,
        chunk.logGroups,
        new logs.QueryString({
          // 5xx access lines, and Lambda's own lines for a run that never reached the access log.
          filterStatements: ['status >= 500 or @message like /Task timed out|Runtime\\.\\w+Error/'],
          statsStatements: ['count(*) as errors, latest(requestId) as lastRequestId by route, errorName'],
          sort: 'errors desc',
          limit: 100,
        }),
      );
      define(
        `SlowestRequests${index + 1}`,
        `operator/slowest-requests${part}`,
        chunk.logGroups,
        new logs.QueryString({
          fields: ['@timestamp', 'route', 'method', 'status', 'latencyMs', 'requestId'],
          filterStatements: ['ispresent(latencyMs)'],
          sort: 'latencyMs desc',
          limit: 100,
        }),
      );
    });
    this.definitions = definitions;
  }
}

/** `-1-of-2` when a query is split in parts, else nothing. */
const partOf = (index: number, count: number): string => (count === 1 ? '' : `-${index + 1}-of-${count}`);

/**
 * The names of the saved queries of a stage, for the dashboards' text (computed, not referenced:
 * the dashboards live in another stack).
 */
export const savedQueryNames = (stage: string): { compliance: string[]; operator: string[] } => ({
  compliance: [
    `carebow-${stage}/compliance/who-accessed-patient`,
    `carebow-${stage}/compliance/actor-activity-*`,
    `carebow-${stage}/compliance/break-glass-uses`,
  ],
  operator: [`carebow-${stage}/operator/errors-by-route-*`, `carebow-${stage}/operator/slowest-requests-*`],
});
