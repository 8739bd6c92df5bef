/**
 * The canonical form of an e-mail address for uniqueness and lookup: trimmed, Unicode-NFKC,
 * lower-cased. (Local parts are case-sensitive by RFC 5321, but no real provider treats them so,
 * and two accounts differing only in case would be a support and security hazard.)
 */
export const normalizeEmail = (email: string): string => email.normalize('NFKC').trim().toLowerCase();
