import * as z from '../zod';

/** E.164: a plus, then up to 15 digits. */
const Phone = z.string().check(z.regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number like +14155550123'));
const Entry = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const List = (max: number) => z.array(Entry(max)).check(z.maxLength(50));
const Today = () => new Date().toISOString().slice(0, 10);

export const SEXES = ['female', 'male', 'other'] as const;
/** The app's Ayurvedic constitution (prakriti): one dosha, a pair, or all three. */
export const DOSHAS = ['vata', 'pitta', 'kapha', 'vata-pitta', 'pitta-kapha', 'vata-kapha', 'tridosha'] as const;

/** A patient's health profile (PHI: sealed as one document under the patient's data key). */
export const HealthProfile = z
  .strictObject({
    dateOfBirth: z.optional(z.iso.date().check(z.refine((d) => d >= '1900-01-01' && d <= Today(), 'must be a past date after 1900'))),
    sex: z.optional(z.enum(SEXES)),
    heightCm: z.optional(z.number().check(z.gte(30), z.lte(272))),
    weightKg: z.optional(z.number().check(z.gte(0.5), z.lte(650))),
    allergies: z.optional(List(100)),
    medications: z.optional(List(200)),
    conditions: z.optional(List(200)),
    phone: z.optional(Phone),
    emergencyContact: z.optional(z.strictObject({ name: Entry(120), phone: Phone })),
    primaryDosha: z.optional(z.enum(DOSHAS)),
  })
  .register(z.globalRegistry, { id: 'HealthProfile' });
export type HealthProfile = z.infer<typeof HealthProfile>;

export const ProfileResponse = z
  .object({ profile: HealthProfile, version: z.int(), updatedAt: z.iso.datetime() })
  .register(z.globalRegistry, { id: 'ProfileResponse' });

export const PatientParams = z.strictObject({ patientId: z.uuid() });
