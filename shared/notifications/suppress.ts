import { places } from '../vault/places';
import type { NotificationDeps } from './ports';

/** What SES reported about an e-mail CareBow sent (read from its event by `shared/adapters/aws/ses-events.ts`). */
export interface EmailFeedback {
  readonly kind: 'bounce' | 'complaint';
  /** A bounce SES will keep getting (`Permanent`); a transient one (mailbox full) suppresses nothing. */
  readonly permanent: boolean;
  /** The addresses it names. */
  readonly addresses: readonly string[];
  /** The account the message was sent to: the `carebow-recipient` tag CareBow put on it. */
  readonly recipientId: string;
  /** SES's id of its event, for the audit event's request id. */
  readonly feedbackId: string;
}

/**
 * A permanent bounce or a complaint about the account's address suppresses e-mail to it: one
 * conditional write on the `CONTACT` item. Only when the reported address is still the account's
 * (opened from the vault and compared), so a report about an old address changes nothing. Audited
 * once (`notification.suppress`) when it suppresses. `suppressed`, `ignored` or `already`.
 */
export const suppressBouncedAddress = async (
  deps: Pick<NotificationDeps, 'users' | 'vault' | 'contacts' | 'audit' | 'clock'>,
  feedback: EmailFeedback,
): Promise<'suppressed' | 'ignored' | 'already'> => {
  if (feedback.kind === 'bounce' && !feedback.permanent) return 'ignored';
  const account = await deps.users.get(feedback.recipientId);
  if (account === undefined || account.status === 'deleted') return 'ignored';
  const email = (await deps.vault.open(places.userEmail(account.id), account.emailSealed)).toLowerCase();
  if (!feedback.addresses.some((address) => address.trim().toLowerCase() === email)) return 'ignored';
  const at = deps.clock.now().toISOString();
  if (!(await deps.contacts.suppressEmail(account.id, { reason: feedback.kind, at }))) return 'already';
  await deps.audit.append({
    action: 'notification.suppress',
    outcome: 'success',
    subjectId: account.id,
    actor: { userId: 'system:notifications-worker', roles: [] },
    resource: { type: 'contact', id: account.id },
    reason: `email:${feedback.kind}`,
    requestId: feedback.feedbackId,
    sourceIp: 'internal',
  });
  return 'suppressed';
};
