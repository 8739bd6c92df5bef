import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TriageLevel } from '../../shared/contracts/triage';
import { isEmergency, urgencyRank } from '../../shared/triage/levels';
import { expand } from '../../shared/triage/rules/compile-phrases';
import { CONCEPTS } from '../../shared/triage/rules/concepts';
import { assessWithRules } from '../../shared/triage/rules/engine';
import { RULES } from '../../shared/triage/rules/rules';
import { fold, VOCAB, withinOneEdit } from '../../shared/triage/rules/text';
import { WORDS } from '../../shared/triage/rules/vocabulary';

/**
 * Phrasing must never lower an emergency. For every concept that alone makes an emergency, each of
 * its phrases (with every `{a,b}` choice) is rewritten the way people write: random casing, filler
 * words between its words, other clauses before and after it in random order, a two-word phrase
 * reversed ("pain in my chest"), one typo in a long word. The level must stay at least as urgent
 * as the plain phrase's. Fixed seed in `npm test`; `FUZZ_RUNS` for a longer run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = 20261126;

/** Concepts whose own rule is an emergency with one positive term and no condition or qualifier. */
const EMERGENCY_CONCEPTS = [
  ...new Set(
    Object.values(RULES).flatMap((lines) =>
      lines.flatMap((line) => {
        const [level = '', expr = ''] = line.split(' ').slice(-2);
        if (!/^[AE]/.test(level) || /[&!^?~>-]/.test(expr)) return [];
        return expr.split('|').filter((c) => CONCEPTS[c] !== undefined);
      }),
    ),
  ),
];

const ALL_FILLER = new Set(WORDS.FILLER!.split(' ').map(fold));
/** Filler words to insert: those that add emphasis, not a pronoun or a place that changes who or where ("not waking me up"). */
const FILLER = ['really', 'very', 'so', 'quite', 'a', 'bit', 'little', 'like', 'the', 'my', 'is', 'was', 'feel', 'getting', 'going', 'constantly', 'properly'];
const NO_FUZZ = new Set(WORDS.NO_FUZZ!.split(' '));
/** Words a typo must not turn into: they mean something else to the reader (clause breaks, fillers, negators). */
const TAKEN = new Set([
  'but',
  'though',
  'however',
  'although',
  'except',
  'whereas',
  'yet',
  ...['FILLER', 'NEGATORS', 'PSEUDO', 'NEG_STOP', 'COMBINE_STOP'].flatMap((k) => WORDS[k]!.split(' ').map(fold)),
]);
/** Clauses that add nothing urgent; they sit before or after the phrase. */
const CONTEXT = [
  'since this morning',
  'not sure what to do',
  'my mum told me to check',
  'it started at work',
  'any advice please',
  'sorry for the long message',
];

const assess = (freeText: string): TriageLevel => assessWithRules({ symptoms: [{ name: 'feeling unwell', severity: 4 }], freeText }).level;

/** The plain phrases that alone make an emergency, with their level. */
const SEEDS: { concept: string; phrase: string; level: TriageLevel }[] = EMERGENCY_CONCEPTS.flatMap((concept) =>
  CONCEPTS[concept]!.split('|')
    .flatMap(expand)
    .map((phrase) => phrase.replace(/\s+/g, ' ').trim())
    .filter((phrase) => !/\d|numerous/.test(phrase))
    .slice(0, 12)
    .map((phrase) => ({ concept, phrase, level: assess(phrase) }))
    .filter(({ level }) => isEmergency(level)),
);

/**
 * One typo (two letters swapped, one dropped or doubled) in one word, within the tolerance the
 * engine documents: the word's folded form has 5+ letters and is not in NO_FUZZ, the typo is one
 * edit from it after folding, and it is not itself another vocabulary word ("fever" → "never").
 */
const typo = (words: string[], at: number, kind: number): string[] => {
  const i = at % words.length;
  const w = words[i]!;
  const stem = fold(w);
  if (stem.length < 5 || NO_FUZZ.has(stem) || ALL_FILLER.has(stem) || /[^a-z]/.test(w)) return words;
  const p = 1 + (kind % (w.length - 2));
  const edits = [w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2), w.slice(0, p) + w.slice(p + 1), w.slice(0, p) + w[p] + w.slice(p)];
  const t = edits[kind % edits.length]!;
  return fold(t).length >= 5 && withinOneEdit(fold(t), stem) && !VOCAB.has(fold(t)) && !TAKEN.has(fold(t)) ? words.map((x, k) => (k === i ? t : x)) : words;
};
/** Two-word phrases the engine also reads reversed ("pain in my chest"). */
const reversible = (words: string[]) =>
  words.length === 2 && !words.some((w) => ALL_FILLER.has(fold(w)) || /^(no|not|never|cant|without|nor|deny|denies|negative)$/.test(w));

const rewrite = fc.record({
  casing: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
  fillers: fc.array(fc.constantFrom(...FILLER), { maxLength: 3 }),
  gap: fc.nat(),
  before: fc.subarray(CONTEXT),
  after: fc.subarray(CONTEXT),
  reverse: fc.boolean(),
  typo: fc.option(fc.tuple(fc.nat(), fc.nat()), { nil: undefined }),
});

describe('Property: phrasing never lowers an emergency', () => {
  it('finds emergency phrases for every kind of emergency the rules name', () => {
    expect(new Set(SEEDS.map((s) => s.concept)).size).toBeGreaterThanOrEqual(25);
    expect(SEEDS.length).toBeGreaterThan(150);
  });

  it.each(EMERGENCY_CONCEPTS.filter((c) => SEEDS.some((s) => s.concept === c)))('%s: casing, fillers, order and one typo keep the level', (concept) => {
    const seeds = SEEDS.filter((s) => s.concept === concept);
    fc.assert(
      fc.property(fc.constantFrom(...seeds), rewrite, ({ phrase, level }, r) => {
        // Prepare: the phrase as someone might type it
        let words = phrase.split(' ');
        const reverse = r.reverse && reversible(words);
        if (r.typo) words = typo(words, ...r.typo);
        if (reverse) words = [words[1]!, ...r.fillers.slice(0, 1), words[0]!];
        else if (words.length > 1) words.splice(1 + (r.gap % (words.length - 1)), 0, ...r.fillers);
        const text = [...r.before, words.join(' '), ...r.after]
          .join(', ')
          .split('')
          .map((ch, i) => (r.casing[i % 64] ? ch.toUpperCase() : ch))
          .join('');
        // Act
        const rewritten = assess(text);
        // Assess
        return urgencyRank(rewritten) <= urgencyRank(level) || (expect.fail(`"${text}" → ${rewritten}, but "${phrase}" → ${level}`) as never);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
