/**
 * When an injected fault applies: a list of rules, each matching calls by operation and resource and firing on
 * the next N matching calls, on every k-th one, or for a while. Shared by the fault proxy (DynamoDB, SQS) and the
 * key-service decorator, so a test reads the same way whichever dependency it breaks.
 */

/** What a fault does to a call. */
export type FaultKind =
  /** A throttling error as the service sends it (400): DynamoDB `ProvisionedThroughputExceededException`, SQS `RequestThrottled`, KMS `ThrottlingException`. */
  | 'throttle'
  /** A 500 (`InternalServerError`, `InternalFailure`, `KMSInternalException`). */
  | 'server_error'
  /** No answer: the call is held (never forwarded) until the client gives up. */
  | 'timeout'
  /** The connection is destroyed before any answer. */
  | 'drop'
  /** Answered correctly after `delayMs`. */
  | 'slow'
  /** Forwarded and carried out, then the connection is destroyed before the answer: the write happened, its answer is lost. */
  | 'lost_answer';

/** Which calls fire: the next `next`, every `every`-th, or all of them for `forMs` from the rule's start. */
export type FaultWindow = { readonly next: number } | { readonly every: number } | { readonly forMs: number };

export interface FaultRule {
  readonly fault: FaultKind;
  readonly window: FaultWindow;
  /** The operation, e.g. `PutItem`, `SendMessage`, `unwrap`; any when absent. */
  readonly operation?: string;
  /** The table or queue name (or one of them for a batch); any when absent. */
  readonly resource?: string;
  /** Lets this many matching calls through before the window starts (targets the n-th write of a request). @default 0 */
  readonly skip?: number;
  /** `slow`: the delay before forwarding; `timeout`: the longest hold. @default 1000 (slow), 30000 (timeout) */
  readonly delayMs?: number;
}

/** One call the schedule saw, and the fault it got. */
export interface SeenCall {
  readonly operation: string;
  readonly resources: readonly string[];
  readonly fault?: FaultKind;
}

interface ActiveRule {
  readonly rule: FaultRule;
  readonly startedAt: number;
  matched: number;
}

export interface FaultSchedule {
  /** Adds a rule; the window of `forMs` starts now. */
  inject(rule: FaultRule): void;
  /** Removes every rule (the fault clears). */
  clear(): void;
  /** The rule that fires for this call, if any; counts the call as matched by every rule it matches. */
  decide(operation: string, resources: readonly string[]): FaultRule | undefined;
  /** Every call decided so far, in order. */
  readonly seen: SeenCall[];
}

const fires = (active: ActiveRule, now: number): boolean => {
  const skip = active.rule.skip ?? 0;
  const position = active.matched - skip; // 1-based position within the window
  if (position < 1) return false;
  const window = active.rule.window;
  if ('next' in window) return position <= window.next;
  if ('every' in window) return position % window.every === 0;
  return now - active.startedAt < window.forMs;
};

/**
 * A fault schedule. `now` is injectable for unit tests.
 *
 * @example
 * const schedule = faultSchedule();
 * schedule.inject({ fault: 'throttle', operation: 'PutItem', resource: 'carebow-local-audit', window: { next: 3 } });
 */
export const faultSchedule = (now: () => number = Date.now): FaultSchedule => {
  let rules: ActiveRule[] = [];
  const seen: SeenCall[] = [];
  return {
    seen,
    inject: (rule) => {
      rules.push({ rule, startedAt: now(), matched: 0 });
    },
    clear: () => {
      rules = [];
    },
    decide: (operation, resources) => {
      let chosen: FaultRule | undefined;
      for (const active of rules) {
        const { rule } = active;
        if (rule.operation !== undefined && rule.operation !== operation) continue;
        if (rule.resource !== undefined && !resources.includes(rule.resource)) continue;
        active.matched += 1;
        if (chosen === undefined && fires(active, now())) chosen = rule;
      }
      seen.push({ operation, resources, ...(chosen ? { fault: chosen.fault } : {}) });
      return chosen;
    },
  };
};
