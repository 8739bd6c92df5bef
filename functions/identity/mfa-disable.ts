import { mfaDisable as route } from '../routes/identity-mfa';
import { httpRoute } from '../../shared/http/http-route';
import { disableMfa } from '../../shared/identity/mfa-enrolment';
import { users, auditLog, sealingVault, clock, loginAttempts, mfaStore } from '../../shared/runtime/composition';

const deps = { users: users(), audit: auditLog(), vault: sealingVault(), clock, loginAttempts: loginAttempts(), mfa: mfaStore() };

/** DELETE /api/v1/me/mfa: a current or recovery code turns MFA off (not for roles that require it). */
export const handler = httpRoute(
  route,
  async ({ body, caller, meta }) => {
    await disableMfa(deps, caller, body, meta);
    return {};
  },
  { audit: deps.audit },
);
