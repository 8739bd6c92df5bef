import { z } from 'zod';
import { RoleSchema } from '../domain/roles';

/** Schemas of the identity routes: request bodies are strict (unknown fields → 400). */

const Email = z.string().trim().max(254).pipe(z.email());
/** Bounded far above any passphrase, far below what would make scrypt costly to call. */
const Password = z.string().min(1).max(256);

export const RegisterRequest = z
  .strictObject({
    email: Email,
    password: Password,
    name: z.string().trim().min(1).max(120).optional(),
  })
  .meta({ id: 'RegisterRequest' });

export const PublicUser = z
  .object({ id: z.uuid(), email: z.string(), roles: z.array(RoleSchema) })
  .meta({ id: 'PublicUser' });

export const RegisterResponse = z.object({ user: PublicUser }).meta({ id: 'RegisterResponse' });

export const LoginRequest = z.strictObject({ email: Email, password: Password }).meta({ id: 'LoginRequest' });

export const TokenPair = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int(),
  })
  .meta({ id: 'TokenPair' });

/** Opaque refresh token: `<familyId>.<secret>`, both base64url. */
export const RefreshRequest = z
  .strictObject({ refreshToken: z.string().min(1).max(256) })
  .meta({ id: 'RefreshRequest' });

export const LogoutRequest = RefreshRequest.meta({ id: 'LogoutRequest' });

export const MeResponse = z
  .object({ id: z.uuid(), email: z.string(), roles: z.array(RoleSchema), createdAt: z.iso.datetime() })
  .meta({ id: 'MeResponse' });
