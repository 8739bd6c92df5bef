import type { AuditEvent } from '../ports';
import type { Caller, RequestMeta } from '../http/request';

/** The fields of an audit event that come from the request itself. */
export const requestFacts = (meta: RequestMeta): Pick<AuditEvent, 'requestId' | 'sourceIp'> => ({
  requestId: meta.requestId,
  sourceIp: meta.sourceIp,
});

export const ANONYMOUS = 'anonymous';

/** The actor of an event: the authenticated caller, or the account acting on itself. */
export const actorOf = (caller: Caller | undefined, fallbackUserId = ANONYMOUS): AuditEvent['actor'] =>
  caller ? { userId: caller.userId, roles: [...caller.roles] } : { userId: fallbackUserId, roles: [] };
