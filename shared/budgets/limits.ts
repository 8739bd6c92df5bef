/**
 * Per-user budgets of the routes that start costly work: the one place their limits are written (docs/architecture.md,
 * "Per-user budgets", computes what one account can cost with them). Each budget is a list of fixed windows; a
 * request is refused with `429 budget_exceeded` as soon as one window is full. Windows are aligned to the epoch
 * (whole UTC hours and days), so a caller can spend one hour's allowance at its end and the next at its start: the
 * longer window bounds that.
 */
export interface BudgetWindow {
  /** Requests allowed per window. */
  readonly limit: number;
  /** Length of the window; windows start at multiples of it since the epoch. */
  readonly seconds: number;
}

export const HOUR = 3_600;
export const DAY = 86_400;

/**
 * @example
 * BUDGETS.symptomSession; // [{ limit: 10, seconds: 3600 }, { limit: 30, seconds: 86400 }]
 */
export const BUDGETS = {
  /**
   * Non-emergency symptom sessions a patient may start (`POST /api/v1/symptom-sessions`): each is queued for the
   * triage worker and, with the patient's AI consent, a billed model call. Emergencies are never refused.
   */
  symptomSession: [
    { limit: 10, seconds: HOUR },
    { limit: 30, seconds: DAY },
  ],
  /** Follow-up answers (`POST /api/v1/symptom-sessions/{id}/answers`): each re-queues the session, a model call again. */
  followUpAnswers: [
    { limit: 20, seconds: HOUR },
    { limit: 60, seconds: DAY },
  ],
  /**
   * Bookings, reschedules and cancellations a caller may make (`POST /api/v1/appointments`, `…/{id}/reschedule`,
   * `…/{id}/cancel`): each queues a message to the patient and one to the practitioner (e-mail, maybe SMS) and moves
   * reminders, so a loop of them would flood a practitioner. A practitioner cancelling a whole day fits in the hour.
   */
  appointmentChanges: [
    { limit: 30, seconds: HOUR },
    { limit: 100, seconds: DAY },
  ],
  /**
   * Data exports (`GET /api/v1/me/export`): each reads every record of the account and opens every sealed field, the
   * most PHI one answer holds and the widest read fan-out of any route, so a loop of them (a script, a stolen token)
   * would cost key-service calls and reads without end. The right of access needs a handful a day.
   */
  dataExport: [
    { limit: 5, seconds: HOUR },
    { limit: 20, seconds: DAY },
  ],
} as const satisfies Record<string, readonly BudgetWindow[]>;

export type BudgetName = keyof typeof BUDGETS;
