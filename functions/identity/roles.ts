import { adminRoles as route } from '../routes/identity';
import { httpRoute } from '../../shared/http/http-route';
import { changeRole } from '../../shared/identity/manage-roles';
import { users, auditLog } from '../../shared/runtime/composition';

const deps = { users: users(), audit: auditLog() };

/** POST /api/v1/admin/users/{id}/roles: an admin grants or revokes caregiver/provider. */
export const handler = httpRoute(
  route,
  async ({ body, params, caller, meta }) => {
    const result = await changeRole(deps, params.id, body.action, body.role, {
      userId: caller.userId,
      roles: caller.roles,
      requestId: meta.requestId,
      source: meta.sourceIp,
    });
    return { body: { id: result.userId, roles: result.roles } };
  },
  { audit: deps.audit },
);
