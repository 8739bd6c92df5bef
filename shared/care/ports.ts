import type { UsageCounters } from '../budgets/ports';
import type { AuditLog } from '../audit/ports';
import type { Credential } from '../contracts/care';
import type { CaregiverSkill, PractitionerKind, ProviderSpecialty } from '../contracts/care-bounds';
import type { Clock } from '../domain/clock';
import type { UserRecord, UserRepository } from '../identity/ports';
import type { Availability } from '../contracts/care-availability';
import type { AppointmentStatus, APPOINTMENT_MODES } from '../contracts/care-bounds';
import type { Page, PageRequest } from '../domain/page';
import type { Vault } from '../vault/vault';
import type { ConsentRepository, ConsentUndo } from '../records/ports';
import type { SymptomSessionReader } from '../triage/ports';
import type { NotificationQueue } from '../notifications/ports';
import type { Ledger } from './ledger';
import type { LocalDate } from './time-zone';

export type AppointmentMode = (typeof APPOINTMENT_MODES)[number];

/**
 * What the care use cases need from outside: practitioner profiles, one item in the practitioner's
 * own partition of the records table. Implemented by `DynamoPractitioners` (on dynalite locally);
 * the fake is `inMemoryPractitioners` (test/helpers/fakes/care.ts).
 */

/**
 * A practitioner profile as stored. Not PHI, so not sealed (the table is encrypted with the
 * customer-managed key); the credential numbers are confidential and leave only in the owner's and
 * an admin's view. `kind`, `verified` and `location` are plain attributes so that a directory index
 * can later be derived from the item.
 */
export interface PractitionerRecord {
  readonly userId: string;
  readonly kind: PractitionerKind;
  /** Set only by an admin; a change of what verification vouches for resets it (`vouchedFor`). */
  readonly verified: boolean;
  /** When and by whom it was verified; both present exactly while `verified`. */
  readonly verifiedAt?: string;
  readonly verifiedBy?: string;
  readonly displayName: string;
  /** A provider's, never a caregiver's. */
  readonly specialties?: readonly ProviderSpecialty[];
  /** A caregiver's, never a provider's. */
  readonly skills?: readonly CaregiverSkill[];
  readonly languages: readonly string[];
  readonly timeZone: string;
  /** Exact; public for a provider, the city only for a caregiver. */
  readonly location: { readonly lat: number; readonly lon: number; readonly city: string };
  /** A caregiver's, never a provider's. */
  readonly serviceRadiusKm?: number;
  readonly telehealth: boolean;
  readonly bio?: string;
  readonly credentials: readonly Credential[];
  /** The optimistic-concurrency version (the `ETag`): 1 when created, one more on every write. */
  readonly version: number;
  readonly updatedAt: string;
}

/** Practitioner profiles: one item per user, replaced whole on every write. */
export interface PractitionerRepository {
  /** The profile, read consistently; `undefined` if none was ever stored. */
  get(userId: string): Promise<PractitionerRecord | undefined>;
  /**
   * Writes `record` whole, in one conditional put, iff the stored version is `record.version - 1`
   * (for version 1: iff there is none yet). `false` when that precondition fails: then nothing is written.
   */
  put(record: PractitionerRecord): Promise<boolean>;
  /**
   * Undoes a `put` whose audit append failed: puts `previous` back exactly (its version included), or
   * deletes the profile when there was none, iff the stored version is still `written.version` (nobody
   * has written since). `false` when it is not: then nothing is written.
   */
  undoPut(written: Pick<PractitionerRecord, 'userId' | 'version'>, previous: PractitionerRecord | undefined): Promise<boolean>;
  /**
   * Account deletion only (shared/account/delete-account.ts): deletes the profile unconditionally,
   * and with it its directory entry (the sparse index is derived from the same item). The profile is
   * not sealed, so the data key's destruction would not erase it. A no-op when there is none.
   */
  remove(userId: string): Promise<void>;
}

/**
 * The ports of the care use cases; each takes only the ones it uses (`Pick<CareDeps, …>`).
 * Handlers build them from `shared/runtime/composition.ts`, tests from in-memory fakes.
 */
export interface CareDeps {
  readonly practitioners: PractitionerRepository;
  /** The rating aggregates the public views show (and caregiver matching reads). */
  readonly ratings: RatingRepository;
  /** The practitioner's account: a public profile shows only while it is active and holds the profile's role. */
  readonly users: Pick<UserRepository, 'get'>;
  readonly audit: AuditLog;
  readonly clock: Clock;
}

/** A practitioner's availability as stored (care-availability's schema), with its version. */
export interface StoredAvailability {
  readonly availability: Availability;
  /** 1 when first stored, one more on every write. */
  readonly version: number;
  readonly updatedAt: string;
}

/**
 * Accounts read many at once: the pages and candidate lists that check each practitioner's standing
 * (the directory, care options, caregiver matching) read them together rather than one GetItem each.
 * Implemented by `DynamoAccountBatch` (BatchGetItem on the identity table); the fake is
 * `inMemoryAccountBatch` (test/helpers/fakes/care.ts).
 */
export interface AccountBatch {
  /**
   * The accounts of `userIds` that exist, by id, read consistently (as `UserRepository.get` reads
   * one): at most 100 keys a call, the keys the store left unprocessed asked again. Ids given twice
   * are read once; none given, no call.
   */
  getMany(userIds: readonly string[]): Promise<Map<string, UserRecord>>;
}

/**
 * Availability read many at once (caregiver matching's and care options' candidates). Implemented by
 * `DynamoScheduleReader` (BatchGetItem on the records table); the fake is `inMemoryBookings().availabilityRepository`.
 */
export interface AvailabilityBatch {
  /** The stored availability of each of `practitionerIds` that has one, by id, read consistently; the rest absent. */
  getMany(practitionerIds: readonly string[]): Promise<Map<string, StoredAvailability>>;
}

/** Availability: one item per practitioner, `AVAILABILITY` in their own partition, replaced whole. */
export interface AvailabilityRepository {
  /** The stored availability, read consistently; `undefined` if none. */
  get(practitionerId: string): Promise<StoredAvailability | undefined>;
  /** Writes `stored` iff the stored version is `stored.version - 1` (none for version 1); `false` otherwise, nothing written. */
  put(practitionerId: string, stored: StoredAvailability): Promise<boolean>;
  /** Undoes a `put` whose audit failed: puts `previous` back (or deletes) iff the stored version is still `written.version`. */
  undoPut(practitionerId: string, written: StoredAvailability, previous: StoredAvailability | undefined): Promise<boolean>;
  /** Account deletion only: deletes the availability unconditionally (a no-op when there is none). */
  remove(practitionerId: string): Promise<void>;
}

/**
 * The booking ledger (ADR 0006): one item per practitioner per local day, `LEDGER#<date>` in the
 * practitioner's partition. It holds appointment ids and instants only: no patient id, no reason.
 */
export interface LedgerRepository {
  /** The day's ledger, read consistently; `undefined` if none was written yet (then version 0). */
  day(practitionerId: string, date: LocalDate): Promise<Ledger | undefined>;
  /** Every ledger of the dates `from`…`to` (inclusive), in one Query on the practitioner's partition. */
  days(practitionerId: string, from: LocalDate, to: LocalDate): Promise<Ledger[]>;
  /**
   * THE invariant: writes `ledger` whole in one conditional write iff the stored version is
   * `ledger.version - 1` (no item at all when that is 0). `false` when it is not: nothing written,
   * re-read and decide again. Every change is one `book`/`release` step, so this is all it takes.
   */
  write(practitionerId: string, ledger: Ledger): Promise<boolean>;
}

/** `pending` until the ledger holds the visit: invisible to every read, blocks nothing. Then FHIR's names. */
export type StoredAppointmentStatus = 'pending' | AppointmentStatus;

/**
 * An appointment as stored. The same record is kept in both parties' partitions under the same
 * sort key (`APPT#<id>`), so each finds it by id in their own; only the patient's copy carries the
 * sealed reasons (the patient's data key seals them).
 */
export interface AppointmentRecord {
  readonly id: string;
  readonly patientId: string;
  readonly practitionerId: string;
  readonly status: StoredAppointmentStatus;
  /** RFC 3339 with the practitioner's offset, as the slot read. */
  readonly start: string;
  readonly end: string;
  /** `start` and `end` as epoch milliseconds (listing windows compare these). */
  readonly startMs: number;
  readonly endMs: number;
  /** The local date of the ledger item that holds it. */
  readonly date: LocalDate;
  readonly mode: AppointmentMode;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** 1 when written pending, one more on every change; both copies carry the same. */
  readonly version: number;
  readonly reasonSealed?: string;
  readonly cancelReasonSealed?: string;
  /**
   * The patient's review, on the patient's copy only (never the practitioner's), written once by
   * `ReviewRepository.add`. It does not change `version` (both copies keep the same one), so a
   * whole-item write of the patient's copy must carry it over: spread the copy it read.
   */
  readonly review?: StoredReview;
  /** The patient's own symptom session the booking named (an id, not PHI); the practitioner reads it only under `shareConsentId`. */
  readonly symptomSessionId?: string;
  /** The share consent the booking created (`shareProfile`): revoked when the appointment is cancelled, moved when it is. */
  readonly shareConsentId?: string;
}

/** Appointments, one copy per party. */
export interface AppointmentRepository {
  /** The copy in `holderId`'s partition, read consistently; `undefined` if none. */
  get(holderId: string, appointmentId: string): Promise<AppointmentRecord | undefined>;
  /** Writes `record` into `holderId`'s partition iff no copy is there yet; `false` otherwise. */
  create(holderId: string, record: AppointmentRecord): Promise<boolean>;
  /** Replaces `holderId`'s copy iff its version is `record.version - 1`; `false` otherwise, nothing written. */
  replace(holderId: string, record: AppointmentRecord): Promise<boolean>;
  /** Deletes `holderId`'s copy iff its version is still `version` (an undo, or a pending record the ledger refused); `false` otherwise. */
  remove(holderId: string, appointmentId: string, version: number): Promise<boolean>;
  /** Undoes a `replace` whose audit failed: puts `previous` back exactly iff the copy is still at `written.version`. */
  restore(holderId: string, written: Pick<AppointmentRecord, 'id' | 'version'>, previous: AppointmentRecord): Promise<boolean>;
  /**
   * One page of `holderId`'s appointments as `side` (patient: `patientId` is the holder; practitioner:
   * `practitionerId` is), starting in `[fromMs, toMs)`, pending ones left out, in id order. One Query
   * on the holder's partition with a filter, read consistently: a page may be short and still have a
   * cursor. For reading them all (account deletion, export), where a copy written a moment ago must be seen.
   */
  list(holderId: string, side: 'patient' | 'practitioner', fromMs: number, toMs: number, page: PageRequest): Promise<Page<AppointmentRecord>>;
}

/**
 * The appointment list by time (`GET /api/v1/appointments`): the copies `AppointmentRepository`
 * writes, found through the sparse `byPartyTime` index that every copy but a pending one carries
 * (shared/data/keys.ts, `appointmentPartyKey`). Implemented by `DynamoAppointmentTimeline`; the fake
 * is `inMemoryBookings().appointmentRepository`.
 */
export interface AppointmentTimeline {
  /**
   * One page of `holderId`'s appointments as `side` starting in `[fromMs, toMs)`, pending ones left
   * out, in start order (then id), in exact pages: `page.limit` of them whenever that many are left,
   * and a cursor only when more follow. One Query of the index (`BETWEEN` on the window), so
   * eventually consistent: a copy just written or moved may show a moment later. A cursor made for
   * another holder or side, or lying outside the window, is 400 `invalid_cursor`.
   */
  listByStart(holderId: string, side: 'patient' | 'practitioner', fromMs: number, toMs: number, page: PageRequest): Promise<Page<AppointmentRecord>>;
}

/**
 * What dead bookings left, for the booking's sweep (`book-appointment.ts`). Implemented by
 * `DynamoAppointmentCopies` (the booking's appointment adapter); the fake is
 * `inMemoryBookings().appointmentRepository`.
 */
export interface StalePendingCopies {
  /**
   * `patientId`'s copies still `pending` that were created before `createdBefore` (ISO 8601): what a
   * booking left when it died between its first write and its last. One Query on the patient's
   * partition (`APPT#` prefix, filtered), reading at most `maxRead` copies (in id order): a patient
   * with more is swept over those.
   */
  stalePending(patientId: string, createdBefore: string, maxRead: number): Promise<AppointmentRecord[]>;
}

/**
 * The share consent a booking with `shareProfile` gives its practitioner: a records consent item
 * (`ConsentRecord` with its `appointmentId`, in the patient's partition, found by grantee like any
 * other), written by the booking use cases. Implemented by `DynamoShareConsents`; the fake is
 * `inMemoryRecords().shareConsents`. The records methods keep their documented contracts.
 */
export interface ShareConsents extends Pick<ConsentRepository, 'create' | 'revoke'>, ConsentUndo {
  /**
   * Moves an unrevoked consent's `expiresAt` from `from` to `to` in one conditional update, iff it
   * is still `from`; `false` otherwise (revoked, moved or gone): nothing written. Swapped, its own undo.
   */
  moveExpiry(patientId: string, consentId: string, from: string, to: string): Promise<boolean>;
}

/** A patient's review of a fulfilled visit, as stored on their appointment copy. */
export interface StoredReview {
  /** 1–5 stars: plain, it feeds the practitioner's aggregate. */
  readonly rating: number;
  /** PHI: sealed with the patient's data key (`appointmentPlaces.reviewComment`). */
  readonly commentSealed?: string;
  readonly createdAt: string;
}

/**
 * Reviews, on the patient's appointment copy (`USER#<patient>` / `APPT#<id>`, attribute `review`).
 * "Once, by the patient, after `fulfilled`" is ONE conditional write on that item. Implemented by
 * `DynamoReviews` (shared/adapters/aws/dynamo-ratings.ts); the fake is `inMemoryBookings().reviewRepository`.
 */
export interface ReviewRepository {
  /**
   * Sets `review` on `patientId`'s copy iff the copy exists, is the patient's own (`patientId`),
   * is `fulfilled` and holds no review yet: one conditional update, `version` untouched. `false`
   * when any of that fails: nothing written.
   */
  add(patientId: string, appointmentId: string, review: StoredReview): Promise<boolean>;
  /** Undoes an `add` whose later step failed: removes `review` iff it is still the one written (its `createdAt`). */
  remove(patientId: string, appointmentId: string, written: StoredReview): Promise<boolean>;
}

/** A practitioner's rating aggregate: the sum of their reviews' stars and how many there are. */
export interface RatingAggregate {
  readonly sum: number;
  readonly count: number;
}

/**
 * Rating aggregates: one `RATING` item per practitioner in their own partition, changed only by
 * atomic `ADD`s (no read-modify-write, so concurrent reviews never lose one). Public views show it
 * through `ratingView` (./views.ts); caregiver matching reads it with `get` / `getMany`. Implemented
 * by `DynamoRatings` (shared/adapters/aws/dynamo-ratings.ts); the fake is `inMemoryRatings()`.
 */
export interface RatingRepository {
  /** The aggregate, read consistently; `{ sum: 0, count: 0 }` when none. */
  get(practitionerId: string): Promise<RatingAggregate>;
  /** The aggregates of several practitioners (batched reads): every id is in the map, `{ sum: 0, count: 0 }` when none. */
  getMany(practitionerIds: readonly string[]): Promise<Map<string, RatingAggregate>>;
  /** Counts one review of `stars` (count + 1, sum + stars) in one atomic `ADD`, creating the item if needed. */
  add(practitionerId: string, stars: number): Promise<void>;
  /** The undo of `add`: count − 1, sum − stars, in one `ADD`, iff the count is at least 1 (`false`: nothing written). */
  subtract(practitionerId: string, stars: number): Promise<boolean>;
  /** Account deletion of the practitioner: deletes the aggregate unconditionally (a no-op when there is none). */
  remove(practitionerId: string): Promise<void>;
}

/** The ports of the booking use cases. */
export interface BookingDeps extends Omit<CareDeps, 'practitioners'> {
  /** Only read here: a practitioner's zone and verification. */
  readonly practitioners: Pick<PractitionerRepository, 'get'>;
  readonly availability: AvailabilityRepository;
  readonly ledgers: LedgerRepository;
  readonly appointments: AppointmentRepository;
  /** Reviews of fulfilled visits, on the patient's copy. */
  readonly reviews: ReviewRepository;
  readonly vault: Pick<Vault, 'seal' | 'open'>;
  /** The share consents of `shareProfile` bookings. */
  readonly consents: ShareConsents;
  /** Only to check that a booking's `symptomSessionId` is the patient's own. */
  readonly sessions: Pick<SymptomSessionReader, 'getSession'>;
  /**
   * The notifications queue: booking, rescheduling and cancelling (account deletion's too) tell the parties through it,
   * ids only (shared/notifications/appointment-events.ts); the worker then sends the messages and keeps the reminders.
   */
  readonly notifications: NotificationQueue;
  /** The per-user budget of appointment changes (`appointmentChanges`, shared/budgets/limits.ts): each one messages both parties. */
  readonly counters: UsageCounters;
}

/** What a directory search filters on, besides place: a kind's partition, then the profile's own attributes. */
export interface DirectoryFilter {
  readonly kind: PractitionerKind;
  readonly specialty?: ProviderSpecialty;
  readonly skill?: CaregiverSkill;
  readonly language?: string;
  readonly telehealth?: boolean;
}

/** A verified profile as the directory holds it, at its `position`: `<geohash>#<id>` (`directoryPosition`, shared/care/directory.ts). */
export interface DirectoryEntry {
  readonly position: string;
  readonly record: PractitionerRecord;
}

/**
 * The practitioner directory: the verified profiles, found by kind and geohash prefix, never by a
 * scan. Implemented by `DynamoPractitioners` (the sparse `byDirectory` index of the records table,
 * which the profile's own conditional put maintains); the fake is `inMemoryPractitioners().directory`.
 * Eventually consistent: a profile just written may show a moment later.
 */
export interface PractitionerDirectory {
  /**
   * Entries of `filter.kind` whose position starts with `prefix` (`''`: all) and that match `filter`,
   * in position order, strictly after position `after` when given: at most `limit` of them, reading
   * at most `maxRead` index items. `resume` is the position to continue after, absent when nothing
   * is left (so `limit` matches, or `maxRead` items read, end a call with a `resume`).
   */
  find(
    filter: DirectoryFilter,
    prefix: string,
    options: { readonly after?: string; readonly limit: number; readonly maxRead: number },
  ): Promise<{ entries: DirectoryEntry[]; resume?: string }>;
}

/**
 * A patient's visit history, as caregiver matching's continuity factor reads it: the patient's own
 * appointment copies (`APPT#<id>` in their partition), never anyone else's. Implemented by
 * `DynamoVisitHistory`; the fake is `inMemoryVisitHistory` (test/helpers/fakes/care.ts).
 */
export interface VisitHistory {
  /**
   * How many of `patientId`'s appointments as the patient are `fulfilled`, per practitioner id (ids
   * with none are absent). One Query on the patient's partition reading at most `maxRead`
   * appointment items, and only their practitioner, patient and status: never a sealed field. A
   * patient with more appointments than that is counted over `maxRead` of them.
   */
  fulfilledByPractitioner(patientId: string, maxRead: number): Promise<ReadonlyMap<string, number>>;
}

/** The ports of caregiver matching (shared/care/match-caregivers.ts): it only reads, and appends its audit event. */
export interface MatchingDeps {
  readonly directory: PractitionerDirectory;
  /** A caregiver is matched only while their account is active and holds the role, as the directory shows them. */
  readonly accounts: AccountBatch;
  readonly availability: AvailabilityBatch;
  readonly ledgers: Pick<LedgerRepository, 'days'>;
  readonly ratings: Pick<RatingRepository, 'getMany'>;
  readonly visits: VisitHistory;
  readonly audit: AuditLog;
  readonly clock: Clock;
}
