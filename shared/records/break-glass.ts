import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../audit/ports';
import { actorOf, requestFacts } from '../audit/actor';
import type { PractitionerRepository } from '../care/ports';
import { standingOf } from '../care/standing';
import type { BreakGlassGrant } from '../contracts/records';
import type { Caller, RequestMeta } from '../domain/caller';
import type { Clock } from '../domain/clock';
import { CareBowError, NotFoundError, TooManyRequestsError, ValidationError } from '../errors';
import type { UserRepository } from '../identity/ports';
import { places } from '../vault/places';
import type { SealingVault } from '../vault/vault';
import { consentStatus } from './consent-policy';
import type { BreakGlassMetrics, BreakGlassStore, ConsentRecord } from './ports';

/** How long a break-glass grant lasts. */
export const BREAK_GLASS_MINUTES = 60;
/** How many grants one provider may open per UTC day. */
export const BREAK_GLASS_DAILY_LIMIT = 3;

export interface BreakGlassDeps {
  /** The provider's practitioner profile: only a verified provider may break glass. */
  readonly practitioners: Pick<PractitionerRepository, 'get'>;
  /** The provider's account standing, and the patient's existence. */
  readonly users: Pick<UserRepository, 'get'>;
  readonly grants: BreakGlassStore;
  readonly vault: Pick<SealingVault, 'seal'>;
  readonly metrics: BreakGlassMetrics;
  readonly audit: AuditLog;
  readonly clock: Clock;
}

/** What the request did: a new or the live grant, or why not (the audit event's reason code, never the free text). */
type Decision =
  | { readonly code: 'granted'; readonly grant: ConsentRecord; readonly created: true }
  | { readonly code: 'live_grant'; readonly grant: ConsentRecord; readonly created: false }
  | { readonly code: 'provider_not_verified' | 'own_record' | 'patient_not_found' | 'daily_limit'; readonly refusal: CareBowError };

const utcDate = (now: Date): string => now.toISOString().slice(0, 10);
const secondsToUtcMidnight = (now: Date): number => (Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime()) / 1000;

const decide = async (deps: BreakGlassDeps, caller: Caller, patientId: string, reason: string, now: Date): Promise<Decision> => {
  const [profile, account, patient] = await Promise.all([deps.practitioners.get(caller.userId), deps.users.get(caller.userId), deps.users.get(patientId)]);
  // The provider first, so that a provider who may not break glass learns nothing about the patient.
  if (profile?.kind !== 'provider' || standingOf(profile, account) !== undefined) {
    return { code: 'provider_not_verified', refusal: new CareBowError(403, 'practitioner_not_verified', 'Only a verified provider may break glass.') };
  }
  if (patientId === caller.userId)
    return { code: 'own_record', refusal: new ValidationError('Your own profile needs no break-glass.', undefined, 'own_record') };
  if (patient?.status !== 'active') return { code: 'patient_not_found', refusal: new NotFoundError() };
  const live = (await deps.grants.between(patientId, caller.userId)).find((c) => c.kind === 'break_glass' && consentStatus(c, now) === 'active');
  if (live !== undefined) return { code: 'live_grant', grant: live, created: false };
  const id = randomUUID();
  const reasonSealed = await deps.vault.seal(places.breakGlassReason(patientId, id), reason);
  const date = utcDate(now);
  if (!(await deps.grants.count(caller.userId, date, BREAK_GLASS_DAILY_LIMIT))) {
    const message = `At most ${BREAK_GLASS_DAILY_LIMIT} break-glass grants per day; Retry-After says when the next is allowed.`;
    return { code: 'daily_limit', refusal: new TooManyRequestsError(secondsToUtcMidnight(now), message, 'break_glass_limit') };
  }
  const grant: ConsentRecord = {
    id,
    kind: 'break_glass',
    patientId,
    granteeId: caller.userId,
    scopes: ['profile.read'],
    purpose: 'emergency',
    expiresAt: new Date(now.getTime() + BREAK_GLASS_MINUTES * 60_000).toISOString(),
    createdAt: now.toISOString(),
    reasonSealed,
  };
  try {
    // A fresh random id: a refusal would be a collision, which a retry does not repeat.
    if (!(await deps.grants.create(grant))) throw new Error('break-glass grant id taken');
  } catch (error) {
    await deps.grants.uncount(caller.userId, date);
    throw error;
  }
  return { code: 'granted', grant, created: true };
};

/**
 * Break-glass (docs/security.md #9): a verified provider (profile verified, account active and a provider) opens an
 * active patient's profile without consent for 60 minutes: a `break_glass` consent item in the patient's partition,
 * `profile.read` only, which the profile read honours like a share consent. The reason is sealed under the patient's
 * key and never leaves the grant item. At most 3 grants per provider per UTC day (one conditional counter write:
 * the 4th is 429 `break_glass_limit`, Retry-After until midnight UTC); while a grant is live, asking again returns
 * it (`created: false`) and counts nothing. An unverified provider is 403, an unknown or deleted patient 404.
 * Every request is one `breakglass.open` event of high severity on the patient's chain, with a reason code only;
 * if the append fails, the grant and its count are undone and the request fails. A new grant emits `BreakGlassUsed`.
 */
export const openBreakGlass = async (
  deps: BreakGlassDeps,
  caller: Caller,
  patientId: string,
  reason: string,
  meta: RequestMeta,
): Promise<{ grant: BreakGlassGrant; created: boolean }> => {
  const now = deps.clock.now();
  const decision = await decide(deps, caller, patientId, reason, now);
  const refusal = 'refusal' in decision ? decision.refusal : undefined;
  const grant = 'grant' in decision ? decision.grant : undefined;
  try {
    await deps.audit.append({
      action: 'breakglass.open',
      outcome: refusal === undefined ? 'success' : refusal.status === 403 || refusal.status === 429 ? 'denied' : 'failure',
      subjectId: patientId,
      actor: actorOf(caller),
      resource: { type: 'break_glass', ...(grant ? { id: grant.id } : {}) },
      reason: decision.code,
      severity: 'high',
      ...requestFacts(meta),
    });
  } catch (error) {
    // No unaudited grant: take it back, and its count, then fail; a retry opens it once.
    if (decision.code === 'granted') {
      await deps.grants.undoCreate(decision.grant, undefined);
      await deps.grants.uncount(caller.userId, utcDate(now));
    }
    throw error;
  }
  if (refusal !== undefined) throw refusal;
  if (decision.code === 'granted') deps.metrics.used();
  return { grant: { grantId: grant!.id, patientId, expiresAt: grant!.expiresAt! }, created: decision.code === 'granted' };
};
