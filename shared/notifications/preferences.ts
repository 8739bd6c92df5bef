import { actorOf, requestFacts } from '../audit/actor';
import { type AccountStatusReader, requireActiveAccount } from '../audit/active-account';
import type { AuditEvent } from '../audit/ports';
import type { Preferences, PreferencesRequest } from '../contracts/notifications';
import type { Caller, RequestMeta } from '../domain/caller';
import { ConflictError } from '../errors';
import type { NotificationDeps, NotificationPreferences, StoredPreferences } from './ports';

type Deps<K extends keyof NotificationDeps> = Pick<NotificationDeps, K>;

/**
 * Notification preferences (`GET/PUT /api/v1/me/notification-preferences`). Not PHI, but every
 * request still appends one audit event (`notification_preferences.read` / `.write`), and a write
 * whose append fails is undone.
 */

/** What applies before a user sets anything: e-mail on, SMS off, every type on but marketing, no quiet hours. */
export const DEFAULT_PREFERENCES: NotificationPreferences = {
  channels: { email: true, sms: false },
  types: { appointment_reminder: true, appointment_change: true, triage_ready: true, security: true, marketing: false },
};

/** The preferences in force: the stored ones, else the defaults. */
export const effectivePreferences = (stored: StoredPreferences | undefined): NotificationPreferences => stored?.preferences ?? DEFAULT_PREFERENCES;

/** The preferences as their owner sees them (the routes, the account's export). */
export const preferencesView = (stored: StoredPreferences | undefined): Preferences => {
  const preferences = effectivePreferences(stored);
  return {
    channels: { ...preferences.channels },
    types: { ...preferences.types, security: true },
    ...(preferences.quietHours ? { quietHours: { ...preferences.quietHours } } : {}),
    version: stored?.version ?? 0,
    ...(stored ? { updatedAt: stored.updatedAt } : {}),
  };
};

/** A request over the defaults: an omitted switch takes its default, `security` is always on. */
export const preferencesFrom = (body: PreferencesRequest): NotificationPreferences => ({
  channels: { ...DEFAULT_PREFERENCES.channels, ...definedOnly(body.channels ?? {}) },
  types: { ...DEFAULT_PREFERENCES.types, ...definedOnly(body.types ?? {}), security: true },
  ...(body.quietHours ? { quietHours: body.quietHours } : {}),
});

const definedOnly = <T extends object>(value: T): Partial<T> => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

const event = (caller: Caller, meta: RequestMeta, action: string, outcome: AuditEvent['outcome'], reason?: string): AuditEvent => ({
  action,
  outcome,
  subjectId: caller.userId,
  actor: actorOf(caller),
  resource: { type: 'notification_preferences', id: caller.userId },
  ...requestFacts(meta),
  ...(reason ? { reason } : {}),
});

export const getPreferences = async (deps: Deps<'preferences' | 'audit'>, caller: Caller, meta: RequestMeta): Promise<Preferences> => {
  const stored = await deps.preferences.get(caller.userId);
  await deps.audit.append(event(caller, meta, 'notification_preferences.read', 'success', stored ? undefined : 'defaults'));
  return preferencesView(stored);
};

/** Concurrent writers: the last one wins, each re-reading the version it replaces (three tries, then 409). */
const ATTEMPTS = 3;

/** Replaces the caller's preferences (last writer wins; each write is one conditional put on the version it read). */
export const putPreferences = async (
  deps: Deps<'preferences' | 'audit' | 'clock'> & { readonly users: AccountStatusReader },
  caller: Caller,
  body: PreferencesRequest,
  meta: RequestMeta,
): Promise<Preferences> => {
  // A token that outlives its account writes no preferences (404): the deletion removed them.
  await requireActiveAccount(deps, caller, meta, {
    action: 'notification_preferences.write',
    resource: { type: 'notification_preferences', id: caller.userId },
  });
  const preferences = preferencesFrom(body);
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const previous = await deps.preferences.get(caller.userId);
    const next: StoredPreferences = { preferences, version: (previous?.version ?? 0) + 1, updatedAt: deps.clock.now().toISOString() };
    if (!(await deps.preferences.put(caller.userId, next))) continue;
    try {
      await deps.audit.append(event(caller, meta, 'notification_preferences.write', 'success'));
    } catch (error) {
      await deps.preferences.undoPut(caller.userId, next, previous);
      throw error;
    }
    return preferencesView(next);
  }
  await deps.audit.append(event(caller, meta, 'notification_preferences.write', 'failure', 'conflict'));
  throw new ConflictError('The preferences kept changing meanwhile; retry.');
};
