import type { TriageLevel } from '../../contracts/triage-scale';

/** One alternative of a term: a concept, its qualifier (`!` severe, `^` sudden, `?` mild, `~` persistent, `>` over `h` hours). */
export interface Alt {
  readonly c: string;
  readonly q: string;
  readonly h: number;
}

/** A rule as the engine reads it: it holds when every positive term has a reported alternative and no negative term does. */
export interface Rule {
  readonly id: string;
  readonly level: TriageLevel;
  readonly infection: boolean;
  readonly family: string;
  readonly terms: readonly { readonly neg: boolean; readonly alts: readonly Alt[] }[];
}

const LEVEL: Readonly<Record<string, TriageLevel>> = { A: 'emergency_ambulance', E: 'emergency', U: 'consultation_24', C: 'consultation', S: 'self_care' };
const CONTEXT_NAMES: Readonly<Record<string, string>> = {
  age_0: 'infant',
  age_1_2: 'toddler',
  under_5: 'young_child',
  under_16: 'child',
  age_50: 'over_50',
  age_65: 'older_adult',
};
const QUALIFIER_NAMES: Readonly<Record<string, string>> = { '!': '_severe', '^': '_sudden', '?': '_mild', '~': '_persistent', '>': '_over_' };

/** A rule without an explicit id is named after the first alternative of each positive term: `a_with_b_and_c`. */
const derivedId = (terms: Rule['terms']): string =>
  terms
    .filter((t) => !t.neg)
    .map(({ alts: [a] }) => (CONTEXT_NAMES[a!.c] ?? a!.c.replace(/^c_/, '')) + (QUALIFIER_NAMES[a!.q] ?? '') + (a!.q === '>' ? `${a!.h}h` : ''))
    .map((name, i) => (i === 0 ? name : i === 1 ? `_with_${name}` : `_and_${name}`))
    .join('');

/**
 * Compiles the rule lines of `rules.ts` (`[id] <level>[+] term&term…`, a term `[-]alt|alt…`) into the
 * rules the engine evaluates, in table order. `npm run generate:triage` writes them into the shipped
 * tables, so a cold start does not parse ~360 lines with regular expressions (3.4 ms of CPU, measured).
 *
 * @example
 * compileRules({ cardiac: ['E chest_pain&breathless'] });
 * // [{ id: 'chest_pain_with_breathless', level: 'emergency', infection: false, family: 'cardiac', terms: [...] }]
 */
export const compileRules = (rules: Readonly<Record<string, readonly string[]>>): Rule[] =>
  Object.entries(rules).flatMap(([family, lines]) =>
    lines.map((line) => {
      const parts = line.split(' ');
      const [level = '', expr = ''] = parts.slice(-2);
      const terms = expr.split('&').map((t) => ({
        neg: t[0] === '-',
        alts: t
          .replace(/^-/, '')
          .split('|')
          .map((a): Alt => {
            const [, c = a, q = ''] = /^(\w+)(.*)$/.exec(a) ?? [];
            // Hours count only after `>`; the engine reads no other qualifier's number (`fever!>72` is a severe fever).
            return { c, q: q[0] ?? '', h: q[0] === '>' ? Number(q.slice(1)) : 0 };
          }),
      }));
      return { id: parts.length > 2 ? parts[0]! : derivedId(terms), level: LEVEL[level[0]!]!, infection: level.endsWith('+'), family, terms };
    }),
  );
