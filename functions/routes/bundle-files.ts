/**
 * Data files that ship beside a function's bundle (read at cold start, not bundled as code),
 * relative to a handler folder under `functions/`. Functions that run the rules engine ship its
 * tables (shared/triage/rules/tables.ts).
 */
export const RULE_TABLES = ['../../shared/triage/rules/triage-rules.generated.json', '../../shared/triage/rules/triage-phrases.generated.txt'] as const;
/** The triage worker ships the rule tables and the model's answer schema (lib/triage.ts). */
export const WORKER_FILES = [...RULE_TABLES, '../../shared/adapters/openai/triage-wire-schema.generated.json'] as const;
