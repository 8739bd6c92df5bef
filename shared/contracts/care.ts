import * as z from '../zod';
import { declared } from '../zod';
import { Id, Instant, list, text } from './common';
import { PRACTITIONER_KINDS, PROVIDER_SPECIALTIES, CAREGIVER_SKILLS, CREDENTIAL_KINDS, MAX_LANGUAGES, MAX_CREDENTIALS } from './care-bounds';

/**
 * Schemas of the care routes: practitioner profiles (providers and caregivers). Request bodies are
 * strict (unknown fields → 400) and every string and list is bounded. Credential numbers are
 * confidential: they are in the owner's and the admin's view, never in the public one.
 */

const MAX_SERVICE_RADIUS_KM = 200;

const Entry = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const distinct = <T>(key: (item: T) => string = String) => z.refine<T[]>((items) => new Set(items.map(key)).size === items.length, 'must not repeat an item');
const Today = () => new Date().toISOString().slice(0, 10);

let languages: Intl.DisplayNames | undefined;
/**
 * True when `tag` is a well-formed BCP 47 language tag already in its canonical form (`en`, `pt-BR`,
 * `zh-Hant-TW`) whose language the runtime's locale data knows (so `english` or `xx` are refused).
 */
export const isCanonicalLanguageTag = (tag: string): boolean => {
  try {
    languages ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    return Intl.getCanonicalLocales(tag)[0] === tag && languages.of(tag.split('-')[0]!) !== undefined;
  } catch {
    return false;
  }
};

/** True when the runtime's time-zone data knows `name` (an IANA name such as `Asia/Kolkata` or `UTC`). */
export const isKnownTimeZone = (name: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
};

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const TIME_ZONE = /^[A-Z][A-Za-z0-9_+-]*(?:\/[A-Z][A-Za-z0-9_+-]*){0,2}$/;
const CREDENTIAL_NUMBER = /^[A-Za-z0-9][A-Za-z0-9 ./-]*$/;

/** An ISO 639 language first; RFC 5646 advises room for 35 characters; canonical case, so `en-us` is refused for `en-US`. */
const LanguageTag = /* @__PURE__ */ declared(() =>
  z
    .string()
    .check(
      z.maxLength(35),
      z.regex(LANGUAGE_TAG, 'must be a BCP 47 language tag like en, hi or pt-BR'),
      z.refine(isCanonicalLanguageTag, 'must be a valid BCP 47 language tag in canonical form, like en, hi or pt-BR'),
    ),
);

/** An IANA zone name (each part capitalised, as the database spells it): no offsets such as `+05:30`. */
const TimeZone = /* @__PURE__ */ declared(() =>
  z
    .string()
    .check(
      z.maxLength(64),
      z.regex(TIME_ZONE, 'must be an IANA time zone like Asia/Kolkata'),
      z.refine(isKnownTimeZone, 'must be an IANA time zone like Asia/Kolkata'),
    ),
);

const Latitude = /* @__PURE__ */ declared(() => z.number().check(z.gte(-90), z.lte(90)));
const Longitude = /* @__PURE__ */ declared(() => z.number().check(z.gte(-180), z.lte(180)));
const City = /* @__PURE__ */ declared(() => Entry(100));

const Credential = /* @__PURE__ */ declared(() =>
  z.strictObject({
    kind: z.enum(CREDENTIAL_KINDS),
    /** Letters, digits and a few separators: a registration number, never prose. */
    number: z
      .string()
      .check(z.trim(), z.minLength(1), z.maxLength(64), z.regex(CREDENTIAL_NUMBER, 'must be letters, digits, spaces, dots, slashes or hyphens')),
    expiresOn: z.iso.date().check(
      z.maxLength(10),
      z.refine((d) => d >= Today(), 'must not be in the past'),
    ),
  }),
);
export type Credential = z.infer<typeof Credential>;

/**
 * A practitioner's profile, as its owner writes it (`PUT /api/v1/practitioners/me`). A provider
 * lists `specialties`; a caregiver lists `skills` and a `serviceRadiusKm`. `kind` follows from the
 * caller's role; a caller holding both roles must name it.
 */
export const PractitionerProfileRequest = /* @__PURE__ */ z
  .strictObject({
    kind: z.optional(z.enum(PRACTITIONER_KINDS)),
    displayName: Entry(120),
    specialties: z.optional(z.array(z.enum(PROVIDER_SPECIALTIES)).check(z.minLength(1), z.maxLength(PROVIDER_SPECIALTIES.length), distinct())),
    skills: z.optional(z.array(z.enum(CAREGIVER_SKILLS)).check(z.minLength(1), z.maxLength(CAREGIVER_SKILLS.length), distinct())),
    languages: z.array(LanguageTag).check(z.minLength(1), z.maxLength(MAX_LANGUAGES), distinct()),
    timeZone: TimeZone,
    location: z.strictObject({ lat: Latitude, lon: Longitude, city: City }),
    serviceRadiusKm: z.optional(z.number().check(z.gt(0), z.lte(MAX_SERVICE_RADIUS_KM))),
    telehealth: z.boolean(),
    bio: z.optional(Entry(2000)),
    credentials: z.array(Credential).check(
      z.maxLength(MAX_CREDENTIALS),
      distinct<Credential>((c) => `${c.kind}/${c.number}`),
    ),
  })
  .check(
    z.refine((p) => (p.specialties === undefined) !== (p.skills === undefined), {
      message: 'must list either specialties (a provider) or skills (a caregiver)',
      path: ['specialties'],
    }),
    z.refine((p) => p.skills === undefined || p.serviceRadiusKm !== undefined, {
      message: 'a caregiver must give a service radius',
      path: ['serviceRadiusKm'],
    }),
    z.refine((p) => p.specialties === undefined || p.serviceRadiusKm === undefined, {
      message: 'only caregivers give a service radius',
      path: ['serviceRadiusKm'],
    }),
    z.refine((p) => p.kind === undefined || p.kind === (p.specialties ? 'provider' : 'caregiver'), {
      message: 'a provider lists specialties, a caregiver skills',
      path: ['kind'],
    }),
  )
  .register(z.globalRegistry, {
    id: 'PractitionerProfileRequest',
    description:
      'Exactly one of `specialties` (a provider) or `skills` (a caregiver, with `serviceRadiusKm`). `kind` is required only of a caller holding both roles.',
  });
export type PractitionerProfileRequest = z.infer<typeof PractitionerProfileRequest>;

const Specialties = /* @__PURE__ */ declared(() => list(z.enum(PROVIDER_SPECIALTIES), PROVIDER_SPECIALTIES.length));
const Skills = /* @__PURE__ */ declared(() => list(z.enum(CAREGIVER_SKILLS), CAREGIVER_SKILLS.length));
const Languages = /* @__PURE__ */ declared(() => list(text(35).check(z.regex(LANGUAGE_TAG)), MAX_LANGUAGES));
const StoredTimeZone = /* @__PURE__ */ declared(() => text(64).check(z.regex(TIME_ZONE)));

/** The profile as its owner and an admin see it: credentials included, and its verification. */
export const PractitionerProfile = /* @__PURE__ */ z
  .object({
    id: Id,
    kind: z.enum(PRACTITIONER_KINDS),
    verified: z.boolean(),
    /** When an admin verified it; absent while it is not verified. */
    verifiedAt: z.optional(Instant),
    displayName: text(120),
    specialties: z.optional(Specialties),
    skills: z.optional(Skills),
    languages: Languages,
    timeZone: StoredTimeZone,
    location: z.object({ lat: Latitude, lon: Longitude, city: text(100) }),
    serviceRadiusKm: z.optional(z.number().check(z.gt(0), z.lte(MAX_SERVICE_RADIUS_KM))),
    telehealth: z.boolean(),
    bio: z.optional(text(2000)),
    credentials: list(
      z.object({ kind: z.enum(CREDENTIAL_KINDS), number: text(64).check(z.regex(CREDENTIAL_NUMBER)), expiresOn: z.iso.date().check(z.maxLength(10)) }),
      MAX_CREDENTIALS,
    ),
    version: z.int(),
    updatedAt: Instant,
  })
  .register(z.globalRegistry, { id: 'PractitionerProfile' });
export type PractitionerProfile = z.infer<typeof PractitionerProfile>;

/**
 * A verified practitioner as any signed-in user sees them: no credentials, and for a caregiver no
 * exact location (the city only). `rating` is `null` and `reviewCount` 0 until reviews exist.
 */
export const PublicPractitioner = /* @__PURE__ */ declared(() =>
  z
    .object({
      id: Id,
      kind: z.enum(PRACTITIONER_KINDS),
      verified: z.literal(true),
      displayName: text(120),
      specialties: z.optional(Specialties),
      skills: z.optional(Skills),
      languages: Languages,
      timeZone: StoredTimeZone,
      /** `lat` and `lon` for providers only (where they practise); a caregiver's home stays private. */
      location: z.object({ city: text(100), lat: z.optional(Latitude), lon: z.optional(Longitude) }),
      serviceRadiusKm: z.optional(z.number().check(z.gt(0), z.lte(MAX_SERVICE_RADIUS_KM))),
      telehealth: z.boolean(),
      bio: z.optional(text(2000)),
      rating: z.nullable(z.number().check(z.gte(1), z.lte(5))),
      reviewCount: z.int().check(z.gte(0)),
    })
    .register(z.globalRegistry, { id: 'PublicPractitioner' }),
);
export type PublicPractitioner = z.infer<typeof PublicPractitioner>;

export const VerifyPractitionerRequest = /* @__PURE__ */ z
  .strictObject({ verified: z.boolean() })
  .register(z.globalRegistry, { id: 'VerifyPractitionerRequest' });
