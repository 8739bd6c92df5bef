import { normalizeEmail } from '../domain/email';
import { NotFoundError } from '../errors';
import type { AppDeps } from '../deps';
import type { Operator } from '../identity/manage-roles';
import type { Vault } from './vault';

/**
 * Rotates a user's data key (operator CLI): new seals use the new version, fields sealed under
 * older versions keep opening until they are written again. Audited.
 */
export const rotateDataKey = async (
  deps: Pick<AppDeps, 'users' | 'blindIndex' | 'audit'> & { vault: Vault },
  email: string,
  operator: Operator,
): Promise<{ userId: string; version: number }> => {
  const userId = await deps.users.findIdByEmail(await deps.blindIndex.of(normalizeEmail(email)));
  if (userId === undefined) throw new NotFoundError('No account with that e-mail.');
  const version = await deps.vault.rotate(userId);
  await deps.audit.append({
    action: 'vault.key_rotate',
    outcome: 'success',
    subjectId: userId,
    actor: { userId: operator.userId, roles: [...operator.roles] },
    resource: { type: 'data_key', id: userId },
    reason: `version:${version}`,
    requestId: operator.requestId,
    sourceIp: operator.source,
  });
  return { userId, version };
};
