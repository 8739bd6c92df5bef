import { SYMPTOMS_BODY } from '../functions/routes/limits';
import { randomUUID } from 'node:crypto';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { OpenAiTriageModel } from '../shared/adapters/openai/openai-triage-model';
import { costOf, DEFAULT_PRICING, priceOf } from '../shared/adapters/openai/pricing';
import { aiConsentId } from '../shared/records/consents';
import type { TriageInput } from '../shared/contracts/triage';
import type { ConsentRecord, ConsentRepository } from '../shared/records/ports';
import type { StoredSymptomSession, SymptomSessionRepository, TriageMetrics } from '../shared/triage/ports';
import { minimizeForModel } from '../shared/triage/minimize';
import type { ModelAssessment } from '../shared/triage/model';
import type { TriageModel } from '../shared/triage/ports';
import { sessionPlaces } from '../shared/triage/places';
import { processSession, type WorkerDeps } from '../shared/triage/process-session';
import { assessWithRules } from '../shared/triage/rules/engine';
import type { SessionInput } from '../shared/triage/sessions';
import { Vault } from '../shared/vault/vault';
import { inMemoryDataKeys } from '../test/helpers/in-memory';
import { median } from './median';

/**
 * The triage part of `npm run bench` that runs in the bench's own process (no server, no SDK):
 *
 * 1. The worker's own CPU per message: `processSession` with in-memory/stub ports and an instant
 *    stub model, next to `assessWithRules` alone on the same input (the reference).
 * 2. Estimated model cost per triage: the exact request the OpenAI adapter sends for a typical
 *    minimised case, tokens estimated from its JSON, priced with `pricing.ts`.
 *
 * Each returns report lines and budget failures; `bench/run.ts` prints them.
 */

export interface Section {
  readonly lines: string[];
  readonly failures: string[];
}

export const BUDGET = { workerCpuUs: 100, costUsd: 0.0015 } as const;

/** A typical queued (non-emergency) case: what the worker sees most. */
export const TYPICAL_CASE: TriageInput = {
  symptoms: [
    { name: 'headache', severity: 5, durationHours: 18, onset: 'gradual' },
    { name: 'fever', severity: 4, durationHours: 24, onset: 'gradual' },
    { name: 'sore throat', severity: 3, durationHours: 30 },
  ],
  freeText: 'Started yesterday evening, feel tired and achy, paracetamol helped a little. No rash, no stiff neck.',
  age: 34,
  sex: 'female',
  conditions: ['asthma'],
};

/** A typical valid model answer (about the length the prompt asks for). */
export const TYPICAL_ANSWER: ModelAssessment = {
  level: 'consultation',
  confidence: 0.72,
  summary: 'Your symptoms fit a common viral infection such as a cold or flu. See a clinician in the next few days if they do not improve.',
  possibleConditions: ['Viral upper respiratory infection', 'Influenza', 'Strep throat'],
  followUpQuestions: ['Is your temperature above 39 °C?', 'Is it harder than usual to breathe, or is your asthma worse?', 'Can you swallow fluids?'],
  selfCare: ['Rest and drink plenty of fluids', 'Use your usual asthma inhaler as prescribed', 'Gargle with warm salt water for the sore throat'],
  watchFor: [
    'Difficulty breathing or wheezing that your inhaler does not relieve',
    'A stiff neck or a rash that does not fade',
    'Fever above 39.5 °C or lasting more than 3 days',
    'Confusion or unusual drowsiness',
  ],
  specialist: 'General practitioner',
  teleconsultationOk: true,
};

const verdict = (ok: boolean) => (ok ? 'PASS' : '**FAIL**');
const cpuUs = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

// =============================================================================================
// 1. Worker CPU per message.
// =============================================================================================
export const workerCpu = async ({ slices = 7, sliceMs = 300 } = {}): Promise<Section> => {
  const lines: string[] = [];
  const failures: string[] = [];
  const patientId = randomUUID();
  const sessionId = randomUUID();
  const dataKeys = inMemoryDataKeys();
  const vault = new Vault(dataKeys.repository, dataKeys.service); // production defaults
  await vault.createKey(patientId);
  const inputSealed = await vault.sealJson(sessionPlaces.input(patientId, sessionId), { input: TYPICAL_CASE, answers: [] } satisfies SessionInput);
  const now = new Date();
  const stored: StoredSymptomSession = {
    id: sessionId,
    patientId,
    status: 'queued',
    revision: 1,
    processedRevision: 0,
    inputSealed,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  const sessions: SymptomSessionRepository = {
    create: async () => undefined,
    getSession: async () => stored,
    sessionsOf: async () => ({ items: [] }),
    countSince: async () => 1,
    requeue: async () => true,
    complete: async () => true,
    markProcessing: async () => undefined,
    fail: async () => undefined,
    discard: async () => true,
    revertRequeue: async () => true,
  };
  const consent: ConsentRecord = { id: aiConsentId(patientId), kind: 'ai_processing', patientId, createdAt: now.toISOString() };
  const consents: ConsentRepository = {
    create: async () => true,
    get: async (_patient, id) => (id === consent.id ? consent : undefined),
    between: async () => [],
    granted: async () => ({ items: [] }),
    received: async () => ({ items: [] }),
    revoke: async () => true,
  };
  const usage = { model: 'stub-model', inputTokens: 1200, outputTokens: 250, costUsd: 0, costKnown: true };
  const model: TriageModel = { name: 'stub-model', assess: async () => ({ assessment: TYPICAL_ANSWER, usage }) };
  const outcomes = new Map<string, number>();
  const metrics: TriageMetrics = {
    modelUsage: () => undefined,
    fallback: () => undefined,
    outcome: (source) => void outcomes.set(source, (outcomes.get(source) ?? 0) + 1),
  };
  const deps: WorkerDeps = {
    sessions,
    vault,
    consents,
    audit: { append: async () => undefined },
    clock: { now: () => new Date() },
    model,
    metrics,
    notifications: { enqueue: async () => undefined },
  };
  const message = { sessionId, patientId, revision: 1 };

  if ((await processSession(deps, message, 1)) !== 'completed' || outcomes.get('model') !== 1)
    throw new Error('bench: processSession did not complete through the stub model');
  const rulesLevel = assessWithRules(TYPICAL_CASE).level;

  /** CPU µs and wall µs per call over ~ms (batches of 64). */
  const measure = async (once: () => unknown, ms: number) => {
    const cpu0 = cpuUs();
    const wall0 = performance.now();
    let count = 0;
    while (performance.now() - wall0 < ms) {
      for (let k = 0; k < 64; k += 1) await once();
      count += 64;
    }
    return { cpu: (cpuUs() - cpu0) / count, wall: ((performance.now() - wall0) * 1000) / count };
  };
  const worker = () => processSession(deps, message, 1);
  const rules = () => assessWithRules(TYPICAL_CASE);
  await measure(worker, 200);
  await measure(rules, 200);
  const samples = { worker: [] as { cpu: number; wall: number }[], rules: [] as { cpu: number; wall: number }[] };
  for (let slice = 0; slice < slices; slice += 1) {
    samples.worker.push(await measure(worker, sliceMs));
    samples.rules.push(await measure(rules, sliceMs / 2));
  }
  const w = { cpu: median(samples.worker.map((s) => s.cpu)), wall: median(samples.worker.map((s) => s.wall)) };
  const r = { cpu: median(samples.rules.map((s) => s.cpu)), wall: median(samples.rules.map((s) => s.wall)) };
  const ok = w.cpu <= BUDGET.workerCpuUs;
  const fmt = (n: number) => n.toFixed(1);
  lines.push(`Triage worker: own CPU per queued message, stub model (in-process, process.cpuUsage, median of ${slices} interleaved slices):`);
  lines.push(`  operation                                  CPU µs   wall µs   msgs/s/core   budget       result`);
  lines.push(
    `  processSession (stub ports, instant model) ${fmt(w.cpu).padStart(6)}   ${fmt(w.wall).padStart(7)}   ${Math.round(1e6 / w.cpu)
      .toLocaleString('en-US')
      .padStart(11)}   ≤ ${BUDGET.workerCpuUs} µs     ${verdict(ok)}`,
  );
  lines.push(
    `  assessWithRules alone, same input (ref)    ${fmt(r.cpu).padStart(6)}   ${fmt(r.wall).padStart(7)}   ${Math.round(1e6 / r.cpu)
      .toLocaleString('en-US')
      .padStart(11)}`,
  );
  lines.push(
    `  ratio processSession / rules               ${(w.cpu / r.cpu).toFixed(2)}×   (everything but the rules: ${fmt(w.cpu - r.cpu)} µs CPU per message)`,
  );
  lines.push(`  input: a typical queued case (3 symptoms, free text, 1 condition; rules say ${rulesLevel}); per message the real Vault opens`);
  lines.push(`  the sealed input and seals the result (AES-256-GCM, warm key cache, production defaults), consent granted, model answers`);
  lines.push(`  a fixed valid assessment at once, store/audit/metrics are no-ops. Excludes the SQS/Lambda runtime, the SDK calls and`);
  lines.push(`  the model's network time (I/O wait, not CPU), and the handler's message parsing and log line.`);
  if (!ok) failures.push(`triage worker: ${fmt(w.cpu)} µs CPU per message > ${BUDGET.workerCpuUs} µs (wall-clock, reported only)`);
  return { lines, failures };
};

// =============================================================================================
// 2. Estimated model cost per triage.
// =============================================================================================
/** Characters per token, the usual estimate for English text and JSON. */
const CHARS_PER_TOKEN = 4;

/** One triage model call's request, as the adapter builds it for the typical case, and what it costs (`undefined`: no price). */
export const triageCallCost = (modelId: string) => {
  const adapter = new OpenAiTriageModel({ model: modelId, apiKey: 'bench-unused' });
  // `request` is private: the exact object the adapter passes to chat.completions.create.
  const request = (adapter as unknown as { request(input: ReturnType<typeof minimizeForModel>): ChatCompletionCreateParamsNonStreaming }).request(
    minimizeForModel(TYPICAL_CASE),
  );
  const requestJson = JSON.stringify(request);
  const messages = request.messages as { content: string }[];
  const systemChars = messages[0]!.content.length;
  const userChars = messages[1]!.content.length;
  const schemaChars = JSON.stringify(request.response_format).length;
  const maxOut = request.max_completion_tokens ?? 0;
  // What the model writes: the wire form (strict mode sends every key; specialist null when absent).
  const answerChars = JSON.stringify(TYPICAL_ANSWER).length;
  const inputTokens = Math.ceil(requestJson.length / CHARS_PER_TOKEN);
  const typicalOut = Math.ceil(answerChars / CHARS_PER_TOKEN);
  const price = priceOf(DEFAULT_PRICING, modelId);
  const perCall =
    price === undefined
      ? undefined
      : {
          price,
          typical: costOf(price, inputTokens, typicalOut),
          worst: costOf(price, inputTokens, maxOut),
          // The longest request: the whole 32 KB symptoms body on top of the typical one, and the answer at its cap.
          longest: costOf(price, inputTokens + Math.ceil(SYMPTOMS_BODY / CHARS_PER_TOKEN), maxOut),
        };
  return { request, requestJson, systemChars, userChars, schemaChars, maxOut, answerChars, inputTokens, typicalOut, perCall };
};

export const modelCost = (modelId: string): Section => {
  const lines: string[] = [];
  const failures: string[] = [];
  const { requestJson, systemChars, userChars, schemaChars, maxOut, answerChars, inputTokens, typicalOut, perCall } = triageCallCost(modelId);
  if (perCall === undefined) {
    failures.push(`model cost: ${modelId} has no price in shared/adapters/openai/pricing.ts`);
    lines.push(`Triage model cost: ${modelId} is not in the pricing table; no figure.`);
    return { lines, failures };
  }
  const { price, typical, worst } = perCall;
  const usd = (n: number) => `$${n.toFixed(6)}`;
  const okTypical = typical <= BUDGET.costUsd;
  const okWorst = worst <= BUDGET.costUsd;
  lines.push(
    `Triage model cost per triage, estimated (${modelId}: $${price.inputPerMillion}/M input, $${price.outputPerMillion}/M output tokens, pricing.ts):`,
  );
  lines.push(`  case         input tok   output tok   USD per triage   budget        result`);
  lines.push(
    `  typical      ${String(inputTokens).padStart(9)}   ${String(typicalOut).padStart(10)}   ${usd(typical).padStart(14)}   ≤ $${BUDGET.costUsd}    ${verdict(okTypical)}`,
  );
  lines.push(
    `  worst case   ${String(inputTokens).padStart(9)}   ${String(maxOut).padStart(10)}   ${usd(worst).padStart(14)}   ≤ $${BUDGET.costUsd}    ${verdict(okWorst)}`,
  );
  lines.push(
    `  input = the whole request the adapter builds for a typical minimised case (${requestJson.length.toLocaleString('en-US')} chars of JSON: system prompt ${systemChars.toLocaleString('en-US')},`,
  );
  lines.push(
    `  case ${userChars}, response_format schema ${schemaChars.toLocaleString('en-US')}, the rest parameters), at ${CHARS_PER_TOKEN} chars/token (no tokenizer installed; an estimate,`,
  );
  lines.push(`  slightly high for English prose, OpenAI's per-message overhead of a few tokens not added). output: typical = a valid`);
  lines.push(
    `  ${answerChars}-char answer at ${CHARS_PER_TOKEN} chars/token; worst = max_completion_tokens (${maxOut}). Budget ratio: worst = ${((worst / BUDGET.costUsd) * 100).toFixed(0)}% of the budget.`,
  );
  lines.push(`  info: one triage is one call when all goes well. Worst conceivable: an unusable answer is asked again at once (2 per`);
  lines.push(`  delivery) and an unavailable model retried over 3 deliveries, each call with 1 client retry: ≤ 12 billed calls =`);
  lines.push(`  ${usd(worst * 12)} if every one were billed in full. Emergencies (settled by the rules) and cases without ai_processing cost $0.`);
  if (!okTypical) failures.push(`model cost: typical ${usd(typical)} > $${BUDGET.costUsd}`);
  if (!okWorst) failures.push(`model cost: worst case ${usd(worst)} > $${BUDGET.costUsd}`);
  return { lines, failures };
};
