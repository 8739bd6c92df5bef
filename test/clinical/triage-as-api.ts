import { inMemoryUsageCounters } from '../helpers/fakes/budgets';
import { randomUUID } from 'node:crypto';
import type { TriageInput, TriageResult } from '../../shared/contracts/triage';
import type { AuditEvent } from '../../shared/audit/ports';
import type { StoredSymptomSession, SymptomSessionRepository, WorkMessage } from '../../shared/triage/ports';
import { processSession, type TriageMessage, type WorkerDeps } from '../../shared/triage/process-session';
import { sessionView } from '../../shared/triage/session-view';
import { startSession } from '../../shared/triage/start-session';
import { Vault } from '../../shared/vault/vault';
import { inMemoryDataKeys } from '../helpers/in-memory';

/**
 * In-memory ports for the triage use cases: one fresh patient per case, so no repeat-visit step
 * (the safety floor's own tests cover it). No model: the rules answer, as they do offline, without
 * the patient's AI consent, and on the model's fallback.
 */
const memorySessions = (): SymptomSessionRepository => {
  const rows = new Map<string, StoredSymptomSession>();
  const key = (patientId: string, id: string) => `${patientId}/${id}`;
  const update = (patientId: string, id: string, change: (s: StoredSymptomSession) => StoredSymptomSession | undefined): boolean => {
    const row = rows.get(key(patientId, id));
    const next = row && change(row);
    if (next) rows.set(key(patientId, id), next);
    return next !== undefined;
  };
  return {
    create: async (s) => void rows.set(key(s.patientId, s.id), s),
    getSession: async (patientId, id) => rows.get(key(patientId, id)),
    sessionsOf: async (patientId) => ({ items: [...rows.values()].filter((s) => s.patientId === patientId) }),
    countSince: async (patientId, since) => [...rows.values()].filter((s) => s.patientId === patientId && s.createdAt >= since).length,
    requeue: async () => false,
    complete: async (patientId, id, revision, resultSealed, at) =>
      update(patientId, id, (s) =>
        s.processedRevision >= revision ? undefined : { ...s, status: 'completed', processedRevision: revision, resultSealed, updatedAt: at },
      ),
    markProcessing: async (patientId, id, _revision, at) => void update(patientId, id, (s) => ({ ...s, status: 'processing', updatedAt: at })),
    fail: async (patientId, id, at) => void update(patientId, id, (s) => ({ ...s, status: 'failed', updatedAt: at })),
    discard: async (patientId, id) => rows.get(key(patientId, id))?.revision === 1 && rows.delete(key(patientId, id)),
    revertRequeue: async () => false,
  };
};

const keys = inMemoryDataKeys();
const vault = new Vault(keys.repository, keys.service);
const meta = { requestId: 'clinical-suite', sourceIp: '127.0.0.1' };

/**
 * What a patient who sends `input` to `POST /api/v1/symptom-sessions` is finally told, without a
 * model: the synchronous answer when the rules find an emergency (201), otherwise the worker's
 * result for the queued session (202, then polled). The same use cases the route and the worker
 * run, on in-memory ports.
 */
export const triageAsTheApiWould = async (input: TriageInput): Promise<{ result: TriageResult; synchronous: boolean }> => {
  const sessions = memorySessions();
  const queued: WorkMessage[] = [];
  const audit: AuditEvent[] = [];
  const deps = {
    vault,
    sessions,
    clock: { now: () => new Date() },
    audit: { append: async (event: AuditEvent) => void audit.push(event) },
    queue: { enqueue: async (message: WorkMessage) => void queued.push(message) },
    counters: inMemoryUsageCounters().counters,
  };
  const caller = { userId: randomUUID(), roles: ['patient'] as const, clientId: 'clinical', tokenId: randomUUID() };
  await vault.createKey(caller.userId);
  const started = await startSession(deps, caller, input, meta);
  if (started.emergency) return { result: started.session.result!, synchronous: true };
  const workerDeps: WorkerDeps = {
    vault,
    sessions,
    clock: deps.clock,
    audit: deps.audit,
    consents: { get: async () => undefined } as unknown as WorkerDeps['consents'],
    metrics: { modelUsage: () => undefined, outcome: () => undefined, fallback: () => undefined },
    notifications: { enqueue: async () => undefined },
  };
  if (queued.length !== 1) throw new Error(`expected one queued message, got ${queued.length}`);
  await processSession(workerDeps, queued[0] as TriageMessage, 1);
  const stored = await sessions.getSession(caller.userId, started.session.id);
  if (stored?.status !== 'completed' || !stored.resultSealed) throw new Error(`session not completed: ${stored?.status}`);
  return { result: (await sessionView(deps, stored)).result!, synchronous: false };
};
