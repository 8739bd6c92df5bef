import { describe, expect, it } from 'vitest';
import { compileRules } from '../../shared/triage/rules/compile-rules';
import { RULES } from '../../shared/triage/rules/rules';
import { TABLES } from '../../shared/triage/rules/tables';

describe('Function: compileRules', () => {
  it('names a rule without an id after its positive terms, and reads level, infection, negation, qualifiers and hours', () => {
    // Act
    const [derived, named] = compileRules({ fever: ['U+ fever>72&c_diabetes|age_65&-rash^', 'sepsis_signs A fever!'] });

    // Assess
    expect(derived).toEqual({
      id: 'fever_over_72h_with_diabetes',
      level: 'consultation_24',
      infection: true,
      family: 'fever',
      terms: [
        { neg: false, alts: [{ c: 'fever', q: '>', h: 72 }] },
        {
          neg: false,
          alts: [
            { c: 'c_diabetes', q: '', h: 0 },
            { c: 'age_65', q: '', h: 0 },
          ],
        },
        { neg: true, alts: [{ c: 'rash', q: '^', h: 0 }] },
      ],
    });
    expect(named).toMatchObject({ id: 'sepsis_signs', level: 'emergency_ambulance', infection: false, family: 'fever' });
  });

  it('compiles every rule to plain JSON: nothing is lost when the tables are written and read back', () => {
    // Act: what `npm run generate:triage` writes and a cold start reads
    const compiled = compileRules(RULES);

    // Assess: a NaN or undefined would not survive the round trip
    expect(JSON.parse(JSON.stringify(compiled))).toStrictEqual(compiled);
    expect(compiled.every((rule) => rule.level !== undefined && rule.terms.every((t) => t.alts.every((a) => Number.isFinite(a.h))))).toBe(true);
  });

  it('is what the shipped tables hold, rule for rule', () => {
    // Assess: the engine evaluates exactly the rules of rules.ts (the tables' staleness test covers the rest)
    expect(TABLES.COMPILED_RULES).toEqual(compileRules(RULES));
  });
});
