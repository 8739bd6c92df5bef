// biome-ignore-all format: one line per route, so the table reads as a table
import { PUBLIC, route, routeTable } from '../../shared/http/route';
import { IdParams } from '../../shared/contracts/common';
import { RoleChangeRequest, RoleChangeResponse } from '../../shared/contracts/identity';
import { LoginRequest, LogoutRequest, MeResponse, RefreshRequest, RegisterRequest, RegisterResponse, TokenPair } from '../../shared/contracts/identity';
import { PasswordChangeRequest } from '../../shared/contracts/identity';
import { LoginResponse } from '../../shared/contracts/identity-login';
import { ADMIN_OTP, ANY_USER, ANY_USER_ENROLLING } from './access';
import { AUTH_THROTTLE } from './limits';

/** Identity routes: credentials, the caller's account, and role administration. */
export const register = /* @__PURE__ */ route('register', 'POST /api/v1/auth/register', 'identity/register', PUBLIC, { summary: 'Create a patient account', body: RegisterRequest, response: RegisterResponse, throttle: AUTH_THROTTLE, grants: { tables: { identity: 'readWrite', audit: 'append', keys: 'readWrite', content: 'readWrite' }, blindIndexSecret: true, dataKeys: 'generate' } });
export const login = /* @__PURE__ */ route('login', 'POST /api/v1/auth/login', 'identity/login', PUBLIC, { summary: 'Exchange credentials for tokens', body: LoginRequest, response: LoginResponse, status: 200, throttle: AUTH_THROTTLE, grants: { tables: { identity: 'readWrite', audit: 'append', sessions: 'readWrite' }, blindIndexSecret: true, tokenSigningKey: 'sign', notificationsQueue: 'send' } });
export const refresh = /* @__PURE__ */ route('refresh', 'POST /api/v1/auth/refresh', 'identity/refresh', PUBLIC, { summary: 'Rotate a refresh token', body: RefreshRequest, response: TokenPair, status: 200, throttle: AUTH_THROTTLE, grants: { tables: { identity: 'read', sessions: 'readWrite', audit: 'append' }, tokenSigningKey: 'sign' } });
export const logout = /* @__PURE__ */ route('logout', 'POST /api/v1/auth/logout', 'identity/logout', PUBLIC, { summary: 'Revoke a refresh-token family', body: LogoutRequest, status: 204, throttle: AUTH_THROTTLE, grants: { tables: { sessions: 'readWrite', audit: 'append' } } });
export const me = /* @__PURE__ */ route('me', 'GET /api/v1/me', 'identity/me', ANY_USER_ENROLLING, { summary: 'The caller’s account', response: MeResponse, grants: { tables: { identity: 'read', audit: 'append', keys: 'read' }, dataKeys: 'decrypt' } });
export const passwordChange = /* @__PURE__ */ route('passwordChange', 'POST /api/v1/me/password', 'identity/password-change', ANY_USER, { summary: 'Change the caller’s password (signs every session out)', body: PasswordChangeRequest, status: 204, throttle: AUTH_THROTTLE, grants: { tables: { keys: 'read', identity: 'readWrite', audit: 'append', sessions: 'readWrite' }, dataKeys: 'decrypt', notificationsQueue: 'send' } });
export const adminRoles = /* @__PURE__ */ route('adminRoles', 'POST /api/v1/admin/users/{id}/roles', 'identity/roles', ADMIN_OTP, { summary: 'Grant or revoke caregiver/provider', params: IdParams, body: RoleChangeRequest, response: RoleChangeResponse, status: 200, grants: { tables: { identity: 'readWrite' } } });

export const identityRoutes = /* @__PURE__ */ routeTable([register, login, refresh, logout, me, passwordChange, adminRoles]);
