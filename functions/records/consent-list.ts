import { consentList as route } from '../routes/records';
import { listConsents } from '../../shared/records/consents';
import { httpRoute } from '../../shared/http/http-route';
import { records, users, auditLog, clock } from '../../shared/runtime/composition';
import { pageOf } from '../../shared/http/page';

const deps = { consents: records(), users: users(), audit: auditLog(), clock };

/** GET /api/v1/consents?direction=granted|received: the caller's consents, paged. */
export const handler = httpRoute(
  route,
  async ({ query, caller }) => ({
    body: await listConsents(deps, caller, query.direction ?? 'granted', pageOf(query)),
  }),
  { audit: deps.audit },
);
