import { PUBLIC, route } from '../../shared/http/route';
import {
  LoginRequest, LogoutRequest, MeResponse, RefreshRequest, RegisterRequest, RegisterResponse, TokenPair,
} from '../../shared/contracts/identity';
import { ANY_USER, AUTH_THROTTLE } from './access';

const IDENTITY_WRITE = { identity: 'readWrite', audit: 'append' } as const;

/** Identity routes: credentials and the caller's account. */
export const identityRoutes = {
  register: route('POST /api/v1/auth/register', 'auth/register', PUBLIC, { summary: 'Create a patient account', body: RegisterRequest, response: RegisterResponse, throttle: AUTH_THROTTLE, grants: { tables: { ...IDENTITY_WRITE, keys: 'readWrite' }, blindIndexSecret: true, dataKeys: 'generate' } }),
  login: route('POST /api/v1/auth/login', 'auth/login', PUBLIC, { summary: 'Exchange credentials for tokens', body: LoginRequest, response: TokenPair, status: 200, throttle: AUTH_THROTTLE, grants: { tables: { ...IDENTITY_WRITE, sessions: 'readWrite' }, blindIndexSecret: true, tokenSigningKey: 'sign' } }),
  refresh: route('POST /api/v1/auth/refresh', 'auth/refresh', PUBLIC, { summary: 'Rotate a refresh token', body: RefreshRequest, response: TokenPair, status: 200, throttle: AUTH_THROTTLE, grants: { tables: { identity: 'read', sessions: 'readWrite', audit: 'append' }, tokenSigningKey: 'sign' } }),
  logout: route('POST /api/v1/auth/logout', 'auth/logout', PUBLIC, { summary: 'Revoke a refresh-token family', body: LogoutRequest, status: 204, throttle: AUTH_THROTTLE, grants: { tables: { sessions: 'readWrite', audit: 'append' } } }),
  me: route('GET /api/v1/me', 'auth/me', ANY_USER, { summary: 'The caller’s account', response: MeResponse, grants: { tables: { identity: 'read', audit: 'append', keys: 'read' }, dataKeys: 'decrypt' } }),
} as const;
