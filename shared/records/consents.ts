import { createHash, randomUUID } from 'node:crypto';
import { consentStatus } from './consent-policy';
import type { Consent, CreateConsentRequest } from '../contracts/records';
import type { AppDeps } from '../deps';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { Caller, RequestMeta } from '../domain/caller';
import { requireActiveAccount } from '../audit/active-account';
import { undoPersistently } from '../domain/undo';
import { actorOf, requestFacts } from '../audit/actor';
import type { ConsentRecord, ConsentRepository, ConsentUndo } from './ports';
import { mapPage, type Page, type PageRequest } from '../domain/page';
type ConsentDeps = Pick<AppDeps, 'users' | 'audit' | 'clock'> & { consents: ConsentRepository & ConsentUndo };

/** Roles that can receive a share consent. */
const GRANTEE_ROLES = new Set(['caregiver', 'provider']);

/**
 * The AI-processing consent's id is derived from the patient (a name-based UUID), so "at most one
 * active" is one conditional write on one item.
 */
export const aiConsentId = (patientId: string): string => {
  const hex = createHash('sha256').update(`ai_processing:${patientId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export const consentView = (record: ConsentRecord, now: Date): Consent => ({
  id: record.id,
  kind: record.kind,
  patientId: record.patientId,
  ...(record.granteeId ? { granteeId: record.granteeId } : {}),
  ...(record.scopes ? { scopes: [...record.scopes] as Consent['scopes'] } : {}),
  ...(record.purpose ? { purpose: record.purpose as Consent['purpose'] } : {}),
  ...(record.expiresAt ? { expiresAt: record.expiresAt } : {}),
  createdAt: record.createdAt,
  ...(record.revokedAt ? { revokedAt: record.revokedAt } : {}),
  ...(record.appointmentId ? { appointmentId: record.appointmentId } : {}),
  status: consentStatus(record, now),
});

/** Grants a share consent to a caregiver or provider, or the AI-processing consent. Audited: if the append fails, the grant is undone. */
export const createConsent = async (deps: ConsentDeps, caller: Caller, request: CreateConsentRequest, meta: RequestMeta): Promise<Consent> => {
  const now = deps.clock.now();
  if (request.kind !== 'ai_processing' && request.granteeId === caller.userId)
    throw new ValidationError('You cannot grant a consent to yourself.', undefined, 'self_grant');
  // The grantor too: an access token outlives its account's deletion by up to 15 minutes, and a consent granted
  // with it would let the grantee open what the deletion left sealed (found by a sequence of requests, issue 14).
  const [, grantee] = await Promise.all([
    requireActiveAccount(deps, caller, meta, { action: 'consent.grant', resource: { type: 'consent' } }),
    request.kind === 'ai_processing' ? undefined : deps.users.get(request.granteeId),
  ]);
  let record: ConsentRecord;
  if (request.kind === 'ai_processing') {
    record = { id: aiConsentId(caller.userId), kind: 'ai_processing', patientId: caller.userId, createdAt: now.toISOString() };
  } else {
    if (grantee === undefined || grantee.status !== 'active' || !grantee.roles.some((role) => GRANTEE_ROLES.has(role))) {
      throw new NotFoundError('No caregiver or provider with that id.');
    }
    record = {
      id: randomUUID(),
      kind: 'share',
      patientId: caller.userId,
      granteeId: request.granteeId,
      scopes: [...request.scopes],
      purpose: request.purpose,
      ...(request.expiresAt ? { expiresAt: request.expiresAt } : {}),
      createdAt: now.toISOString(),
    };
  }
  // What the write may replace (a revoked AI consent, whose id is per patient), so a failed audit can put it back.
  const previous = record.kind === 'ai_processing' ? await deps.consents.get(caller.userId, record.id) : undefined;
  if (!(await deps.consents.create(record))) throw new ConflictError('AI processing is already allowed.', 'consent_exists');
  try {
    await deps.audit.append({
      action: 'consent.grant',
      outcome: 'success',
      subjectId: caller.userId,
      actor: actorOf(caller),
      resource: { type: 'consent', id: record.id },
      reason: record.kind === 'share' ? `${record.granteeId}:${record.scopes!.join(',')}` : 'ai_processing',
      ...requestFacts(meta),
    });
  } catch (error) {
    // No unaudited consent: undo the grant (unless it changed meanwhile), then fail; a retry grants it once.
    await undoPersistently(() => deps.consents.undoCreate(record, previous));
    throw error;
  }
  return consentView(record, now);
};

/** Consents the caller granted (as a patient) or received (as a caregiver or provider). */
export const listConsents = async (deps: ConsentDeps, caller: Caller, direction: 'granted' | 'received', page: PageRequest): Promise<Page<Consent>> => {
  const result = direction === 'granted' ? await deps.consents.granted(caller.userId, page) : await deps.consents.received(caller.userId, page);
  const now = deps.clock.now();
  return mapPage(result, (record) => consentView(record, now));
};

/** Revokes one of the caller's consents, effective immediately. Someone else's is 404. Audited: if the append fails, the revocation is undone. */
export const revokeConsent = async (deps: ConsentDeps, caller: Caller, consentId: string, meta: RequestMeta): Promise<void> => {
  const existing = await deps.consents.get(caller.userId, consentId);
  if (existing === undefined) throw new NotFoundError();
  const at = deps.clock.now().toISOString();
  const revoked = await deps.consents.revoke(caller.userId, consentId, at);
  try {
    await deps.audit.append({
      action: 'consent.revoke',
      outcome: 'success',
      subjectId: caller.userId,
      actor: actorOf(caller),
      resource: { type: 'consent', id: consentId },
      ...requestFacts(meta),
      ...(revoked ? {} : { reason: 'already_revoked' }),
    });
  } catch (error) {
    // No unaudited revocation: undo it (unless it changed meanwhile), then fail; the consent is as it was.
    if (revoked) await undoPersistently(() => deps.consents.undoRevoke(caller.userId, consentId, at));
    throw error;
  }
};
