import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from './compile-rules';
import { phraseReader } from './phrase-file';

/**
 * The rule and phrase tables at run time. Their source, with the clinical reasoning beside each
 * rule, is `concepts.ts`, `rules.ts` and `vocabulary.ts`; `npm run generate:triage` writes them to
 * `triage-rules.generated.json` and the phrases to `triage-phrases.generated.txt`, which ship
 * beside each function bundle as data (a route's `bundleFiles`) and are read once at cold start:
 * ~430 KB of compiled phrases, rules and advice that would otherwise count against every triage
 * function's code budget. A unit test fails when either file is stale. (`import.meta.dirname` is
 * this folder locally and the bundle's folder in Lambda.)
 */
export interface RuleTables {
  /** Each first word of a phrase and the offset of its block in the phrase file, ` word:offset … ` (phrase-file.ts). */
  readonly PHRASE_INDEX: string;
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
export const PHRASES_FILE = 'triage-phrases.generated.txt';

export const TABLES: RuleTables = JSON.parse(readFileSync(join(import.meta.dirname, TABLES_FILE), 'utf8')) as RuleTables;
/**
 * The phrases, folded (`compile-phrases.ts`), that start with a word: lines of
 * `order<TAB>words<TAB>indexes into PHRASE_CONCEPTS` (`phraseBranches`), from the phrase file (phrase-file.ts).
 */
export const phraseLines: (word: string) => string | undefined = phraseReader({
  text: readFileSync(join(import.meta.dirname, PHRASES_FILE), 'utf8'),
  index: TABLES.PHRASE_INDEX,
});
