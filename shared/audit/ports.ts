import type { Page, PageRequest } from '../domain/page';

export type AuditOutcome = 'success' | 'failure' | 'denied';

/** One audit event: who did what to whose record, and how it ended. Never PHI. */
export interface AuditEvent {
  readonly action: string;
  readonly outcome: AuditOutcome;
  /** The user whose data or account the event concerns; `anonymous` when unknown. */
  readonly subjectId: string;
  readonly actor: { readonly userId: string; readonly roles: readonly string[] };
  readonly resource: { readonly type: string; readonly id?: string };
  readonly requestId: string;
  readonly sourceIp: string;
  readonly reason?: string;
}

export interface AuditLog {
  /** Appends one event to its subject's chain; throws if it cannot, and the request fails with it. */
  append(event: AuditEvent): Promise<void>;
}

/** A stored audit event with its place in the chain. */
export interface StoredAuditEvent extends AuditEvent {
  readonly seq: number;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

export interface AuditSearch {
  readonly subjectId?: string;
  readonly actorId?: string;
  readonly action?: string;
  readonly from?: string;
  readonly to?: string;
}

/** Reading the audit trail (compliance, the patient's access log, the verifier). */
export interface AuditTrail {
  /**
   * Every record of one subject's chain, in key order, each as its whole stored item: the event's
   * fields plus every other attribute the item holds (keys, index attribute), for the verifier.
   */
  chain(subjectId: string): Promise<StoredAuditEvent[]>;
  /** Newest first; needs `subjectId` or `actorId` (no scans). */
  search(query: AuditSearch, page: PageRequest): Promise<Page<StoredAuditEvent>>;
}
