import * as z from '../zod';
import { declared } from '../zod';
import { list, text } from './common';

/** Schemas of the MFA routes (docs/adr/0015-mfa.md): strict bodies, codes bounded to their exact shape. */

/** A 6-digit TOTP code from the authenticator app. */
const TotpCode = /* @__PURE__ */ declared(() => z.string().check(z.maxLength(6), z.regex(/^\d{6}$/)));
/** A recovery code as issued (`ABCD-EFGH-IJKL-MNOP`); dashes and case are forgiven. */
const RecoveryCode = /* @__PURE__ */ declared(() => z.string().check(z.maxLength(19), z.regex(/^[A-Za-z2-7-]{16,19}$/)));
/** The password step's challenge: `mc1.` and 43 base64url characters. */
const Challenge = /* @__PURE__ */ declared(() => z.string().check(z.minLength(1), z.maxLength(64)));

export const MfaEnrolResponse = /* @__PURE__ */ z
  .object({
    /** Base32, for typing into an authenticator app. */
    secret: text(64),
    /** `otpauth://totp/…`, for a QR code. */
    otpauthUri: text(512),
  })
  .register(z.globalRegistry, { id: 'MfaEnrolResponse' });

export const MfaConfirmRequest = /* @__PURE__ */ z.strictObject({ code: TotpCode }).register(z.globalRegistry, { id: 'MfaConfirmRequest' });

export const MfaConfirmResponse = /* @__PURE__ */ z.object({ recoveryCodes: list(text(19), 10) }).register(z.globalRegistry, { id: 'MfaConfirmResponse' });

/** Exactly one of a code and a recovery code: a refinement, not a union (a zod union costs every function that bundles it ~1.3 KB). */
const oneFactor = (value: { code?: string | undefined; recoveryCode?: string | undefined }): boolean =>
  (value.code === undefined) !== (value.recoveryCode === undefined);
const ONE_FACTOR = 'give either code or recoveryCode';

/** A current TOTP code, or one unused recovery code: exactly one of them. */
export const MfaDisableRequest = /* @__PURE__ */ z
  .strictObject({ code: z.optional(TotpCode), recoveryCode: z.optional(RecoveryCode) })
  .check(z.refine(oneFactor, ONE_FACTOR))
  .register(z.globalRegistry, { id: 'MfaDisableRequest' });

/** The second step of a login: the challenge and exactly one of a TOTP code or a recovery code. */
export const MfaLoginRequest = /* @__PURE__ */ z
  .strictObject({ challenge: Challenge, code: z.optional(TotpCode), recoveryCode: z.optional(RecoveryCode) })
  .check(z.refine(oneFactor, ONE_FACTOR))
  .register(z.globalRegistry, { id: 'MfaLoginRequest' });
