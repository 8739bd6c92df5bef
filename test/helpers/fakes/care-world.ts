import { randomUUID } from 'node:crypto';
import { putOwnPractitioner, verifyPractitioner } from '../../../shared/care/practitioners';
import { putOwnAvailability } from '../../../shared/care/schedule';
import type { PractitionerProfileRequest } from '../../../shared/contracts/care';
import type { Availability } from '../../../shared/contracts/care-availability';
import type { TriageResult } from '../../../shared/contracts/triage';
import type { Caller } from '../../../shared/domain/caller';
import { sessionPlaces } from '../../../shared/triage/places';
import type { SessionStatus } from '../../../shared/triage/ports';
import { CONSULTATION_24_RESULT } from '../care-fixtures';
import { inMemoryApp, META } from '../in-memory';
import { inMemoryAccountBatch, inMemoryBookings, inMemoryPractitioners, inMemoryRatings } from './care';
import { recordingNotificationQueue } from './notifications';

/** An audit log whose every append fails: the request must fail and leave nothing written. */
export const failingAudit = {
  append: async () => {
    throw new Error('audit store down');
  },
};

/**
 * The setup the care use-case tests share: every port in memory (`inMemoryApp`'s, plus care's
 * practitioners, directory, bookings, reviews and ratings, and the notifications queue `notices`) in
 * one `deps` each use case takes what it needs from, an admin, and the steps that leave a provider
 * or a triaged session the way the routes and the worker would. Nothing is audited until a test acts, except by these steps: a test clears
 * `events` (`app.events.length = 0`) before it acts.
 */
export const careWorld = async () => {
  const app = inMemoryApp();
  const care = inMemoryPractitioners();
  const bookings = inMemoryBookings();
  const ratings = inMemoryRatings();
  // The notifications queue the appointment use cases tell both parties through: what they sent, and `failNext`.
  const notices = recordingNotificationQueue();
  // The accounts read in batches (directory, care options, matching): each call logged.
  const accountReads = inMemoryAccountBatch(app.users);
  const deps = {
    ...app.deps,
    practitioners: care.repository,
    directory: care.directory,
    accounts: accountReads.batch,
    availability: bookings.availabilityRepository,
    ledgers: bookings.ledgerRepository,
    appointments: bookings.appointmentRepository,
    reviews: bookings.reviewRepository,
    ratings: ratings.repository,
    notifications: notices.queue,
  };
  const admin = await app.addUser(['admin']);

  /** A provider whose profile is put, verified by the admin, with `hours`: a new patient and provider unless `caller` is given. */
  const verifiedProvider = async (profile: PractitionerProfileRequest, hours: Availability, caller?: Caller): Promise<Caller> => {
    const provider = caller ?? (await app.addUser(['patient', 'provider']));
    await putOwnPractitioner(deps, provider, profile, undefined, META);
    await verifyPractitioner(deps, admin, provider.userId, true, undefined, META);
    await putOwnAvailability(deps, provider, hours, META);
    return provider;
  };

  /** One of `owner`'s symptom sessions, as the worker leaves it: when completed, with `result` sealed. Its id. */
  const storedSession = async (owner: Caller, result: TriageResult = CONSULTATION_24_RESULT, status: SessionStatus = 'completed'): Promise<string> => {
    const id = randomUUID();
    const at = app.clock.now().toISOString();
    await app.sessions.repository.create({
      id,
      patientId: owner.userId,
      status,
      revision: 1,
      processedRevision: status === 'completed' ? 1 : 0,
      inputSealed: 'cb1.unused',
      ...(status === 'completed' ? { resultSealed: await app.deps.vault.sealJson(sessionPlaces.result(owner.userId, id), result) } : {}),
      createdAt: at,
      updatedAt: at,
    });
    return id;
  };

  return { app, care, bookings, ratings, notices, accountReads, deps, admin, verifiedProvider, storedSession, events: app.events };
};
