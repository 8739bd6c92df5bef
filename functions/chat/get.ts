import { chatGet as route } from '../routes/chat';
import { getConversation } from '../../shared/chat/conversation';
import { httpRoute } from '../../shared/http/http-route';
import { auditLog, conversations, vault } from '../../shared/runtime/composition';

const deps = { conversations: conversations(), vault: vault(), audit: auditLog() };

/** GET /api/v1/ai/chat/{id}: the conversation; `status: pending` while the model answers. */
export const handler = httpRoute(
  route,
  async ({ params, caller, meta }) => ({
    body: await getConversation(deps, caller, params.id, meta),
  }),
  { audit: deps.audit },
);
