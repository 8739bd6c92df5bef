/**
 * Writes the triage data the functions load at cold start (`npm run generate:triage`): the rule and
 * phrase tables (`shared/triage/rules/concepts.ts`, `rules.ts`, `vocabulary.ts`; see `tables.ts`) and the model's
 * strict answer schema (`shared/adapters/openai/wire-schema.ts`; see `response-format.ts`).
 */
import { writeFileSync } from 'node:fs';
import { CONCEPTS, PAIN_SITES, PAIN_WORDS, TOGETHER } from '../shared/triage/rules/concepts';
import { FAMILIES, GENERAL_ADVICE, LONG_STANDING_EXPECTED, RULES } from '../shared/triage/rules/rules';
import { compilePhrases, phraseBranches } from '../shared/triage/rules/compile-phrases';
import { compileRules } from '../shared/triage/rules/compile-rules';
import { phraseFile } from '../shared/triage/rules/phrase-file';
import type { RuleTables } from '../shared/triage/rules/tables';
import { ALIASES, WORDS } from '../shared/triage/rules/vocabulary';
import { triageWireSchema } from '../shared/adapters/openai/wire-schema';

export const TRIAGE_TABLES_PATH = new URL('../shared/triage/rules/triage-rules.generated.json', import.meta.url);
export const TRIAGE_PHRASES_PATH = new URL('../shared/triage/rules/triage-phrases.generated.txt', import.meta.url);
const compiled = () => {
  const { concepts, phrases } = compilePhrases({ PAIN_SITES, PAIN_WORDS, CONCEPTS, WORDS, ALIASES });
  const { vocab, branches } = phraseBranches(phrases);
  return { concepts, vocab, file: phraseFile(branches) };
};
/** The phrase file's text (shared/triage/rules/phrase-file.ts); its index is in the tables. */
export const triagePhrases = (): string => compiled().file.text;
export const triageTables = (): RuleTables => {
  const { concepts, vocab, file } = compiled();
  return {
    PHRASE_INDEX: file.index,
    PHRASE_CONCEPTS: concepts,
    VOCAB: vocab,
    TOGETHER,
    COMPILED_RULES: compileRules(RULES),
    FAMILIES,
    GENERAL_ADVICE,
    LONG_STANDING_EXPECTED,
    WORDS,
    ALIASES,
  };
};
export const WIRE_SCHEMA_PATH = new URL('../shared/adapters/openai/triage-wire-schema.generated.json', import.meta.url);

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(TRIAGE_TABLES_PATH, `${JSON.stringify(triageTables())}\n`);
  console.log(`wrote ${TRIAGE_TABLES_PATH.pathname}`);
  writeFileSync(TRIAGE_PHRASES_PATH, triagePhrases());
  console.log(`wrote ${TRIAGE_PHRASES_PATH.pathname}`);
  writeFileSync(WIRE_SCHEMA_PATH, `${JSON.stringify(triageWireSchema(), null, 2)}\n`);
  console.log(`wrote ${WIRE_SCHEMA_PATH.pathname}`);
}
