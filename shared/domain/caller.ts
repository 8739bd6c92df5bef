import type { Role } from './roles';

/** The authenticated caller, as the authorizer vouched for it. */
export interface Caller {
  readonly userId: string;
  readonly roles: readonly Role[];
  readonly clientId: string;
  readonly tokenId: string;
}

/** Facts about one request that use cases record in audit events (never PHI). */
export interface RequestMeta {
  readonly requestId: string;
  readonly sourceIp: string;
  readonly userAgent?: string;
}
