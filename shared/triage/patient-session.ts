import { actorOf, requestFacts } from '../audit/actor';
import { type AccountStatusReader, lostStanding } from '../audit/active-account';
import type { AppointmentRepository } from '../care/ports';
import type { SymptomSession } from '../contracts/triage';
import type { AppDeps } from '../deps';
import type { Caller, RequestMeta } from '../domain/caller';
import { CARE_TEAM_ROLES } from '../domain/roles';
import { NotFoundError } from '../errors';
import { consentStatus } from '../records/consent-policy';
import type { ConsentRecord, ConsentRepository } from '../records/ports';
import type { SymptomSessionReader } from './ports';
import { sessionView } from './session-view';

type Deps = Pick<AppDeps, 'vault' | 'audit' | 'clock'> & {
  readonly consents: Pick<ConsentRepository, 'between'>;
  /** The caller's own copy of the appointment a consent serves. */
  readonly appointments: Pick<AppointmentRepository, 'get'>;
  readonly sessions: Pick<SymptomSessionReader, 'getSession'>;
  /** The caller's own standing: a token outlives its account's disabling and a revoked role. */
  readonly users: AccountStatusReader;
};

/** At most this many of the caller's live booking consents from one patient are followed to their appointment. */
export const MAX_SHARED_APPOINTMENTS = 20;

/** A live share consent to `granteeId` with `triage.read` that a booking made (it names its appointment). */
const liveBookingConsent = (consent: ConsentRecord, granteeId: string, now: Date): boolean =>
  consent.kind === 'share' &&
  consent.granteeId === granteeId &&
  consent.appointmentId !== undefined &&
  (consent.scopes ?? []).includes('triage.read') &&
  consentStatus(consent, now) === 'active';

/**
 * A patient's symptom session for a caregiver or provider, only under the share consent of a booking
 * that named it (`POST /api/v1/appointments` with `shareProfile` and `symptomSessionId`): a live
 * consent (neither revoked nor expired) from the patient to the caller with `triage.read`, whose
 * appointment (the caller's own copy, as its practitioner, not cancelled) names this session and this
 * consent. So a practitioner reads the one session a booking shared, not every session of the patient,
 * and a consent given by hand (no appointment) reaches none here. Anything else is 404, exactly as for
 * a session that does not exist. Like `getPatientProfile`, audited after reading (nothing is written,
 * nothing is returned if the append fails): one `triage.read` event on the patient's chain, naming
 * the consent.
 */
export const getPatientSession = async (deps: Deps, caller: Caller, patientId: string, sessionId: string, meta: RequestMeta): Promise<SymptomSession> => {
  const now = deps.clock.now();
  const [consents, account] = await Promise.all([deps.consents.between(patientId, caller.userId), deps.users.get(caller.userId)]);
  const lost = lostStanding(account, caller, CARE_TEAM_ROLES);
  const live = (lost === undefined ? consents : []).filter((consent) => liveBookingConsent(consent, caller.userId, now)).slice(0, MAX_SHARED_APPOINTMENTS);
  let consent: ConsentRecord | undefined;
  for (const candidate of live) {
    const appointment = await deps.appointments.get(caller.userId, candidate.appointmentId!);
    if (
      appointment?.practitionerId === caller.userId &&
      appointment.patientId === patientId &&
      appointment.shareConsentId === candidate.id &&
      appointment.symptomSessionId === sessionId &&
      appointment.status !== 'cancelled' &&
      appointment.status !== 'pending'
    ) {
      consent = candidate;
      break;
    }
  }
  const stored = consent ? await deps.sessions.getSession(patientId, sessionId) : undefined;
  const view = stored ? await sessionView(deps, stored) : undefined;
  await deps.audit.append({
    action: 'triage.read',
    outcome: view ? 'success' : consent ? 'failure' : 'denied',
    subjectId: patientId,
    actor: actorOf(caller),
    resource: { type: 'symptom_session', id: sessionId },
    ...requestFacts(meta),
    reason: consent ? (view ? `consent:${consent.id}` : 'not_found') : (lost ?? (live.length > 0 ? 'session_not_shared' : 'no_active_consent')),
  });
  if (view === undefined) throw new NotFoundError();
  return view;
};
