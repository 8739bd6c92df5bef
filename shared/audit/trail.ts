import type { AppDeps } from '../deps';
import type { Caller, RequestMeta } from '../domain/caller';
import { actorOf, requestFacts } from './actor';
import { type AccountStatusReader, requireActiveAccount } from './active-account';
import { COMPLIANCE_ROLES } from '../domain/roles';
import type { AuditSearch, StoredAuditEvent } from './ports';
import { mapPage, type Page, type PageRequest } from '../domain/page';

type TrailDeps = Pick<AppDeps, 'auditTrail' | 'audit'>;

/**
 * The officer's standing, before the trail is read (also by `verifyAuditAnchored`): a token outlives its account's
 * disabling and a revoked compliance role by up to 15 minutes, and the trail names people, places and times. 404
 * (audited, `account_inactive`) or 403 `role_revoked` (audited by the HTTP stack).
 */
export const requireOfficer = (deps: Pick<AppDeps, 'audit'> & { readonly users: AccountStatusReader }, caller: Caller, meta: RequestMeta, action: string) =>
  requireActiveAccount(deps, caller, meta, { action, resource: { type: 'audit_trail' }, roles: COMPLIANCE_ROLES });

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
export const searchAudit = async (
  deps: TrailDeps & { readonly users: AccountStatusReader },
  caller: Caller,
  query: AuditSearch,
  page: PageRequest,
  meta: RequestMeta,
) => {
  await requireOfficer(deps, caller, meta, 'audit.search');
  const result = await deps.auditTrail.search(query, page);
  await auditOfficer(deps, caller, meta, 'audit.search', query.subjectId ? `subject:${query.subjectId}` : `actor:${query.actorId}`);
  return mapPage(result, eventView);
};

/** A patient: who accessed their data and when (their own chain, newest first). */
export const accessLog = async (deps: Pick<AppDeps, 'auditTrail'>, caller: Caller, page: PageRequest): Promise<Page<ReturnType<typeof accessLogEntry>>> => {
  const result = await deps.auditTrail.search({ subjectId: caller.userId }, page);
  return mapPage(result, accessLogEntry);
};
