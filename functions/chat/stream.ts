import { chatStream as route } from '../routes/chat';
import { streamChatMessage } from '../../shared/chat/stream-message';
import { streamRoute } from '../../shared/http/stream-route';
import { aiQuota, auditLog, clock, conversations, records, searchIndexReader, vault } from '../../shared/runtime/composition';
import { chatStream } from '../../shared/runtime/chat-stream';
import { emfModelUsage } from '../../shared/adapters/aws/emf-metrics';

const model = chatStream();
const deps = {
  conversations: conversations(),
  quota: aiQuota(),
  vault: vault(),
  consents: records(),
  audit: auditLog(),
  clock,
  // The published library's index (RAG): loaded on first use, again only when its version changes.
  library: searchIndexReader(),
  // The model's tokens and cost (EMF, service `carebow`), like the workers'.
  metrics: emfModelUsage(),
  ...(model ? { chatStream: model } : {}),
};

/**
 * POST /api/v1/ai/chat/stream: the reply as server-sent events (Lambda response streaming). Refusals (401, 400, 404,
 * 429) are JSON before the stream starts; then `delta`s as the model sends them, `citation`s, `done` (docs/adr/0012).
 */
export const handler = streamRoute(route, ({ body, caller, meta, signal }) => streamChatMessage(deps, caller, body, meta, signal), {
  audit: deps.audit,
});
