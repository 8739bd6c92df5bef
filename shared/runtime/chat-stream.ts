import { secretsManagerString } from '../adapters/aws/secrets-manager-key';
import { OpenAiChatStream } from '../adapters/openai/chat-stream';
import { modelConfig } from './composition';
import { modelFetch } from './model-fetch';

/**
 * The streamed chat's model (`POST /api/v1/ai/chat/stream`), or none: OpenAI over fetch and server-sent events, without
 * the `openai` client (docs/adr/0012-streamed-chat.md). The key as for the worker's model (`triage-model.ts`): Secrets
 * Manager in AWS (`OPENAI_API_KEY_SECRET_ID`), the environment locally; the endpoint only from `OPENAI_BASE_URL`. Its own
 * module, like `triageModel`, so that no other function bundles the model's prompts and schemas.
 */
export const chatStream = (): OpenAiChatStream | undefined => {
  const config = modelConfig();
  const secretId = config.OPENAI_API_KEY_SECRET_ID;
  const apiKey = config.OPENAI_API_KEY ?? (secretId === undefined ? undefined : secretsManagerString(secretId));
  if (apiKey === undefined) return undefined;
  return new OpenAiChatStream({
    apiKey,
    model: config.OPENAI_MODEL,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    fetch: modelFetch('carebow', config.OPENAI_MODEL),
    ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
  });
};
