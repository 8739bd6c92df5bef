import * as z from '../zod';
import { RoleSchema } from '../domain/roles';

/** Schemas of the identity routes: request bodies are strict (unknown fields → 400). */

const Email = z.pipe(z.string().check(z.trim(), z.maxLength(254)), z.email());
/** Bounded far above any passphrase, far below what would make scrypt costly to call. */
const Password = z.string().check(z.minLength(1), z.maxLength(256));

export const RegisterRequest = z
  .strictObject({
    email: Email,
    password: Password,
    name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(120))),
  })
  .register(z.globalRegistry, { id: 'RegisterRequest' });

export const PublicUser = z
  .object({ id: z.uuid(), email: z.string(), roles: z.array(RoleSchema) })
  .register(z.globalRegistry, { id: 'PublicUser' });

export const RegisterResponse = z.object({ user: PublicUser }).register(z.globalRegistry, { id: 'RegisterResponse' });

export const LoginRequest = z.strictObject({ email: Email, password: Password }).register(z.globalRegistry, { id: 'LoginRequest' });

export const TokenPair = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.int(),
  })
  .register(z.globalRegistry, { id: 'TokenPair' });

/** Opaque refresh token: `rt1.<familyId>.<secret>`, both base64url. */
export const RefreshRequest = z
  .strictObject({ refreshToken: z.string().check(z.minLength(1), z.maxLength(256)) })
  .register(z.globalRegistry, { id: 'RefreshRequest' });

export const LogoutRequest = z
  .strictObject({ refreshToken: z.string().check(z.minLength(1), z.maxLength(256)) })
  .register(z.globalRegistry, { id: 'LogoutRequest' });

export const MeResponse = z
  .object({ id: z.uuid(), email: z.string(), roles: z.array(RoleSchema), createdAt: z.iso.datetime() })
  .register(z.globalRegistry, { id: 'MeResponse' });

/** Roles an admin may give over HTTP; `admin` and `compliance` only through the operator CLI. */
export const ASSIGNABLE_ROLES = ['caregiver', 'provider'] as const;

export const RoleChangeRequest = z
  .strictObject({ action: z.enum(['grant', 'revoke']), role: z.enum(ASSIGNABLE_ROLES) })
  .register(z.globalRegistry, { id: 'RoleChangeRequest' });

export const RoleChangeResponse = z.object({ id: z.uuid(), roles: z.array(RoleSchema) }).register(z.globalRegistry, { id: 'RoleChangeResponse' });
