/**
 * The bounds and closed lists of the care contracts, without their schemas. Domain code (the
 * scheduling core, matching, the directory) imports them from here: a module of zod schemas builds
 * every schema it declares when it loads, so importing one number from it would build them all in
 * each function that uses the number (docs/architecture.md, "Cold start"). The contracts build their
 * schemas from them, and everything else imports them from here too.
 */
// From the care contracts.
/** Who keeps a practitioner profile: the two roles of the care team. */
export const PRACTITIONER_KINDS = ['provider', 'caregiver'] as const;
export type PractitionerKind = (typeof PRACTITIONER_KINDS)[number];
/** What a provider practises: a closed list, so a profile holds no free-text claim of competence. */
export const PROVIDER_SPECIALTIES = [
  'general_practice',
  'cardiology',
  'dermatology',
  'paediatrics',
  'mental_health',
  'physiotherapy',
  'obstetrics',
  'ayurveda',
] as const;
export type ProviderSpecialty = (typeof PROVIDER_SPECIALTIES)[number];
/** What a caregiver offers: a closed list. */
export const CAREGIVER_SKILLS = [
  'elder_care',
  'dementia',
  'post_operative',
  'mobility',
  'medication_support',
  'palliative',
  'child_care',
  'companionship',
] as const;
export type CaregiverSkill = (typeof CAREGIVER_SKILLS)[number];
/** What a credential is: a closed list, so a credential holds no free text besides its number. */
export const CREDENTIAL_KINDS = [
  'medical_license',
  'specialist_certification',
  'nursing_license',
  'caregiver_certification',
  'first_aid',
  'background_check',
  'ayurveda_registration',
  'other',
] as const;
export const MAX_LANGUAGES = 20;
export const MAX_CREDENTIALS = 10;
// From the care-availability contracts.
/** Days of the week, Monday first, as a clinic's week reads. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** The shortest slot (and visit): it bounds a day's bookings, and so the ledger item, to 150. */
export const MIN_SLOT_MINUTES = 10;
export const MAX_SLOT_MINUTES = 240;
/** Prep and write-up time around a visit; two hours is already a long travel buffer. */
export const MAX_BUFFER_MINUTES = 120;
export const MAX_HORIZON_DAYS = 180;
/** The widest window a slot listing may ask for, so one answer stays O(31 days × slots). */
export const MAX_SLOT_WINDOW_DAYS = 31;
/** A few split shifts per day (morning, afternoon, evening…), seven days. */
export const MAX_WEEKLY_WINDOWS = 35;
/** A year of dated exceptions, one per date at most. */
export const MAX_EXCEPTIONS = 366;
// From the care-matching contracts.
/** The factors of a match score, in the order they are listed and rounded (shared/care/matching.ts). */
export const MATCH_FACTOR_CODES = ['skills', 'language', 'distance', 'availability', 'rating', 'continuity'] as const;
export type MatchFactorCode = (typeof MATCH_FACTOR_CODES)[number];
/** The most caregivers one answer ranks: a patient picks among a few, and the list stays one small page. */
export const MAX_MATCHES = 50;
/** The weeks a recurring visit's availability is measured over, from the start's date: four weeks show a routine, and stay one ledger Query per caregiver. */
export const MATCH_WEEKS = 4;
// From the care-directory contracts.
/** The widest search circle: the covering then stays a few cells (shared/care/geohash.ts), and a page a bounded read. */
export const MAX_SEARCH_RADIUS_KM = 100;
/** The radius when `near` is given without one. */
export const DEFAULT_SEARCH_RADIUS_KM = 25;
/** The page size when `limit` is not given. */
export const DEFAULT_DIRECTORY_PAGE = 20;
// From the care-options contracts.
/** The most providers one answer lists: a patient picks among a few. */
export const MAX_CARE_OPTIONS = 10;
/**
 * What the result asks of the patient: `book` a consultation (`consultation`, `consultation_24`),
 * get `emergency` care now (`emergency`, `emergency_ambulance`: no booking), or `self_care`.
 */
export const CARE_ACTIONS = ['book', 'emergency', 'self_care'] as const;
// From the care-appointments contracts.
/** A listing holds at most 31 days × 144 ten-minute slots; fall-back days add a few. */
export const MAX_SLOTS = 31 * 150;
export const APPOINTMENT_MODES = ['in_person', 'video', 'home_visit'] as const;
/** FHIR R4 `Appointment.status` names, the ones CareBow uses. */
export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'fulfilled', 'noshow'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
/** The longest review comment, in characters (after trimming). */
export const MAX_REVIEW_COMMENT = 2000;
