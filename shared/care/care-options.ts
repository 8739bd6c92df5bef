import { actorOf, requestFacts } from '../audit/actor';
import type { ProviderSpecialty } from '../contracts/care-bounds';
import type { CareOption, CareOptionPractitioner, CareOptions } from '../contracts/care-options';
import { MAX_CARE_OPTIONS } from '../contracts/care-bounds';
import type { Slot } from '../contracts/care-availability';
import type { TriageResult } from '../contracts/triage';
import type { AppDeps } from '../deps';
import type { Caller, RequestMeta } from '../domain/caller';
import { ConflictError, NotFoundError } from '../errors';
import { isEmergency } from '../triage/levels';
import type { SymptomSessionReader } from '../triage/ports';
import { sessionView } from '../triage/session-view';
import type { UserRecord } from '../identity/ports';
import type {
  AccountBatch,
  AvailabilityBatch,
  CareDeps,
  DirectoryFilter,
  LedgerRepository,
  PractitionerDirectory,
  PractitionerRecord,
  StoredAvailability,
} from './ports';
import { datesAround } from './schedule';
import { freeSlots } from './slots';
import { hasValidCredential, standingOf } from './standing';
import { DAY_MS } from './time-zone';

/**
 * Care options (`GET /api/v1/symptom-sessions/{id}/care-options`): from the caller's own completed
 * triage result to what to do next.
 *
 * - `emergency` / `emergency_ambulance`: no providers, no booking; the result's `summary` as the
 *   advice (at these levels it leads with what to do now: shared/triage/result.ts).
 * - `self_care`: no providers, a short explanation.
 * - `consultation_24` / `consultation`: verified providers of the result's specialty, each with
 *   its earliest free slot from now (the slots code of the listing, on the ledger of those days):
 *   within 24 hours for `consultation_24` (a provider without one then is left out: the result says
 *   a day), within {@link SEARCH_DAYS} days for `consultation`. When the result allows a
 *   teleconsultation, telehealth providers come first (mode `video`), then the others (`in_person`);
 *   within each, the earliest slot first, then the id. At most {@link MAX_CARE_OPTIONS}.
 *
 * The specialty: the result's `specialist` is free text (the rules' names, or the model's words), so
 * it is mapped to the directory's closed list by {@link specialtyFor}; anything the list does not
 * hold (neurology, ENT…) is general practice, the clinician who refers on. When no provider of the
 * specialty has a slot, general practice is searched instead, and the answer says so.
 *
 * Bounded: the directory is read by its index (kind and filter, never a scan), at most
 * {@link MAX_CANDIDATES} candidates in all, and {@link MAX_DIRECTORY_READ} index items per query.
 * The candidates of one query have their accounts and their availability read in one BatchGetItem
 * each (side by side), then one ledger Query per candidate that may be shown and has availability. No location: candidates come in the
 * directory's fixed order (geohash, id), not nearest first.
 *
 * A session of someone else's, or none, is 404; a session not triaged yet is 409 `triage_pending`
 * (poll it, then ask again), a failed one 409 `triage_failed`. One audit event, on the caller's
 * chain, naming the session and how many options (never the level: the trail holds no PHI).
 */

type Deps = Pick<CareDeps, 'audit' | 'clock'> &
  Pick<AppDeps, 'vault'> & {
    readonly directory: PractitionerDirectory;
    readonly accounts: AccountBatch;
    readonly availability: AvailabilityBatch;
    readonly ledgers: Pick<LedgerRepository, 'days'>;
    readonly sessions: Pick<SymptomSessionReader, 'getSession'>;
  };

/** The most directory entries one answer examines, over every query it makes. */
export const MAX_CANDIDATES = 20;
/** The most directory index items one query reads (its filters may match few of them), as a directory page without `near`. */
export const MAX_DIRECTORY_READ = 300;
/** How far ahead a `consultation` (not within 24 hours) looks for a provider's earliest slot. */
export const SEARCH_DAYS = 14;

/** The result's `specialist` words → the directory's specialty (the first that matches). */
const SPECIALTY_WORDS: readonly (readonly [RegExp, ProviderSpecialty])[] = [
  [/mental|psychiat|psycholog|counsel/, 'mental_health'],
  [/cardi/, 'cardiology'],
  [/dermat|skin/, 'dermatology'],
  [/paediat|pediat/, 'paediatrics'],
  [/physio|physical therap/, 'physiotherapy'],
  [/obstet|gyn|midwi/, 'obstetrics'],
  [/ayurved/, 'ayurveda'],
];

/**
 * The directory specialty for a result's `specialist` text: `cardiology` or `a cardiologist` →
 * `cardiology`, `mental health` → `mental_health`; none, or one the directory does not list
 * (`neurology`, `ENT`), → `general_practice`.
 */
export const specialtyFor = (specialist: string | undefined): ProviderSpecialty => {
  const words = (specialist ?? '').toLowerCase();
  return SPECIALTY_WORDS.find(([pattern]) => pattern.test(words))?.[1] ?? 'general_practice';
};

const MESSAGES = {
  emergency: 'This needs emergency care now, not an appointment: follow the advice.',
  self_care: 'Self-care is advised: nothing to book. Check again if symptoms change or worsen.',
  book: 'Providers to book, video first where allowed, earliest slot first.',
  none24: 'No provider is free within 24 hours: contact your doctor or urgent care today.',
  none: 'No provider is free soon: contact your doctor.',
} as const;

/**
 * A candidate's earliest free slot in `[now, to)`, if it has one and is shown, by the rules of
 * ./standing.ts that the directory applies too: its `account` active and still a provider, and the
 * slot on a date one of its credentials is valid (`account` and `stored` availability read in the batches).
 */
const earliestSlot = async (
  deps: Deps,
  record: PractitionerRecord,
  account: UserRecord | undefined,
  stored: StoredAvailability | undefined,
  now: Date,
  to: Date,
): Promise<Slot | undefined> => {
  if (standingOf(record, account) !== undefined || stored === undefined) return undefined;
  const [first, last] = datesAround(now.getTime(), to.getTime());
  const booked = (await deps.ledgers.days(record.userId, first, last)).flatMap((ledger) => ledger.entries);
  return freeSlots(stored.availability, record.timeZone, booked, now, to, now).find((slot) => hasValidCredential(record.credentials, slot.start.slice(0, 10)));
};

/** Providers of `specialty` with a slot in `[now, to)`, video first when `video`, then by slot and id; spends `budget.left` candidates. */
const optionsOf = async (deps: Deps, specialty: ProviderSpecialty, video: boolean, now: Date, to: Date, budget: { left: number }) => {
  const filters: DirectoryFilter[] = video
    ? [
        { kind: 'provider', specialty, telehealth: true },
        { kind: 'provider', specialty, telehealth: false },
      ]
    : [{ kind: 'provider', specialty }];
  const found: { record: PractitionerRecord; slot: Slot; mode: CareOption['mode'] }[] = [];
  for (const filter of filters) {
    if (found.length >= MAX_CARE_OPTIONS || budget.left <= 0) break;
    const { entries } = await deps.directory.find(filter, '', { limit: budget.left, maxRead: MAX_DIRECTORY_READ });
    budget.left -= entries.length;
    const ids = entries.map(({ record }) => record.userId);
    const [accounts, schedules] = await Promise.all([deps.accounts.getMany(ids), deps.availability.getMany(ids)]);
    const slots = await Promise.all(
      entries.map(({ record }) => earliestSlot(deps, record, accounts.get(record.userId), schedules.get(record.userId), now, to)),
    );
    entries.forEach(({ record }, i) => {
      const slot = slots[i];
      if (slot) found.push({ record, slot, mode: video && record.telehealth ? 'video' : 'in_person' });
    });
  }
  return found
    .sort(
      (a, b) =>
        Number(b.mode === 'video') - Number(a.mode === 'video') ||
        Date.parse(a.slot.start) - Date.parse(b.slot.start) ||
        (a.record.userId < b.record.userId ? -1 : 1),
    )
    .slice(0, MAX_CARE_OPTIONS);
};

/** A provider in brief (`CareOptionPractitioner`: the public view's fields that choose a visit). */
const inBrief = (record: PractitionerRecord): CareOptionPractitioner => ({
  id: record.userId,
  displayName: record.displayName,
  specialties: [...(record.specialties ?? [])],
  languages: [...record.languages],
  timeZone: record.timeZone,
  city: record.location.city,
  telehealth: record.telehealth,
});

/** The answer for a completed result. */
const answerFor = async (deps: Deps, sessionId: string, result: TriageResult, now: Date): Promise<CareOptions> => {
  const base = { sessionId, level: result.level };
  if (isEmergency(result.level)) return { ...base, action: 'emergency', items: [], advice: result.summary, message: MESSAGES.emergency };
  if (result.level === 'self_care') return { ...base, action: 'self_care', items: [], message: MESSAGES.self_care };
  const within24 = result.level === 'consultation_24';
  const to = new Date(now.getTime() + (within24 ? 1 : SEARCH_DAYS) * DAY_MS);
  const budget = { left: MAX_CANDIDATES };
  let specialty = specialtyFor(result.specialist);
  let found = await optionsOf(deps, specialty, result.teleconsultationOk, now, to, budget);
  if (found.length === 0 && specialty !== 'general_practice') {
    specialty = 'general_practice';
    found = await optionsOf(deps, specialty, result.teleconsultationOk, now, to, budget);
  }
  return {
    ...base,
    action: 'book',
    specialty,
    teleconsultationOk: result.teleconsultationOk,
    ...(within24 ? { before: to.toISOString() } : {}),
    items: found.map(({ record, slot, mode }) => ({ practitioner: inBrief(record), mode, earliestSlot: slot })),
    message: found.length > 0 ? MESSAGES.book : within24 ? MESSAGES.none24 : MESSAGES.none,
  };
};

/** The care options of one of the caller's own symptom sessions (see above). */
export const careOptions = async (deps: Deps, caller: Caller, sessionId: string, meta: RequestMeta): Promise<CareOptions> => {
  const stored = await deps.sessions.getSession(caller.userId, sessionId);
  const refused =
    stored === undefined ? 'not_found' : stored.status === 'failed' ? 'triage_failed' : stored.status !== 'completed' ? 'triage_pending' : undefined;
  let answer: CareOptions | undefined;
  let failure: unknown;
  if (refused === undefined) {
    try {
      const { result } = await sessionView(deps, stored!);
      if (result) answer = await answerFor(deps, sessionId, result, deps.clock.now());
    } catch (error) {
      failure = error;
    }
  }
  await deps.audit.append({
    action: 'care.options',
    outcome: answer ? 'success' : 'failure',
    subjectId: caller.userId,
    actor: actorOf(caller),
    resource: { type: 'symptom_session', id: sessionId },
    ...requestFacts(meta),
    reason: answer ? `options:${answer.items.length}` : (refused ?? 'error'),
  });
  if (answer) return answer;
  if (refused === 'not_found') throw new NotFoundError();
  if (refused === 'triage_failed') throw new ConflictError('This session could not be triaged: describe the symptoms again.', 'triage_failed');
  if (refused === 'triage_pending') throw new ConflictError('This session is not triaged yet: poll it, then ask again.', 'triage_pending');
  throw failure ?? new ConflictError('This session has no result yet.', 'triage_pending');
};
