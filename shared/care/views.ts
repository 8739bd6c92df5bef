import type { PractitionerProfile } from '../contracts/care';
import type { Appointment } from '../contracts/care-appointments';
import type { AppointmentRecord, PractitionerRecord, RatingAggregate } from './ports';

/**
 * The care area's views of its records, with no schemas in this module (types only), so the
 * account export can show them without bundling the area's contracts.
 */

/** The profile as its owner and an admin see it (credentials included). */
export const ownView = (record: PractitionerRecord): PractitionerProfile => {
  const { userId, verifiedBy: _verifiedBy, specialties, skills, languages, credentials, location, ...rest } = record;
  return {
    ...rest,
    id: userId,
    ...(specialties ? { specialties: [...specialties] } : {}),
    ...(skills ? { skills: [...skills] } : {}),
    languages: [...languages],
    location: { ...location },
    credentials: credentials.map((c) => ({ ...c })),
  };
};

/** An appointment as either party sees it; `reason` and `cancelReason` only when opened for the patient. */
export const appointmentView = (record: AppointmentRecord, reason?: string, cancelReason?: string): Appointment & { cancelReason?: string } => ({
  id: record.id,
  status: record.status as Appointment['status'],
  practitionerId: record.practitionerId,
  patientId: record.patientId,
  start: record.start,
  end: record.end,
  mode: record.mode,
  ...(reason === undefined ? {} : { reason }),
  ...(cancelReason === undefined ? {} : { cancelReason }),
  ...(record.symptomSessionId ? { symptomSessionId: record.symptomSessionId } : {}),
  ...(record.shareConsentId ? { shareProfile: true } : {}),
  createdAt: record.createdAt,
  updatedAt: record.updatedAt,
});

/**
 * A rating aggregate as the public views show it (and caregiver matching reads it): the average of
 * the stars rounded to one decimal (4.25 → 4.3), `null` before the first review. A count of 0 or
 * less (every review undone) shows as no review; the average is kept within 1–5 whatever is stored.
 */
export const ratingView = (aggregate: RatingAggregate | undefined): { rating: number | null; reviewCount: number } => {
  const count = Math.max(0, Math.floor(aggregate?.count ?? 0));
  if (count === 0) return { rating: null, reviewCount: 0 };
  const average = aggregate!.sum / count;
  return { rating: Math.min(5, Math.max(1, Math.round(average * 10) / 10)), reviewCount: count };
};
