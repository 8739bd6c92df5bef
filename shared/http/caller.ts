import type { APIGatewayProxyEvent } from 'aws-lambda';
import { isRole } from '../domain/roles';
import { ForbiddenError, UnauthorizedError } from '../errors';
import type { Access } from './route';
import type { Caller } from '../domain/caller';
/**
 * The caller the authorizer vouched for. API Gateway passes the authorizer's context as strings;
 * `groups` is comma-separated. Missing context on a protected route means the request did not
 * pass the authorizer, so it is refused.
 */
export const callerFrom = (event: APIGatewayProxyEvent): Caller | undefined => {
  const context = event.requestContext?.authorizer;
  const userId = context?.['sub'];
  if (typeof userId !== 'string' || !userId) return undefined;
  return {
    userId,
    roles: String(context?.['groups'] ?? '')
      .split(',')
      .filter(isRole),
    clientId: String(context?.['clientId'] ?? ''),
    tokenId: String(context?.['jti'] ?? ''),
    mfa: String(context?.['mfa'] ?? ''),
  };
};

/**
 * Enforces a route's `access` line: 401 without a caller, 403 without one of its roles, 403
 * `mfa_required` on a sensitive route without a one-time password in this session, and 403
 * `mfa_enrolment_required` for an account that must use MFA and has not (it may only enrol).
 */
export const authorize = (access: Access, caller: Caller | undefined): void => {
  if ('public' in access) return;
  if (caller === undefined) throw new UnauthorizedError();
  if (!caller.roles.some((role) => access.roles.includes(role))) throw new ForbiddenError();
  // Kept tiny (every route bundles it): the authorizer read the token's roles and amr into `mfa` (shared/identity/mfa-context.ts).
  const need = access.mfa;
  if (need !== 'enrol' && caller.mfa !== 'otp' && (need || caller.mfa === 'enrol'))
    throw new ForbiddenError(undefined, need ? 'mfa_required' : 'mfa_enrolment_required');
};
