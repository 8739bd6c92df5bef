import { PUBLISHERS, REVIEWERS, WRITERS } from '../../shared/content/ports';
import { PRACTITIONER_KINDS } from '../../shared/contracts/care-bounds';
import { ADMIN_ROLES, CARE_TEAM_ROLES, COMPLIANCE_ROLES, ROLES } from '../../shared/domain/roles';
import type { RoleAccess } from '../../shared/http/route';

/** Who may call what: the access column of the route table (public routes use `PUBLIC`). */
export const ANY_USER: RoleAccess = { roles: ROLES };
export const ADMIN: RoleAccess = { roles: ADMIN_ROLES };
/** Every account keeps `patient`: these are the caller's own records. */
export const PATIENT: RoleAccess = { roles: ['patient'] };
/** Roles that may read another patient's PHI, and only under that patient's consent. */
export const CARE_TEAM: RoleAccess = { roles: CARE_TEAM_ROLES };
/** Providers alone: break-glass (a caregiver never breaks glass). */
export const PROVIDER: RoleAccess = { roles: ['provider'] };
export const COMPLIANCE: RoleAccess = { roles: COMPLIANCE_ROLES };
/** Providers and caregivers acting on their own practitioner profile (care). */
export const PRACTITIONER: RoleAccess = { roles: PRACTITIONER_KINDS };
/**
 * The content library (issue 12): editors write posts; editors and admins publish; providers review medical content.
 * The use cases check the same roles against the caller's account (`requireActiveAccount`).
 */
export const EDITOR: RoleAccess = { roles: WRITERS };
export const EDITORIAL: RoleAccess = { roles: PUBLISHERS };
/** Who reads working copies: the editorial roles, and providers (the reviewers). */
export const CONTENT_READERS: RoleAccess = { roles: ['editor', 'admin', 'provider'] };
export const REVIEWER: RoleAccess = { roles: REVIEWERS };
/**
 * MFA (docs/adr/0015-mfa.md). Sensitive routes (role changes, the audit trail, break-glass) need a
 * one-time password in this session (`otp`); `enrol` lets an account that must enrol in MFA and has
 * not yet reach its enrolment and its own account.
 */
export const ANY_USER_ENROLLING: RoleAccess = { roles: ROLES, mfa: 'enrol' };
export const ADMIN_OTP: RoleAccess = { roles: ADMIN_ROLES, mfa: 'otp' };
export const COMPLIANCE_OTP: RoleAccess = { roles: COMPLIANCE_ROLES, mfa: 'otp' };
export const PROVIDER_OTP: RoleAccess = { roles: ['provider'], mfa: 'otp' };
