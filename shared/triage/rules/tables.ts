import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from './compile-rules';

/**
 * The rule and phrase tables at run time. Their source, with the clinical reasoning beside each
 * rule, is `concepts.ts`, `rules.ts` and `vocabulary.ts`; `npm run generate:triage` writes them to
 * `triage-rules.generated.json`, which ships beside each function bundle as data (a route's
 * `bundleFiles`) and is read once at cold start: ~280 KB of compiled phrases and advice that would
 * otherwise count against every triage function's code budget. A unit test fails when the JSON
 * is stale. (`import.meta.dirname` is this folder locally and the bundle's folder in Lambda.)
 */
export interface RuleTables {
  /**
   * Every phrase, folded (`compile-phrases.ts`), filed under its first word: lines of
   * `order<TAB>words<TAB>indexes into PHRASE_CONCEPTS` (`phraseBranches`).
   */
  readonly PHRASE_BRANCHES: Readonly<Record<string, string>>;
  readonly PHRASE_CONCEPTS: readonly string[];
  /** Every word of every phrase, space-separated, first-seen order. */
  readonly VOCAB: string;
  readonly TOGETHER: Readonly<Record<string, string>>;
  readonly LONG_STANDING_EXPECTED: readonly string[];
  readonly GENERAL_ADVICE: Readonly<Record<string, string>>;
  readonly WORDS: Readonly<Record<string, string>>;
  readonly ALIASES: Readonly<Record<string, string>>;
  /** The rules of `rules.ts`, compiled (`compile-rules.ts`), in table order. */
  readonly COMPILED_RULES: readonly Rule[];
  readonly FAMILIES: Readonly<Record<string, string>>;
}

export const TABLES_FILE = 'triage-rules.generated.json';

export const TABLES: RuleTables = JSON.parse(readFileSync(join(import.meta.dirname, TABLES_FILE), 'utf8')) as RuleTables;
