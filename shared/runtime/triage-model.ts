import { secretsManagerString } from '../adapters/aws/secrets-manager-key';
import { OpenAiTriageModel } from '../adapters/openai/openai-triage-model';
import type { ChatModel, TriageModel } from '../triage/ports';
import { appConfig } from './composition';

/**
 * The triage model from configuration, or none (then the rules engine answers alone). The API key
 * comes from Secrets Manager in AWS (`OPENAI_API_KEY_SECRET_ID`) and from the environment locally
 * (`OPENAI_API_KEY`); the endpoint only from `OPENAI_BASE_URL`, never from a request.
 */
export const triageModel = (): (TriageModel & ChatModel) | undefined => {
  const config = appConfig();
  const secretId = config.OPENAI_API_KEY_SECRET_ID;
  const apiKey = config.OPENAI_API_KEY ?? (secretId === undefined ? undefined : secretsManagerString(secretId));
  if (apiKey === undefined) return undefined;
  return new OpenAiTriageModel({
    apiKey,
    model: config.OPENAI_MODEL,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
  });
};
