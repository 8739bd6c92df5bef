import { recordRoutes as routes } from '../routes/records';
import { listConsents } from '../../shared/consent/consents';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { records, users, auditLog, clock } from '../../shared/runtime/app';
import { pageOf, type PageQuery } from '../../shared/http/page';

const deps = { consents: records(), users: users(), audit: auditLog(), clock };

/** GET /api/v1/consents?direction=granted|received: the caller's consents, paged. */
export const handler = httpRoute(routes.consentList, 'consentList', async ({ query, caller }: HttpRequest<unknown, PageQuery & { direction?: 'granted' | 'received' }>) => ({
  body: await listConsents(deps, caller!, query.direction ?? 'granted', pageOf(query)),
}), { audit: deps.audit });
