import { isPublic, type RouteDef } from '../../shared/http/route';
import { documentedAnswer, documentedMediaTypes, type Operation } from './contract';
import type { StoreChange } from './store-snapshot';

/** How a response broke a property; the tally counts findings by kind. */
export type ViolationKind = 'server-error' | 'leak' | 'undocumented-status' | 'schema' | 'write-on-reject' | 'prototype-pollution' | 'retry-after';

export interface Violation {
  readonly kind: ViolationKind;
  readonly detail: string;
}

/** What came back, as the fuzzer saw it. */
export interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly retryAfter: string | null;
  readonly text: string;
}

/**
 * Internals a response must never show: stack frames, source and module paths, the store's
 * exception names and expression fragments, JavaScript's own error texts.
 */
const LEAKS: readonly RegExp[] = [
  /\bat .+:\d+:\d+/,
  /\bat \//,
  /node_modules/,
  /\.ts:\d/,
  /\.[cm]?[jt]s\b.*:\d+/,
  /\/work\/|\/home\/|\/tmp\/|file:\/\//,
  /ConditionalCheckFailed|ValidationException|ResourceNotFound|ProvisionedThroughput|TransactionCanceled|ItemCollectionSizeLimit|DynamoDB|dynalite|AttributeValue/,
  /ConditionExpression|KeyConditionExpression|attribute_not_exists|ExpressionAttribute/,
  /\b(TypeError|ReferenceError|RangeError|SyntaxError)\b/,
  /Unexpected token|is not a function|Cannot read propert|undefined is not|Maximum call stack/,
];

/**
 * Rejections decided before any use case ran: they write nothing at all, not even an audit event.
 * (A 401 is the gateway's on a protected route; on the public credential routes it is the use
 * case's, audited as a failed attempt.)
 */
const STACK_REFUSALS = new Set([
  'bad_request',
  'invalid_body',
  'invalid_query',
  'invalid_params',
  'unexpected_body',
  'unexpected_query',
  'unexpected_params',
  'missing_body',
  'malformed_json',
  'unsupported_content_type',
  'body_too_large',
  'payload_too_large',
]);

/**
 * Items a refusal may write besides its audit event, because counting refusals is their job: the
 * login throttle's counters (ADR 0018), the per-user AI quota and budgets (429 until they refill),
 * and a phone verification's attempts (a wrong code counts; the fifth locks it).
 */
const REFUSAL_BOOKKEEPING: readonly { readonly key: RegExp; readonly code?: string }[] = [
  { key: /^LOGIN#/ },
  { key: / AIQUOTA$/ },
  { key: / BUDGET#/ },
  { key: / CONTACT$/, code: 'invalid_code' },
];

const errorCodeOf = (answer: Answer): string | undefined => {
  try {
    return (JSON.parse(answer.text) as { error?: { code?: unknown } }).error?.code as string | undefined;
  } catch {
    return undefined;
  }
};

const auditField = (change: StoreChange, name: string): string | undefined => {
  const value = change.item[name];
  if (value?.S !== undefined) return value.S;
  return value?.M === undefined ? undefined : JSON.stringify(value.M);
};

/**
 * "A rejected request writes nothing": no store change at all for a refusal of the HTTP stack or
 * the gateway; a role refusal (403 `forbidden`) writes exactly its `route.denied` event; any other
 * refusal at most one audit event that is not a success, and only refusal bookkeeping besides it.
 */
const writesOfRejection = (route: RouteDef, answer: Answer, changes: readonly StoreChange[]): Violation[] => {
  const code = errorCodeOf(answer);
  const show = (list: readonly StoreChange[]) => list.map((change) => `${change.kind} ${change.table} ${change.key}`).join('; ');
  if ((code !== undefined && STACK_REFUSALS.has(code)) || (answer.status === 401 && !isPublic(route.access))) {
    return changes.length === 0 ? [] : [{ kind: 'write-on-reject', detail: `${answer.status} ${code} wrote ${show(changes)}` }];
  }
  const audit = changes.filter((change) => change.table === 'audit');
  const bookkeeping = (change: StoreChange): boolean =>
    REFUSAL_BOOKKEEPING.some((entry) => entry.key.test(change.key) && (entry.code === undefined || entry.code === code));
  const others = changes.filter((change) => change.table !== 'audit' && !bookkeeping(change));
  const violations: Violation[] = [];
  if (others.length > 0) violations.push({ kind: 'write-on-reject', detail: `${answer.status} ${code} wrote ${show(others)}` });
  if (audit.some((change) => change.kind !== 'added'))
    violations.push({ kind: 'write-on-reject', detail: `${answer.status} ${code} altered the audit trail: ${show(audit)}` });
  if (answer.status === 403 && code === 'forbidden' && !isPublic(route.access)) {
    const denied = audit.filter((change) => auditField(change, 'action') === 'route.denied' && auditField(change, 'resource')?.includes(`"${route.id}"`));
    if (audit.length !== 1 || denied.length !== 1)
      violations.push({ kind: 'write-on-reject', detail: `403 forbidden wrote ${audit.length} audit events, not one route.denied` });
  } else if (audit.length > 1 || audit.some((change) => auditField(change, 'outcome') === 'success')) {
    violations.push({
      kind: 'write-on-reject',
      detail: `${answer.status} ${code} audited ${audit.map((c) => `${auditField(c, 'action')}:${auditField(c, 'outcome')}`).join(', ')}`,
    });
  }
  return violations;
};

/** The answer against the route's documented responses: a listed status, a listed media type, a body its schema accepts. */
const contract = (operation: Operation, answer: Answer): Violation[] => {
  const validate = documentedAnswer(operation, answer.status);
  if (validate === undefined) return [{ kind: 'undocumented-status', detail: `${answer.status} ${errorCodeOf(answer) ?? ''}`.trim() }];
  const mediaTypes = documentedMediaTypes(operation, answer.status);
  const mediaType = answer.contentType.split(';')[0]!.trim();
  if (mediaTypes.length === 0) return answer.text === '' ? [] : [{ kind: 'schema', detail: `${answer.status} has a body the document does not list` }];
  if (!mediaTypes.includes(mediaType))
    return [{ kind: 'schema', detail: `${answer.status} as ${mediaType || 'no content type'}, documented ${mediaTypes.join(', ')}` }];
  if (validate === null) return [];
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return [{ kind: 'schema', detail: `${answer.status} body is not JSON` }];
  }
  if (validate(body)) return [];
  const first = validate.errors?.[0];
  return [{ kind: 'schema', detail: `${answer.status} ${errorCodeOf(answer) ?? ''} body: ${first?.instancePath || '/'} ${first?.message}` }];
};

/**
 * Every property of one fuzzed request: never a 5xx; never a stack trace, store fragment or
 * internal path in the body; a status and body the OpenAPI document lists for the route; a 429
 * that says when to retry; a rejected request writes nothing but its contract's audit event; and
 * nothing reached `Object.prototype` of the process that serves it.
 *
 * @example
 * const violations = judge(routes.me, operationOf('GET', '/api/v1/me'), answer, diffStore(before, after));
 */
export const judge = (route: RouteDef, operation: Operation, answer: Answer, changes: readonly StoreChange[]): Violation[] => {
  const violations: Violation[] = [];
  if (answer.status >= 500) violations.push({ kind: 'server-error', detail: `${answer.status} ${errorCodeOf(answer) ?? answer.text.slice(0, 80)}` });
  // The published OpenAPI document describes the system in words; every other body is checked whole.
  const leak = route.id === 'openapi' ? undefined : LEAKS.find((pattern) => pattern.test(answer.text));
  if (leak !== undefined) violations.push({ kind: 'leak', detail: `${answer.status} body matches ${leak}` });
  violations.push(...contract(operation, answer));
  if (answer.status === 429 && !/^\d+$/.test(answer.retryAfter ?? ''))
    violations.push({ kind: 'retry-after', detail: `429 with Retry-After ${answer.retryAfter}` });
  if (answer.status >= 400 && answer.status < 500) violations.push(...writesOfRejection(route, answer, changes));
  const polluted = Object.getOwnPropertyNames(Object.prototype).filter((name) => !PROTOTYPE_NAMES.has(name));
  if (polluted.length > 0) violations.push({ kind: 'prototype-pollution', detail: `Object.prototype gained ${polluted.join(', ')}` });
  return violations;
};

const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));
