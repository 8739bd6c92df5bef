import * as z from '../zod';
import { text } from './common';

/**
 * A login's answer: the token pair, or for an account with MFA `{ mfa_required: true, challenge,
 * expiresIn }` for `POST /api/v1/auth/mfa`. One object with optional fields, not a union: a zod
 * union costs every identity function about 1.3 KB of bundle (they all bundle this table's schemas).
 */
export const LoginResponse = /* @__PURE__ */ z
  .object({
    accessToken: z.optional(text(8192)),
    refreshToken: z.optional(text(256)),
    tokenType: z.optional(z.literal('Bearer')),
    /** Seconds the access token, or the challenge, stays valid. */
    expiresIn: z.int().check(z.gte(1), z.lte(900)),
    mfa_required: z.optional(z.literal(true)),
    /** `mc1.` and 43 base64url characters: single use, five minutes. */
    challenge: z.optional(text(64)),
  })
  .register(z.globalRegistry, { id: 'LoginResponse' });
