import { actorOf, requestFacts } from '../audit/actor';
import type { AuditLog } from '../audit/ports';
import type { Caller, RequestMeta } from '../domain/caller';
import type { Clock } from '../domain/clock';
import { requiresMfa } from '../domain/mfa-policy';
import { newTotpSecret, otpauthUri } from '../domain/totp';
import { CareBowError, ConflictError, NotFoundError, ValidationError } from '../errors';
import { places } from '../vault/places';
import type { SealingVault } from '../vault/vault';
import {
  RECOVERY_CODE_COUNT,
  claimCodeAttempt,
  clearWrongCodes,
  matchingStep,
  mfaSecretPlace,
  newRecoveryCode,
  recoveryCodeHash,
  useSecondFactor,
  type SecondFactor,
  type SecondFactorDeps,
} from './mfa-codes';
import type { UserRecord, UserRepository } from './ports';

/** What enrolling, confirming and disabling MFA touch. */
export interface MfaEnrolmentDeps extends SecondFactorDeps {
  readonly users: Pick<UserRepository, 'get'>;
  readonly vault: Pick<SealingVault, 'open' | 'seal'>;
  readonly audit: AuditLog;
  readonly clock: Clock;
}

/** The name authenticator apps show beside the account. */
const ISSUER = 'CareBow';

const auditor =
  (deps: Pick<MfaEnrolmentDeps, 'audit'>, caller: Caller, meta: RequestMeta, action: string) => (outcome: 'success' | 'failure' | 'denied', reason?: string) =>
    deps.audit.append({
      action,
      outcome,
      subjectId: caller.userId,
      actor: actorOf(caller),
      resource: { type: 'account', id: caller.userId },
      ...requestFacts(meta),
      ...(reason ? { reason } : {}),
    });

const activeUser = async (deps: Pick<MfaEnrolmentDeps, 'users'>, caller: Caller, audit: ReturnType<typeof auditor>): Promise<UserRecord> => {
  const user = await deps.users.get(caller.userId);
  if (user !== undefined && user.status === 'active') return user;
  await audit('failure', 'account_inactive');
  throw new NotFoundError('The account no longer exists.');
};

/**
 * Starts a TOTP enrolment: a new secret, sealed under the account's data key and stored `pending`
 * (replacing an unconfirmed one), returned once as base32 and as an `otpauth://` URI for a QR code.
 * `409 mfa_already_enabled` if MFA is active (disable it first). Audited as `mfa.enrol`, never with the secret.
 *
 * @example
 * const { secret, otpauthUri } = await startTotpEnrolment(deps, caller, meta);
 */
export const startTotpEnrolment = async (deps: MfaEnrolmentDeps, caller: Caller, meta: RequestMeta): Promise<{ secret: string; otpauthUri: string }> => {
  const audit = auditor(deps, caller, meta, 'mfa.enrol');
  const user = await activeUser(deps, caller, audit);
  const secret = newTotpSecret();
  const [sealed, email] = await Promise.all([deps.vault.seal(mfaSecretPlace(user.id), secret), deps.vault.open(places.userEmail(user.id), user.emailSealed)]);
  if (!(await deps.mfa.putPending(user.id, sealed, deps.clock.now().toISOString()))) {
    await audit('failure', 'mfa_already_enabled');
    throw new ConflictError('Two-factor authentication is already enabled.', 'mfa_already_enabled');
  }
  // A pending enrolment changes nothing until confirmed, so an audit failure leaves it in place (harmless) and fails.
  await audit('success');
  return { secret, otpauthUri: otpauthUri(ISSUER, email, secret) };
};

/**
 * Confirms a pending enrolment with a first code from the app: it becomes `active` (that code's
 * step used up) and the account gets `RECOVERY_CODE_COUNT` recovery codes, returned this once and
 * stored as hashes. A wrong code is `400 invalid_code` and counts toward the lockout (429); `409 mfa_not_pending` without a
 * pending enrolment. Audited as `mfa.activate`; if that append fails the activation is undone.
 */
export const confirmTotpEnrolment = async (deps: MfaEnrolmentDeps, caller: Caller, code: string, meta: RequestMeta): Promise<{ recoveryCodes: string[] }> => {
  const audit = auditor(deps, caller, meta, 'mfa.activate');
  const user = await activeUser(deps, caller, audit);
  const enrolment = await deps.mfa.get(user.id);
  if (enrolment?.status !== 'pending') {
    await audit('failure', 'mfa_not_pending');
    throw new ConflictError('There is no enrolment to confirm: start one first.', 'mfa_not_pending');
  }
  await claimCodeAttempt(deps, user.id).catch(async (error: unknown) => {
    await audit('denied', 'locked_out');
    throw error;
  });
  const step = await matchingStep(deps, user.id, enrolment, code);
  if (step === undefined) {
    await audit('failure', 'mfa_failed');
    throw new ValidationError('The code is incorrect.', undefined, 'invalid_code');
  }
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const hashes = recoveryCodes.map((recovery) => recoveryCodeHash(user.id, recovery));
  if (!(await deps.mfa.activate(user.id, enrolment.secretSealed, step, hashes))) {
    await audit('failure', 'mfa_not_pending');
    throw new ConflictError('The enrolment changed meanwhile: start again.', 'mfa_not_pending');
  }
  await clearWrongCodes(deps, user.id);
  try {
    await audit('success');
  } catch (error) {
    await deps.mfa.remove(user.id);
    throw error;
  }
  return { recoveryCodes };
};

/**
 * Turns MFA off with a current code or an unused recovery code. Refused (`403 mfa_mandatory`) for an
 * account whose roles require MFA; `409 mfa_not_enabled` without an active enrolment; a wrong code
 * counts toward the lockout. Audited as `mfa.disable`; if that append fails the enrolment is restored.
 */
export const disableMfa = async (deps: MfaEnrolmentDeps, caller: Caller, factor: SecondFactor, meta: RequestMeta): Promise<void> => {
  const audit = auditor(deps, caller, meta, 'mfa.disable');
  const user = await activeUser(deps, caller, audit);
  if (requiresMfa(user.roles)) {
    await audit('denied', 'mfa_mandatory');
    // Not a ForbiddenError: that one is audited again as `route.denied`, and a request writes one event.
    throw new CareBowError(403, 'mfa_mandatory', 'Your role requires two-factor authentication.');
  }
  const enrolment = await deps.mfa.get(user.id);
  if (enrolment?.status !== 'active') {
    await audit('failure', 'mfa_not_enabled');
    throw new ConflictError('Two-factor authentication is not enabled.', 'mfa_not_enabled');
  }
  await claimCodeAttempt(deps, user.id).catch(async (error: unknown) => {
    await audit('denied', 'locked_out');
    throw error;
  });
  if (!(await useSecondFactor(deps, user.id, enrolment, factor)).ok) {
    await audit('failure', 'mfa_failed');
    throw new ValidationError('The code is incorrect.', undefined, 'invalid_code');
  }
  const current = (await deps.mfa.get(user.id)) ?? enrolment;
  if (!(await deps.mfa.remove(user.id))) {
    await audit('failure', 'mfa_not_enabled');
    throw new ConflictError('Two-factor authentication is not enabled.', 'mfa_not_enabled');
  }
  await clearWrongCodes(deps, user.id);
  try {
    await audit('success');
  } catch (error) {
    await deps.mfa.restore(user.id, current);
    throw error;
  }
};
