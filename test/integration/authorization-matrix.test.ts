import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';
import { ROLES, type Role } from '../../shared/domain/roles';
import { requiresMfa } from '../../shared/domain/mfa-policy';
import { isPublic, type RouteDef } from '../../shared/http/route';
import { startTestBackend, type TestBackend } from '../helpers/test-backend';
import { accountHolding } from '../helpers/admin';
import { tokenFor } from '../helpers/tokens';

/**
 * docs/security.md #3, #17: a role × route matrix generated from the route table. A role outside a
 * route's `access` line gets 403 and one audit event; a role inside it is never refused for its role
 * and never gets a 5xx (made-up ids and empty bodies may give 4xx); no token is 401.
 */
let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(async () => {
  await backend?.stop();
});

/** What an allowed caller may get for made-up ids and an empty body, besides a 2xx. */
const REFUSALS_OF_MADE_UP_INPUT = [400, 404, 409, 412, 422, 429];

const concretePath = (route: RouteDef): string => route.path.replace(/\{\w+\}/g, () => randomUUID());
const protectedRoutes = Object.entries(routes).filter(([, route]) => !isPublic(route.access));
const cases = protectedRoutes.flatMap(([id, route]) => ROLES.map((role) => [id, role, route] as [string, Role, RouteDef]));

describe('Route table: authorization matrix', () => {
  it.each(cases)('%s as %s follows the access line', async (_id, role, route) => {
    // Prepare
    const allowed = 'roles' in route.access && route.access.roles.includes(role);
    // An allowed caller is a registered account (with its data key) holding the role, as every first-party token's
    // subject is: writes check the account's roles too (shared/audit/active-account.ts).
    const subject = allowed ? (await accountHolding(backend, role)).userId : randomUUID();
    const token = await tokenFor(backend.dataDir, subject, [role]);

    // Act
    const response = await backend.call(route.method, concretePath(route), { token, ...(route.body ? { body: {} } : {}) });

    // Assess
    if (allowed) {
      // Made-up ids and an empty body may be refused, never for the role (401, 403) and never with a crash (5xx).
      const answered = response.status >= 200 && response.status < 300;
      expect(
        answered || REFUSALS_OF_MADE_UP_INPUT.includes(response.status),
        `${route.method} ${route.path} as ${role}: ${response.status} ${response.text}`,
      ).toBe(true);
    } else {
      expect(response.status).toBe(403);
      // The subject is new to this case: everything it ever caused is this one denial.
      expect(await backend.auditOf(subject)).toEqual([
        expect.objectContaining({
          action: 'route.denied',
          outcome: 'denied',
          resource: { type: 'route', id: _id },
          requestId: response.headers.get('x-request-id'),
        }),
      ]);
    }
  });

  // docs/security.md #29: the same matrix for a password-only session (`amr: ['pwd']`), each role where its access line allows it.
  const allowedCases = cases.filter(([, role, route]) => 'roles' in route.access && route.access.roles.includes(role));
  it.each(allowedCases)('%s as %s with a password-only session follows the MFA rules', async (_id, role, route) => {
    // Prepare
    const access = route.access as { mfa?: 'otp' | 'enrol' };
    const expected = access.mfa === 'otp' ? 'mfa_required' : access.mfa !== 'enrol' && requiresMfa([role]) ? 'mfa_enrolment_required' : undefined;
    const token = await tokenFor(backend.dataDir, randomUUID(), [role], ['pwd']);

    // Act
    const response = await backend.call(route.method, concretePath(route), { token, ...(route.body ? { body: {} } : {}) });

    // Assess
    if (expected !== undefined) expect([response.status, response.json?.error?.code]).toEqual([403, expected]);
    else expect(response.json?.error?.code ?? 'none', `${route.method} ${route.path} as ${role}`).not.toMatch(/^mfa_(required|enrolment_required)$/);
  });

  it.each(protectedRoutes)('%s without a token is 401', async (_id, route) => {
    const response = await backend.call(route.method, concretePath(route));
    expect(response.status).toBe(401);
  });

  it('lets a token with no known role call nothing protected', async () => {
    const token = await tokenFor(backend.dataDir, randomUUID(), []);
    for (const [, route] of protectedRoutes) expect((await backend.call(route.method, concretePath(route), { token })).status).toBe(403);
  });
});
