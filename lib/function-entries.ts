import { routes } from '../functions/routes';

/**
 * Every function CareBow deploys, by its handler module under `functions/` (without extension): the one
 * list the one-pass build (lib/function-bundles.ts) and the bench's and the budgets' targets (bench/functions.ts)
 * take their entries from.
 */

/** The API's token authorizer (lib/api.ts). */
export const AUTHORIZER_ENTRY = 'identity/authorizer';
/** The symptom-session worker (lib/triage.ts). */
export const TRIAGE_WORKER_ENTRY = 'triage/worker';
/** The chat worker (lib/chat.ts). */
export const CHAT_WORKER_ENTRY = 'chat/worker';
/** The notifications worker (lib/notifications.ts). */
export const NOTIFICATIONS_WORKER_ENTRY = 'notifications/worker';
/** The content worker (lib/content.ts). */
export const CONTENT_WORKER_ENTRY = 'content/worker';
/** The audit anchor worker (lib/audit-anchor.ts). */
export const AUDIT_ANCHOR_ENTRY = 'audit/anchor';

/** The authorizer, each route's entry in table order, then the workers. */
export const functionEntries = (): readonly string[] => [
  ...new Set([
    AUTHORIZER_ENTRY,
    ...Object.values(routes).map((route) => route.entry),
    TRIAGE_WORKER_ENTRY,
    CHAT_WORKER_ENTRY,
    NOTIFICATIONS_WORKER_ENTRY,
    CONTENT_WORKER_ENTRY,
    AUDIT_ANCHOR_ENTRY,
  ]),
];
