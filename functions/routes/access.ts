import { ROLES } from '../../shared/domain/roles';
import type { RoleAccess } from '../../shared/http/route';

/** Who may call what: the access column of the route table (public routes use `PUBLIC`). */
export const ANY_USER: RoleAccess = { roles: ROLES };
export const ADMIN: RoleAccess = { roles: ['admin'] };
/** Every account keeps `patient`: these are the caller's own records. */
export const PATIENT: RoleAccess = { roles: ['patient'] };
/** Roles that may read another patient's PHI, and only under that patient's consent. */
export const CARE_TEAM: RoleAccess = { roles: ['caregiver', 'provider'] };
export const COMPLIANCE: RoleAccess = { roles: ['compliance'] };
/** Providers and caregivers acting on their own practitioner profile (care). */
export const PRACTITIONER: RoleAccess = { roles: ['provider', 'caregiver'] };
