import { adminRoles as route } from '../routes/identity';
import { httpRoute } from '../../shared/http/http-route';
import { changeRoleAsAdmin } from '../../shared/identity/manage-roles';
import { users, auditLog } from '../../shared/runtime/composition';

const deps = { users: users(), audit: auditLog() };

/** POST /api/v1/admin/users/{id}/roles: an admin (still one) grants or revokes caregiver, provider or editor. */
export const handler = httpRoute(
  route,
  async ({ body, params, caller, meta }) => {
    const result = await changeRoleAsAdmin(deps, caller, params.id, body.action, body.role, meta);
    return { body: { id: result.userId, roles: result.roles } };
  },
  { audit: deps.audit },
);
