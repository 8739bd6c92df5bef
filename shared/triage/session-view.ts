import type { SymptomSession, TriageResult } from '../contracts/triage';
import type { AppDeps } from '../deps';
import { NotFoundError } from '../errors';
import type { Caller, RequestMeta } from '../domain/caller';
import { actorOf, requestFacts } from '../audit/actor';
import { withItems, type Page, type PageRequest } from '../domain/page';
import type { StoredSymptomSession, SymptomSessionReader } from './ports';
import { sessionPlaces } from './places';

/** Reading sessions needs no rules engine: kept apart so the read functions stay small. */
type ReadDeps = Pick<AppDeps, 'vault' | 'audit'> & { sessions: SymptomSessionReader };

export const sessionView = async (deps: Pick<AppDeps, 'vault'>, stored: StoredSymptomSession): Promise<SymptomSession> => ({
  id: stored.id,
  status: stored.status,
  revision: stored.revision,
  createdAt: stored.createdAt,
  updatedAt: stored.updatedAt,
  ...(stored.resultSealed ? { result: await deps.vault.openJson<TriageResult>(sessionPlaces.result(stored.patientId, stored.id), stored.resultSealed) } : {}),
});

export const auditSession = (deps: Pick<AppDeps, 'audit'>, caller: Caller, meta: RequestMeta, action: string, sessionId: string) =>
  deps.audit.append({
    action,
    outcome: 'success',
    subjectId: caller.userId,
    actor: actorOf(caller),
    resource: { type: 'symptom_session', id: sessionId },
    ...requestFacts(meta),
  });

/** One of the caller's sessions; someone else's is 404. Audited. */
export const getSession = async (deps: ReadDeps, caller: Caller, sessionId: string, meta: RequestMeta): Promise<SymptomSession> => {
  const stored = await deps.sessions.getSession(caller.userId, sessionId);
  if (stored === undefined) throw new NotFoundError();
  const session = await sessionView(deps, stored);
  await auditSession(deps, caller, meta, 'triage.read', sessionId);
  return session;
};

/** The caller's sessions, newest first, with each result's level. Audited. */
export const listSessions = async (deps: ReadDeps, caller: Caller, page: PageRequest, meta: RequestMeta) => {
  const result: Page<StoredSymptomSession> = await deps.sessions.sessionsOf(caller.userId, page);
  const items = await Promise.all(
    result.items.map(async (stored) => {
      const full = await sessionView(deps, stored);
      return { id: full.id, status: full.status, createdAt: full.createdAt, ...(full.result ? { level: full.result.level } : {}) };
    }),
  );
  await auditSession(deps, caller, meta, 'triage.list', 'all');
  return withItems(result, items);
};
