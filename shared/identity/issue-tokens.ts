import type { UserRecord } from './ports';
import { PASSWORD_ONLY } from '../domain/mfa-policy';
import { mintAccessToken } from './access-token';
import type { AppDeps } from '../deps';
import { formatRefreshToken, hashSecret, newFamilyId, newSecret } from './refresh-token';

export interface TokenPairResult {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
}

/** Starts a new refresh-token family for `user` and mints its first token pair; the family keeps `amr` for its refreshes. */
export const issueTokenPair = async (
  deps: Pick<AppDeps, 'refreshFamilies' | 'signer' | 'clock' | 'tokens'>,
  user: Pick<UserRecord, 'id' | 'roles'>,
  authTime: number,
  amr: readonly string[] = PASSWORD_ONLY,
): Promise<TokenPairResult> => {
  const now = deps.clock.now();
  const familyId = newFamilyId();
  const secret = newSecret();
  await deps.refreshFamilies.create({
    familyId,
    userId: user.id,
    clientId: deps.tokens.clientId,
    currentHash: hashSecret(secret),
    generation: 1,
    revoked: false,
    expiresAt: Math.floor(now.getTime() / 1000) + deps.tokens.refreshTtlSeconds,
    amr,
  });
  const access = await mintAccessToken(deps.signer, deps.tokens, { userId: user.id, roles: user.roles, authTime, amr }, now);
  return { accessToken: access.token, refreshToken: formatRefreshToken(familyId, secret), tokenType: 'Bearer', expiresIn: access.expiresIn };
};
