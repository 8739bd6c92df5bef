import { loginMfa as route } from '../routes/identity-mfa';
import { httpRoute } from '../../shared/http/http-route';
import { completeMfaLogin } from '../../shared/identity/mfa-login';
import {
  users,
  loginAttempts,
  refreshFamilies,
  auditLog,
  signer,
  blindIndex,
  clock,
  tokenSettings,
  knownDevices,
  notificationQueue,
  sealingVault,
  mfaStore,
  mfaChallenges,
} from '../../shared/runtime/composition';

const deps = {
  users: users(),
  loginAttempts: loginAttempts(),
  refreshFamilies: refreshFamilies(),
  audit: auditLog(),
  signer: signer(),
  blindIndex: blindIndex(),
  clock,
  tokens: tokenSettings(),
  knownDevices: knownDevices(),
  notifications: notificationQueue(),
  vault: sealingVault(),
  mfa: mfaStore(),
  mfaChallenges: mfaChallenges(),
};

/** POST /api/v1/auth/mfa: the password step's challenge and a TOTP or recovery code for a token pair (`amr` pwd + otp). */
export const handler = httpRoute(route, async ({ body, meta }) => ({ body: await completeMfaLogin(deps, body, meta) }));
