import type { Ledger } from '../../../shared/care/ledger';
import type { UserRecord } from '../../../shared/identity/ports';
import type {
  AccountBatch,
  AppointmentRecord,
  AppointmentRepository,
  AppointmentTimeline,
  AvailabilityBatch,
  AvailabilityRepository,
  LedgerRepository,
  RatingAggregate,
  RatingRepository,
  ReviewRepository,
  StalePendingCopies,
  StoredAvailability,
} from '../../../shared/care/ports';
import { directoryPosition } from '../../../shared/care/directory-position';
import { ValidationError } from '../../../shared/errors';
import type { DirectoryFilter, PractitionerDirectory, PractitionerRecord, PractitionerRepository, VisitHistory } from '../../../shared/care/ports';

/**
 * The care ports in memory, honouring their documented contracts like `DynamoPractitioners`: a put
 * is applied only over version `record.version - 1` (over nothing for version 1), and an undo puts
 * the previous record back, or deletes a new one, only while the stored version is still the one
 * written. Stored records are frozen, lists and location included: a use case that mutated what it
 * read throws.
 *
 * The directory is derived from the same map, like the sparse index from the same item: verified
 * records at their `directoryPosition`, in position order, each `find` logged in `finds` (so the
 * query planning can be checked) and reading at most `maxRead` entries of the kind's partition and
 * prefix (matching or not, like DynamoDB's filter after the read).
 */
export const inMemoryPractitioners = () => {
  /** By user id. */
  const practitioners = new Map<string, PractitionerRecord>();
  const freeze = (record: PractitionerRecord): PractitionerRecord =>
    Object.freeze({
      ...record,
      location: Object.freeze({ ...record.location }),
      languages: Object.freeze([...record.languages]),
      credentials: Object.freeze(record.credentials.map((c) => Object.freeze({ ...c }))),
      ...(record.specialties ? { specialties: Object.freeze([...record.specialties]) } : {}),
      ...(record.skills ? { skills: Object.freeze([...record.skills]) } : {}),
    });

  const repository: PractitionerRepository = {
    get: async (userId) => practitioners.get(userId),
    put: async (record) => {
      const current = practitioners.get(record.userId);
      if (record.version === 1 ? current !== undefined : current?.version !== record.version - 1) return false;
      practitioners.set(record.userId, freeze(record));
      return true;
    },
    undoPut: async (written, previous) => {
      if (practitioners.get(written.userId)?.version !== written.version) return false;
      if (previous === undefined) practitioners.delete(written.userId);
      else practitioners.set(written.userId, freeze(previous));
      return true;
    },
    remove: async (userId) => void practitioners.delete(userId),
  };

  const finds: { filter: DirectoryFilter; prefix: string; after?: string; limit: number; maxRead: number }[] = [];
  const matches = (filter: DirectoryFilter, r: PractitionerRecord): boolean =>
    (filter.specialty === undefined || (r.specialties ?? []).includes(filter.specialty)) &&
    (filter.skill === undefined || (r.skills ?? []).includes(filter.skill)) &&
    (filter.language === undefined || r.languages.includes(filter.language)) &&
    (filter.telehealth === undefined || r.telehealth === filter.telehealth);
  const directory: PractitionerDirectory = {
    find: async (filter, prefix, options) => {
      if (!(options.limit > 0 && options.maxRead > 0)) throw new RangeError('limit and maxRead must be positive');
      finds.push({ filter, prefix, ...options });
      const partition = [...practitioners.values()]
        .filter((r) => r.verified && r.kind === filter.kind)
        .map((record) => ({ position: directoryPosition(record), record }))
        .filter((e) => e.position.startsWith(prefix) && (options.after === undefined || e.position > options.after))
        .sort((a, b) => (a.position < b.position ? -1 : 1));
      const read = partition.slice(0, options.maxRead);
      const entries = [];
      for (const [i, entry] of read.entries()) {
        if (!matches(filter, entry.record)) continue;
        entries.push(entry);
        if (entries.length === options.limit) return { entries, ...(i === partition.length - 1 ? {} : { resume: entry.position }) };
      }
      return { entries, ...(read.length < partition.length ? { resume: read.at(-1)!.position } : {}) };
    },
  };

  return { practitioners, repository, directory, finds };
};

/**
 * `AccountBatch` over the identity fake's accounts (`inMemoryApp().users`), like `DynamoAccountBatch`:
 * the accounts that exist, by id. Each call is logged in `calls` (the ids asked), as one BatchGetItem.
 */
export const inMemoryAccountBatch = (users: ReadonlyMap<string, UserRecord>) => {
  const calls: string[][] = [];
  const batch: AccountBatch = {
    getMany: async (ids) => {
      calls.push([...ids]);
      return new Map(ids.flatMap((id) => (users.has(id) ? [[id, users.get(id)!] as const] : [])));
    },
  };
  return { batch, calls };
};

/**
 * Availability, ledgers and appointments in memory, honouring the ports' contracts like
 * `DynamoAvailability`, `DynamoLedgers` and `DynamoAppointments`: every write applies only over the
 * version it names (or over nothing), and `list` filters a holder's copies by side and window.
 * `failLedgerWrites` makes the next n ledger writes lose their condition (a concurrent writer);
 * `breakLedgerWrites` makes the next n throw (the store down).
 */
export const inMemoryBookings = () => {
  const availability = new Map<string, StoredAvailability>();
  const ledgers = new Map<string, Ledger>();
  const appointments = new Map<string, AppointmentRecord>();
  const at = (holder: string, id: string) => `${holder}|${id}`;
  let lostWrites = 0;
  let brokenWrites = 0;
  let ledgerWrites = 0;

  const availabilityRepository: AvailabilityRepository & AvailabilityBatch = {
    get: async (id) => availability.get(id),
    getMany: async (ids) => new Map(ids.flatMap((id) => (availability.has(id) ? [[id, availability.get(id)!] as const] : []))),
    put: async (id, stored) => {
      if ((availability.get(id)?.version ?? 0) !== stored.version - 1) return false;
      availability.set(id, stored);
      return true;
    },
    undoPut: async (id, written, previous) => {
      if (availability.get(id)?.version !== written.version) return false;
      if (previous) availability.set(id, previous);
      else availability.delete(id);
      return true;
    },
    remove: async (id) => void availability.delete(id),
  };
  const ledgerRepository: LedgerRepository = {
    day: async (id, date) => ledgers.get(at(id, date)),
    days: async (id, from, to) =>
      [...ledgers.entries()]
        .filter(([key]) => key.startsWith(`${id}|`) && key.slice(id.length + 1) >= from && key.slice(id.length + 1) <= to)
        .map(([, l]) => l),
    write: async (id, ledger) => {
      ledgerWrites++;
      if (brokenWrites > 0) {
        brokenWrites--;
        throw new Error('ledger store down');
      }
      if (lostWrites > 0) {
        lostWrites--;
        return false;
      }
      if ((ledgers.get(at(id, ledger.date))?.version ?? 0) !== ledger.version - 1) return false;
      ledgers.set(at(id, ledger.date), Object.freeze({ ...ledger, entries: Object.freeze([...ledger.entries]) }));
      return true;
    },
  };
  const appointmentRepository: AppointmentRepository & AppointmentTimeline & StalePendingCopies = {
    get: async (holder, id) => appointments.get(at(holder, id)),
    create: async (holder, record) => {
      if (appointments.has(at(holder, record.id))) return false;
      appointments.set(at(holder, record.id), Object.freeze({ ...record }));
      return true;
    },
    replace: async (holder, record) => {
      if (appointments.get(at(holder, record.id))?.version !== record.version - 1) return false;
      appointments.set(at(holder, record.id), Object.freeze({ ...record }));
      return true;
    },
    remove: async (holder, id, version) => {
      if (appointments.get(at(holder, id))?.version !== version) return false;
      appointments.delete(at(holder, id));
      return true;
    },
    restore: async (holder, written, previous) => {
      if (appointments.get(at(holder, written.id))?.version !== written.version) return false;
      appointments.set(at(holder, written.id), previous);
      return true;
    },
    list: async (holder, side, fromMs, toMs, page) => ({
      items: [...appointments.entries()]
        .filter(([key]) => key.startsWith(`${holder}|`))
        .map(([, record]) => record)
        .filter((r) => (side === 'patient' ? r.patientId : r.practitionerId) === holder && r.startMs >= fromMs && r.startMs < toMs && r.status !== 'pending')
        .slice(0, page.limit),
    }),
    // Like the byPartyTime index: start order, then id; exact pages; the cursor names the holder, the side and the last key.
    listByStart: async (holder, side, fromMs, toMs, page) => {
      const keyOf = (r: AppointmentRecord) => `${String(r.startMs).padStart(16, '0')}#${r.id}`;
      let after: { h: string; s: string; k: string } | undefined;
      try {
        after = page.cursor === undefined ? undefined : JSON.parse(Buffer.from(page.cursor, 'base64url').toString());
      } catch {
        after = { h: '', s: '', k: '' };
      }
      if (after && (after.h !== holder || after.s !== side)) throw new ValidationError('The cursor is invalid.', undefined, 'invalid_cursor');
      const all = [...appointments.entries()]
        .filter(([key]) => key.startsWith(`${holder}|`))
        .map(([, record]) => record)
        .filter((r) => (side === 'patient' ? r.patientId : r.practitionerId) === holder && r.startMs >= fromMs && r.startMs < toMs && r.status !== 'pending')
        .filter((r) => after === undefined || keyOf(r) > after.k)
        .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
      const items = all.slice(0, page.limit);
      const more = all.length > page.limit;
      return { items, ...(more ? { nextCursor: Buffer.from(JSON.stringify({ h: holder, s: side, k: keyOf(items.at(-1)!) })).toString('base64url') } : {}) };
    },
    stalePending: async (patientId, createdBefore, maxRead) =>
      [...appointments.entries()]
        .filter(([key]) => key.startsWith(`${patientId}|`))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .slice(0, maxRead)
        .map(([, record]) => record)
        .filter((r) => r.status === 'pending' && r.createdAt < createdBefore),
  };
  /** Like `DynamoReviews`: the `review` attribute of the patient's own, fulfilled copy, set once, version untouched. */
  const reviewRepository: ReviewRepository = {
    add: async (patientId, id, review) => {
      const copy = appointments.get(at(patientId, id));
      if (copy?.patientId !== patientId || copy.status !== 'fulfilled' || copy.review !== undefined) return false;
      appointments.set(at(patientId, id), Object.freeze({ ...copy, review: Object.freeze({ ...review }) }));
      return true;
    },
    remove: async (patientId, id, written) => {
      const copy = appointments.get(at(patientId, id));
      if (copy?.review?.createdAt !== written.createdAt) return false;
      const { review: _review, ...rest } = copy;
      appointments.set(at(patientId, id), Object.freeze(rest));
      return true;
    },
  };
  return {
    availability,
    ledgers,
    appointments,
    availabilityRepository,
    ledgerRepository,
    appointmentRepository,
    reviewRepository,
    failLedgerWrites: (n: number) => void (lostWrites = n),
    breakLedgerWrites: (n: number) => void (brokenWrites = n),
    ledgerWrites: () => ledgerWrites,
  };
};

/**
 * Rating aggregates in memory, like `DynamoRatings`: `add` and `subtract` change sum and count
 * together (the atomic `ADD`), `subtract` only while the count is at least 1. `failAdds` makes the
 * next n `add`s throw (a store error).
 */
export const inMemoryRatings = () => {
  const aggregates = new Map<string, RatingAggregate>();
  let failing = 0;
  const of = (id: string): RatingAggregate => aggregates.get(id) ?? { sum: 0, count: 0 };
  const repository: RatingRepository = {
    get: async (id) => of(id),
    getMany: async (ids) => new Map(ids.map((id) => [id, of(id)])),
    add: async (id, stars) => {
      if (failing > 0) {
        failing--;
        throw new Error('rating store down');
      }
      aggregates.set(id, { sum: of(id).sum + stars, count: of(id).count + 1 });
    },
    subtract: async (id, stars) => {
      if (of(id).count < 1) return false;
      aggregates.set(id, { sum: of(id).sum - stars, count: of(id).count - 1 });
      return true;
    },
    remove: async (id) => void aggregates.delete(id),
  };
  return { aggregates, repository, failAdds: (n: number) => void (failing = n) };
};

/**
 * A patient's visit history in memory, like `DynamoVisitHistory`, over `inMemoryBookings().appointments`:
 * the patient's own copies where they are the patient and the status is `fulfilled`, counted per
 * practitioner over at most `maxRead` of the partition's copies; `calls` logs each `maxRead` asked.
 */
export const inMemoryVisitHistory = (appointments: ReadonlyMap<string, AppointmentRecord>) => {
  const calls: number[] = [];
  const visitHistory: VisitHistory = {
    fulfilledByPractitioner: async (patientId, maxRead) => {
      calls.push(maxRead);
      const counts = new Map<string, number>();
      const own = [...appointments.entries()].filter(([key]) => key.startsWith(`${patientId}|`)).slice(0, maxRead);
      for (const [, r] of own) if (r.patientId === patientId && r.status === 'fulfilled') counts.set(r.practitionerId, (counts.get(r.practitionerId) ?? 0) + 1);
      return counts;
    },
  };
  return { visitHistory, calls };
};
