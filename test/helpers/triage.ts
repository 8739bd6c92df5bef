import type { TestBackend } from './test-backend';

/** Polls a symptom session until the worker has finished it (or `timeoutMs` passes). */
export const waitForResult = async (backend: TestBackend, token: string, sessionId: string, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await backend.call('GET', `/api/v1/symptom-sessions/${sessionId}`, { token });
    if (response.json?.status === 'completed' || response.json?.status === 'failed') return response.json;
    if (Date.now() > deadline) throw new Error(`session ${sessionId} still ${response.json?.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

export const CHEST_PAIN = {
  symptoms: [{ name: 'chest pain', severity: 8, durationHours: 0.5, onset: 'sudden' }],
  freeText: 'crushing pain going down my left arm and I am sweating',
  age: 58,
  sex: 'male',
};
export const MILD_COLD = {
  symptoms: [
    { name: 'runny nose', severity: 2, durationHours: 48 },
    { name: 'sore throat', severity: 3, durationHours: 48 },
  ],
  age: 30,
  sex: 'female',
};
