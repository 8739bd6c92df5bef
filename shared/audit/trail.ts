import type { AppDeps } from '../deps';
import type { Caller, RequestMeta } from '../domain/caller';
import { actorOf, requestFacts } from './actor';
import type { AuditSearch, StoredAuditEvent } from './ports';
import { mapPage, type Page, type PageRequest } from '../domain/page';
import { verifyChain, type ChainVerdict } from './chain';

type TrailDeps = Pick<AppDeps, 'auditTrail' | 'audit'>;

/** What a compliance officer sees of an event: everything but the chain's hashes. */
export const eventView = ({ prevHash: _p, hash: _h, ...event }: StoredAuditEvent) => event;

/** A patient's view: who did what to their data, and when (and `severity: 'high'` on a break-glass access). */
export const accessLogEntry = (event: StoredAuditEvent) => ({
  at: event.at,
  action: event.action,
  outcome: event.outcome,
  actor: event.actor,
  resource: event.resource,
  ...(event.severity ? { severity: event.severity } : {}),
});

/** Searching the trail is itself audited, in the officer’s own chain (also by `verifyAuditAnchored`). */
export const auditOfficer = (deps: TrailDeps, caller: Caller, meta: RequestMeta, action: string, reason: string) =>
  deps.audit.append({
    action,
    outcome: 'success',
    subjectId: caller.userId,
    actor: actorOf(caller),
    resource: { type: 'audit_trail' },
    reason,
    ...requestFacts(meta),
  });

/** Compliance: events by data subject or actor, filtered by action and time, newest first. */
export const searchAudit = async (deps: TrailDeps, caller: Caller, query: AuditSearch, page: PageRequest, meta: RequestMeta) => {
  const result = await deps.auditTrail.search(query, page);
  await auditOfficer(deps, caller, meta, 'audit.search', query.subjectId ? `subject:${query.subjectId}` : `actor:${query.actorId}`);
  return mapPage(result, eventView);
};

/** Compliance: walks one subject's chain and names the first break, if any. */
export const verifyAudit = async (deps: TrailDeps, caller: Caller, subjectId: string, meta: RequestMeta): Promise<ChainVerdict> => {
  const verdict = verifyChain(await deps.auditTrail.chain(subjectId), subjectId);
  await auditOfficer(deps, caller, meta, 'audit.verify', `subject:${subjectId}`);
  return verdict;
};

/** A patient: who accessed their data and when (their own chain, newest first). */
export const accessLog = async (deps: Pick<AppDeps, 'auditTrail'>, caller: Caller, page: PageRequest): Promise<Page<ReturnType<typeof accessLogEntry>>> => {
  const result = await deps.auditTrail.search({ subjectId: caller.userId }, page);
  return mapPage(result, accessLogEntry);
};
