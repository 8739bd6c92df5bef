import { normalizeEmail } from '../domain/email';
import type { Role } from '../domain/roles';
import { ConflictError, NotFoundError } from '../errors';
import type { IdentityDeps } from './deps';

export interface RoleChange {
  readonly email: string;
  readonly role: Role;
  readonly change: 'grant' | 'revoke';
}

/** Who made the change and from where, for the audit event. */
export interface Operator {
  readonly userId: string;
  readonly roles: readonly string[];
  readonly requestId: string;
  readonly source: string;
}

/**
 * Grants or revokes a role. Used by the operator CLI (`npm run admin`), the only way to make the
 * first admin: no HTTP route can. The write is conditional on the roles read, so two concurrent
 * changes never lose one. Every account keeps `patient`; taking it away is not a role change.
 */
export const changeRole = async (
  deps: Pick<IdentityDeps, 'users' | 'blindIndex' | 'audit'>,
  request: RoleChange,
  operator: Operator,
): Promise<{ userId: string; roles: Role[] }> => {
  const userId = await deps.users.findIdByEmail(await deps.blindIndex.of(normalizeEmail(request.email)));
  const user = userId === undefined ? undefined : await deps.users.get(userId);
  if (user === undefined) throw new NotFoundError('No account with that e-mail.');
  if (request.change === 'revoke' && request.role === 'patient') throw new ConflictError('Every account keeps the patient role.');
  const roles = request.change === 'grant'
    ? [...new Set([...user.roles, request.role])]
    : user.roles.filter((role) => role !== request.role);
  if (!(await deps.users.setRoles(user.id, roles, user.roles))) throw new ConflictError('The roles changed meanwhile; retry.');
  await deps.audit.append({
    action: `admin.role_${request.change}`, outcome: 'success', subjectId: user.id,
    actor: { userId: operator.userId, roles: [...operator.roles] }, resource: { type: 'account', id: user.id },
    reason: request.role, requestId: operator.requestId, sourceIp: operator.source,
  });
  return { userId: user.id, roles };
};
