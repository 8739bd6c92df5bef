import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../deps';
import type { Caller, RequestMeta } from '../domain/caller';
import { undoPersistently } from '../domain/undo';
import { actorOf, requestFacts } from '../audit/actor';
import { type AccountStatusReader, requireActiveAccount } from '../audit/active-account';
import { places } from '../vault/places';
import type { FeedbackRecord } from './ports';

/**
 * Stores a rating; free-text comments may hold PHI, so they are sealed. Audited: if the append fails, nothing stays
 * stored. A token that outlived its account stores nothing (404): a rating alone seals nothing for the vault to refuse.
 */
export const giveFeedback = async (
  deps: Pick<AppDeps, 'feedback' | 'vault' | 'audit' | 'clock'> & { readonly users: AccountStatusReader },
  caller: Caller,
  input: { rating: number; comments?: string | undefined },
  meta: RequestMeta,
): Promise<{ id: string; createdAt: string }> => {
  await requireActiveAccount(deps, caller, meta, { action: 'feedback.create', resource: { type: 'feedback' } });
  const id = randomUUID();
  const createdAt = deps.clock.now().toISOString();
  const commentsSealed = input.comments === undefined ? undefined : await deps.vault.seal(places.feedbackComments(caller.userId, id), input.comments);
  const record: FeedbackRecord = { id, userId: caller.userId, rating: input.rating, ...(commentsSealed ? { commentsSealed } : {}), createdAt };
  await deps.feedback.add(record);
  try {
    await deps.audit.append({
      action: 'feedback.create',
      outcome: 'success',
      subjectId: caller.userId,
      actor: actorOf(caller),
      resource: { type: 'feedback', id },
      ...requestFacts(meta),
    });
  } catch (error) {
    // No unaudited feedback: remove it again, then fail.
    await undoPersistently(() => deps.feedback.undoAdd(record));
    throw error;
  }
  return { id, createdAt };
};
