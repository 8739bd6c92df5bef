import { chatRoutes as routes } from '../routes/chat';
import { listConversations } from '../../shared/assistant/conversation';
import { httpRoute } from '../../shared/http/http-route';
import { pageOf, type PageQuery } from '../../shared/http/page';
import type { HttpRequest } from '../../shared/http/request';
import { auditLog, conversations, vault } from '../../shared/runtime/app';

const deps = { conversations: conversations(), vault: vault(), audit: auditLog() };

/** GET /api/v1/ai/chat: the caller's conversations, newest first, without their messages. */
export const handler = httpRoute(routes.chatList, 'chatList', async ({ query, caller, meta }: HttpRequest<unknown, PageQuery>) => ({
  body: await listConversations(deps, caller!, pageOf(query), meta),
}), { audit: deps.audit });
