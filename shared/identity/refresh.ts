import { UnauthorizedError } from '../errors';
import type { RequestMeta } from '../domain/caller';
import type { RefreshFamily } from './ports';
import { ANONYMOUS, anonymousSubject, requestFacts } from '../audit/actor';
import { mintAccessToken } from './access-token';
import type { AppDeps } from '../deps';
import type { TokenPairResult } from './issue-tokens';
import { formatRefreshToken, hashSecret, newSecret, parseRefreshToken } from './refresh-token';

type RefreshDeps = Pick<AppDeps, 'refreshFamilies' | 'users' | 'audit' | 'signer' | 'clock' | 'tokens'>;

/**
 * Rotates a refresh token (RFC 9700 §4.14.2). Only the family's current token works, once: the
 * swap is one conditional write, so of two concurrent refreshes exactly one rotates. Presenting
 * any other token of a live family (a replay of a rotated one, or the loser of a race) is treated
 * as theft: the whole family is revoked.
 */
export const refresh = async (deps: RefreshDeps, refreshToken: string, meta: RequestMeta): Promise<TokenPairResult> => {
  const parsed = parseRefreshToken(refreshToken);
  const family = parsed === undefined ? undefined : await deps.refreshFamilies.get(parsed.familyId);
  const nowEpoch = Math.floor(deps.clock.now().getTime() / 1000);
  const fail = async (reason: string, live?: RefreshFamily): Promise<never> => {
    if (live !== undefined) await deps.refreshFamilies.revoke(live.familyId, reason === 'account_disabled' ? 'account_disabled' : 'reuse_detected');
    await deps.audit.append({
      action: reason === 'reuse_detected' ? 'auth.refresh_reuse' : 'auth.refresh',
      outcome: 'failure',
      subjectId: family?.userId ?? anonymousSubject(),
      actor: { userId: family?.userId ?? ANONYMOUS, roles: [] },
      resource: { type: 'session', ...(family ? { id: family.familyId } : {}) },
      reason,
      ...requestFacts(meta),
    });
    throw new UnauthorizedError('The refresh token is invalid.');
  };

  if (parsed === undefined || family === undefined) return fail('unknown_token');
  if (family.revoked) return fail('revoked');
  if (family.expiresAt <= nowEpoch) return fail('expired');
  const presentedHash = hashSecret(parsed.secret);
  if (presentedHash !== family.currentHash) return fail('reuse_detected', family);

  const user = await deps.users.get(family.userId);
  if (user === undefined || user.status !== 'active') return fail('account_disabled', family);

  const secret = newSecret();
  if (!(await deps.refreshFamilies.rotate(family.familyId, presentedHash, hashSecret(secret), nowEpoch))) {
    return fail('reuse_detected', family);
  }
  const access = await mintAccessToken(deps.signer, deps.tokens, { userId: user.id, roles: user.roles, amr: family.amr }, deps.clock.now());
  return { accessToken: access.token, refreshToken: formatRefreshToken(family.familyId, secret), tokenType: 'Bearer', expiresIn: access.expiresIn };
};
