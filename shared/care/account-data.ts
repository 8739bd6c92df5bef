import type { Appointment, AppointmentReview, AvailabilityView } from '../contracts/care-appointments';
import type { Vault } from '../vault/vault';
import { appointmentPlaces } from './places';
import { appointmentView } from './views';
import type { AppointmentRecord, AppointmentRepository, StoredAvailability } from './ports';

/**
 * The care data of one account, for the account's export (shared/account/export.ts); deletion is
 * ./cancel-future-appointments.ts. This module imports no schema and no booking rule, so the export's
 * bundle carries neither; its views are the area's own (./views.ts).
 */

/** Every copy in `holderId`'s partition as `side` starting in `[fromMs, toMs)`, pending ones left out, all pages. */
export const everyCopy = async (
  deps: { readonly appointments: Pick<AppointmentRepository, 'list'> },
  holderId: string,
  side: 'patient' | 'practitioner',
  fromMs: number,
  toMs: number,
): Promise<AppointmentRecord[]> => {
  const records: AppointmentRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.appointments.list(holderId, side, fromMs, toMs, { limit: 100, ...(cursor ? { cursor } : {}) });
    records.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return records;
};

/** An appointment as the account export holds it: the appointment view, with the reasons and the review opened on the patient's own copies. */
export type ExportedAppointment = Appointment & { readonly cancelReason?: string; readonly review?: AppointmentReview };

/**
 * Every appointment in `userId`'s partition, as the patient and as the practitioner (pending ones
 * left out), in start order. The reason, the cancellation reason and the caller's review (its comment
 * opened) are on the caller's own copies as the patient only (the practitioner's copy holds none).
 */
export const exportAppointments = async (
  deps: { readonly appointments: Pick<AppointmentRepository, 'list'>; readonly vault: Pick<Vault, 'open'> },
  userId: string,
): Promise<ExportedAppointment[]> => {
  const records = [
    ...(await everyCopy(deps, userId, 'patient', 0, Number.MAX_SAFE_INTEGER)),
    ...(await everyCopy(deps, userId, 'practitioner', 0, Number.MAX_SAFE_INTEGER)),
  ];
  records.sort((a, b) => a.startMs - b.startMs);
  return Promise.all(
    records.map(async (record) => {
      const own = record.patientId === userId;
      const reason = own && record.reasonSealed ? await deps.vault.open(appointmentPlaces.reason(userId, record.id), record.reasonSealed) : undefined;
      const cancelReason =
        own && record.cancelReasonSealed ? await deps.vault.open(appointmentPlaces.cancelReason(userId, record.id), record.cancelReasonSealed) : undefined;
      const review = own && record.review ? await reviewView(deps, record) : undefined;
      return { ...appointmentView(record, reason, cancelReason), ...(review ? { review } : {}) };
    }),
  );
};

/** The patient's review on their own copy, its comment opened. */
const reviewView = async (deps: { readonly vault: Pick<Vault, 'open'> }, record: AppointmentRecord): Promise<AppointmentReview> => {
  const { rating, commentSealed, createdAt } = record.review!;
  return {
    appointmentId: record.id,
    practitionerId: record.practitionerId,
    rating,
    ...(commentSealed ? { comment: await deps.vault.open(appointmentPlaces.reviewComment(record.patientId, record.id), commentSealed) } : {}),
    createdAt,
  };
};

/** The stored availability as its owner sees it (`getOwnAvailability`), read in the profile's zone. */
export const ownAvailabilityView = (stored: StoredAvailability, timeZone: string): AvailabilityView => ({
  availability: stored.availability,
  timeZone,
  version: stored.version,
  updatedAt: stored.updatedAt,
});
