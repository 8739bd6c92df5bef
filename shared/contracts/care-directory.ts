import * as z from '../zod';
import { declared } from '../zod';
import { PublicPractitioner } from './care';
import { CAREGIVER_SKILLS, PRACTITIONER_KINDS, PROVIDER_SPECIALTIES } from './care-bounds';
import { page, PageQuery } from './common';
import { MAX_SEARCH_RADIUS_KM } from './care-bounds';

/**
 * Schemas of the practitioner directory (`GET /api/v1/practitioners`): verified providers or
 * caregivers, filtered, nearest first when `near` is given. Every filter is from a closed list or
 * a bounded number, so nothing free-form reaches a key condition.
 */

/** `LAT,LON` in decimal degrees, e.g. `19.076,72.8777`. */
const NEAR = /^(-?\d{1,2}(?:\.\d{1,8})?),(-?\d{1,3}(?:\.\d{1,8})?)$/;
const inRange = (near: string): boolean => {
  const [, lat, lon] = NEAR.exec(near) ?? [];
  return lat !== undefined && lon !== undefined && Math.abs(Number(lat)) <= 90 && Math.abs(Number(lon)) <= 180;
};

export const PractitionerSearchQuery = /* @__PURE__ */ declared(() =>
  z
    .strictObject({
      kind: z.enum(PRACTITIONER_KINDS),
      /** A provider's specialty (with `kind=provider` only). */
      specialty: z.optional(z.enum(PROVIDER_SPECIALTIES)),
      /** A caregiver's skill (with `kind=caregiver` only). */
      skill: z.optional(z.enum(CAREGIVER_SKILLS)),
      /** A language the practitioner speaks, as their profile spells it (canonical BCP 47: `en`, `hi`, `pt-BR`). */
      language: z.optional(
        z.string().check(z.maxLength(35), z.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag like en, hi or pt-BR')),
      ),
      /** `LAT,LON`: only practitioners within `radiusKm` of it, nearest first, each with its `distanceKm`. */
      near: z.optional(
        z
          .string()
          .check(
            z.maxLength(32),
            z.regex(NEAR, 'must be LAT,LON in decimal degrees, like 19.076,72.8777'),
            z.refine(inRange, 'must be a latitude within ±90 and a longitude within ±180'),
          ),
      ),
      /** Km around `near` (default 25, at most 100); only with `near`. */
      radiusKm: z.optional(z.coerce.number().check(z.gt(0), z.lte(MAX_SEARCH_RADIUS_KM))),
      telehealth: z.optional(z.enum(['true', 'false'])),
      ...PageQuery,
    })
    .check(
      z.refine((q) => q.specialty === undefined || q.kind === 'provider', { message: 'only providers have specialties', path: ['specialty'] }),
      z.refine((q) => q.skill === undefined || q.kind === 'caregiver', { message: 'only caregivers have skills', path: ['skill'] }),
      z.refine((q) => q.radiusKm === undefined || q.near !== undefined, { message: 'radiusKm needs near', path: ['radiusKm'] }),
    ),
);
export type PractitionerSearchQuery = z.infer<typeof PractitionerSearchQuery>;

/**
 * A directory entry: the public profile (no credentials; a caregiver's city only), and with `near`
 * the distance to it in km. A caregiver's distance is to the centre of the ~5 km cell they live in,
 * never to their home, so no sequence of searches can locate it more closely.
 */
export const DirectoryPractitioner = /* @__PURE__ */ z
  .extend(PublicPractitioner, { distanceKm: z.optional(z.number().check(z.gte(0))) })
  .register(z.globalRegistry, { id: 'DirectoryPractitioner' });
export type DirectoryPractitioner = z.infer<typeof DirectoryPractitioner>;

export const DirectoryPage = /* @__PURE__ */ page(DirectoryPractitioner).register(z.globalRegistry, { id: 'DirectoryPage' });
export type DirectoryPage = z.infer<typeof DirectoryPage>;
