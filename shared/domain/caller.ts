import type { Role } from './roles';

/** The authenticated caller, as the authorizer vouched for it. */
export interface Caller {
  readonly userId: string;
  readonly roles: readonly Role[];
  readonly clientId: string;
  readonly tokenId: string;
  /**
   * The second factor, as the authorizer read it from the token (shared/identity/mfa-context.ts):
   * `otp` if this session used one, `enrol` if the roles require MFA and it did not, else empty.
   */
  readonly mfa?: string;
}

/** Facts about one request that use cases record in audit events (never PHI). */
export interface RequestMeta {
  readonly requestId: string;
  readonly sourceIp: string;
  readonly userAgent?: string;
}
