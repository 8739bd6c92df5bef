import * as z from '../zod';
import { RoleSchema } from '../domain/roles';
import { AccessLogEntry } from './audit';
import { Consent, HealthProfile } from './records';
import { Conversation } from './chat';
import { FollowUpAnswer, SymptomSession, TriageInput } from './triage';
export const ExportResponse = z
  .object({
    exportedAt: z.iso.datetime(),
    account: z.object({ id: z.uuid(), email: z.string(), name: z.optional(z.string()), roles: z.array(RoleSchema), createdAt: z.iso.datetime() }),
    profile: z.nullable(z.object({ profile: HealthProfile, version: z.int(), updatedAt: z.iso.datetime() })),
    consents: z.object({ granted: z.array(Consent), received: z.array(Consent) }),
    feedback: z.array(z.object({ id: z.uuid(), rating: z.int(), comments: z.optional(z.string()), createdAt: z.iso.datetime() })),
    /** Every symptom session: what was reported, the follow-up answers, the latest result. */
    symptomSessions: z.array(z.extend(SymptomSession, { input: TriageInput, answers: z.array(FollowUpAnswer) })),
    /** Every assistant conversation, with its messages. */
    conversations: z.array(z.object({
      id: z.uuid(), persona: z.string(), status: Conversation.shape.status, messages: Conversation.shape.messages,
      createdAt: z.iso.datetime(), updatedAt: z.iso.datetime(),
    })),
    accessLog: z.array(AccessLogEntry),
  })
  .register(z.globalRegistry, { id: 'ExportResponse' });
