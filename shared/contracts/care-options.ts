import * as z from '../zod';
import { declared } from '../zod';
import { MAX_LANGUAGES, PROVIDER_SPECIALTIES } from './care-bounds';
import { Slot } from './care-availability';
import { Id, Instant, list, text } from './common';
import { TriageLevelSchema } from './triage-scale';
import { MAX_CARE_OPTIONS, CARE_ACTIONS } from './care-bounds';

/**
 * Schemas of care options (`GET /api/v1/symptom-sessions/{id}/care-options`): from a completed
 * triage result to the providers a patient can book, or to the emergency advice. The answer is the
 * patient's own (their result's level and advice); nothing in it is free text a practitioner wrote
 * but their public profile.
 */

/**
 * A provider in brief: the public profile's fields that choose a visit. The whole public profile,
 * rating included, is `GET /api/v1/practitioners/{id}` (kept out of here, with the rating reads, for
 * the route's bundle budget).
 */
export const CareOptionPractitioner = /* @__PURE__ */ z
  .object({
    id: Id,
    displayName: text(120),
    specialties: list(z.enum(PROVIDER_SPECIALTIES), PROVIDER_SPECIALTIES.length),
    languages: list(text(35), MAX_LANGUAGES),
    timeZone: text(64),
    city: text(100),
    telehealth: z.boolean(),
  })
  .register(z.globalRegistry, { id: 'CareOptionPractitioner' });
export type CareOptionPractitioner = z.infer<typeof CareOptionPractitioner>;

/** A provider to book: who, how to see them, and their earliest free slot from now. */
export const CareOption = /* @__PURE__ */ declared(() =>
  z
    .object({
      practitioner: CareOptionPractitioner,
      /** `video` when the result allows a teleconsultation and the provider offers telehealth; else `in_person`. */
      mode: z.enum(['video', 'in_person']),
      /** In the provider's zone, as their slot listing writes it: book by echoing its `start`. */
      earliestSlot: Slot,
    })
    .register(z.globalRegistry, { id: 'CareOption' }),
);
export type CareOption = z.infer<typeof CareOption>;

export const CareOptions = /* @__PURE__ */ z
  .object({
    sessionId: Id,
    level: TriageLevelSchema,
    action: z.enum(CARE_ACTIONS),
    /** With `book`: the specialty searched (general practice when the result names none the directory lists). */
    specialty: z.optional(z.enum(PROVIDER_SPECIALTIES)),
    /** With `book`: whether the result allows a teleconsultation (then video options come first). */
    teleconsultationOk: z.optional(z.boolean()),
    /** With `consultation_24`: every option starts before this instant (24 hours from the request). */
    before: z.optional(Instant),
    /** Video first when allowed, then the earliest slot first; empty unless `book`. */
    items: list(CareOption, MAX_CARE_OPTIONS),
    /** With `emergency`: what to do now, from the result. */
    advice: z.optional(text(2000)),
    /** A short explanation of the answer. */
    message: text(300),
  })
  .register(z.globalRegistry, { id: 'CareOptions' });
export type CareOptions = z.infer<typeof CareOptions>;
