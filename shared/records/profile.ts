import { activeConsentFor } from './consent-policy';
import { type AccountStatusReader, lostStanding } from '../audit/active-account';
import { CARE_TEAM_ROLES } from '../domain/roles';
import type { AppDeps } from '../deps';
import { NotFoundError, PreconditionFailedError } from '../errors';
import type { Caller, RequestMeta } from '../domain/caller';
import { undoPersistently } from '../domain/undo';
import type { HealthProfile } from '../contracts/records';
import { actorOf, requestFacts } from '../audit/actor';
import { places } from '../vault/places';
import type { StoredProfile } from './ports';

export interface ProfileView {
  readonly profile: HealthProfile;
  readonly version: number;
  readonly updatedAt: string;
}

type ProfileDeps = Pick<AppDeps, 'profiles' | 'vault' | 'audit' | 'clock'>;

/** `"<version>"`: the strong ETag of a profile version. */
export const etagOf = (version: number): string => `"${version}"`;

/** The version an `If-Match` names; `undefined` when absent. A malformed one matches nothing. */
export const versionFromIfMatch = (ifMatch: string | undefined): number | undefined | 'none' => {
  if (ifMatch === undefined) return undefined;
  const match = /^(?:W\/)?"(\d{1,12})"$/.exec(ifMatch.trim());
  return match ? Number(match[1]) : 'none';
};

const readProfile = async (deps: ProfileDeps, patientId: string): Promise<ProfileView | undefined> => {
  const stored = await deps.profiles.get(patientId);
  if (stored === undefined) return undefined;
  return { profile: await deps.vault.openJson<HealthProfile>(places.profile(patientId), stored.sealed), version: stored.version, updatedAt: stored.updatedAt };
};

/**
 * The caller's own profile; the read is audited whether or not there is one. A read writes nothing, so auditing it
 * after reading is sound: if the append fails, the request fails before anything is returned.
 */
export const getOwnProfile = async (deps: ProfileDeps, caller: Caller, meta: RequestMeta): Promise<ProfileView> => {
  const view = await readProfile(deps, caller.userId);
  await deps.audit.append({
    action: 'profile.read',
    outcome: view ? 'success' : 'failure',
    subjectId: caller.userId,
    actor: actorOf(caller),
    resource: { type: 'profile', id: caller.userId },
    ...requestFacts(meta),
    ...(view ? {} : { reason: 'not_found' }),
  });
  if (view === undefined) throw new NotFoundError('No profile yet.');
  return view;
};

/**
 * Replaces the caller's profile. Creating needs no `If-Match`; replacing needs the current ETag,
 * so of two concurrent updates one gets 412 and nothing is lost silently. If the audit append
 * fails, the previous version is put back and the request fails.
 */
export const putOwnProfile = async (
  deps: ProfileDeps,
  caller: Caller,
  profile: HealthProfile,
  ifMatch: string | undefined,
  meta: RequestMeta,
): Promise<ProfileView> => {
  const expected = versionFromIfMatch(ifMatch);
  const updatedAt = deps.clock.now().toISOString();
  let previous: StoredProfile | undefined;
  let written: StoredProfile | undefined;
  if (expected !== 'none') {
    // What a replace overwrites, read first so that a failed audit can put it back.
    previous = expected === undefined ? undefined : await deps.profiles.get(caller.userId);
    const sealed = await deps.vault.sealJson(places.profile(caller.userId), profile);
    if (await deps.profiles.put(caller.userId, sealed, updatedAt, expected)) written = { sealed, version: (expected ?? 0) + 1, updatedAt };
  }
  try {
    await deps.audit.append({
      action: 'profile.write',
      outcome: written ? 'success' : 'failure',
      subjectId: caller.userId,
      actor: actorOf(caller),
      resource: { type: 'profile', id: caller.userId },
      ...requestFacts(meta),
      ...(written ? {} : { reason: 'precondition_failed' }),
    });
  } catch (error) {
    // No unaudited write: put the previous version back (unless someone wrote since), then fail.
    if (written) await undoPersistently(() => deps.profiles.undoPut(caller.userId, written, previous));
    throw error;
  }
  if (written === undefined) {
    throw new PreconditionFailedError(
      expected === undefined
        ? 'A profile exists: send If-Match with its ETag to replace it.'
        : 'The profile has changed; reload it and retry with the new ETag.',
    );
  }
  return { profile, version: written.version, updatedAt };
};

/**
 * A patient's profile for a caregiver or provider: only under an active consent with
 * `profile.read` (or a provider's live break-glass grant). Without one the answer is 404, exactly as for a patient who does not exist,
 * and the denial is audited. Like every read, audited after reading: nothing is written, and nothing is returned
 * if the append fails.
 */
export const getPatientProfile = async (
  deps: ProfileDeps & Pick<AppDeps, 'consents'> & { readonly users: AccountStatusReader },
  caller: Caller,
  patientId: string,
  meta: RequestMeta,
): Promise<ProfileView> => {
  // The caller's own standing, read beside the consents: a token outlives its account's disabling and a revoked role.
  const [consents, account] = await Promise.all([deps.consents.between(patientId, caller.userId), deps.users.get(caller.userId)]);
  const lost = lostStanding(account, caller, CARE_TEAM_ROLES);
  const consent = lost === undefined ? activeConsentFor(consents, caller.userId, 'profile.read', deps.clock.now()) : undefined;
  const view = consent === undefined ? undefined : await readProfile(deps, patientId);
  await deps.audit.append({
    action: 'profile.read',
    outcome: view ? 'success' : consent ? 'failure' : 'denied',
    subjectId: patientId,
    actor: actorOf(caller),
    resource: { type: 'profile', id: patientId },
    ...requestFacts(meta),
    // A read under a break-glass grant names it, so the patient's access log and compliance can tie it to the grant.
    reason: consent ? (view ? `${consent.kind === 'break_glass' ? 'breakglass' : 'consent'}:${consent.id}` : 'not_found') : (lost ?? 'no_active_consent'),
  });
  if (view === undefined) throw new NotFoundError();
  return view;
};
