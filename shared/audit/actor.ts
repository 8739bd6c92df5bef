import { randomInt } from 'node:crypto';
import type { AuditEvent } from './ports';
import type { Caller, RequestMeta } from '../domain/caller';
/** The fields of an audit event that come from the request itself. */
export const requestFacts = (meta: RequestMeta): Pick<AuditEvent, 'requestId' | 'sourceIp'> => ({
  requestId: meta.requestId,
  sourceIp: meta.sourceIp,
});

/** The actor of events no account can be tied to. */
export const ANONYMOUS = 'anonymous';

/**
 * The chain an event with no known data subject goes to: one of 16, picked at random, so a flood
 * of failed attempts does not serialise every append on a single chain head.
 */
export const anonymousSubject = (): string => `anonymous:${randomInt(16).toString(16)}`;

/** The chain of failed logins for an e-mail that has no account: keyed by its blind index, never the e-mail. */
export const unknownEmailSubject = (emailIndex: string): string => `email:${emailIndex.slice(0, 16)}`;

/** The actor of an event: the authenticated caller, or the account acting on itself. */
export const actorOf = (caller: Caller | undefined, fallbackUserId = ANONYMOUS): AuditEvent['actor'] =>
  caller ? { userId: caller.userId, roles: [...caller.roles] } : { userId: fallbackUserId, roles: [] };
