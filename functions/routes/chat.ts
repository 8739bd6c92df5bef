// biome-ignore-all format: one line per route, so the table reads as a table
import { route, routeTable } from '../../shared/http/route';
import { IdParams } from '../../shared/contracts/common';
import { ChatRequest, Conversation, ConversationListQuery, ConversationPage } from '../../shared/contracts/chat';
import { PATIENT } from './access';
import { RULE_TABLES } from './bundle-files';
import { CHAT_BODY } from './limits';
import { CHAT_WRITE, RECORDS_READ } from './grants';

/** The assistant chat: red flags answered at once; model replies come from the chat worker, or stream from the model (`chatStream`). */
export const chat = /* @__PURE__ */ route('chat', 'POST /api/v1/ai/chat', 'chat/send', PATIENT, { summary: 'Chat with the health assistant: red flags answered at once; a model reply is queued (202, poll the conversation)', body: ChatRequest, response: Conversation, status: 200, maxBodyBytes: CHAT_BODY, grants: CHAT_WRITE, bundleFiles: RULE_TABLES, headers: ['Idempotency-Key'] });
export const chatList = /* @__PURE__ */ route('chatList', 'GET /api/v1/ai/chat', 'chat/list', PATIENT, { summary: 'The caller’s conversations, newest first, each with a preview of its first message', query: ConversationListQuery, response: ConversationPage, grants: RECORDS_READ });
export const chatStream = /* @__PURE__ */ route('chatStream', 'POST /api/v1/ai/chat/stream', 'chat/stream', PATIENT, { summary: 'Chat with the health assistant, the reply streamed as server-sent events', body: ChatRequest, status: 200, maxBodyBytes: CHAT_BODY, stream: true, grants: { tables: { keys: 'read', records: 'readWrite', content: 'read' }, dataKeys: 'decrypt', modelApiKey: 'read' }, bundleFiles: RULE_TABLES });
export const chatGet = /* @__PURE__ */ route('chatGet', 'GET /api/v1/ai/chat/{id}', 'chat/get', PATIENT, { summary: 'A conversation with its replies', params: IdParams, response: Conversation, grants: RECORDS_READ });

export const chatRoutes = /* @__PURE__ */ routeTable([chat, chatList, chatStream, chatGet]);
