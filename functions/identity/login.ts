import { login as route } from '../routes/identity';
import { httpRoute } from '../../shared/http/http-route';
import { login } from '../../shared/identity/login';
import {
  users,
  loginAttempts,
  refreshFamilies,
  auditLog,
  signer,
  blindIndex,
  passwords,
  clock,
  tokenSettings,
  knownDevices,
  notificationQueue,
  mfaReader,
  mfaChallenges,
} from '../../shared/runtime/composition';

const deps = {
  users: users(),
  loginAttempts: loginAttempts(),
  refreshFamilies: refreshFamilies(),
  audit: auditLog(),
  signer: signer(),
  blindIndex: blindIndex(),
  passwords: passwords(),
  clock,
  tokens: tokenSettings(),
  knownDevices: knownDevices(),
  notifications: notificationQueue(),
  mfa: mfaReader(),
  mfaChallenges: mfaChallenges(),
};

/** POST /api/v1/auth/login: credentials for a token pair (or, MFA enrolled, a challenge); a new device's login queues a security e-mail. */
export const handler = httpRoute(route, async ({ body, meta }) => ({
  body: await login(deps, body, meta),
}));
