import * as z from '../zod';
import { declared } from '../zod';
import { ROLES, RoleSchema } from '../domain/roles';
import { Id, Instant, list, text } from './common';

/** Schemas of the identity routes: request bodies are strict (unknown fields → 400). */

const Email = /* @__PURE__ */ declared(() => z.pipe(z.string().check(z.trim(), z.maxLength(254)), z.email()));
/** Bounded far above any passphrase, far below what would make scrypt costly to call. */
const Password = /* @__PURE__ */ declared(() => z.string().check(z.minLength(1), z.maxLength(256)));

export const RegisterRequest = /* @__PURE__ */ z
  .strictObject({
    email: Email,
    password: Password,
    name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(120))),
  })
  .register(z.globalRegistry, { id: 'RegisterRequest' });

/** An account's roles: distinct, so at most every role. */
const Roles = /* @__PURE__ */ declared(() => list(RoleSchema, ROLES.length));

export const PublicUser = /* @__PURE__ */ z.object({ id: Id, email: text(254), roles: Roles }).register(z.globalRegistry, { id: 'PublicUser' });

export const RegisterResponse = /* @__PURE__ */ z.object({ user: PublicUser }).register(z.globalRegistry, { id: 'RegisterResponse' });

export const LoginRequest = /* @__PURE__ */ z.strictObject({ email: Email, password: Password }).register(z.globalRegistry, { id: 'LoginRequest' });

export const TokenPair = /* @__PURE__ */ z
  .object({
    /** An ES256 JWT: a few hundred bytes plus the issuer URL. */
    accessToken: text(8192),
    refreshToken: text(256),
    tokenType: z.literal('Bearer'),
    /** Seconds; ACCESS_TOKEN_TTL_SECONDS, at most 900. */
    expiresIn: z.int().check(z.gte(1), z.lte(900)),
  })
  .register(z.globalRegistry, { id: 'TokenPair' });

/** Opaque refresh token: `rt1.<familyId>.<secret>`, both base64url. */
export const RefreshRequest = /* @__PURE__ */ z
  .strictObject({ refreshToken: z.string().check(z.minLength(1), z.maxLength(256)) })
  .register(z.globalRegistry, { id: 'RefreshRequest' });

export const LogoutRequest = /* @__PURE__ */ z
  .strictObject({ refreshToken: z.string().check(z.minLength(1), z.maxLength(256)) })
  .register(z.globalRegistry, { id: 'LogoutRequest' });

/** The caller's current password, and the one to replace it (checked against the registration policy). */
export const PasswordChangeRequest = /* @__PURE__ */ z
  .strictObject({ currentPassword: Password, newPassword: Password })
  .register(z.globalRegistry, { id: 'PasswordChangeRequest' });

export const MeResponse = /* @__PURE__ */ z
  .object({ id: Id, email: text(254), roles: Roles, createdAt: Instant })
  .register(z.globalRegistry, { id: 'MeResponse' });

/** Roles an admin may give over HTTP (`editor` writes the content library); `admin` and `compliance` only through the operator CLI. */
export const ASSIGNABLE_ROLES = ['caregiver', 'provider', 'editor'] as const;

export const RoleChangeRequest = /* @__PURE__ */ z
  .strictObject({ action: z.enum(['grant', 'revoke']), role: z.enum(ASSIGNABLE_ROLES) })
  .register(z.globalRegistry, { id: 'RoleChangeRequest' });

export const RoleChangeResponse = /* @__PURE__ */ z.object({ id: Id, roles: Roles }).register(z.globalRegistry, { id: 'RoleChangeResponse' });
