import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../deps';
import type { Caller, RequestMeta } from '../domain/caller';
import { actorOf, requestFacts } from '../audit/actor';
import { places } from '../vault/places';

/** Stores a rating; free-text comments may hold PHI, so they are sealed. Audited. */
export const giveFeedback = async (
  deps: Pick<AppDeps, 'feedback' | 'vault' | 'audit' | 'clock'>,
  caller: Caller,
  input: { rating: number; comments?: string | undefined },
  meta: RequestMeta,
): Promise<{ id: string; createdAt: string }> => {
  const id = randomUUID();
  const createdAt = deps.clock.now().toISOString();
  const commentsSealed = input.comments === undefined ? undefined : await deps.vault.seal(places.feedbackComments(caller.userId, id), input.comments);
  await deps.feedback.add({ id, userId: caller.userId, rating: input.rating, ...(commentsSealed ? { commentsSealed } : {}), createdAt });
  await deps.audit.append({
    action: 'feedback.create',
    outcome: 'success',
    subjectId: caller.userId,
    actor: actorOf(caller),
    resource: { type: 'feedback', id },
    ...requestFacts(meta),
  });
  return { id, createdAt };
};
