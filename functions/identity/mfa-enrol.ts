import { mfaEnrol as route } from '../routes/identity-mfa';
import { httpRoute } from '../../shared/http/http-route';
import { startTotpEnrolment } from '../../shared/identity/mfa-enrolment';
import { users, auditLog, sealingVault, clock, loginAttempts, mfaStore } from '../../shared/runtime/composition';

const deps = { users: users(), audit: auditLog(), vault: sealingVault(), clock, loginAttempts: loginAttempts(), mfa: mfaStore() };

/** POST /api/v1/me/mfa/totp: a new TOTP secret, stored sealed and pending until confirmed. */
export const handler = httpRoute(route, async ({ caller, meta }) => ({ body: await startTotpEnrolment(deps, caller, meta) }), { audit: deps.audit });
