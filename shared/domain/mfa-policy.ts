import type { Role } from './roles';

/**
 * Who must use a second factor, and how a session says it did. `amr` (RFC 8176 Authentication
 * Method Reference values) is carried by the access token and kept by its refresh-token family.
 */
export const AMR_PASSWORD = 'pwd';
export const AMR_OTP = 'otp';
/** A login with the password only. */
export const PASSWORD_ONLY: readonly string[] = [AMR_PASSWORD];
/** A login with the password and a TOTP or recovery code (both count as a one-time password). */
export const PASSWORD_AND_OTP: readonly string[] = [AMR_PASSWORD, AMR_OTP];

/** Roles that reach other people's data or the whole system: their accounts must enrol in MFA. */
export const MFA_REQUIRED_ROLES: readonly Role[] = ['provider', 'caregiver', 'editor', 'admin', 'compliance'];

/** True if an account with `roles` must use MFA (patients may, nobody else may skip it). */
export const requiresMfa = (roles: readonly Role[]): boolean => roles.some((role) => MFA_REQUIRED_ROLES.includes(role));
