import * as z from '../zod';
import { ROLES, RoleSchema } from '../domain/roles';
import { AccessLogEntry } from './audit';
import { Id, Instant, list, MAX_RESPONSE_ITEMS, text } from './common';
import { Consent, HealthProfile } from './records';
import { Conversation } from './chat';
import { FollowUpAnswer, SymptomSession, TriageInput } from './triage';

/** Every list of the export holds all the caller's records: bounded only by the response size. */
const all = <T extends z.ZodMiniType>(item: T) => list(item, MAX_RESPONSE_ITEMS);

export const ExportResponse = z
  .object({
    exportedAt: Instant,
    account: z.object({ id: Id, email: text(254), name: z.optional(text(120)), roles: list(RoleSchema, ROLES.length), createdAt: Instant }),
    profile: z.nullable(z.object({ profile: HealthProfile, version: z.int(), updatedAt: Instant })),
    consents: z.object({ granted: all(Consent), received: all(Consent) }),
    feedback: all(z.object({ id: Id, rating: z.int(), comments: z.optional(text(2000)), createdAt: Instant })),
    /** Every symptom session: what was reported, the follow-up answers (its last 30), the latest result. */
    symptomSessions: all(z.extend(SymptomSession, { input: TriageInput, answers: list(FollowUpAnswer, 30) })),
    /** Every assistant conversation, with its messages. */
    conversations: all(
      z.object({
        id: Id,
        persona: text(32),
        status: Conversation.shape.status,
        messages: Conversation.shape.messages,
        createdAt: Instant,
        updatedAt: Instant,
      }),
    ),
    accessLog: all(AccessLogEntry),
  })
  .register(z.globalRegistry, { id: 'ExportResponse' });
