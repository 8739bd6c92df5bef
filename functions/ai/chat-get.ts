import { chatRoutes as routes } from '../routes/chat';
import { getConversation } from '../../shared/assistant/conversation';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { auditLog, conversations, vault } from '../../shared/runtime/app';

const deps = { conversations: conversations(), vault: vault(), audit: auditLog() };

/** GET /api/v1/ai/chat/{id}: the conversation; `status: pending` while the model answers. */
export const handler = httpRoute(routes.chatGet, 'chatGet', async ({ params, caller, meta }: HttpRequest<unknown, unknown, { id: string }>) => ({
  body: await getConversation(deps, caller!, params.id, meta),
}), { audit: deps.audit });
