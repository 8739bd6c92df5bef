import { passwordChange as route } from '../routes/identity';
import { httpRoute } from '../../shared/http/http-route';
import { changePassword } from '../../shared/identity/change-password';
import { users, familyRevoker, loginAttempts, auditLog, passwords, clock, sealingVault, notificationQueue } from '../../shared/runtime/composition';

const deps = {
  users: users(),
  loginAttempts: loginAttempts(),
  refreshFamilies: familyRevoker(),
  audit: auditLog(),
  passwords: passwords(),
  clock,
  vault: sealingVault(),
  notifications: notificationQueue(),
};

/** POST /api/v1/me/password: the current password for a new one; every session of the account is signed out. */
export const handler = httpRoute(
  route,
  async ({ body, caller, meta }) => {
    await changePassword(deps, caller, body, meta);
    return {};
  },
  { audit: deps.audit },
);
