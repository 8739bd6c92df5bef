import { chatList as route } from '../routes/chat';
import { listConversations } from '../../shared/chat/conversation';
import { httpRoute } from '../../shared/http/http-route';
import { pageOf } from '../../shared/http/page';
import { auditLog, conversations, vault } from '../../shared/runtime/composition';

const deps = { conversations: conversations(), vault: vault(), audit: auditLog() };

/** GET /api/v1/ai/chat: the caller's conversations, newest first, without their messages. */
export const handler = httpRoute(
  route,
  async ({ query, caller, meta }) => ({
    body: await listConversations(deps, caller, pageOf(query), meta),
  }),
  { audit: deps.audit },
);
