import * as z from '../zod';
import { declared } from '../zod';

/** Every role CareBow knows. Only `patient` is ever self-chosen (at registration). */
/** `editor` writes the content library (issue 12); medical review stays with `provider`. */
export const ROLES = ['patient', 'caregiver', 'provider', 'admin', 'compliance', 'editor'] as const;
export type Role = (typeof ROLES)[number];
/** Built only in the functions whose contracts list roles (`declared`, ADR 0022): every route imports this module. */
export const RoleSchema = /* @__PURE__ */ declared(() => z.enum(ROLES));

/** Who administers accounts and verifies practitioners (only the operator CLI makes an admin). */
export const ADMIN_ROLES: readonly Role[] = ['admin'];

/** Who reads and verifies the audit trail. */
export const COMPLIANCE_ROLES: readonly Role[] = ['compliance'];

/** Roles that may read another patient's PHI, and only under that patient's consent. */
export const CARE_TEAM_ROLES: readonly Role[] = ['caregiver', 'provider'];

/** The role a self-registered account gets, and the only one it can get without an admin. */
export const SELF_REGISTERED_ROLE: Role = 'patient';

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
