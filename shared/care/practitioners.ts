import { actorOf, requestFacts } from '../audit/actor';
import { type AccountStatusReader, requireActiveAccount } from '../audit/active-account';
import type { AuditEvent } from '../audit/ports';
import type { PractitionerProfile, PractitionerProfileRequest, PublicPractitioner } from '../contracts/care';
import { PRACTITIONER_KINDS, type PractitionerKind } from '../contracts/care-bounds';
import type { Caller, RequestMeta } from '../domain/caller';
import { ADMIN_ROLES } from '../domain/roles';
import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from '../errors';
import { versionFromIfMatch } from '../records/profile';
import type { CareDeps, LedgerRepository, PractitionerRecord, RatingAggregate } from './ports';
import { hasValidCredential, localToday, standingOf } from './standing';
import { ownView, ratingView } from './views';

/**
 * Practitioner profiles: a provider or caregiver keeps one, an admin verifies it, and any signed-in
 * user reads a verified one in its public form. Every call appends exactly one audit event (to the
 * practitioner's chain), success or not; a write whose append fails is undone and the request fails.
 *
 * Decisions (docs/architecture.md, the care area):
 * - `kind` follows from the caller's role. A caller holding both roles must name it in the body
 *   (`kind_required`, 400): the profile they mean is never guessed.
 * - A verified profile stays verified through a change of what verification does not vouch for (bio,
 *   languages, time zone, location, radius, telehealth). A change of what it vouches for (`vouchedFor`:
 *   kind, display name, specialties or skills, credentials, an expiry included) makes it unverified
 *   again, until an admin verifies it anew.
 */

type Deps<K extends keyof CareDeps> = Pick<CareDeps, K>;

const resourceOf = (practitionerId: string): AuditEvent['resource'] => ({ type: 'practitioner', id: practitionerId });

/** Why a body cannot be the caller's profile, for the audit event and the 400. */
type KindRefusal = { readonly reason: 'kind_required' | 'kind_not_held' | 'kind_mismatch'; readonly message: string };

/** The kind of profile `body` is for `caller`: from their one practitioner role, or the body's `kind` for a holder of both. */
export const practitionerKindOf = (caller: Caller, body: PractitionerProfileRequest): PractitionerKind | KindRefusal => {
  const held = PRACTITIONER_KINDS.filter((kind) => caller.roles.includes(kind));
  if (body.kind === undefined && held.length > 1) {
    return { reason: 'kind_required', message: 'You hold both the provider and the caregiver role: name the profile’s kind.' };
  }
  const kind = body.kind ?? held[0];
  if (kind === undefined || !held.includes(kind)) return { reason: 'kind_not_held', message: 'Your roles do not include the kind of profile sent.' };
  if ((body.specialties === undefined ? 'caregiver' : 'provider') !== kind) {
    return {
      reason: 'kind_mismatch',
      message: kind === 'provider' ? 'A provider lists specialties, not skills.' : 'A caregiver lists skills and a service radius, not specialties.',
    };
  }
  return kind;
};

const sorted = (items: readonly string[] | undefined): string[] => [...(items ?? [])].sort();

/** What an admin's verification vouches for, in one comparable string (list order does not count). */
export const vouchedFor = (profile: Pick<PractitionerRecord, 'kind' | 'displayName' | 'specialties' | 'skills' | 'credentials'>): string =>
  JSON.stringify([
    profile.kind,
    profile.displayName,
    sorted(profile.specialties),
    sorted(profile.skills),
    sorted(profile.credentials.map((c) => JSON.stringify([c.kind, c.number, c.expiresOn]))),
  ]);

export { ownView };

/**
 * The public form: built field by field, so credentials and a caregiver's exact location can never be
 * in it. `rating` is the average of the reviews' stars to one decimal (`ratingView`), `null` before the first.
 */
export const publicView = (record: PractitionerRecord, rating?: RatingAggregate): PublicPractitioner => ({
  id: record.userId,
  kind: record.kind,
  verified: true,
  displayName: record.displayName,
  ...(record.specialties ? { specialties: [...record.specialties] } : {}),
  ...(record.skills ? { skills: [...record.skills] } : {}),
  languages: [...record.languages],
  timeZone: record.timeZone,
  location: record.kind === 'provider' ? { city: record.location.city, lat: record.location.lat, lon: record.location.lon } : { city: record.location.city },
  ...(record.serviceRadiusKm === undefined ? {} : { serviceRadiusKm: record.serviceRadiusKm }),
  telehealth: record.telehealth,
  ...(record.bio === undefined ? {} : { bio: record.bio }),
  ...ratingView(rating),
});

/** Appends the one event of a write; if it fails, undoes `written` (unless someone wrote since) and fails the request. */
const auditWrite = async (
  deps: Deps<'practitioners' | 'audit'>,
  event: AuditEvent,
  written: PractitionerRecord | undefined,
  previous: PractitionerRecord | undefined,
): Promise<void> => {
  try {
    await deps.audit.append(event);
  } catch (error) {
    if (written) await deps.practitioners.undoPut(written, previous);
    throw error;
  }
};

/**
 * Whether the practitioner's ledger holds a visit that has not ended by `now`: one Query over their
 * ledger items from yesterday (UTC; every local date of now lies after it) to the last date there is,
 * at most the booking horizon's (≤ 181) items. The ledger days are local dates in the practitioner's
 * zone (ADR 0006), so the zone may not change under them.
 */
const holdsFutureVisits = async (deps: { readonly ledgers: Pick<LedgerRepository, 'days'> }, userId: string, now: Date): Promise<boolean> => {
  const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const days = await deps.ledgers.days(userId, yesterday, '9999-12-31');
  return days.some((day) => day.entries.some((entry) => entry.end > now.getTime()));
};

/**
 * Creates the caller's practitioner profile, or replaces it given its current ETag (`If-Match`): of
 * two concurrent updates one gets 412 and nothing is lost silently. Unverified when created; on a
 * replace it stays verified only while what verification vouches for is unchanged. A new `timeZone`
 * while a booked visit has not ended is 409 `time_zone_change_with_bookings`, nothing written (ADR
 * 0006, "A time-zone change with booked days", and the race it leaves).
 */
export const putOwnPractitioner = async (
  deps: Deps<'practitioners' | 'audit' | 'clock'> & { readonly ledgers: Pick<LedgerRepository, 'days'>; readonly users: AccountStatusReader },
  caller: Caller,
  body: PractitionerProfileRequest,
  ifMatch: string | undefined,
  meta: RequestMeta,
): Promise<PractitionerProfile> => {
  // A token that outlives its account writes no profile (404): the deletion removed it, name and credentials; nor one
  // that outlives the practitioner role (403).
  await requireActiveAccount(deps, caller, meta, { action: 'practitioner.write', resource: resourceOf(caller.userId), roles: PRACTITIONER_KINDS });
  const kind = practitionerKindOf(caller, body);
  const expected = versionFromIfMatch(ifMatch);
  let previous: PractitionerRecord | undefined;
  let written: PractitionerRecord | undefined;
  let booked = false;
  if (typeof kind === 'string' && expected !== 'none') {
    // What a replace overwrites: read first, to carry its verification over and to put it back if the audit fails.
    previous = expected === undefined ? undefined : await deps.practitioners.get(caller.userId);
    // The ledger's days are dates on the current zone's calendar: no new zone under booked ones.
    const moving = previous !== undefined && previous.version === expected && previous.timeZone !== body.timeZone;
    booked = moving && (await holdsFutureVisits(deps, caller.userId, deps.clock.now()));
    if (!booked) {
      const { kind: _kind, specialties, skills, serviceRadiusKm, bio, ...common } = body;
      const fields = {
        kind,
        ...common,
        ...(specialties ? { specialties } : {}),
        ...(skills ? { skills } : {}),
        ...(serviceRadiusKm === undefined ? {} : { serviceRadiusKm }),
        ...(bio === undefined ? {} : { bio }),
      };
      const keeps = previous !== undefined && previous.version === expected && previous.verified && vouchedFor(previous) === vouchedFor(fields);
      const record: PractitionerRecord = {
        userId: caller.userId,
        ...fields,
        verified: keeps,
        ...(keeps ? { verifiedAt: previous!.verifiedAt, verifiedBy: previous!.verifiedBy } : {}),
        version: (expected ?? 0) + 1,
        updatedAt: deps.clock.now().toISOString(),
      };
      if (await deps.practitioners.put(record)) written = record;
    }
  }
  const reason =
    typeof kind !== 'string'
      ? kind.reason
      : booked
        ? 'time_zone_change_with_bookings'
        : written === undefined
          ? 'precondition_failed'
          : previous?.verified && !written.verified
            ? 'verification_reset'
            : undefined;
  await auditWrite(
    deps,
    {
      action: 'practitioner.write',
      outcome: written ? 'success' : 'failure',
      subjectId: caller.userId,
      actor: actorOf(caller),
      resource: resourceOf(caller.userId),
      ...requestFacts(meta),
      ...(reason ? { reason } : {}),
    },
    written,
    previous,
  );
  if (typeof kind !== 'string') throw new ValidationError(kind.message, undefined, kind.reason);
  if (booked) {
    throw new ConflictError(
      'Your booked visits are on your current time zone’s calendar: cancel them (or let them pass) first, then change the time zone.',
      'time_zone_change_with_bookings',
    );
  }
  if (written === undefined) {
    throw new PreconditionFailedError(
      expected === undefined
        ? 'A practitioner profile exists: send If-Match with its ETag to replace it.'
        : 'The practitioner profile has changed; reload it and retry with the new ETag.',
    );
  }
  return ownView(written);
};

/** The caller's own practitioner profile, credentials included; the read is audited whether or not there is one. */
export const getOwnPractitioner = async (deps: Deps<'practitioners' | 'audit'>, caller: Caller, meta: RequestMeta): Promise<PractitionerProfile> => {
  const record = await deps.practitioners.get(caller.userId);
  await deps.audit.append({
    action: 'practitioner.read',
    outcome: record ? 'success' : 'failure',
    subjectId: caller.userId,
    actor: actorOf(caller),
    resource: resourceOf(caller.userId),
    ...requestFacts(meta),
    ...(record ? {} : { reason: 'not_found' }),
  });
  if (record === undefined) throw new NotFoundError('No practitioner profile yet.');
  return ownView(record);
};

/**
 * An admin verifies a practitioner's profile, or withdraws the verification. One conditional write
 * on the version read (so a profile changed meanwhile is never verified unseen: 409, or 412 when
 * `If-Match` named the version reviewed); a decision that changes nothing writes nothing. Audited to
 * the practitioner's chain.
 */
export const verifyPractitioner = async (
  deps: Deps<'practitioners' | 'audit' | 'clock'> & { readonly users: AccountStatusReader },
  caller: Caller,
  practitionerId: string,
  verified: boolean,
  ifMatch: string | undefined,
  meta: RequestMeta,
): Promise<PractitionerProfile> => {
  // An admin disabled, or no longer an admin, verifies nothing with a token that outlived that (404, 403).
  await requireActiveAccount(deps, caller, meta, { action: 'practitioner.verify', resource: resourceOf(practitionerId), roles: ADMIN_ROLES });
  const expected = versionFromIfMatch(ifMatch);
  const current = await deps.practitioners.get(practitionerId);
  let refused: 'not_found' | 'precondition_failed' | 'conflict' | undefined;
  let written: PractitionerRecord | undefined;
  if (current === undefined) refused = 'not_found';
  else if (expected !== undefined && expected !== current.version) refused = 'precondition_failed';
  else if (current.verified !== verified) {
    const { verifiedAt: _at, verifiedBy: _by, ...unverified } = current;
    const now = deps.clock.now().toISOString();
    const record: PractitionerRecord = {
      ...unverified,
      verified,
      ...(verified ? { verifiedAt: now, verifiedBy: caller.userId } : {}),
      version: current.version + 1,
      updatedAt: now,
    };
    if (await deps.practitioners.put(record)) written = record;
    else refused = expected === undefined ? 'conflict' : 'precondition_failed';
  }
  const decision = verified ? 'verified' : 'unverified';
  await auditWrite(
    deps,
    {
      action: 'practitioner.verify',
      outcome: refused ? 'failure' : 'success',
      subjectId: practitionerId,
      actor: actorOf(caller),
      resource: resourceOf(practitionerId),
      ...requestFacts(meta),
      reason: refused ?? (written ? decision : `${decision},unchanged`),
    },
    written,
    current,
  );
  if (refused === 'not_found') throw new NotFoundError('No such practitioner profile.');
  if (refused === 'precondition_failed') throw new PreconditionFailedError('The practitioner profile has changed; review it again.');
  if (refused === 'conflict') throw new ConflictError('The practitioner profile changed meanwhile; review it again.');
  return ownView(written ?? current!);
};

/**
 * A practitioner's public profile, for any signed-in user: only while it is verified, one of its
 * credentials is valid today on its own calendar (as the directory lists it: ./standing.ts), and its
 * account is active and still holds the profile's role. Anything else is 404, whatever the reason
 * (which only the audit event records: credentials are confidential).
 */
export const getPractitioner = async (
  deps: Deps<'practitioners' | 'users' | 'audit' | 'clock'> & { readonly ratings: Pick<CareDeps['ratings'], 'get'> },
  caller: Caller,
  practitionerId: string,
  meta: RequestMeta,
): Promise<PublicPractitioner> => {
  const record = await deps.practitioners.get(practitionerId);
  // Checked before the account is read: an expired practitioner needs no account read to be hidden.
  const expired = record?.verified === true && !hasValidCredential(record.credentials, localToday(record.timeZone, deps.clock.now()));
  const hidden = expired ? 'no_valid_credential' : standingOf(record, record?.verified ? await deps.users.get(practitionerId) : undefined);
  const rating = hidden === undefined ? await deps.ratings.get(practitionerId) : undefined;
  await deps.audit.append({
    action: 'practitioner.read',
    outcome: hidden ? 'failure' : 'success',
    subjectId: practitionerId,
    actor: actorOf(caller),
    resource: resourceOf(practitionerId),
    ...requestFacts(meta),
    reason: hidden ?? 'public_view',
  });
  if (hidden !== undefined) throw new NotFoundError();
  return publicView(record!, rating);
};
