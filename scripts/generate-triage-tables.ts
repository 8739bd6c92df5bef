/**
 * Writes the triage rule and phrase tables (`shared/triage/rules/concepts.ts`, `rules.ts`) as
 * JSON data for the engine to load at cold start (`npm run generate:triage`); see `tables.ts`.
 */
import { writeFileSync } from 'node:fs';
import { CONCEPTS, PAIN_SITES, PAIN_WORDS } from '../shared/triage/rules/concepts';
import { FAMILIES, RULES } from '../shared/triage/rules/rules';
import type { RuleTables } from '../shared/triage/rules/tables';

export const TRIAGE_TABLES_PATH = new URL('../shared/triage/rules/triage-rules.generated.json', import.meta.url);
export const triageTables = (): RuleTables => ({ PAIN_SITES, PAIN_WORDS, CONCEPTS, RULES, FAMILIES });

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(TRIAGE_TABLES_PATH, `${JSON.stringify(triageTables())}\n`);
  console.log(`wrote ${TRIAGE_TABLES_PATH.pathname}`);
}
