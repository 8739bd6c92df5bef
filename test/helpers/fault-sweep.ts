import { expect } from 'vitest';
import type { TableName } from '../../shared/data/tables';
import type { FaultProxy } from './fault-proxy';
import type { FaultKind } from './fault-schedule';
import type { ApiResponse, TestBackend } from './test-backend';

/**
 * The fault sweep of one request: run it once cleanly to count the dependency calls it makes, then once per call
 * with that call failing past the SDK's retries (three in a row), and check each outcome: either the request
 * completed with exactly one audit event, or it failed as a clear `503` with `Retry-After` and left every table
 * but the audit trail as it was (nothing half-written, so no record without its audit event).
 */

/** The SDK's attempts per call (shared/adapters/aws/client-config.ts): this many failures in a row outlast its retries. */
export const SDK_ATTEMPTS = 3;

/**
 * What the hard faults rotate through, one per call position (bounded: each position is tried once). A throttle
 * costs the SDK's throttling back-off (about a second), a timeout its request timeout three times: one throttle
 * in five, and timeouts tested apart.
 */
export const SWEEP_KINDS: readonly FaultKind[] = ['server_error', 'drop', 'throttle', 'server_error', 'drop'];

/** Words of an AWS or Node error that a response body must never carry. */
const LEAKS = /ProvisionedThroughput|Throttl|InternalServerError|InternalFailure|TimeoutError|ECONNRESET|socket hang up|\bat .+\.(?:ts|js):\d+/;

export interface SweepOutcome {
  readonly position: number;
  readonly fault: FaultKind;
  readonly status: number;
}

export interface SweepOptions {
  readonly backend: TestBackend;
  readonly proxy: FaultProxy;
  /** Sends the request once (fresh each time: a new slot, the current ETag). */
  readonly send: () => Promise<ApiResponse>;
  /** Its status when it succeeds. */
  readonly success: number;
  /** The audit action its success writes (once, under its request id). */
  readonly action: string;
  /** Also send it with a fault the SDK's retries absorb at each position (it must succeed). @default true */
  readonly recoverable?: boolean;
  /** Items a refused request may leave behind, by `<table>:<pk>:<sk>` (a documented exception, never PHI). */
  readonly mayRemain?: (key: string) => boolean;
}

/**
 * An item as compared: a booking ledger's `version` is its lock counter (a slot taken and released bumps it twice),
 * not data, and a ledger with no entries (a release that made the day's item) holds as much as none. A per-user budget's
 * counter is left out: it counts attempts, a refused one too (ADR 0020), as the login throttle counts a wrong password.
 */
const comparable = (item: Record<string, unknown>): string | undefined => {
  if (String(item['sk']).startsWith('BUDGET#')) return undefined;
  if (String(item['sk']).startsWith('LEDGER#')) {
    const { version: _version, ...rest } = item;
    return (rest['entries'] as unknown[] | undefined)?.length === 0 ? undefined : JSON.stringify(rest);
  }
  return JSON.stringify(item);
};

/** Every item of every table but the audit trail, as compared, by `<table>:<pk>:<sk>`. */
export const storeSnapshot = async (backend: TestBackend): Promise<Map<string, string>> => {
  const snapshot = new Map<string, string>();
  for (const table of Object.keys(backend.tables) as TableName[]) {
    if (table === 'audit') continue;
    for (const item of await backend.items(table)) {
      const value = comparable(item);
      if (value !== undefined) snapshot.set(`${table}:${String(item['pk'])}:${String(item['sk'])}`, value);
    }
  }
  return snapshot;
};

/** Keys added, changed or removed between two snapshots. */
export const changedKeys = (before: Map<string, string>, after: Map<string, string>): string[] => [
  ...[...after].filter(([key, value]) => before.get(key) !== value).map(([key]) => key),
  ...[...before.keys()].filter((key) => !after.has(key)),
];

/** A 503 as the contract says: JSON, a retry code, `Retry-After`, nothing of the cause. */
export const expectRetryLater = (response: ApiResponse): void => {
  expect(response.status, response.text).toBe(503);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(['service_unavailable', 'audit_busy']).toContain(response.json?.error?.code);
  expect(response.text).not.toMatch(LEAKS);
};

/** Checks one outcome: success with exactly one audit event, or a clear 503 that changed nothing (but `mayRemain`). Returns the store after. */
const expectAllOrNothing = async (options: SweepOptions, response: ApiResponse, before: Map<string, string>, label: string): Promise<Map<string, string>> => {
  const after = await storeSnapshot(options.backend);
  const events = (await options.backend.items('audit')).filter((event) => event['requestId'] === response.headers.get('x-request-id'));
  if (response.status === options.success) {
    expect(
      events.map((event) => event['action']),
      label,
    ).toEqual([options.action]);
    return after;
  }
  expectRetryLater(response);
  const mayRemain = options.mayRemain ?? (() => false);
  const changed = changedKeys(before, after).filter((key) => !mayRemain(key));
  expect(
    changed.map((key) => ({ key, before: before.get(key), after: after.get(key) })),
    label,
  ).toEqual([]);
  return after;
};

/**
 * Runs the sweep: at each call position, a fault the SDK's retries absorb (the request must succeed; a server error
 * or a dropped connection, whose retries are quick), then one they do not (all or nothing). Returns each position's
 * outcome under the second. Nothing else may write meanwhile (start the backend without its workers).
 */
export const faultSweep = async (options: SweepOptions): Promise<SweepOutcome[]> => {
  const { backend, proxy } = options;
  const start = proxy.seen.length;
  expect((await options.send()).status).toBe(options.success);
  const calls = proxy.seen.length - start;
  const outcomes: SweepOutcome[] = [];
  let store = await storeSnapshot(backend);
  for (let position = 0; position < calls; position++) {
    const hard = SWEEP_KINDS[position % SWEEP_KINDS.length]!;
    // Absorbed: a fault the SDK's retries outlast, and a call carried out whose answer was lost (the SDK sends it again,
    // and must not take its own write for a conflict). Then one they do not absorb.
    const absorbed = [[position % 2 === 0 ? 'server_error' : 'drop', SDK_ATTEMPTS - 1] as const, ['lost_answer', 1] as const];
    const runs = [...(options.recoverable === false ? [] : absorbed), [hard, SDK_ATTEMPTS] as const];
    for (const [fault, times] of runs) {
      proxy.inject({ fault, skip: position, window: { next: times } });
      const response = await options.send().finally(() => proxy.clear());
      const label = `call ${position + 1} of ${calls}, ${fault} × ${times}: ${response.status} ${response.text.slice(0, 200)}`;
      if (times < SDK_ATTEMPTS) expect(response.status, label).toBe(options.success);
      store = await expectAllOrNothing(options, response, store, label);
      if (times === SDK_ATTEMPTS) outcomes.push({ position, fault, status: response.status });
    }
  }
  return outcomes;
};

/** One position of {@link lostAnswerSweep}: the call whose answer was lost, and the request's answer. */
export interface LostAnswerOutcome {
  readonly position: number;
  readonly operation: string;
  readonly response: ApiResponse;
}

/**
 * Loses the answer to each call of a request in turn: the call is carried out, its answer never sent, and the SDK sends
 * it again (ADR 0020, "A timeout is ambiguous"). `send(position)` sends a fresh request each time; the sweep stops at the
 * first position the request no longer reaches. The caller asserts each answer (a resent write must find itself).
 *
 * @example
 * for (const { response } of await lostAnswerSweep(dynamo, () => signIn())) expect(response.status).toBe(200);
 */
export const lostAnswerSweep = async (
  proxy: FaultProxy,
  send: (position: number) => Promise<ApiResponse>,
  options: { readonly resource?: string; readonly max?: number } = {},
): Promise<LostAnswerOutcome[]> => {
  const outcomes: LostAnswerOutcome[] = [];
  for (let position = 0; position < (options.max ?? 40); position++) {
    const seenBefore = proxy.seen.length;
    proxy.inject({ fault: 'lost_answer', ...(options.resource === undefined ? {} : { resource: options.resource }), skip: position, window: { next: 1 } });
    const response = await send(position).finally(() => proxy.clear());
    const lost = proxy.seen.slice(seenBefore).find((call) => call.fault === 'lost_answer');
    if (lost === undefined) break;
    outcomes.push({ position, operation: lost.operation, response });
  }
  return outcomes;
};
