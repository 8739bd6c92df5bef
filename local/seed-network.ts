import type { Availability } from '../shared/contracts/care-availability';
import type { Weekday } from '../shared/contracts/care-bounds';
import type { PractitionerProfileRequest } from '../shared/contracts/care';
import { CAREGIVER_SKILLS, type PractitionerKind, PROVIDER_SPECIALTIES } from '../shared/contracts/care-bounds';

/**
 * The demo network of `npm run seed`: LOCAL DEMO DATA ONLY. Everything here is a pure function of
 * an index, so every run asks for the same accounts, profiles and availability (the seed skips
 * what exists). The passwords pass the password policy and are printed: never use them anywhere
 * but a local data dir.
 */

export const DEMO_PRACTITIONERS_PER_KIND = 30;
export const DEMO_PATIENTS = 3;
const DOMAIN = 'demo.example.com';

export interface DemoLogin {
  readonly role: 'admin' | 'patient' | PractitionerKind;
  readonly email: string;
  readonly password: string;
  readonly name: string;
}

export interface DemoPractitioner extends DemoLogin {
  readonly role: PractitionerKind;
  readonly profile: PractitionerProfileRequest;
  readonly availability: Availability;
}

interface City {
  readonly city: string;
  readonly timeZone: string;
  readonly lat: number;
  readonly lon: number;
  readonly languages: readonly string[];
}

/** Real city centres in five time zones, each with languages spoken there. */
const CITIES: readonly City[] = [
  { city: 'Mumbai', timeZone: 'Asia/Kolkata', lat: 19.076, lon: 72.8777, languages: ['en', 'hi', 'mr'] },
  { city: 'London', timeZone: 'Europe/London', lat: 51.5072, lon: -0.1276, languages: ['en', 'pl'] },
  { city: 'New York', timeZone: 'America/New_York', lat: 40.7128, lon: -74.006, languages: ['en', 'es'] },
  { city: 'Sydney', timeZone: 'Australia/Sydney', lat: -33.8688, lon: 151.2093, languages: ['en', 'zh'] },
  { city: 'Bengaluru', timeZone: 'Asia/Kolkata', lat: 12.9716, lon: 77.5946, languages: ['en', 'kn', 'hi'] },
  { city: 'Manchester', timeZone: 'Europe/London', lat: 53.4808, lon: -2.2426, languages: ['en', 'ur'] },
  { city: 'Boston', timeZone: 'America/New_York', lat: 42.3601, lon: -71.0589, languages: ['en', 'pt'] },
  { city: 'Melbourne', timeZone: 'Australia/Melbourne', lat: -37.8136, lon: 144.9631, languages: ['en', 'el'] },
  { city: 'Delhi', timeZone: 'Asia/Kolkata', lat: 28.6139, lon: 77.209, languages: ['en', 'hi', 'pa'] },
  { city: 'Singapore', timeZone: 'Asia/Singapore', lat: 1.3521, lon: 103.8198, languages: ['en', 'zh', 'ms', 'ta'] },
];

const GIVEN = ['Asha', 'Oliver', 'Maya', 'Liam', 'Priya', 'Noah', 'Zara', 'Ethan', 'Ananya', 'Chloe', 'Ravi', 'Isla', 'Daniel', 'Meera', 'Lucas'];
const FAMILY = ['Rao', 'Bennett', 'Garcia', 'Nguyen', 'Iyer', 'Clarke', 'Rossi', 'Tan', 'Kapoor', 'Walsh', 'Okafor', 'Silva', 'Menon', 'Hughes', 'Lee'];
const WORDS = ['harbour', 'lantern', 'meadow', 'copper', 'violet', 'orchard', 'pebble', 'thistle', 'saffron', 'glacier', 'juniper', 'marble', 'canyon'];

const pad = (n: number): string => String(n).padStart(2, '0');
const pick = <T>(items: readonly T[], n: number): T => items[n % items.length]!;

/** A demo-only password: 3 words and a number, ≥ 12 characters, no e-mail or service name in it. */
const demoPassword = (seed: number): string => `demo-only ${pick(WORDS, seed)}-${pick(WORDS, seed + 4)}-${pick(WORDS, seed + 9)} ${100 + seed}`;

const SLOT_MINUTES = [15, 20, 30, 30, 45, 60] as const;

/** Weekly hours in the practitioner's own zone: weekdays split around lunch, some Saturdays, some evenings. */
const availabilityOf = (n: number): Availability => {
  const days: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', ...(n % 3 === 0 ? (['sat'] as const) : [])];
  const late = n % 4 === 1;
  return {
    weekly: days.flatMap((day) => [
      { day, start: late ? '10:00' : '09:00', end: '13:00' },
      { day, start: '14:00', end: late ? '19:30' : '17:00' },
    ]),
    exceptions: [],
    slotMinutes: pick(SLOT_MINUTES, n),
    bufferBeforeMinutes: pick([0, 5, 10], n),
    bufferAfterMinutes: pick([0, 5, 10, 15], n + 1),
    horizonDays: pick([30, 60, 90], n),
  };
};

const practitioner = (kind: PractitionerKind, n: number): DemoPractitioner => {
  const k = kind === 'provider' ? 0 : 1;
  const place = pick(CITIES, n + k * 3);
  const name = `${pick(GIVEN, n + k * 4)} ${pick(FAMILY, n * 2 + k)}`;
  const displayName = kind === 'provider' ? `Dr ${name}` : name;
  const email = `${kind}${pad(n + 1)}@${DOMAIN}`;
  // A few hundred metres around the centre, so practitioners of one city do not stack on one point.
  const location = {
    lat: Number((place.lat + ((n % 5) - 2) * 0.004).toFixed(5)),
    lon: Number((place.lon + ((n % 7) - 3) * 0.004).toFixed(5)),
    city: place.city,
  };
  const languages = place.languages.slice(0, 1 + (n % place.languages.length));
  const year = 2029 + (n % 3);
  const common = { displayName, languages, timeZone: place.timeZone, location, telehealth: n % 2 === 0, bio: `Local demo ${kind}: not a real person.` };
  const profile: PractitionerProfileRequest =
    kind === 'provider'
      ? {
          kind,
          ...common,
          specialties: [...new Set([pick(PROVIDER_SPECIALTIES, n), pick(PROVIDER_SPECIALTIES, n * 3 + 1)])],
          credentials: [
            {
              kind: pick(PROVIDER_SPECIALTIES, n) === 'ayurveda' ? 'ayurveda_registration' : 'medical_license',
              number: `DEMO-MED-${1000 + n}`,
              expiresOn: `${year}-12-31`,
            },
            { kind: 'background_check', number: `DEMO-BG-P${1000 + n}`, expiresOn: `${year}-06-30` },
          ],
        }
      : {
          kind,
          ...common,
          skills: [...new Set([pick(CAREGIVER_SKILLS, n), pick(CAREGIVER_SKILLS, n * 5 + 2)])],
          serviceRadiusKm: pick([5, 10, 15, 25], n),
          credentials: [
            { kind: 'caregiver_certification', number: `DEMO-CG-${1000 + n}`, expiresOn: `${year}-12-31` },
            { kind: 'first_aid', number: `DEMO-FA-${1000 + n}`, expiresOn: `${year}-03-31` },
          ],
        };
  return { role: kind, email, password: demoPassword(n + k * 40), name: displayName, profile, availability: availabilityOf(n + k) };
};

export const demoPractitioners = (): DemoPractitioner[] =>
  (['provider', 'caregiver'] as const).flatMap((kind) => Array.from({ length: DEMO_PRACTITIONERS_PER_KIND }, (_, n) => practitioner(kind, n)));

export const demoPatients = (): DemoLogin[] =>
  Array.from({ length: DEMO_PATIENTS }, (_, n) => ({
    role: 'patient' as const,
    email: `patient${pad(n + 1)}@${DOMAIN}`,
    password: demoPassword(90 + n),
    name: `${pick(GIVEN, n + 7)} ${pick(FAMILY, n + 9)}`,
  }));

export const demoAdmin = (): DemoLogin => ({ role: 'admin', email: `admin@${DOMAIN}`, password: demoPassword(99), name: 'Demo Admin' });
