import { ROLES } from '../shared/domain/roles';
import { PUBLIC, route, type Access, type Throttle } from '../shared/http/route';
import { DetailedHealthResponse, HealthResponse } from '../shared/contracts/health';
import {
  LoginRequest, LogoutRequest, MeResponse, RefreshRequest, RegisterRequest, RegisterResponse, TokenPair,
} from '../shared/contracts/identity';
import { JwksResponse, OpenApiDocument, OpenIdConfiguration } from '../shared/contracts/well-known';

/**
 * THE route table. Every route exists once, here: the CDK API (one function per line), the
 * local server, the OpenAPI document and the authorization tests are all derived from it.
 * A route missing from this table does not exist anywhere.
 */

const ANY_USER: Access = { roles: ROLES };
const ADMIN: Access = { roles: ['admin'] };

/** Credential routes are what attackers hammer: tighter than the stage's default. */
const AUTH_THROTTLE: Throttle = { rateLimit: 10, burstLimit: 20 };

const IDENTITY_WRITE = { identity: 'readWrite', audit: 'append' } as const;

export const routes = {
  health: route('GET /api/v1/health', 'health/health', PUBLIC, { summary: 'Liveness', response: HealthResponse }),
  healthDetailed: route('GET /api/v1/health/detailed', 'health/detailed', ADMIN, { summary: 'Dependency status', response: DetailedHealthResponse, grants: { describeTables: ['identity', 'sessions', 'audit'], tokenSigningKey: 'describe', triageQueue: 'probe' } }),
  register: route('POST /api/v1/auth/register', 'auth/register', PUBLIC, { summary: 'Create a patient account', body: RegisterRequest, response: RegisterResponse, throttle: AUTH_THROTTLE, grants: { tables: IDENTITY_WRITE, blindIndexSecret: true } }),
  login: route('POST /api/v1/auth/login', 'auth/login', PUBLIC, { summary: 'Exchange credentials for tokens', body: LoginRequest, response: TokenPair, status: 200, throttle: AUTH_THROTTLE, grants: { tables: { ...IDENTITY_WRITE, sessions: 'readWrite' }, blindIndexSecret: true, tokenSigningKey: 'sign' } }),
  refresh: route('POST /api/v1/auth/refresh', 'auth/refresh', PUBLIC, { summary: 'Rotate a refresh token', body: RefreshRequest, response: TokenPair, status: 200, throttle: AUTH_THROTTLE, grants: { tables: { identity: 'read', sessions: 'readWrite', audit: 'append' }, tokenSigningKey: 'sign' } }),
  logout: route('POST /api/v1/auth/logout', 'auth/logout', PUBLIC, { summary: 'Revoke a refresh-token family', body: LogoutRequest, status: 204, throttle: AUTH_THROTTLE, grants: { tables: { sessions: 'readWrite', audit: 'append' } } }),
  me: route('GET /api/v1/me', 'auth/me', ANY_USER, { summary: 'The caller’s account', response: MeResponse, grants: { tables: { identity: 'read', audit: 'append' } } }),
  jwks: route('GET /.well-known/jwks.json', 'wellknown/jwks', PUBLIC, { summary: 'Token signing public keys', response: JwksResponse, grants: { tokenSigningKey: 'publicKey' } }),
  openidConfiguration: route('GET /.well-known/openid-configuration', 'wellknown/openid-configuration', PUBLIC, { summary: 'Issuer discovery', response: OpenIdConfiguration }),
  openapi: route('GET /api/v1/openapi.json', 'wellknown/openapi', PUBLIC, { summary: 'This API’s OpenAPI document', response: OpenApiDocument }),
} as const;

export type RouteId = keyof typeof routes;
export const ROUTE_IDS = Object.keys(routes) as RouteId[];
