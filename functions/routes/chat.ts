import { route, routeTable } from '../../shared/http/route';
import { IdParams } from '../../shared/contracts/common';
import { ChatRequest, Conversation, ConversationListQuery, ConversationPage } from '../../shared/contracts/chat';
import { PATIENT } from './access';
import { RULE_TABLES } from './bundle-files';
import { CHAT_WRITE, RECORDS_READ, RECORDS_WRITE } from './grants';

/** The assistant chat: red flags answered at once; model replies come from the chat worker, or stream from the model (`chatStream`). */
// biome-ignore format: one line per route, so the table reads as a table
export const chatRoutes = routeTable({
  chat: route('POST /api/v1/ai/chat', 'chat/send', PATIENT, { summary: 'Chat with the health assistant: red flags answered at once; a model reply is queued (202, poll the conversation)', body: ChatRequest, response: Conversation, status: 200, maxBodyBytes: 8 * 1024, grants: CHAT_WRITE, bundleFiles: RULE_TABLES, headers: ['Idempotency-Key'] }),
  chatList: route('GET /api/v1/ai/chat', 'chat/list', PATIENT, { summary: 'The caller’s conversations, newest first, each with a preview of its first message', query: ConversationListQuery, response: ConversationPage, grants: RECORDS_READ }),
  chatStream: route('POST /api/v1/ai/chat/stream', 'chat/stream', PATIENT, { summary: 'Chat with the health assistant, the reply streamed as server-sent events', body: ChatRequest, status: 200, maxBodyBytes: 8 * 1024, stream: true, grants: { ...RECORDS_WRITE, tables: { ...RECORDS_WRITE.tables, content: 'read' }, modelApiKey: 'read' }, bundleFiles: RULE_TABLES }),
  chatGet: route('GET /api/v1/ai/chat/{id}', 'chat/get', PATIENT, { summary: 'A conversation with its replies', params: IdParams, response: Conversation, grants: RECORDS_READ }),
});
