import { actorOf, requestFacts } from '../audit/actor';
import { type AccountStatusReader, requireActiveAccount } from '../audit/active-account';
import type { AvailabilityView, SlotList } from '../contracts/care-appointments';
import type { Availability } from '../contracts/care-availability';
import type { Caller, RequestMeta } from '../domain/caller';
import { ConflictError, NotFoundError, PreconditionFailedError } from '../errors';
import { versionFromIfMatch } from '../records/profile';
import { PRACTITIONER_KINDS } from '../contracts/care-bounds';
import { freeSlots } from './slots';
import { hasValidCredential } from './standing';
import type { BookingDeps, StoredAvailability } from './ports';
import { addDays } from './time-zone';

/**
 * A practitioner's availability (their own, read and replaced whole) and the free slots anyone
 * signed in may list. One audit event per call, on the practitioner's chain; a write whose append
 * fails is undone.
 */

type Deps<K extends keyof BookingDeps> = Pick<BookingDeps, K>;

const resourceOf = (practitionerId: string) => ({ type: 'availability', id: practitionerId });

/**
 * Stores the caller's availability, read in their profile's time zone. Needs a practitioner profile
 * first (409 `practitioner_profile_required`). As a profile (`putOwnPractitioner`): without `ifMatch`
 * it only creates; replacing needs the current version's ETag, and a missing or stale one is 412, so
 * of two concurrent edits one is refused and nothing is lost silently.
 */
export const putOwnAvailability = async (
  deps: Deps<'practitioners' | 'availability' | 'audit' | 'clock'> & { readonly users: AccountStatusReader },
  caller: Caller,
  availability: Availability,
  meta: RequestMeta,
  ifMatch?: string,
): Promise<AvailabilityView> => {
  // A token that outlives its account writes no availability (404): the deletion removed it; nor one that outlives the
  // practitioner role (403).
  await requireActiveAccount(deps, caller, meta, { action: 'availability.write', resource: resourceOf(caller.userId), roles: PRACTITIONER_KINDS });
  const expected = versionFromIfMatch(ifMatch);
  const profile = await deps.practitioners.get(caller.userId);
  // What a replace overwrites, read first so that a failed audit can put it back.
  const previous = profile && typeof expected === 'number' ? await deps.availability.get(caller.userId) : undefined;
  const written: StoredAvailability | undefined =
    profile && expected !== 'none' ? { availability, version: (expected ?? 0) + 1, updatedAt: deps.clock.now().toISOString() } : undefined;
  const stored = written !== undefined && (await deps.availability.put(caller.userId, written));
  try {
    await deps.audit.append({
      action: 'availability.write',
      outcome: stored ? 'success' : 'failure',
      subjectId: caller.userId,
      actor: actorOf(caller),
      resource: resourceOf(caller.userId),
      ...requestFacts(meta),
      ...(stored ? {} : { reason: profile ? 'precondition_failed' : 'no_profile' }),
    });
  } catch (error) {
    if (stored) await deps.availability.undoPut(caller.userId, written!, previous);
    throw error;
  }
  if (!profile) throw new ConflictError('Create your practitioner profile first: its time zone reads these hours.', 'practitioner_profile_required');
  if (!stored) {
    throw new PreconditionFailedError(
      expected === undefined
        ? 'Your availability exists: send If-Match with its ETag to replace it.'
        : 'Your availability has changed; reload it and retry with the new ETag.',
    );
  }
  return { availability, timeZone: profile.timeZone, version: written!.version, updatedAt: written!.updatedAt };
};

/** The caller's stored availability with their profile's time zone; 404 before either exists. */
export const getOwnAvailability = async (
  deps: Deps<'practitioners' | 'availability' | 'audit'>,
  caller: Caller,
  meta: RequestMeta,
): Promise<AvailabilityView> => {
  const [profile, stored] = await Promise.all([deps.practitioners.get(caller.userId), deps.availability.get(caller.userId)]);
  const found = profile !== undefined && stored !== undefined;
  await deps.audit.append({
    action: 'availability.read',
    outcome: found ? 'success' : 'failure',
    subjectId: caller.userId,
    actor: actorOf(caller),
    resource: resourceOf(caller.userId),
    ...requestFacts(meta),
    ...(found ? {} : { reason: 'not_found' }),
  });
  if (!found) throw new NotFoundError('No availability yet.');
  return { availability: stored.availability, timeZone: profile.timeZone, version: stored.version, updatedAt: stored.updatedAt };
};

/** UTC dates one day either side of an instant's: every local date (offsets are within ±14 h) lies between. */
export const datesAround = (from: number, to: number): [string, string] => [
  addDays(new Date(from).toISOString().slice(0, 10), -1),
  addDays(new Date(to).toISOString().slice(0, 10), 1),
];

/**
 * The free slots of a verified practitioner in `[from, to)` (≤ 31 days, the contract's bound), in
 * their zone; none without stored availability, and none on a date without a valid credential
 * (./standing.ts). Booked intervals come from the ledger items of the
 * window's days, in one Query. Anyone else's profile, or an unverified one, is 404.
 */
export const listSlots = async (
  deps: Deps<'practitioners' | 'availability' | 'ledgers' | 'audit' | 'clock'>,
  caller: Caller,
  practitionerId: string,
  window: { from: string; to: string },
  meta: RequestMeta,
): Promise<SlotList> => {
  const profile = await deps.practitioners.get(practitionerId);
  const visible = profile?.verified === true;
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  let items: SlotList['items'] = [];
  if (visible) {
    const stored = await deps.availability.get(practitionerId);
    if (stored) {
      const [first, last] = datesAround(from, to);
      const booked = (await deps.ledgers.days(practitionerId, first, last)).flatMap((ledger) => ledger.entries);
      // Only on dates one of their credentials is valid (a slot's start carries its local date).
      items = freeSlots(stored.availability, profile.timeZone, booked, new Date(from), new Date(to), deps.clock.now()).filter((slot) =>
        hasValidCredential(profile.credentials, slot.start.slice(0, 10)),
      );
    }
  }
  await deps.audit.append({
    action: 'practitioner.slots',
    outcome: visible ? 'success' : 'failure',
    subjectId: practitionerId,
    actor: actorOf(caller),
    resource: { type: 'practitioner', id: practitionerId },
    ...requestFacts(meta),
    ...(visible ? {} : { reason: profile ? 'not_verified' : 'not_found' }),
  });
  if (!visible) throw new NotFoundError();
  return { timeZone: profile.timeZone, items };
};
