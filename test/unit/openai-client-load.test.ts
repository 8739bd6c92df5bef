import { describe, expect, it, vi } from 'vitest';
import { OpenAiTriageModel } from '../../shared/adapters/openai/openai-triage-model';
import { ModelUnavailableError, type MinimizedCase } from '../../shared/triage/model';

// The client file beside a worker's bundle (ADR 0024) that cannot be loaded: missing from a broken deployment.
vi.mock('../../shared/adapters/openai/sdk', () => ({
  loadOpenAiSdk: () => Promise.reject(new Error('Cannot find module /var/task/openai-sdk.mjs')),
}));

const CASE: MinimizedCase = { ageBand: '18-39', symptoms: [{ name: 'headache', severity: 4 }], relevantConditions: [] };

describe('Class: OpenAiTriageModel, when its client cannot be loaded', () => {
  it('fails an assessment and a chat reply as a model that is unavailable, retried like one, with no detail of the cause', async () => {
    // Prepare
    const model = new OpenAiTriageModel({ model: 'gpt-4o-mini', apiKey: 'test-key', baseURL: 'http://127.0.0.1:9' });

    // Act
    const assessment = model.assess(CASE).catch((error: unknown) => error);
    const reply = model.reply([{ role: 'user', content: 'hello' }], 'health_assistant').catch((error: unknown) => error);

    // Assess
    for (const error of await Promise.all([assessment, reply])) {
      expect(error).toBeInstanceOf(ModelUnavailableError);
      expect(error).toMatchObject({ reason: 'unavailable', message: 'The model client could not be loaded.' });
      expect(JSON.stringify(error)).not.toContain('openai-sdk.mjs');
    }
  });
});
