import { routes } from '../routes';
import { listConsents } from '../../shared/consent/consents';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { appDeps } from '../../shared/runtime/app';
import { pageOf, type PageQuery } from '../../shared/http/page';

const deps = appDeps();

/** GET /api/v1/consents?direction=granted|received: the caller's consents, paged. */
export const handler = httpRoute(routes.consentList, 'consentList', async ({ query, caller }: HttpRequest<unknown, PageQuery & { direction?: 'granted' | 'received' }>) => ({
  body: await listConsents(deps, caller!, query.direction ?? 'granted', pageOf(query)),
}), { audit: deps.audit });
