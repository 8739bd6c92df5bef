import { secretsManagerString } from '../adapters/aws/secrets-manager-key';
import { OpenAiTriageModel } from '../adapters/openai/openai-triage-model';
import type { ChatModel, TriageModel } from '../triage/ports';
import type { MetricService } from '../metric-catalog';
import { modelConfig } from './composition';
import { modelFetch } from './model-fetch';

/**
 * The triage model from configuration, or none (then the rules engine answers alone). The API key
 * comes from Secrets Manager in AWS (`OPENAI_API_KEY_SECRET_ID`) and from the environment locally
 * (`OPENAI_API_KEY`); the endpoint only from `OPENAI_BASE_URL`, never from a request. Each call is traced and timed
 * (`ModelLatency`) under the worker's `service`.
 */
export const triageModel = (service: MetricService): (TriageModel & ChatModel) | undefined => {
  const config = modelConfig();
  const secretId = config.OPENAI_API_KEY_SECRET_ID;
  const apiKey = config.OPENAI_API_KEY ?? (secretId === undefined ? undefined : secretsManagerString(secretId));
  if (apiKey === undefined) return undefined;
  return new OpenAiTriageModel({
    apiKey,
    model: config.OPENAI_MODEL,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    fetch: modelFetch(service, config.OPENAI_MODEL),
    ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
  });
};
