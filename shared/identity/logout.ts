import type { RequestMeta } from '../http/request';
import { ANONYMOUS, anonymousSubject, requestFacts } from './audit-actor';
import type { IdentityDeps } from './deps';
import { parseRefreshToken } from './refresh-token';

/**
 * Ends a session: revokes the refresh token's whole family. Always succeeds from the caller's
 * view (an unknown token gets the same 204), so logout reveals nothing about tokens.
 */
export const logout = async (deps: Pick<IdentityDeps, 'sessions' | 'audit'>, refreshToken: string, meta: RequestMeta): Promise<void> => {
  const parsed = parseRefreshToken(refreshToken);
  const family = parsed === undefined ? undefined : await deps.sessions.get(parsed.familyId);
  if (family !== undefined && !family.revoked) await deps.sessions.revoke(family.familyId, 'logout');
  const subjectId = family?.userId ?? anonymousSubject();
  await deps.audit.append({
    action: 'auth.logout', outcome: family === undefined ? 'failure' : 'success', subjectId,
    actor: { userId: family?.userId ?? ANONYMOUS, roles: [] }, resource: { type: 'session', ...(family ? { id: family.familyId } : {}) },
    ...(family === undefined ? { reason: 'unknown_token' } : {}), ...requestFacts(meta),
  });
};
