import { mfaConfirm as route } from '../routes/identity-mfa';
import { httpRoute } from '../../shared/http/http-route';
import { confirmTotpEnrolment } from '../../shared/identity/mfa-enrolment';
import { users, auditLog, sealingVault, clock, loginAttempts, mfaStore } from '../../shared/runtime/composition';

const deps = { users: users(), audit: auditLog(), vault: sealingVault(), clock, loginAttempts: loginAttempts(), mfa: mfaStore() };

/** POST /api/v1/me/mfa/totp/confirm: a first code activates MFA; the recovery codes are returned this once. */
export const handler = httpRoute(route, async ({ body, caller, meta }) => ({ body: await confirmTotpEnrolment(deps, caller, body.code, meta) }), {
  audit: deps.audit,
});
