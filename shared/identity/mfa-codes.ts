import { createHash, randomBytes } from 'node:crypto';
import { lockSecondsAfter } from '../domain/lockout';
import { base32Decode, base32Encode, matchTotp } from '../domain/totp';
import { TooManyRequestsError } from '../errors';
import { mfaKey } from '../data/keys';
import type { FieldPlace } from '../vault/sealed-field';
import type { SealingVault } from '../vault/vault';
import type { Clock } from '../domain/clock';
import type { LoginAttemptStore, MfaEnrolment, MfaStore } from './ports';

/** Where the sealed TOTP secret lives (bound into its ciphertext). Not in `places`: every vault route bundles that object. */
export const mfaSecretPlace = (userId: string): FieldPlace => ({ userId, table: 'identity', pk: mfaKey(userId), attribute: 'secretSealed' });

/** How many recovery codes an enrolment gets; each works once. */
export const RECOVERY_CODE_COUNT = 10;

/** What checking a second factor touches. */
export interface SecondFactorDeps {
  readonly mfa: MfaStore;
  readonly vault: Pick<SealingVault, 'open'>;
  readonly loginAttempts: LoginAttemptStore;
  readonly clock: Clock;
}

/** A code from the authenticator app, or one of the recovery codes. */
export interface SecondFactor {
  readonly code?: string | undefined;
  readonly recoveryCode?: string | undefined;
}

/** The lockout counter of an account's second factor: per account, apart from its password's (which is per e-mail). */
const attemptsKey = (userId: string): string => `mfa:${userId}`;

/** A recovery code: 80 random bits as four groups of four base32 characters (`ABCD-EFGH-…`). */
export const newRecoveryCode = (): string => base32Encode(randomBytes(10)).match(/.{4}/g)!.join('-');

/** The stored form of a recovery code: SHA-256 over the account and the code without dashes or case (80 bits: no slow hash needed). */
export const recoveryCodeHash = (userId: string, code: string): string =>
  createHash('sha256')
    .update(`${userId}:${code.replace(/-/g, '').toUpperCase()}`)
    .digest('base64url');

/**
 * Counts one code attempt before the code is checked, like a password attempt (`LoginAttemptStore.claim`): codes
 * sent together each take their own count, so only the free ones are checked. Throws 429 while the account's second
 * factor is locked out. A right code then `clearWrongCodes`.
 */
export const claimCodeAttempt = async (deps: Pick<SecondFactorDeps, 'loginAttempts' | 'clock'>, userId: string): Promise<void> => {
  const now = deps.clock.now();
  const claimed = await deps.loginAttempts.claim(attemptsKey(userId), now, (attempts) => {
    const seconds = lockSecondsAfter(attempts);
    return seconds > 0 ? now.getTime() + seconds * 1000 : undefined;
  });
  if (!claimed.ok) throw new TooManyRequestsError((claimed.lockedUntil - now.getTime()) / 1000, 'Too many wrong codes; retry later.');
};

/** Forgets the wrong codes after a right one. */
export const clearWrongCodes = (deps: Pick<SecondFactorDeps, 'loginAttempts'>, userId: string): Promise<void> => deps.loginAttempts.clear(attemptsKey(userId));

/** The TOTP step `code` matches for this enrolment's secret now, or `undefined`. */
export const matchingStep = async (
  deps: Pick<SecondFactorDeps, 'vault' | 'clock'>,
  userId: string,
  enrolment: MfaEnrolment,
  code: string,
): Promise<number | undefined> => {
  const secret = await deps.vault.open(mfaSecretPlace(userId), enrolment.secretSealed);
  return matchTotp(base32Decode(secret), code, deps.clock.now().getTime() / 1000);
};

/**
 * Checks and uses up a second factor of an active enrolment: a TOTP code is good once (its step
 * must be newer than the last one used: one conditional write), a recovery code once (removed in
 * one conditional write). `ok: false` for a wrong, replayed or used code; the caller counts it.
 */
export const useSecondFactor = async (
  deps: SecondFactorDeps,
  userId: string,
  enrolment: MfaEnrolment,
  factor: SecondFactor,
): Promise<{ ok: boolean; recovery: boolean }> => {
  if (factor.recoveryCode !== undefined) return { ok: await deps.mfa.useRecoveryCode(userId, recoveryCodeHash(userId, factor.recoveryCode)), recovery: true };
  const step = factor.code === undefined ? undefined : await matchingStep(deps, userId, enrolment, factor.code);
  return { ok: step !== undefined && (await deps.mfa.useStep(userId, step)), recovery: false };
};
