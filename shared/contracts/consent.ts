import * as z from '../zod';
import { page, PageQuery } from './common';

/** What a grantee may read under a share consent. */
export const CONSENT_SCOPES = ['profile.read', 'triage.read', 'appointments.read'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
/** Why the patient shares: a closed list, so the consent itself holds no free-text PHI. */
export const CONSENT_PURPOSES = ['treatment', 'care_coordination', 'caregiving', 'emergency', 'other'] as const;

const ShareConsentRequest = z.strictObject({
  kind: z.optional(z.literal('share')),
  granteeId: z.uuid(),
  scopes: z.array(z.enum(CONSENT_SCOPES)).check(z.minLength(1), z.maxLength(CONSENT_SCOPES.length), z.refine((s) => new Set(s).size === s.length, 'must not repeat a scope')),
  purpose: z.enum(CONSENT_PURPOSES),
  expiresAt: z.optional(z.iso.datetime().check(z.refine((at) => Date.parse(at) > Date.now(), 'must be in the future'))),
});
const AiConsentRequest = z.strictObject({ kind: z.literal('ai_processing') });

export const CreateConsentRequest = z.union([ShareConsentRequest, AiConsentRequest]).register(z.globalRegistry, { id: 'CreateConsentRequest' });
export type CreateConsentRequest = z.infer<typeof CreateConsentRequest>;

export const Consent = z
  .object({
    id: z.uuid(),
    kind: z.enum(['share', 'ai_processing']),
    patientId: z.uuid(),
    granteeId: z.optional(z.uuid()),
    scopes: z.optional(z.array(z.enum(CONSENT_SCOPES))),
    purpose: z.optional(z.enum(CONSENT_PURPOSES)),
    expiresAt: z.optional(z.iso.datetime()),
    createdAt: z.iso.datetime(),
    revokedAt: z.optional(z.iso.datetime()),
    status: z.enum(['active', 'revoked', 'expired']),
  })
  .register(z.globalRegistry, { id: 'Consent' });
export type Consent = z.infer<typeof Consent>;

export const ConsentListQuery = z.strictObject({ direction: z.optional(z.enum(['granted', 'received'])), ...PageQuery });
export const ConsentPage = page(Consent).register(z.globalRegistry, { id: 'ConsentPage' });
