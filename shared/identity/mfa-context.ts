import { AMR_OTP, requiresMfa } from '../domain/mfa-policy';
import { isRole } from '../domain/roles';

/**
 * What the authorizer tells every route about the second factor, as strings (API Gateway context):
 * `amr` comma-separated (RFC 8176), and `mfa`: `otp` when the session used a one-time password,
 * `enrol` when the token's roles require MFA and it did not (the account may only enrol), else
 * empty. `authorize` (shared/http/caller.ts) reads `mfa` alone: decided here once, no route
 * bundles the list of roles that require MFA.
 *
 * @example
 * mfaContext({ groups: ['provider'], amr: ['pwd'] }) // { amr: 'pwd', mfa: 'enrol' }
 */
export const mfaContext = (caller: { readonly groups: readonly string[]; readonly amr: readonly string[] }): { amr: string; mfa: '' | 'otp' | 'enrol' } => ({
  amr: caller.amr.join(','),
  mfa: caller.amr.includes(AMR_OTP) ? 'otp' : requiresMfa(caller.groups.filter(isRole)) ? 'enrol' : '',
});
