import { BUDGETS, DAY, HOUR } from '../shared/budgets/limits';
import { MODEL_ATTEMPTS } from '../shared/triage/process-session';

/**
 * What one abusive account can make CareBow spend, from the limits themselves (issue 14): the per-user budgets
 * (shared/budgets/limits.ts), the AI quota's defaults (shared/config.ts) and the model's price per call (bench/triage.ts).
 * Arithmetic, not a measurement: it changes when a limit or the price does, and `test/unit/abuse-cost.test.ts` pins it.
 */

export interface Section {
  readonly lines: string[];
  readonly failures: string[];
}

/** USD per model call: a typical triage, and the longest request the route accepts with the answer at its cap. */
export interface CallCost {
  readonly typical: number;
  readonly longest: number;
}

/** The AI quota's token bucket (`AI_QUOTA_BURST`, `AI_QUOTA_PER_HOUR` in shared/config.ts, their defaults). */
export interface AiQuota {
  readonly burst: number;
  readonly perHour: number;
}

/** One row of what an account can cause: requests in its first hour and first day, and model calls or messages each. */
export interface AbuseRow {
  readonly source: string;
  readonly firstHour: number;
  readonly firstDay: number;
  /** Model calls each request can cost: one, or up to `MODEL_ATTEMPTS` when the model fails and the worker retries. */
  readonly modelCalls: { readonly typical: number; readonly most: number };
  /** Messages to other people each request sends (e-mail, and SMS where the recipient opted in). */
  readonly messages: number;
}

/** The requests a budget allows in a window of `seconds` from its start: the tightest of its windows, scaled. */
const allowed = (windows: readonly { limit: number; seconds: number }[], seconds: number): number =>
  Math.min(...windows.map((window) => window.limit * Math.ceil(seconds / window.seconds)));

/** The rows of {@link abuseCost}: each budgeted source, and the AI quota. */
export const abuseRows = (quota: AiQuota): AbuseRow[] => [
  {
    source: 'symptom sessions (symptomSession)',
    firstHour: allowed(BUDGETS.symptomSession, HOUR),
    firstDay: allowed(BUDGETS.symptomSession, DAY),
    modelCalls: { typical: 1, most: MODEL_ATTEMPTS },
    messages: 0,
  },
  {
    source: 'follow-up answers (followUpAnswers)',
    firstHour: allowed(BUDGETS.followUpAnswers, HOUR),
    firstDay: allowed(BUDGETS.followUpAnswers, DAY),
    modelCalls: { typical: 1, most: MODEL_ATTEMPTS },
    messages: 0,
  },
  {
    source: 'AI quota (enhanced AI, chat)',
    firstHour: quota.burst + quota.perHour,
    firstDay: quota.burst + quota.perHour * 24,
    modelCalls: { typical: 1, most: 1 },
    messages: 0,
  },
  {
    source: 'appointment changes (appointmentChanges)',
    firstHour: allowed(BUDGETS.appointmentChanges, HOUR),
    firstDay: allowed(BUDGETS.appointmentChanges, DAY),
    modelCalls: { typical: 0, most: 0 },
    messages: 2,
  },
  {
    // No model call or message, but each reads and opens every record of the account (the key service included).
    source: 'data exports (dataExport)',
    firstHour: allowed(BUDGETS.dataExport, HOUR),
    firstDay: allowed(BUDGETS.dataExport, DAY),
    modelCalls: { typical: 0, most: 0 },
    messages: 0,
  },
];

/** Totals of {@link abuseRows}: model calls, USD and messages in the first hour, typical and at most. */
export const abuseTotals = (rows: readonly AbuseRow[], cost: CallCost) => ({
  modelCallsTypical: rows.reduce((sum, row) => sum + row.firstHour * row.modelCalls.typical, 0),
  modelCallsMost: rows.reduce((sum, row) => sum + row.firstHour * row.modelCalls.most, 0),
  usdTypical: rows.reduce((sum, row) => sum + row.firstHour * row.modelCalls.typical * cost.typical, 0),
  usdMost: rows.reduce((sum, row) => sum + row.firstHour * row.modelCalls.most * cost.longest, 0),
  messagesFirstHour: rows.reduce((sum, row) => sum + row.firstHour * row.messages, 0),
  messagesFirstDay: rows.reduce((sum, row) => sum + row.firstDay * row.messages, 0),
});

/**
 * The bench's section: one row per source, then what one account can cost in its first hour.
 *
 * @example
 * const section = abuseCost({ typical: 0.00054, longest: 0.00186 }, { burst: 20, perHour: 60 });
 */
export const abuseCost = (cost: CallCost, quota: AiQuota): Section => {
  const rows = abuseRows(quota);
  const totals = abuseTotals(rows, cost);
  const usd = (n: number) => `$${n.toFixed(3)}`;
  const lines = [
    'What one abusive account can cost (from the limits: shared/budgets/limits.ts, the AI quota, the model price above):',
    '  source                                     first hour   first day   model calls each   messages each',
    ...rows.map(
      (row) =>
        `  ${row.source.padEnd(42)} ${String(row.firstHour).padStart(10)}   ${String(row.firstDay).padStart(9)}   ${`${row.modelCalls.typical} (≤ ${row.modelCalls.most})`.padStart(16)}   ${String(row.messages).padStart(13)}`,
    ),
    `  first hour: ${totals.modelCallsTypical} model calls, ${usd(totals.usdTypical)} typical; at most ${totals.modelCallsMost} calls, ${usd(totals.usdMost)} (every call retried, every request the longest)`,
    `  messages to others: ${totals.messagesFirstHour} in the first hour, ${totals.messagesFirstDay} in a day (phone codes: 5 a day, to the caller's own number)`,
  ];
  return { lines, failures: [] };
};
