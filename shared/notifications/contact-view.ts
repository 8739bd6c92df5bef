import type { Contact } from '../contracts/notifications';
import type { Vault } from '../vault/vault';
import { contactPlaces } from './places';
import type { ContactRecord } from './ports';
import { MAX_ATTEMPTS } from './verification';

/**
 * The caller's view of their contact details: their phone opened, the pending code's expiry and
 * attempts left (never the code). Its own module, so the account's export (./account-data.ts) shows
 * the same view without bundling the contact use cases (./contact.ts) and the event schema they import.
 */
export const contactView = async (
  deps: { readonly vault: Pick<Vault, 'open'> },
  userId: string,
  record: ContactRecord | undefined,
  nowMs: number,
): Promise<Contact> => {
  if (record === undefined) return { phoneVerified: false, emailSuppressed: false };
  const pending = record.verification;
  return {
    ...(record.phoneSealed ? { phone: await deps.vault.open(contactPlaces.phone(userId), record.phoneSealed) } : {}),
    phoneVerified: record.phoneVerified,
    ...(pending && pending.expiresAt > nowMs
      ? { verification: { expiresAt: new Date(pending.expiresAt).toISOString(), attemptsLeft: Math.max(0, MAX_ATTEMPTS - pending.attempts) } }
      : {}),
    emailSuppressed: record.emailSuppressed !== undefined,
    updatedAt: record.updatedAt,
  };
};
