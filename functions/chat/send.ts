import { chat as route } from '../routes/chat';
import { sendChatMessage } from '../../shared/chat/send-message';
import { CareBowError } from '../../shared/errors';
import { httpRoute } from '../../shared/http/http-route';
import { idempotent } from '../../shared/http/idempotency';
import { aiQuota, auditLog, chatQueue, clock, conversations, idempotencyStore, modelConfigured, records, sealingVault } from '../../shared/runtime/composition';

const deps = {
  conversations: conversations(),
  quota: aiQuota(),
  queue: chatQueue(),
  vault: sealingVault(),
  consents: records(),
  audit: auditLog(),
  clock,
  modelConfigured: modelConfigured(),
  idempotency: idempotencyStore(),
};

/**
 * POST /api/v1/ai/chat: 200 with the reply (red flag or offline), or 202 while the model answers.
 * Honours Idempotency-Key: a retried send is not posted (nor charged to the quota) twice. `Accept: text/event-stream`
 * is 406, pointing at `POST /api/v1/ai/chat/stream`.
 */
export const handler = httpRoute(
  route,
  async ({ body, caller, headers, meta }) => {
    // Streamed replies have their own route, which streams from the model over fetch (docs/adr/0012-streamed-chat.md).
    if (headers['accept']?.includes('text/event-stream')) throw new CareBowError(406, 'not_acceptable', 'Streamed replies: POST /api/v1/ai/chat/stream');
    const reply = await idempotent(
      deps,
      {
        caller,
        meta,
        key: headers['idempotency-key'],
        routeId: route.id,
        body,
        replayed: (r) => ({ type: 'conversation', id: r.body.conversationId }),
      },
      async () => {
        const { pending, conversation } = await sendChatMessage(deps, caller, body, meta);
        return { status: pending ? 202 : 200, body: conversation };
      },
    );
    return { ...reply, headers: { Location: `/api/v1/ai/chat/${reply.body.conversationId}` } };
  },
  { audit: deps.audit },
);
