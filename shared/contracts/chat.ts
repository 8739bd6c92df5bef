import * as z from '../zod';
import { declared } from '../zod';
import { Id, Instant, list, page, PageQuery, text } from './common';
import { TriageLevelSchema } from './triage-scale';

/** Schemas of the assistant chat. */
export const ChatRequest = /* @__PURE__ */ z
  .strictObject({
    message: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
    conversationId: z.optional(Id),
    persona: z.optional(z.enum(['health_assistant', 'ayurveda_guide'])),
  })
  .register(z.globalRegistry, { id: 'ChatRequest' });
export type ChatRequest = z.infer<typeof ChatRequest>;

/**
 * The published posts an assistant reply answered from (its [1]..[3] markers, in order), at most 3.
 * Only ever published posts: the chat worker retrieves from the published library's index alone.
 */
export const ChatCitations = /* @__PURE__ */ declared(() => list(z.object({ postId: Id, slug: text(96), title: text(160) }), 3));

/**
 * What a reply's tools found for the patient alone (never sent to the model; sealed with the conversation): their
 * upcoming appointments (`mode` and `status` as in `Appointment`), and a link to start a symptom check.
 */
export const ChatAttachments = /* @__PURE__ */ declared(() =>
  z.object({
    appointments: z.optional(list(z.object({ id: Id, start: text(40), mode: text(16), practitionerName: text(120), status: text(16) }), 10)),
    symptomCheckUrl: z.optional(text(2048)),
  }),
);
export type ChatAttachments = z.infer<typeof ChatAttachments>;

/**
 * A conversation keeps its last 40 messages (shared/chat/conversation.ts); each is the patient's
 * (at most 2,000 characters), a model reply (cut at 2,000), the emergency advice or the offline reply;
 * an assistant reply from the worker carries the library posts it cites.
 */
export const Conversation = /* @__PURE__ */ z
  .object({
    conversationId: Id,
    status: z.enum(['answered', 'pending']),
    messages: list(
      z.object({
        role: z.enum(['user', 'assistant']),
        content: text(2000),
        at: Instant,
        source: z.optional(z.enum(['rules', 'model', 'offline'])),
        citations: z.optional(ChatCitations),
        attachments: z.optional(ChatAttachments),
      }),
      40,
    ),
    emergency: z.optional(z.object({ level: TriageLevelSchema, advice: text(2000) })),
    disclaimer: text(500),
  })
  .register(z.globalRegistry, { id: 'Conversation' });
export type Conversation = z.infer<typeof Conversation>;

export const ConversationListQuery = /* @__PURE__ */ declared(() => z.strictObject(PageQuery));
/** One line of the caller's conversation list: enough to show and open it, not the messages. */
export const ConversationPage = /* @__PURE__ */ declared(() =>
  page(
    z.object({
      conversationId: Id,
      persona: text(32),
      status: Conversation.shape.status,
      /** The first words of the conversation's first message (80 characters). */
      preview: text(80),
      messageCount: z.int(),
      createdAt: Instant,
      updatedAt: Instant,
    }),
  ).register(z.globalRegistry, { id: 'ConversationPage' }),
);
export type ConversationPage = z.infer<typeof ConversationPage>;
