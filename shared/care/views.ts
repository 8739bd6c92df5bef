import type { PractitionerProfile } from '../contracts/care';
import type { Appointment } from '../contracts/care-appointments';
import type { AppointmentRecord, PractitionerRecord } from './ports';

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
  createdAt: record.createdAt,
  updatedAt: record.updatedAt,
});
