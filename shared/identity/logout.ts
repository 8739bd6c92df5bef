import type { RequestMeta } from '../domain/caller';
import { ANONYMOUS, anonymousSubject, requestFacts } from '../audit/actor';
import type { AppDeps } from '../deps';
import { parseRefreshToken } from './refresh-token';

/**
 * Ends a session: revokes the refresh token's whole family. Always succeeds from the caller's
 * view (an unknown token gets the same 204), so logout reveals nothing about tokens.
 */
export const logout = async (deps: Pick<AppDeps, 'refreshFamilies' | 'audit'>, refreshToken: string, meta: RequestMeta): Promise<void> => {
  const parsed = parseRefreshToken(refreshToken);
  const family = parsed === undefined ? undefined : await deps.refreshFamilies.get(parsed.familyId);
  if (family !== undefined && !family.revoked) await deps.refreshFamilies.revoke(family.familyId, 'logout');
  const subjectId = family?.userId ?? anonymousSubject();
  await deps.audit.append({
    action: 'auth.logout',
    outcome: family === undefined ? 'failure' : 'success',
    subjectId,
    actor: { userId: family?.userId ?? ANONYMOUS, roles: [] },
    resource: { type: 'session', ...(family ? { id: family.familyId } : {}) },
    ...(family === undefined ? { reason: 'unknown_token' } : {}),
    ...requestFacts(meta),
  });
};
