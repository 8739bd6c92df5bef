import type { PractitionerProfileRequest } from '../../shared/contracts/care';
import type { Availability } from '../../shared/contracts/care-availability';
import { WEEKDAYS } from '../../shared/contracts/care-bounds';
import type { TriageResult } from '../../shared/contracts/triage';

/**
 * The care data the care tests share, unit and integration alike: weekly hours, a provider's
 * profile request, a triage result that asks for a consultation. Plain data, built fresh per call.
 */

export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Open from `start` to `end` on each of `days` (every day unless told), no exceptions; 30-minute
 * slots, no buffers and a 30-day horizon unless `rules` says otherwise.
 *
 * @example
 * weeklyHours('09:00', '17:00', { bufferAfterMinutes: 10 });
 */
export const weeklyHours = (
  start: string,
  end: string,
  rules: Partial<Omit<Availability, 'weekly'>> = {},
  days: readonly Weekday[] = WEEKDAYS,
): Availability => ({
  weekly: days.map((day) => ({ day, start, end })),
  exceptions: [],
  slotMinutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  horizonDays: 30,
  ...rules,
});

/** Dr Asha Rao, a general practitioner in UTC (Bengaluru) with video visits and a medical licence, with `overrides`. */
export const providerProfile = (overrides: Partial<PractitionerProfileRequest> = {}): PractitionerProfileRequest => ({
  displayName: 'Dr Asha Rao',
  languages: ['en'],
  timeZone: 'UTC',
  location: { lat: 12.97, lon: 77.59, city: 'Bengaluru' },
  telehealth: true,
  specialties: ['general_practice'],
  credentials: [{ kind: 'medical_license', number: 'KMC-1', expiresOn: '2030-06-30' }],
  ...overrides,
});

/** A rules result at `consultation_24`: general practice, a teleconsultation is fine. */
export const CONSULTATION_24_RESULT: TriageResult = {
  level: 'consultation_24',
  confidence: 0.8,
  summary: 'See a clinician within a day.',
  possibleConditions: ['Sinusitis'],
  followUpQuestions: [],
  selfCare: ['Rest'],
  watchFor: ['Stiff neck'],
  teleconsultationOk: true,
  disclaimer: 'General guidance.',
  source: 'rules',
  rulesFired: ['r1'],
  promptVersion: 'v1',
};

/** Real places (a centre point and the city's name), for profiles and searches. Each is over 100 km from the others, but for Mumbai, Thane and Navi Mumbai. */
export const PLACES = {
  mumbai: { lat: 19.076, lon: 72.8777, city: 'Mumbai' },
  thane: { lat: 19.2183, lon: 72.9781, city: 'Thane' },
  naviMumbai: { lat: 19.033, lon: 73.0297, city: 'Navi Mumbai' },
  pune: { lat: 18.5204, lon: 73.8567, city: 'Pune' },
  bengaluru: { lat: 12.9716, lon: 77.5946, city: 'Bengaluru' },
  mysuru: { lat: 12.2958, lon: 76.6394, city: 'Mysuru' },
  chennai: { lat: 13.0827, lon: 80.2707, city: 'Chennai' },
  kolkata: { lat: 22.5726, lon: 88.3639, city: 'Kolkata' },
  delhi: { lat: 28.6139, lon: 77.209, city: 'Delhi' },
  hyderabad: { lat: 17.385, lon: 78.4867, city: 'Hyderabad' },
};
export type Place = (typeof PLACES)[keyof typeof PLACES];
