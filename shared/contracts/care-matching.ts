import * as z from '../zod';
import { declared } from '../zod';
import { CAREGIVER_SKILLS } from './care-bounds';
import { ZonedInstant } from './care-availability';
import { WEEKDAYS } from './care-bounds';
import { Id, list, text } from './common';
import { MATCH_FACTOR_CODES, MAX_MATCHES, MATCH_WEEKS } from './care-bounds';

/**
 * Schemas of caregiver matching (`POST /api/v1/caregivers/match`): a patient describes a visit
 * and gets the caregivers who can do it, ranked, each score explained factor by factor. The
 * request holds no free text: needs come from the closed skill list, so nothing a patient writes
 * reaches the ranking.
 */

/** Languages a patient may name; people rarely speak more than a handful. */
const MAX_MATCH_LANGUAGES = 10;

const distinct = <T>() => z.refine<T[]>((items) => new Set(items).size === items.length, 'must not repeat an item');

/** A BCP 47-style tag (`en`, `hi`, `pt-BR`), any case: matching compares primary subtags case-insensitively. RFC 5646 advises room for 35 characters. */
const LanguageTag = /* @__PURE__ */ declared(() =>
  z.string().check(z.maxLength(35), z.regex(/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag like en, hi or pt-BR')),
);

export const CaregiverMatchRequest = /* @__PURE__ */ z
  .strictObject({
    needs: z.array(z.enum(CAREGIVER_SKILLS)).check(z.minLength(1), z.maxLength(CAREGIVER_SKILLS.length), distinct()),
    languages: z.optional(z.array(LanguageTag).check(z.minLength(1), z.maxLength(MAX_MATCH_LANGUAGES), distinct())),
    /** Where the visit happens. */
    location: z.strictObject({ lat: z.number().check(z.gte(-90), z.lte(90)), lon: z.number().check(z.gte(-180), z.lte(180)) }),
    /** The first visit's start, RFC 3339 with an offset (`2027-03-14T09:00:00+05:30`); its date is the one credentials must be valid on. */
    start: ZonedInstant,
    durationHours: z.number().check(z.gte(1), z.lte(24)),
    /**
     * For a recurring visit: the days of the week it repeats on, at the same wall-clock time. The
     * availability factor is the share of those visits over the first {@link MATCH_WEEKS} weeks
     * from the start's date that the caregiver could book. Absent for a one-off visit.
     */
    weeklyDays: z.optional(z.array(z.enum(WEEKDAYS)).check(z.minLength(1), z.maxLength(WEEKDAYS.length), distinct())),
  })
  .register(z.globalRegistry, { id: 'CaregiverMatchRequest' });
export type CaregiverMatchRequest = z.infer<typeof CaregiverMatchRequest>;

/** One factor of a score: its weight (the most points it can give) and the points it gave. */
export const MatchFactor = /* @__PURE__ */ z
  .object({
    code: z.enum(MATCH_FACTOR_CODES),
    weight: z.int().check(z.gte(0), z.lte(100)),
    points: z.int().check(z.gte(0), z.lte(100)),
  })
  .register(z.globalRegistry, { id: 'MatchFactor' });
export type MatchFactor = z.infer<typeof MatchFactor>;

export const CaregiverMatch = /* @__PURE__ */ declared(() =>
  z
    .object({
      caregiverId: Id,
      /** 0–100; the factors' points add up to it exactly. */
      score: z.int().check(z.gte(0), z.lte(100)),
      factors: list(MatchFactor, MATCH_FACTOR_CODES.length),
      /** When the caregiver can first start, if known. */
      earliestStart: z.nullable(ZonedInstant),
    })
    .register(z.globalRegistry, { id: 'CaregiverMatch' }),
);
export type CaregiverMatch = z.infer<typeof CaregiverMatch>;

/** The ranked caregivers, best first, and the version of the weights that scored them (so a score can be explained later). */
export const CaregiverMatchResponse = /* @__PURE__ */ z
  .object({ weightsVersion: text(32), items: list(CaregiverMatch, MAX_MATCHES) })
  .register(z.globalRegistry, { id: 'CaregiverMatchResponse' });
export type CaregiverMatchResponse = z.infer<typeof CaregiverMatchResponse>;
