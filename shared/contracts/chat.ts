import * as z from '../zod';
import { page, PageQuery } from './common';
import { TriageLevelSchema } from './triage-scale';

/** Schemas of the assistant chat. */
export const ChatRequest = z
  .strictObject({
    message: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
    conversationId: z.optional(z.uuid()),
    persona: z.optional(z.enum(['health_assistant', 'ayurveda_guide'])),
  })
  .register(z.globalRegistry, { id: 'ChatRequest' });
export type ChatRequest = z.infer<typeof ChatRequest>;

export const Conversation = z
  .object({
    conversationId: z.uuid(),
    status: z.enum(['answered', 'pending']),
    messages: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string(), at: z.iso.datetime(), source: z.optional(z.enum(['rules', 'model', 'offline'])) })),
    emergency: z.optional(z.object({ level: TriageLevelSchema, advice: z.string() })),
    disclaimer: z.string(),
  })
  .register(z.globalRegistry, { id: 'Conversation' });
export type Conversation = z.infer<typeof Conversation>;

export const ConversationListQuery = z.strictObject(PageQuery);
/** One line of the caller's conversation list: enough to show and open it, not the messages. */
export const ConversationPage = page(z.object({
  conversationId: z.uuid(),
  persona: z.string(),
  status: Conversation.shape.status,
  /** The first words of the conversation's first message. */
  preview: z.string(),
  messageCount: z.int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})).register(z.globalRegistry, { id: 'ConversationPage' });
export type ConversationPage = z.infer<typeof ConversationPage>;
