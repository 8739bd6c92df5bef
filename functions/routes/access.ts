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

/** Symptom sessions and chats read and write sealed PHI and queue work for the worker. */
export const SESSION_WRITE = { ...OPEN_PHI, tables: { ...OPEN_PHI.tables, records: 'readWrite' }, triageQueue: 'send' } as const;
export const SESSION_READ = { ...OPEN_PHI, tables: { ...OPEN_PHI.tables, records: 'read' } } as const;
/** Bodies that carry symptoms. */
export const SYMPTOMS_BODY = 32 * 1024;
/**
 * Functions that run the rules engine ship its tables beside the bundle (shared/triage/rules/tables.ts);
 * relative to a handler folder under `functions/`. The triage worker (lib/triage.ts) ships them too.
 */
export const RULE_TABLES = ['../../shared/triage/rules/triage-rules.generated.json'] as const;
/** The triage worker ships the rule tables and the model's answer schema (lib/triage.ts). */
export const WORKER_FILES = [...RULE_TABLES, '../../shared/adapters/openai/triage-wire-schema.generated.json'] as const;
