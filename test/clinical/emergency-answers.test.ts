import { describe, expect, it } from 'vitest';
import type { TriageInput } from '../../shared/contracts/triage';
import { isEmergency, urgencyRank } from '../../shared/triage/levels';
import { triageAsTheApiWould } from './triage-as-api';

/**
 * What a patient is told in an emergency must fit the emergency: the summary of the `201` answer
 * opens with what to do now, written in the rule tables (`FAMILIES`, `GENERAL_ADVICE`).
 */
const triage = async (freeText: string, more: Partial<TriageInput> = {}) =>
  (await triageAsTheApiWould({ symptoms: [{ name: 'feeling unwell', severity: 2 }], freeText, ...more })).result;

describe('Clinical answers: emergencies say what to do now', () => {
  it('sends a painkiller overdose with only mild nausea to emergency care at once, to a poisons service, without waiting for symptoms', async () => {
    // Act: the report that opened the issue
    const result = await triage('I swallowed far too many tablets of ibuprofen a couple of hours ago, only mild nausea so far');
    // Assess
    expect(isEmergency(result.level)).toBe(true);
    expect(result.rulesFired).toContain('overdose');
    expect(result.summary).toMatch(/^Call emergency services now/);
    expect(result.summary).toContain('Do not wait for symptoms');
    expect(result.summary).toMatch(/poisons information service.*1-800-222-1222/);
  });

  it('tells a parent whose child drank bleach to call a poisons service and not to make the child vomit', async () => {
    const result = await triage('my son drank some of the bleach', { age: 3 });
    expect(isEmergency(result.level)).toBe(true);
    expect(result.summary).toMatch(/poisons information service/);
    expect(result.summary).toMatch(/do not make them vomit/);
    expect(result.summary).toContain('Do not wait for symptoms');
  });

  it('tells someone near a faulty boiler to get everyone into fresh air', async () => {
    const result = await triage('boiler has been playing up and we all have headaches and feel sick');
    expect(result.level).toBe('emergency');
    expect(result.summary).toMatch(/fresh air/);
  });

  it('keeps the crisis line first for self-harm and suicidal thoughts, and adds it to an intentional overdose', async () => {
    const selfHarm = await triage('I have been cutting myself again');
    expect(selfHarm.level).toBe('emergency');
    expect(selfHarm.summary).toMatch(/^Call or text 988/);
    const intentional = await triage('I took all my tablets on purpose to end it');
    expect(intentional.summary).toMatch(/988/);
  });

  it('tells a burn to be cooled under running water for 20 minutes, and a chemical burn to have its clothing removed', async () => {
    const scald = await triage('my toddler pulled the kettle over, his chest is red and blistering, bigger than his hand', { age: 2 });
    expect(scald.level).toBe('emergency');
    expect(scald.summary).toMatch(/cool running water for 20 minutes/);
    const chemical = await triage('oven cleaner went all over my forearm and the skin has gone white');
    expect(chemical.level).toBe('emergency');
    expect(chemical.summary).toMatch(/remove contaminated clothing and rinse with running water for 20 minutes/);
  });

  it('tells a chemical in the eye to be rinsed for 20 minutes', async () => {
    const result = await triage('splashed bleach in my eye');
    expect(result.level).toBe('emergency');
    expect(result.summary).toMatch(/Rinse the eye under running water for 20 minutes/);
  });

  it('answers an ambulance emergency with the emergency number before any family advice', async () => {
    const result = await triage('my dad took his morphine twice by accident and now we can barely wake him');
    expect(result.level).toBe('emergency_ambulance');
    expect(result.summary).toMatch(/^Call emergency services now \(911 in the US, 999 in the UK, 112 in the EU\)/);
  });
});

describe('Clinical answers: duration alone does not escalate a harmless complaint', () => {
  it('keeps a scalp condition of several weeks below consultation_24', async () => {
    // Act: the other report that opened the issue
    const { result } = await triageAsTheApiWould({
      symptoms: [{ name: 'itchy flaky scalp condition', severity: 3, durationHours: 24 * 35 }],
      freeText: 'going on for weeks now',
    });
    // Assess
    expect(urgencyRank(result.level)).toBeGreaterThan(urgencyRank('consultation_24'));
    expect(result.rulesFired).not.toContain('escalate:low_confidence');
  });

  it('still escalates a long-standing complaint with a reason: worsening companions, a risk group, severity', async () => {
    const severe = await triageAsTheApiWould({ symptoms: [{ name: 'scalp condition', severity: 9, durationHours: 24 * 35 }] });
    expect(severe.result.rulesFired).toContain('very_severe_symptom');
    const unknown = await triageAsTheApiWould({ symptoms: [{ name: 'odd feeling in my earlobes', severity: 3, durationHours: 24 * 35 }] });
    expect(unknown.result.level).toBe('consultation');
    expect(unknown.result.rulesFired).toContain('symptom_over_4_weeks');
  });
});
