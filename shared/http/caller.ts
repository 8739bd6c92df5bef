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
  if (typeof userId !== 'string' || userId.length === 0) return undefined;
  const groups = typeof context?.['groups'] === 'string' ? context['groups'] : '';
  return {
    userId,
    roles: groups.split(',').filter(isRole),
    clientId: String(context?.['clientId'] ?? ''),
    tokenId: String(context?.['jti'] ?? ''),
  };
};

/** Enforces a route's `access` line: 401 without a caller, 403 without one of its roles. */
export const authorize = (access: Access, caller: Caller | undefined): void => {
  if ('public' in access) return;
  if (caller === undefined) throw new UnauthorizedError();
  if (!caller.roles.some((role) => access.roles.includes(role))) throw new ForbiddenError();
};
