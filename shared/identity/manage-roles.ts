import { requireActiveAccount } from '../audit/active-account';
import type { Caller, RequestMeta } from '../domain/caller';
import { normalizeEmail } from '../domain/email';
import { ADMIN_ROLES, type Role } from '../domain/roles';
import { ConflictError, NotFoundError } from '../errors';
import type { AppDeps } from '../deps';

export type RoleChangeKind = 'grant' | 'revoke';

/** Who made the change and from where, for the audit event. */
export interface Operator {
  readonly userId: string;
  readonly roles: readonly string[];
  readonly requestId: string;
  readonly source: string;
}

/**
 * Grants or revokes a role of the account `userId`. The write is conditional on the roles read,
 * so two concurrent changes never lose one. Every account keeps `patient`. Audited.
 */
export const changeRole = async (
  deps: Pick<AppDeps, 'users' | 'audit'>,
  userId: string,
  change: RoleChangeKind,
  role: Role,
  operator: Operator,
): Promise<{ userId: string; roles: Role[] }> => {
  const user = await deps.users.get(userId);
  if (user === undefined || user.status === 'deleted') throw new NotFoundError('No such account.');
  if (change === 'revoke' && role === 'patient') throw new ConflictError('Every account keeps the patient role.');
  const roles = change === 'grant' ? [...new Set([...user.roles, role])] : user.roles.filter((r) => r !== role);
  if (!(await deps.users.setRoles(user.id, roles, user.roles))) throw new ConflictError('The roles changed meanwhile; retry.');
  await deps.audit.append({
    action: `admin.role_${change}`,
    outcome: 'success',
    subjectId: user.id,
    actor: { userId: operator.userId, roles: [...operator.roles] },
    resource: { type: 'account', id: user.id },
    reason: role,
    requestId: operator.requestId,
    sourceIp: operator.source,
  });
  return { userId: user.id, roles };
};

/**
 * An admin's change over HTTP (`POST /api/v1/admin/users/{id}/roles`): `changeRole`, once the caller's account is
 * still active and still an admin. A token outlives its account's disabling and a revoked admin role by up to 15
 * minutes, and must not grant roles meanwhile: 404 (audited, `account_inactive`) or 403 `role_revoked`.
 *
 * @example
 * await changeRoleAsAdmin(deps, caller, targetId, 'grant', 'provider', meta);
 */
export const changeRoleAsAdmin = async (
  deps: Pick<AppDeps, 'users' | 'audit'>,
  caller: Caller,
  userId: string,
  change: RoleChangeKind,
  role: Role,
  meta: RequestMeta,
): Promise<{ userId: string; roles: Role[] }> => {
  await requireActiveAccount(deps, caller, meta, { action: `admin.role_${change}`, resource: { type: 'account', id: userId }, roles: ADMIN_ROLES });
  return changeRole(deps, userId, change, role, { userId: caller.userId, roles: caller.roles, requestId: meta.requestId, source: meta.sourceIp });
};

/**
 * The operator CLI's entry (`npm run admin`): the same change, addressed by e-mail. It is the only
 * way to make the first admin: no HTTP route can grant `admin`.
 */
export const changeRoleByEmail = async (
  deps: Pick<AppDeps, 'users' | 'blindIndex' | 'audit'>,
  email: string,
  change: RoleChangeKind,
  role: Role,
  operator: Operator,
): Promise<{ userId: string; roles: Role[] }> => {
  const userId = await deps.users.findIdByEmail(await deps.blindIndex.of(normalizeEmail(email)));
  if (userId === undefined) throw new NotFoundError('No account with that e-mail.');
  return changeRole(deps, userId, change, role, operator);
};
