import { EmfMetrics } from '../adapters/aws/emf-metrics';
import { tracedFetch } from '../adapters/aws/xray';
import type { MetricService } from '../metric-catalog';

/**
 * The model client's `fetch`: each call an X-Ray `remote` subsegment (the host, never the prompt) and a `ModelLatency`
 * figure under `service` and the configured model id (until the response's headers: the whole answer for a plain
 * call, the first token for a streamed one).
 *
 * @example
 * new OpenAiChatStream({ apiKey, model, fetch: modelFetch('carebow', model) });
 */
export const modelFetch = (service: MetricService, model: string): typeof fetch => {
  const metrics = new EmfMetrics(service);
  return tracedFetch(fetch, (ms) => metrics.put({ dimensions: { Model: model }, metrics: [['ModelLatency', 'Milliseconds', ms]] }));
};
