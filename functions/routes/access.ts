import { ROLES } from '../../shared/domain/roles';
import type { Access, Throttle } from '../../shared/http/route';

/** Who may call what: the access lines of the route table. */
export const ANY_USER: Access = { roles: ROLES };
export const ADMIN: Access = { roles: ['admin'] };
/** Every account keeps `patient`: these are the caller's own records. */
export const PATIENT: Access = { roles: ['patient'] };
/** Roles that may read another patient's PHI, and only under that patient's consent. */
export const CARE_TEAM: Access = { roles: ['caregiver', 'provider'] };
export const COMPLIANCE: Access = { roles: ['compliance'] };

/** Credential routes are what attackers hammer: tighter than the stage's default. */
export const AUTH_THROTTLE: Throttle = { rateLimit: 10, burstLimit: 20 };

/** Opening and sealing a user's PHI: their wrapped data key, unwrapped by KMS. */
export const OPEN_PHI = { tables: { keys: 'read' }, dataKeys: 'decrypt' } as const;
