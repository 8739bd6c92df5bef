import { NotFoundError } from '../errors';
import type { Caller, RequestMeta } from '../domain/caller';
import type { Role } from '../domain/roles';
import { actorOf, requestFacts } from '../audit/actor';
import type { AppDeps } from '../deps';
import { places } from '../vault/places';

/** The caller's own account, its e-mail opened from the vault. Reading it is audited like any access to personal data. */
export const getMe = async (
  deps: Pick<AppDeps, 'users' | 'audit' | 'vault'>,
  caller: Caller,
  meta: RequestMeta,
): Promise<{ id: string; email: string; roles: Role[]; createdAt: string }> => {
  const user = await deps.users.get(caller.userId);
  if (user === undefined || user.status !== 'active') throw new NotFoundError();
  await deps.audit.append({
    action: 'account.read',
    outcome: 'success',
    subjectId: user.id,
    actor: actorOf(caller),
    resource: { type: 'account', id: user.id },
    ...requestFacts(meta),
  });
  const email = await deps.vault.open(places.userEmail(user.id), user.emailSealed);
  return { id: user.id, email, roles: [...user.roles], createdAt: user.createdAt };
};
