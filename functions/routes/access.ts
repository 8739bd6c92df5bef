import { ROLES } from '../../shared/domain/roles';
import type { RoleAccess } from '../../shared/http/route';

/** Who may call what: the access column of the route table (public routes use `PUBLIC`). */
export const ANY_USER: RoleAccess = { roles: ROLES };
export const ADMIN: RoleAccess = { roles: ['admin'] };
/** Every account keeps `patient`: these are the caller's own records. */
export const PATIENT: RoleAccess = { roles: ['patient'] };
/** Roles that may read another patient's PHI, and only under that patient's consent. */
export const CARE_TEAM: RoleAccess = { roles: ['caregiver', 'provider'] };
/** Providers alone: break-glass (a caregiver never breaks glass). */
export const PROVIDER: RoleAccess = { roles: ['provider'] };
export const COMPLIANCE: RoleAccess = { roles: ['compliance'] };
/** Providers and caregivers acting on their own practitioner profile (care). */
export const PRACTITIONER: RoleAccess = { roles: ['provider', 'caregiver'] };
/** The content library (issue 12): editors write posts; editors and admins publish; providers review medical content. */
export const EDITOR: RoleAccess = { roles: ['editor'] };
export const EDITORIAL: RoleAccess = { roles: ['editor', 'admin'] };
/** Who reads working copies: the editorial roles, and providers (the reviewers). */
export const CONTENT_READERS: RoleAccess = { roles: ['editor', 'admin', 'provider'] };
export const REVIEWER: RoleAccess = { roles: ['provider'] };
