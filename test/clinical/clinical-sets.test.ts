import { describe, expect, it } from 'vitest';
import { urgencyRank } from '../../shared/triage/levels';
import { TriageInput } from '../../shared/contracts/triage';
import { LEVEL, type ClinicalCase } from './case';
import { COVERAGE_CASES } from './coverage-vignettes';
import { INTERNAL_CASES } from './internal-vignettes';
import { PRESENTATION_CASES } from './presentation-vignettes';
import { PUBLISHED_CASES, PUBLISHED_SOURCES } from './published-vignettes';
import { triageAsTheApiWould } from './triage-as-api';

/**
 * The clinical sets, each case through the same use cases `POST /api/v1/symptom-sessions` and the
 * triage worker run (no model: the rules' answer is what a patient gets offline, without AI
 * consent, and on the model's fallback, and the floor of every model answer). Under-triage on any
 * case fails the run; over-triage of non-urgent cases is reported per set and held to 10 %.
 */
const SETS: Readonly<Record<string, readonly ClinicalCase[]>> = {
  external: [...PUBLISHED_CASES, ...COVERAGE_CASES, ...PRESENTATION_CASES],
  internal: INTERNAL_CASES,
};
const rank = (level: keyof typeof LEVEL) => urgencyRank(LEVEL[level]);
const isUrgent = (c: ClinicalCase) => rank(c.min) <= rank('U');

describe.each(Object.entries(SETS))('Clinical set: %s', (name, cases) => {
  it('holds well-formed cases: unique ids, valid input, a maximum for every non-urgent case', () => {
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) {
      expect(TriageInput.safeParse(c.input).success, c.id).toBe(true);
      if (!isUrgent(c)) expect(c.max, c.id).toBeDefined();
      if (c.max) expect(rank(c.max), c.id).toBeLessThanOrEqual(rank(c.min));
    }
  });

  it.each(cases.map((c) => [`${c.id}: ${c.description}`, c] as const))('never under-triages %s', async (_, c) => {
    // Act
    const { result } = await triageAsTheApiWould(c.input);
    // Assess: at least as urgent as the least urgent safe level
    expect(urgencyRank(result.level), `${result.level} (${result.rulesFired.join(', ')})`).toBeLessThanOrEqual(rank(c.min));
  });

  it('over-triages at most 10 % of its non-urgent cases', async () => {
    // Prepare
    const nonUrgent = cases.filter((c) => !isUrgent(c));
    // Act
    const over: string[] = [];
    for (const c of nonUrgent) {
      const { result } = await triageAsTheApiWould(c.input);
      if (urgencyRank(result.level) < rank(c.max!)) over.push(`${c.id} → ${result.level} (${result.rulesFired.join(', ')})`);
    }
    // Assess
    const rate = over.length / nonUrgent.length;
    const bySource = [...new Set(nonUrgent.map((c) => c.source))].map((source) => {
      const of = nonUrgent.filter((c) => c.source === source);
      return `${source} ${of.filter((c) => over.some((o) => o.startsWith(`${c.id} `))).length}/${of.length}`;
    });
    console.log(
      `clinical set ${name}: ${cases.length} cases, ${cases.length - nonUrgent.length} emergency or urgent, ${nonUrgent.length} non-urgent; over-triage ${over.length}/${nonUrgent.length} = ${(rate * 100).toFixed(1)}% (${bySource.join(', ')})${over.length ? `\n  ${over.join('\n  ')}` : ''}`,
    );
    expect(rate).toBeLessThanOrEqual(0.1);
  });
});

describe('Clinical set: external', () => {
  it('has at least 300 cases, each from a cited source', () => {
    expect(SETS.external!.length).toBeGreaterThanOrEqual(300);
    for (const c of PUBLISHED_CASES) expect(PUBLISHED_SOURCES[c.source], c.id).toBeDefined();
    for (const c of [...COVERAGE_CASES, ...PRESENTATION_CASES]) expect(c.source).toBe('coverage');
  });
});
