import { actorOf, requestFacts } from '../audit/actor';
import type { CaregiverMatchRequest, CaregiverMatchResponse } from '../contracts/care-matching';
import { MATCH_WEEKS } from '../contracts/care-bounds';
import type { Caller, RequestMeta } from '../domain/caller';
import { weekdayOf } from './availability';
import { directoryPoint } from './directory-position';
import { planCells } from './directory-cells';
import { distanceKm, type LatLon } from './geohash';
import { type CaregiverCandidate, explainRejection, matchCaregivers } from './matching';
import type { UserRecord } from '../identity/ports';
import type { MatchingDeps, PractitionerRecord, StoredAvailability } from './ports';
import { datesAround } from './schedule';
import { bookable } from './slots';
import { addDays, DAY_MS, formatInZone, formatWithOffset, MINUTE_MS, wallMs, zoneTimeline } from './time-zone';
import { ratingView } from './views';

/**
 * Caregiver matching (`POST /api/v1/caregivers/match`): reads the candidates and the facts about
 * them from the store, then hands them to the pure ranking (shared/care/matching.ts), which applies
 * the hard filters and the fixed-weight score.
 *
 * **Candidates.** Verified caregivers from the directory (the `byDirectory` index, never a scan)
 * offering at least one of the needed skills, nearest first. A caregiver's own `serviceRadiusKm` is
 * the hard filter, and the profile schema allows up to {@link MATCH_REACH_KM} km, so the search
 * widens in rings ({@link MATCH_RINGS_KM}) up to that reach and stops at the first ring that holds
 * {@link MAX_MATCH_CANDIDATES} caregivers passing the filters that need no further read (verified,
 * a credential valid on the visit's date, serving the visit's place): those are then the nearest
 * ones. A ring whose cells would read more than {@link MAX_MATCH_READ} index items ends the
 * widening: the candidates are then the last complete ring's (or, when the first ring is already
 * that dense, those it read). As in the directory, a caregiver's place is the centre of their
 * ~5 km cell (`directoryPoint`): distance, service area and the distance points all use it, so no
 * sequence of requests places a caregiver's home more closely than the directory does.
 *
 * **Facts per candidate.** Their account must be active and hold the caregiver role (as in the
 * directory). Free for the visit means bookable: `bookable` (shared/care/slots.ts), the rule
 * booking applies, over the ledger's booked visits: opening hours, the slot grid, the buffers, the
 * horizon, the past, daylight-saving gaps. The availability factor is the share of the recurring
 * visits (`weeklyDays`, same wall-clock time, {@link MATCH_WEEKS} weeks) that are bookable the
 * same way. `earliestStart` is the first bookable start at or after the requested one: for a
 * caregiver who passes the hard filters that is the requested start itself, written with the
 * caregiver's offset, ready to echo into `POST /api/v1/appointments`. Rating and review count come
 * from the practitioner's rating aggregate; continuity counts the patient's own fulfilled visits
 * with each caregiver.
 *
 * **Reads, bounded.** Directory: at most {@link MATCH_RINGS_KM}.length rings × 9 Queries (the cells
 * covering a circle), each ring reading at most {@link MAX_MATCH_READ} index items. Then one Query
 * of the patient's appointment copies (at most {@link MAX_HISTORY_READ} items); the candidates'
 * accounts, availability and rating aggregates in one BatchGetItem each (at most
 * {@link MAX_MATCH_CANDIDATES} keys, side by side); and per candidate whose account may be shown and
 * who has availability, one Query of the ledger days the visits touch (at most ~31 items),
 * {@link MATCH_CONCURRENCY} candidates at a time. CPU: one `bookable` per candidate, plus one per
 * recurring visit (at most 28).
 *
 * **PHI.** The request holds no free text; the needs and the place are the patient's and go to no
 * log, no audit detail and no third party: the one audit event (on the patient's chain) says only
 * how many caregivers were ranked. Nothing is written.
 */

/** The farthest a caregiver may serve: `serviceRadiusKm`'s maximum in the profile schema (shared/contracts/care.ts). */
export const MATCH_REACH_KM = 200;
/** The radii the candidate search widens through, up to the reach. */
export const MATCH_RINGS_KM = [10, 50, MATCH_REACH_KM] as const;
/** The most caregivers whose availability one request reads: the nearest ones that pass the filters needing no read. As many as an answer can rank. */
export const MAX_MATCH_CANDIDATES = 50;
/** The most directory index items one ring reads, over all its cells. */
export const MAX_MATCH_READ = 1000;
/** The most appointment copies of the patient read for continuity. */
export const MAX_HISTORY_READ = 500;
/** Candidates whose facts are read at once. */
export const MATCH_CONCURRENCY = 10;

/** A caregiver found near the visit, at their directory point. */
interface Nearby {
  readonly record: PractitionerRecord;
  readonly location: LatLon;
  readonly distance: number;
}

const byDistance = (a: Nearby, b: Nearby): number =>
  a.distance - b.distance || (a.record.userId < b.record.userId ? -1 : a.record.userId > b.record.userId ? 1 : 0);

/** The candidate as far as the store's profile tells: the facts that need more reads are placeholders. */
const baseCandidate = (nearby: Nearby): CaregiverCandidate => ({
  id: nearby.record.userId,
  skills: nearby.record.skills ?? [],
  languages: nearby.record.languages,
  location: nearby.location,
  serviceRadiusKm: nearby.record.serviceRadiusKm ?? 0,
  verified: nearby.record.verified,
  credentials: nearby.record.credentials,
  rating: null,
  reviewCount: 0,
  fulfilledVisitsWithPatient: 0,
  freeForVisit: true,
  availableShareOfWeeks: 1,
  earliestStart: null,
});

/** Every entry of the caregivers' directory in the cells covering a circle; `complete: false` when the read budget ran out. */
const readRing = async (deps: Pick<MatchingDeps, 'directory'>, request: CaregiverMatchRequest, radiusKm: number) => {
  // One need: the index filters on it. Several: any of them, filtered here (the filter reads as much).
  const filter = { kind: 'caregiver' as const, ...(request.needs.length === 1 ? { skill: request.needs[0] } : {}) };
  const records: PractitionerRecord[] = [];
  for (const cell of planCells('caregiver', request.location, radiusKm)) {
    const budget = MAX_MATCH_READ - records.length;
    if (budget <= 0) return { records, complete: false };
    const found = await deps.directory.find(filter, cell, { limit: budget, maxRead: budget });
    records.push(...found.entries.map((entry) => entry.record));
    if (found.resume !== undefined) return { records, complete: false };
  }
  return { records, complete: true };
};

/**
 * The nearest caregivers that offer a need and pass the hard filters that need no further read, at
 * most {@link MAX_MATCH_CANDIDATES}, the caller left out (nobody is matched with themself).
 */
export const nearbyCaregivers = async (deps: Pick<MatchingDeps, 'directory'>, request: CaregiverMatchRequest, callerId: string): Promise<Nearby[]> => {
  const needs = new Set<string>(request.needs);
  let kept: Nearby[] = [];
  for (const [ring, radiusKm] of MATCH_RINGS_KM.entries()) {
    const { records, complete } = await readRing(deps, request, radiusKm);
    const within = records
      .filter((record) => record.kind === 'caregiver' && record.userId !== callerId && (record.skills ?? []).some((skill) => needs.has(skill)))
      .map((record) => {
        const location = directoryPoint(record);
        return { record, location, distance: distanceKm(request.location, location) };
      })
      .filter((nearby) => nearby.distance <= radiusKm && explainRejection(request, baseCandidate(nearby)) === null);
    if (!complete) {
      if (ring === 0) kept = within;
      break;
    }
    kept = within;
    if (kept.length >= MAX_MATCH_CANDIDATES) break;
  }
  return kept.sort(byDistance).slice(0, MAX_MATCH_CANDIDATES);
};

/** The instants of the recurring visits: each `weeklyDays` date of the {@link MATCH_WEEKS} weeks from the start's date, at its wall-clock time (`undefined` where a gap skips it). */
const recurringStarts = (timeZone: string, instant: number, weeklyDays: readonly string[]) => {
  const zone = zoneTimeline(timeZone, instant - 2 * DAY_MS, instant + (MATCH_WEEKS * 7 + 2) * DAY_MS);
  const wall = instant + zone.offsetAt(instant);
  const firstDate = zone.dateAt(instant);
  const sinceMidnight = wall - wallMs(firstDate);
  const starts: { instant: number | undefined; offset: number }[] = [];
  for (let day = 0; day < MATCH_WEEKS * 7; day++) {
    const date = addDays(firstDate, day);
    if (!weeklyDays.includes(weekdayOf(date))) continue;
    // In a fold, the first of the two instants: the one the clocks reach first.
    const at = zone.instantsOf(wallMs(date) + sinceMidnight)[0];
    starts.push({ instant: at, offset: at === undefined ? 0 : zone.offsetAt(at) });
  }
  return starts;
};

/** The candidate with the facts read for it (its `account` and `stored` availability read in the batches), or `undefined` when their account may not be shown. */
const withFacts = async (
  deps: Pick<MatchingDeps, 'ledgers'>,
  request: CaregiverMatchRequest,
  nearby: Nearby,
  account: UserRecord | undefined,
  stored: StoredAvailability | undefined,
  now: Date,
): Promise<CaregiverCandidate | undefined> => {
  const { record } = nearby;
  if (account?.status !== 'active' || !account.roles.includes('caregiver')) return undefined;
  const base = baseCandidate(nearby);
  if (stored === undefined) return { ...base, freeForVisit: false, availableShareOfWeeks: 0 };

  const instant = Date.parse(request.start);
  const minutes = Math.round(request.durationHours * 60);
  const span = request.weeklyDays === undefined ? minutes * MINUTE_MS : MATCH_WEEKS * 7 * DAY_MS;
  const [first, last] = datesAround(instant, instant + span);
  const booked = (await deps.ledgers.days(record.userId, first, last)).flatMap((ledger) => ledger.entries);
  // A start as the caregiver's slots write it (their offset), so `bookable` reads it as booking will.
  const isFree = (start: string): boolean => bookable(stored.availability, record.timeZone, booked, start, minutes, now).ok;

  const start = formatInZone(record.timeZone, instant);
  const freeForVisit = isFree(start);
  let share = 1;
  if (request.weeklyDays !== undefined) {
    const visits = recurringStarts(record.timeZone, instant, request.weeklyDays);
    const free = visits.filter((visit) => visit.instant !== undefined && isFree(formatWithOffset(visit.instant, visit.offset))).length;
    share = visits.length === 0 ? 0 : free / visits.length;
  }
  return { ...base, freeForVisit, availableShareOfWeeks: share, earliestStart: freeForVisit ? start : null };
};

/** `work` over `items`, `limit` at a time, results in the items' order. */
const inBatches = async <T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += limit) results.push(...(await Promise.all(items.slice(i, i + limit).map(work))));
  return results;
};

/**
 * Ranks the verified caregivers who can do the visit, for the calling patient: at most
 * {@link MAX_MATCHES} of them, best first, each score split into its factors, with the version of
 * the weights. No caregiver free, or none nearby: an empty list. One audit event, success or not.
 *
 * @example
 * await matchCaregiversForVisit(deps, patient, { needs: ['elder_care'], location: { lat: 19.07, lon: 72.87 }, start: '2027-03-15T09:00:00+05:30', durationHours: 2 }, meta);
 * // { weightsVersion: 'matching-2026.11.1', items: [{ caregiverId, score: 83, factors: [...], earliestStart: '2027-03-15T09:00:00+05:30' }] }
 */
export const matchCaregiversForVisit = async (
  deps: MatchingDeps,
  caller: Caller,
  request: CaregiverMatchRequest,
  meta: RequestMeta,
): Promise<CaregiverMatchResponse> => {
  let result: CaregiverMatchResponse | undefined;
  let failure: unknown;
  try {
    const now = deps.clock.now();
    const [others, visits] = await Promise.all([
      nearbyCaregivers(deps, request, caller.userId),
      deps.visits.fulfilledByPractitioner(caller.userId, MAX_HISTORY_READ),
    ]);
    const ids = others.map((n) => n.record.userId);
    const [accounts, schedules, ratings] = await Promise.all([deps.accounts.getMany(ids), deps.availability.getMany(ids), deps.ratings.getMany(ids)]);
    const candidates = await inBatches(others, MATCH_CONCURRENCY, (n) =>
      withFacts(deps, request, n, accounts.get(n.record.userId), schedules.get(n.record.userId), now),
    );
    result = matchCaregivers(
      request,
      candidates
        .filter((candidate) => candidate !== undefined)
        .map((candidate) => ({ ...candidate, ...ratingView(ratings.get(candidate.id)), fulfilledVisitsWithPatient: visits.get(candidate.id) ?? 0 })),
    );
  } catch (error) {
    failure = error;
  }
  await deps.audit.append({
    action: 'caregiver.match',
    outcome: result ? 'success' : 'failure',
    subjectId: caller.userId,
    actor: actorOf(caller),
    resource: { type: 'caregiver' },
    ...requestFacts(meta),
    reason: result ? `ranked,${result.items.length}` : 'error',
  });
  if (result === undefined) throw failure;
  return result;
};
