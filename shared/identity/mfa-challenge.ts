import { createHash, randomBytes } from 'node:crypto';
import type { MfaChallengeStore } from './ports';

/** How long a login waits for its second factor. */
export const MFA_CHALLENGE_TTL_SECONDS = 300;
const FORMAT = /^mc1\.[A-Za-z0-9_-]{43}$/;

/** What a password login answers for an account with MFA: no tokens yet, a challenge to answer with a code. */
export interface MfaChallengeResult {
  readonly mfa_required: true;
  readonly challenge: string;
  readonly expiresIn: number;
}

/** SHA-256 of a challenge: only this is stored (the value has full entropy, so a fast hash is right). */
export const challengeHash = (challenge: string): string | undefined =>
  FORMAT.test(challenge) ? createHash('sha256').update(challenge).digest('base64url') : undefined;

/**
 * Starts the second step of a login: a random 256-bit challenge (`mc1.<base64url>`), stored by its
 * hash, bound to the account and the password step's time, good for five minutes and once.
 *
 * @example
 * const answer = await issueMfaChallenge(deps, user.id, nowEpoch); // { mfa_required: true, challenge, expiresIn: 300 }
 */
export const issueMfaChallenge = async (
  deps: { readonly mfaChallenges: Pick<MfaChallengeStore, 'create'> },
  userId: string,
  authTime: number,
): Promise<MfaChallengeResult> => {
  const challenge = `mc1.${randomBytes(32).toString('base64url')}`;
  await deps.mfaChallenges.create(challengeHash(challenge)!, { userId, authTime, expiresAt: authTime + MFA_CHALLENGE_TTL_SECONDS });
  return { mfa_required: true, challenge, expiresIn: MFA_CHALLENGE_TTL_SECONDS };
};
