import { chatRoutes as routes } from '../routes/chat';
import type { ChatRequest } from '../../shared/contracts/chat';
import { sendChatMessage } from '../../shared/assistant/send-message';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { aiQuota, auditLog, clock, conversations, modelConfigured, records, triageQueue, vault } from '../../shared/runtime/app';

const deps = {
  conversations: conversations(), quota: aiQuota(), queue: triageQueue(), vault: vault(), consents: records(), audit: auditLog(), clock,
  modelConfigured: modelConfigured(),
};

/** POST /api/v1/ai/chat: 200 with the reply (red flag or offline), or 202 while the model answers. */
export const handler = httpRoute(routes.chat, 'chat', async ({ body, caller, meta }: HttpRequest<ChatRequest>) => {
  const { pending, conversation } = await sendChatMessage(deps, caller!, body, meta);
  return { status: pending ? 202 : 200, body: conversation, headers: { Location: `/api/v1/ai/chat/${conversation.conversationId}` } };
}, { audit: deps.audit });
