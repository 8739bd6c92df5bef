// biome-ignore-all format: one line per route, so the table reads as a table
import { PUBLIC, route, routeTable } from '../../shared/http/route';
import { TokenPair } from '../../shared/contracts/identity';
import { MfaConfirmRequest, MfaConfirmResponse, MfaDisableRequest, MfaEnrolResponse, MfaLoginRequest } from '../../shared/contracts/identity-mfa';
import { ANY_USER, ANY_USER_ENROLLING } from './access';
import { AUTH_THROTTLE } from './limits';

/**
 * Identity's MFA routes (docs/adr/0015-mfa.md): the second step of a login, and enrolling and
 * disabling TOTP. A module of its own so the other identity routes do not bundle its schemas.
 */
export const loginMfa = /* @__PURE__ */ route('loginMfa', 'POST /api/v1/auth/mfa', 'identity/login-mfa', PUBLIC, { summary: 'Complete a login with a TOTP or recovery code', body: MfaLoginRequest, response: TokenPair, status: 200, throttle: AUTH_THROTTLE, grants: { tables: { identity: 'readWrite', audit: 'append', sessions: 'readWrite', keys: 'read' }, dataKeys: 'decrypt', blindIndexSecret: true, tokenSigningKey: 'sign', notificationsQueue: 'send' } });
export const mfaEnrol = /* @__PURE__ */ route('mfaEnrol', 'POST /api/v1/me/mfa/totp', 'identity/mfa-enrol', ANY_USER_ENROLLING, { summary: 'Start a TOTP enrolment (returns the secret once)', response: MfaEnrolResponse, status: 201, throttle: AUTH_THROTTLE, grants: { tables: { identity: 'readWrite', audit: 'append', keys: 'read' }, dataKeys: 'decrypt' } });
export const mfaConfirm = /* @__PURE__ */ route('mfaConfirm', 'POST /api/v1/me/mfa/totp/confirm', 'identity/mfa-confirm', ANY_USER_ENROLLING, { summary: 'Confirm the TOTP enrolment with a first code (returns recovery codes once)', body: MfaConfirmRequest, response: MfaConfirmResponse, status: 200, throttle: AUTH_THROTTLE, grants: { tables: { identity: 'readWrite', audit: 'append', keys: 'read' }, dataKeys: 'decrypt' } });
export const mfaDisable = /* @__PURE__ */ route('mfaDisable', 'DELETE /api/v1/me/mfa', 'identity/mfa-disable', ANY_USER, { summary: 'Turn MFA off with a current or recovery code (patients only)', body: MfaDisableRequest, status: 204, throttle: AUTH_THROTTLE, grants: { tables: { identity: 'readWrite', audit: 'append', keys: 'read' }, dataKeys: 'decrypt' } });

export const mfaRoutes = /* @__PURE__ */ routeTable([loginMfa, mfaEnrol, mfaConfirm, mfaDisable]);
