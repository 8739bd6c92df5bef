import { actorOf, requestFacts } from '../audit/actor';
import type { Delivery } from '../contracts/notifications';
import type { Caller, RequestMeta } from '../domain/caller';
import { mapPage, type Page, type PageRequest } from '../domain/page';
import type { DeliveryRecord, NotificationDeps } from './ports';

/** A delivery as its recipient sees it: what kind, which channel, how it went; never the provider's id. */
export const deliveryView = (record: DeliveryRecord): Delivery => ({
  eventId: record.eventId,
  type: record.type,
  channel: record.channel,
  status: record.status,
  ...(record.reason ? { reason: record.reason } : {}),
  ...(record.notBefore && record.status === 'queued' ? { notBefore: record.notBefore } : {}),
  attempts: record.attempts,
  createdAt: record.createdAt,
  updatedAt: record.updatedAt,
  ...(record.sentAt ? { sentAt: record.sentAt } : {}),
});

/** `GET /api/v1/me/notifications`: one page of the caller's own deliveries, newest first; one audit event. */
export const listDeliveries = async (
  deps: Pick<NotificationDeps, 'deliveries' | 'audit'>,
  caller: Caller,
  page: PageRequest,
  meta: RequestMeta,
): Promise<Page<Delivery>> => {
  const found = await deps.deliveries.list(caller.userId, page);
  await deps.audit.append({
    action: 'notifications.list',
    outcome: 'success',
    subjectId: caller.userId,
    actor: actorOf(caller),
    resource: { type: 'notification_deliveries', id: caller.userId },
    ...requestFacts(meta),
  });
  return mapPage(found, deliveryView);
};
