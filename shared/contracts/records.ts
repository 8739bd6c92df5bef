import * as z from '../zod';
import { declared } from '../zod';
import { Id, Instant, list, page, PageQuery } from './common';

/** E.164: a plus, then up to 15 digits. */
const Phone = /* @__PURE__ */ declared(() => z.string().check(z.maxLength(16), z.regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number like +14155550123')));
const Entry = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const List = (max: number) => list(Entry(max), 50);
const Today = () => new Date().toISOString().slice(0, 10);

export const SEXES = ['female', 'male', 'other'] as const;
/** The app's Ayurvedic constitution (prakriti): one dosha, a pair, or all three. */
export const DOSHAS = ['vata', 'pitta', 'kapha', 'vata-pitta', 'pitta-kapha', 'vata-kapha', 'tridosha'] as const;

/** A patient's health profile (PHI: sealed as one document under the patient's data key). */
export const HealthProfile = /* @__PURE__ */ z
  .strictObject({
    dateOfBirth: z.optional(
      z.iso.date().check(
        z.maxLength(10),
        z.refine((d) => d >= '1900-01-01' && d <= Today(), 'must be a past date after 1900'),
      ),
    ),
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

export const ProfileResponse = /* @__PURE__ */ z
  .object({ profile: HealthProfile, version: z.int(), updatedAt: Instant })
  .register(z.globalRegistry, { id: 'ProfileResponse' });

export const PatientParams = /* @__PURE__ */ declared(() => z.strictObject({ patientId: Id }));

/** What a grantee may read under a share consent. */
export const CONSENT_SCOPES = ['profile.read', 'triage.read', 'appointments.read'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
/** Why the patient shares: a closed list, so the consent itself holds no free-text PHI. */
export const CONSENT_PURPOSES = ['treatment', 'care_coordination', 'caregiving', 'emergency', 'other'] as const;

const ShareConsentRequest = /* @__PURE__ */ declared(() =>
  z.strictObject({
    kind: z.optional(z.literal('share')),
    granteeId: Id,
    scopes: z.array(z.enum(CONSENT_SCOPES)).check(
      z.minLength(1),
      z.maxLength(CONSENT_SCOPES.length),
      z.refine((s) => new Set(s).size === s.length, 'must not repeat a scope'),
    ),
    purpose: z.enum(CONSENT_PURPOSES),
    expiresAt: z.optional(Instant.check(z.refine((at) => Date.parse(at) > Date.now(), 'must be in the future'))),
  }),
);
const AiConsentRequest = /* @__PURE__ */ declared(() => z.strictObject({ kind: z.literal('ai_processing') }));

export const CreateConsentRequest = /* @__PURE__ */ z.union([ShareConsentRequest, AiConsentRequest]).register(z.globalRegistry, { id: 'CreateConsentRequest' });
export type CreateConsentRequest = z.infer<typeof CreateConsentRequest>;

export const Consent = /* @__PURE__ */ declared(() =>
  z
    .object({
      id: Id,
      /** `break_glass`: a provider's 60-minute emergency grant (`POST /api/v1/patients/{patientId}/break-glass`). */
      kind: z.enum(['share', 'ai_processing', 'break_glass']),
      patientId: Id,
      granteeId: z.optional(Id),
      scopes: z.optional(list(z.enum(CONSENT_SCOPES), CONSENT_SCOPES.length)),
      purpose: z.optional(z.enum(CONSENT_PURPOSES)),
      expiresAt: z.optional(Instant),
      createdAt: Instant,
      revokedAt: z.optional(Instant),
      /** The appointment whose booking (`shareProfile`) created it: revoked with its cancellation. */
      appointmentId: z.optional(Id),
      status: z.enum(['active', 'revoked', 'expired']),
    })
    .register(z.globalRegistry, { id: 'Consent' }),
);
export type Consent = z.infer<typeof Consent>;

export const ConsentListQuery = /* @__PURE__ */ declared(() => z.strictObject({ direction: z.optional(z.enum(['granted', 'received'])), ...PageQuery }));
export const ConsentPage = /* @__PURE__ */ page(Consent).register(z.globalRegistry, { id: 'ConsentPage' });

export const FeedbackRequest = /* @__PURE__ */ z
  .strictObject({
    rating: z.int().check(z.gte(1), z.lte(5)),
    comments: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(2000))),
  })
  .register(z.globalRegistry, { id: 'FeedbackRequest' });

export const FeedbackResponse = /* @__PURE__ */ z.object({ id: Id, createdAt: Instant }).register(z.globalRegistry, { id: 'FeedbackResponse' });

/** Break-glass: why a provider opens a patient's profile without consent. Free text, so PHI-adjacent: sealed, never logged. */
export const BreakGlassRequest = /* @__PURE__ */ z
  .strictObject({ reason: z.string().check(z.trim(), z.minLength(20), z.maxLength(500)) })
  .register(z.globalRegistry, { id: 'BreakGlassRequest' });
export const BreakGlassGrant = /* @__PURE__ */ z
  .object({ grantId: Id, patientId: Id, expiresAt: Instant })
  .register(z.globalRegistry, { id: 'BreakGlassGrant' });
export type BreakGlassGrant = z.infer<typeof BreakGlassGrant>;
