import { join } from 'node:path';

/**
 * Values planted in requests so the suite can prove they never reach a log line. Each is unique
 * enough that a hit is never a coincidence.
 */
export const CANARY = {
  password: 'canary-Passw0rd-7f3a9c1e-correct-horse',
  name: 'Canaryname Zq7Xv',
  emailLocalPart: 'canary.mail.b81f',
  /** A break-glass reason (free text, sealed in the grant): 20 to 500 characters. */
  breakGlassReason: 'Canaryreason-3e7d: found unconscious after a fall',
} as const;

export const canaryEmail = (suffix: string): string => `${CANARY.emailLocalPart}+${suffix}@example.org`;

/** Where every test worker and spawned server appends what it printed. */
export const CAPTURE_DIR = join(import.meta.dirname, '..', '..', '.carebow-test', 'captured-output');

/** Patterns that must never appear in captured output: canaries, tokens, auth headers. */
export const FORBIDDEN_IN_LOGS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'canary password', pattern: new RegExp(CANARY.password) },
  { name: 'canary name', pattern: new RegExp(CANARY.name) },
  { name: 'canary e-mail', pattern: new RegExp(CANARY.emailLocalPart.replace('.', '\\.')) },
  { name: 'canary break-glass reason', pattern: /Canaryreason-3e7d/ },
  { name: 'access token (JWT)', pattern: /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}/ },
  { name: 'refresh token', pattern: /rt1\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/ },
  { name: 'Authorization header', pattern: /authorization["']?\s*[:=]\s*["']?Bearer/i },
];
