import { describe, expect, it } from 'vitest';
import type { TriageInput, TriageLevel } from '../../shared/contracts/triage';
import { isEmergency, urgencyRank } from '../../shared/triage/levels';
import { CONCEPTS, PAIN_SITES, PAIN_WORDS, TOGETHER } from '../../shared/triage/rules/concepts';
import { RULE_IDS, RULES_VERSION, assessWithRules, redFlagsInText, ruleConcepts } from '../../shared/triage/rules/engine';
import { FAMILIES } from '../../shared/triage/rules/rules';
import { compilePhrases, phraseBranches } from '../../shared/triage/rules/compile-phrases';
import { scan, withinOneEdit } from '../../shared/triage/rules/text';
import { ALIASES, WORDS } from '../../shared/triage/rules/vocabulary';

const symptom = (name: string, severity = 5, more: Partial<TriageInput['symptoms'][number]> = {}) => ({ name, severity, ...more });
const assess = (input: Partial<TriageInput> & { symptoms?: TriageInput['symptoms'] }) =>
  assessWithRules({ symptoms: [symptom('feeling unwell', 4)], ...input });
const levelOfText = (freeText: string, more: Partial<TriageInput> = {}) => assess({ freeText, ...more }).level;
const atLeast = (level: TriageLevel, floor: TriageLevel) => urgencyRank(level) <= urgencyRank(floor);

describe('Function: assessWithRules', () => {
  describe('red-flag families', () => {
    it.each<[string, Partial<TriageInput>, TriageLevel, string]>([
      ['chest pain with sweating', { symptoms: [symptom('chest pain', 6), symptom('sweating', 5)] }, 'emergency_ambulance', 'chest_pain_with_sweating'],
      [
        'chest pain with breathlessness',
        { symptoms: [symptom('chest pain', 5)], freeText: 'and short of breath' },
        'emergency_ambulance',
        'chest_pain_with_breathlessness',
      ],
      [
        'chest pain spreading to the left arm',
        { symptoms: [symptom('chest pain', 5)], freeText: 'it goes down my left arm' },
        'emergency_ambulance',
        'chest_pain_radiating',
      ],
      ['stroke: face droop', { symptoms: [symptom('face drooping', 5, { onset: 'sudden' })] }, 'emergency_ambulance', 'stroke_face_droop'],
      ['stroke: arm weakness', { symptoms: [symptom('weak arm', 5)] }, 'emergency_ambulance', 'stroke_arm_weakness'],
      ['stroke: speech', { symptoms: [symptom('slurred speech', 5)] }, 'emergency_ambulance', 'stroke_speech_difficulty'],
      ['anaphylaxis: tongue swelling', { symptoms: [symptom('swollen tongue', 7)] }, 'emergency_ambulance', 'airway_swelling'],
      [
        'anaphylaxis: breathing after a sting',
        { symptoms: [symptom('wasp sting', 4), symptom('short of breath', 6)] },
        'emergency_ambulance',
        'anaphylaxis_breathing_after_exposure',
      ],
      [
        'anaphylaxis: hives and trouble breathing',
        { symptoms: [symptom('hives', 5), symptom('trouble breathing', 6)] },
        'emergency_ambulance',
        'anaphylaxis_breathing_after_exposure',
      ],
      ['severe bleeding', { symptoms: [symptom("bleeding that won't stop", 8)] }, 'emergency_ambulance', 'severe_bleeding'],
      [
        'breathing: blue lips',
        { symptoms: [symptom('cough', 5)], freeText: 'her lips are turning blue' },
        'emergency_ambulance',
        'breathing_difficulty_severe',
      ],
      ['breathing: moderate', { symptoms: [symptom('shortness of breath', 5)] }, 'emergency', 'breathing_difficulty'],
      ['breathing: mild, self-rated', { symptoms: [symptom('shortness of breath', 2, { durationHours: 72 })] }, 'consultation_24', 'breathing_difficulty_mild'],
      ['loss of consciousness', { symptoms: [symptom('collapsed', 9)] }, 'emergency_ambulance', 'loss_of_consciousness'],
      ['fainting with injury', { symptoms: [symptom('fainted', 5)], freeText: 'fell and cut my chin' }, 'emergency_ambulance', 'fainting_with_injury'],
      ['fainting alone', { symptoms: [symptom('fainted', 3)], age: 22 }, 'emergency', 'fainting'],
      ['first seizure', { symptoms: [symptom('seizure', 7)] }, 'emergency_ambulance', 'seizure'],
      ['seizure in known epilepsy', { symptoms: [symptom('seizure', 5)], conditions: ['epilepsy'] }, 'emergency', 'seizure_with_epilepsy'],
      ['suicidal thoughts', { symptoms: [symptom('suicidal thoughts', 8)] }, 'emergency', 'suicidal_thoughts'],
      ['self-harm', { symptoms: [symptom('low mood', 6)], freeText: 'I have been self-harming' }, 'emergency', 'self_harm'],
      ['overdose', { symptoms: [symptom('overdose', 6)] }, 'emergency_ambulance', 'overdose'],
      ['meningitis: fever and stiff neck', { symptoms: [symptom('fever', 6), symptom('stiff neck', 6)] }, 'emergency_ambulance', 'meningitis_fever_stiff_neck'],
      [
        'meningitis: non-blanching rash with fever',
        { symptoms: [symptom('purple rash', 5), symptom('fever', 6)] },
        'emergency_ambulance',
        'meningitis_non_blanching_rash',
      ],
      [
        'meningitis: headache, light sensitivity, fever',
        { symptoms: [symptom('headache', 6), symptom('photophobia', 5), symptom('fever', 5)] },
        'emergency_ambulance',
        'meningitis_headache_light_sensitivity',
      ],
      ['thunderclap headache', { symptoms: [symptom('thunderclap headache', 9, { onset: 'sudden' })] }, 'emergency', 'worst_headache'],
      ['sudden severe headache by severity and onset', { symptoms: [symptom('headache', 9, { onset: 'sudden' })] }, 'emergency', 'sudden_severe_headache'],
      ['pregnancy with bleeding', { symptoms: [symptom('bleeding', 3)], pregnant: true }, 'emergency', 'pregnancy_with_bleeding'],
      [
        'pregnancy with severe abdominal pain',
        { symptoms: [symptom('abdominal pain', 8)], pregnant: true },
        'emergency',
        'pregnancy_with_abdominal_pain_severe',
      ],
      ['infant with fever', { symptoms: [symptom('fever', 4)], age: 0 }, 'emergency', 'infant_with_fever'],
      [
        'toddler with high fever and lethargy',
        { symptoms: [symptom('high fever', 7), symptom('lethargy', 5)], age: 2 },
        'emergency',
        'toddler_fever_with_lethargy',
      ],
      ['sepsis: fever and confusion', { symptoms: [symptom('fever', 6), symptom('confused', 6)] }, 'emergency_ambulance', 'sepsis_signs'],
      [
        'sepsis: infection and mottled skin',
        { symptoms: [symptom('infected wound', 5)], freeText: 'skin looks mottled' },
        'emergency_ambulance',
        'sepsis_signs',
      ],
      ['abdominal pain, sudden and severe', { symptoms: [symptom('stomach pain', 9, { onset: 'sudden' })] }, 'emergency', 'abdominal_pain_severe'],
      ['rigid abdomen', { symptoms: [symptom('tummy ache', 6)], freeText: 'belly is rigid' }, 'emergency', 'rigid_abdomen'],
      ['vomiting blood', { symptoms: [symptom('vomiting blood', 5)] }, 'emergency', 'vomiting_blood'],
      ['black stools', { symptoms: [symptom('black tarry stool', 4)] }, 'emergency', 'black_stools'],
      ['head injury with vomiting', { symptoms: [symptom('head injury', 5), symptom('vomiting', 4)] }, 'emergency', 'head_injury_with_red_flags'],
      ['head injury with confusion', { symptoms: [symptom('banged head', 5)], freeText: 'seems confused since' }, 'emergency', 'head_injury_with_red_flags'],
      ['high fever for several days', { symptoms: [symptom('high fever', 6, { durationHours: 80 })] }, 'consultation_24', 'high_fever_over_72h'],
      ['severe dehydration', { symptoms: [symptom('diarrhoea', 5)], freeText: "can't keep fluids down" }, 'consultation_24', 'dehydration_signs'],
      ['cauda equina', { symptoms: [symptom('back pain', 6), symptom('numb groin', 5)] }, 'emergency', 'cauda_equina_signs'],
      ['testicular torsion', { symptoms: [symptom('testicle pain', 8, { onset: 'sudden' })] }, 'emergency', 'testicular_pain_sudden'],
      ['heatstroke', { symptoms: [symptom('heat stroke', 6)] }, 'emergency', 'heatstroke'],
      ['poisoning', { symptoms: [symptom('swallowed bleach', 5)] }, 'emergency', 'poisoning'],
    ])('%s → %s', (_, input, level, rule) => {
      // Act
      const result = assess(input);
      // Assess
      expect(result.level).toBe(level);
      expect(result.rulesFired).toContain(rule);
    });
  });

  describe('severity, duration and defaults', () => {
    it('raises any symptom of severity ≥ 9 with sudden onset to at least consultation_24', () => {
      const result = assess({ symptoms: [symptom('strange feeling in my foot', 9, { onset: 'sudden' })] });
      expect(result.level).toBe('consultation_24');
      expect(result.rulesFired).toContain('sudden_very_severe_symptom');
    });

    it('answers unknown symptoms with consultation and low confidence, never self_care', () => {
      const result = assess({ symptoms: [symptom('odd feeling in my earlobes', 3)] });
      expect(result.level).toBe('consultation');
      expect(result.confidence).toBeCloseTo(0.4);
      expect(result.rulesFired).toEqual(['unrecognised_symptom']);
    });

    it('keeps a mild, recognised complaint at self_care, but a chronic one at consultation', () => {
      expect(assess({ symptoms: [symptom('runny nose', 2, { durationHours: 24 })] }).level).toBe('self_care');
      expect(assess({ symptoms: [symptom('back pain', 3, { durationHours: 24 * 60 })] }).level).toBe('consultation');
    });

    it('treats weeks of mild chest pain as consultation_24, not self_care, and new chest pain as an emergency', () => {
      expect(assess({ symptoms: [symptom('chest pain', 2, { durationHours: 24 * 14 })] }).level).toBe('consultation_24');
      expect(assess({ symptoms: [symptom('chest pain', 2, { durationHours: 1 })] }).level).toBe('emergency');
    });

    it('never lets free text lower a level: a text mention of severe pain is not "mild"', () => {
      const result = assess({ symptoms: [symptom('shortness of breath', 2)], freeText: 'the breathlessness is severe now' });
      expect(result.level).toBe('emergency_ambulance');
    });

    it('reads temperatures and durations from free text', () => {
      expect(assess({ symptoms: [symptom('feeling hot', 4)], freeText: 'temp 39.4 C for 4 days' }).rulesFired).toContain('high_fever_over_72h');
      expect(assess({ symptoms: [symptom('shivery', 4)], freeText: 'thermometer says 103F' }).rulesFired).toContain('high_fever');
      expect(levelOfText('temperature 38.2', { age: 0 })).toBe('emergency');
    });

    it('reads a duration whose figure touches its unit ("4days", "72hrs"), but not a word that ends in one ("today")', () => {
      expect(assess({ symptoms: [symptom('feeling hot', 4)], freeText: 'temp 39.4 C for 4days' }).rulesFired).toContain('high_fever_over_72h');
      expect(assess({ symptoms: [symptom('feeling hot', 4)], freeText: 'temp 39.4 C for 80hrs now' }).rulesFired).toContain('high_fever_over_72h');
      expect(assess({ symptoms: [symptom('feeling hot', 4)], freeText: 'temp 39.4 C since today' }).rulesFired).not.toContain('high_fever_over_72h');
    });
  });

  describe('tolerance for how people write', () => {
    it.each([
      ['chest pian and sweating', 'emergency_ambulance'],
      ['CHEST PAIN!!! sweaty', 'emergency_ambulance'],
      ['pain in my chest, I am clammy', 'emergency_ambulance'],
      ['cant breath', 'emergency_ambulance'],
      ["can't breathe", 'emergency_ambulance'],
      ['short of breath', 'emergency'],
      ['really sob today', 'emergency'],
      ['throwing up blood', 'emergency'],
      ['fever and a stiff neck', 'emergency_ambulance'],
      ['temperature and neck stiffness', 'emergency_ambulance'],
      ['my dad passed out', 'emergency'],
      ['she fainted in the kitchen', 'emergency'],
      ['he is having a seizure', 'emergency_ambulance'],
      ['had a fit this morning', 'emergency_ambulance'],
      ['convulsions', 'emergency_ambulance'],
      ['I feel suicidal', 'emergency'],
      ['I want to kill myself', 'emergency'],
      ['I just want to die', 'emergency'],
      ["I don't want to live anymore", 'emergency'],
      ['bleeding a lot from my hand', 'emergency_ambulance'],
      ['unconcious', 'emergency_ambulance'],
      ['siezure', 'emergency_ambulance'],
      ['slured speach', 'emergency_ambulance'],
      ['vomitting blood', 'emergency'],
      ['his face is drooping on one side', 'emergency_ambulance'],
      ['my lips are swollen after eating prawns', 'emergency_ambulance'],
    ])('"%s" → at least %s', (text, floor) => {
      const level = levelOfText(text);
      expect(atLeast(level, floor as TriageLevel), level).toBe(true);
    });

    it('finds red flags in symptom names and free text alike', () => {
      expect(assess({ symptoms: [symptom('stiff neck', 5), symptom('fever', 5)] }).level).toBe('emergency_ambulance');
      expect(assess({ symptoms: [symptom('unwell', 5)], freeText: 'Fever. Stiff neck.' }).level).toBe('emergency_ambulance');
    });

    it('tolerates one typo in longer words but not in short ones, and never "corrects" common words', () => {
      expect(withinOneEdit('siezure', 'seizure')).toBe(true);
      expect(withinOneEdit('unconcious', 'unconscious')).toBe(true);
      expect(withinOneEdit('fever', 'fervour')).toBe(false);
      for (const word of [
        'cooking',
        'hitting',
        'sitting',
        'dropping',
        'brown',
        'middle',
        'prison',
        'server',
        'sobbing',
        'pants',
        'winds',
        'guard',
        'fellow',
        'invest',
        'flint',
        'severe',
        'never',
        'child',
        'carry',
      ]) {
        expect(redFlagsInText(`I was ${word} today`), word).toBeUndefined();
      }
    });

    it('does not mistake benign phrases for red flags', () => {
      for (const text of [
        'hay fever again',
        "I'm fit and healthy",
        'my temperature is normal',
        "can't breathe through my nose",
        'a coughing fit',
        'had a blood test',
        'went back to work',
      ]) {
        expect(redFlagsInText(text), text).toBeUndefined();
      }
    });
  });

  describe('negation', () => {
    it.each([
      'no chest pain',
      'denies chest pain',
      'without any chest pain',
      'I do not have chest pain',
      "I don't have a fever or a stiff neck",
      'not suicidal',
      'no thoughts of self harm',
      'never fainted',
    ])('"%s" does not fire', (text) => {
      expect(redFlagsInText(text)).toBeUndefined();
    });

    it('keeps findings outside the negation: other clauses, "and", and pseudo-negations', () => {
      expect(redFlagsInText('no fever, but chest pain')?.level).toBe('emergency');
      expect(redFlagsInText('no fever and chest pain')?.level).toBe('emergency');
      expect(redFlagsInText('no relief from the chest pain')?.level).toBe('emergency');
      expect(redFlagsInText('not sure if this is chest pain')?.level).toBe('emergency');
      expect(redFlagsInText("I don't want to die")).toBeUndefined();
      expect(redFlagsInText("I've never had chest pain like this before")?.level).toBe('emergency');
      expect(redFlagsInText("I haven't had any chest pain")).toBeUndefined();
    });

    it('reads "history of stroke" as a condition, not a stroke now', () => {
      expect(redFlagsInText('history of stroke')).toBeUndefined();
      expect(redFlagsInText('I think I am having a stroke')?.level).toBe('emergency_ambulance');
    });
  });

  describe('context that explains a finding, and its near misses', () => {
    it.each([
      "I'm confused about my meds",
      "I'm confused by the instructions",
      'I am a bit confused about which tablet to take',
      "I'm confused about what the doctor said",
      "I'm out of breath after running for the bus",
      'out of breath after climbing stairs',
      'breathless after exercise but it settles quickly',
      'short of breath after jogging',
    ])('"%s" is not a red flag', (text) => {
      expect(redFlagsInText(text)).toBeUndefined();
    });

    it.each<[string, TriageLevel]>([
      // Confusion: the state itself, disorientation, amnesia, "about" as a time, a carer's report, misspellings.
      ["I'm confused", 'emergency'],
      ['he is confused and drowsy', 'emergency'],
      ['sudden confusion', 'emergency_ambulance'],
      ['she seems confused about where she is', 'emergency'],
      ["I'm confused about what day it is", 'emergency'],
      ["I'm confused about what happened", 'emergency'],
      ['He became confused about an hour ago', 'emergency'],
      ['I was confused about an hour ago', 'emergency'],
      ['dad is confused about his tablets', 'emergency'],
      ['im so confussed', 'emergency'],
      ['confuzed and sleepy', 'emergency'],
      ['im confussed about where i am', 'emergency'],
      // Sudden or worsening confusion outranks "confused about my…" (the adverbs are filler words).
      ["I'm suddenly confused about my meds", 'emergency_ambulance'],
      ["I'm getting confused about my tablets", 'emergency'],
      ['I am increasingly confused by the instructions', 'emergency'],
      // Breathlessness: at rest, can't catch breath, new, not settling, minimal exertion, with chest pain, sudden.
      ['breathless at rest', 'emergency'],
      ["I'm out of breath even at rest", 'emergency'],
      ["can't catch my breath", 'emergency'],
      ['cant catch my breth after runing', 'emergency'],
      ['short of breath climbing stairs which is new', 'emergency'],
      ['short of breath climbing stairs, this is new', 'emergency'],
      ["out of breth after excercise and it won't settle", 'emergency'],
      ['I never used to get out of breath climbing the stairs', 'emergency'],
      ["I'm not used to getting out of breath on the stairs", 'emergency'],
      ['breathless after walking a few steps', 'emergency'],
      ['suddenly out of breath while swimming', 'emergency'],
      ['out of breath after running and I feel faint', 'emergency'],
      ['breathless after running and wheezing', 'emergency'],
      ['out of breath after the gym and my heart is racing', 'emergency'],
      ['short of breath climbing stairs and chest pain', 'emergency_ambulance'],
      ["I'm out of breath after running for the bus and my chest hurts", 'emergency_ambulance'],
      ['out of breath after running, lips turning blue', 'emergency_ambulance'],
      // A typo never explains breathlessness away ("brain" is one edit from "train").
      ['short of breath after brain surgery', 'emergency'],
    ])('"%s" → %s', (text, level) => {
      expect(redFlagsInText(text)?.level).toBe(level);
    });

    it('keeps exertional breathlessness a red flag in heart disease and pregnancy, and a next-day check in lung disease', () => {
      expect(redFlagsInText('I have heart failure and get breathless climbing stairs')?.level).toBe('emergency');
      expect(redFlagsInText('breathless climbing stairs', { pregnant: true })?.level).toBe('emergency');
      expect(redFlagsInText('breathless after running, I have asthma')?.level).toBe('consultation_24');
      expect(assess({ symptoms: [symptom('out of breath after running for the bus', 3)], age: 30 }).level).toBe('consultation');
    });
  });

  describe('combinations', () => {
    it('raises headache with confusion to an emergency', () => {
      expect(assess({ symptoms: [symptom('headache', 4)] }).level).toBe('consultation');
      expect(assess({ symptoms: [symptom('headache', 4), symptom('confusion', 4)] }).level).toBe('emergency');
    });

    it('raises abdominal pain in pregnancy', () => {
      expect(assess({ symptoms: [symptom('stomach ache', 4)] }).level).toBe('consultation');
      expect(assess({ symptoms: [symptom('stomach ache', 4)], pregnant: true }).level).toBe('emergency');
      expect(assess({ symptoms: [symptom('stomach ache', 2)], pregnant: true }).level).toBe('consultation_24');
    });

    it('raises vomiting or confusion with diabetes', () => {
      expect(assess({ symptoms: [symptom('vomiting', 4)] }).level).toBe('self_care');
      expect(assess({ symptoms: [symptom('vomiting', 4)], conditions: ['type 1 diabetes'] }).level).toBe('emergency');
      expect(assess({ symptoms: [symptom('tired', 4)], freeText: "I'm diabetic and feel confused" }).level).toBe('emergency');
    });

    it('raises infections one step at age ≥ 65 or with a weak immune system', () => {
      const base = assess({ symptoms: [symptom('fever', 4)], age: 40 });
      const older = assess({ symptoms: [symptom('fever', 4)], age: 70 });
      const immune = assess({ symptoms: [symptom('fever', 4)], conditions: ['kidney transplant'] });
      expect(base.level).toBe('self_care');
      expect(older.level).toBe('consultation');
      expect(immune.level).toBe('consultation');
      expect(older.rulesFired).toContain('raised_for_age_or_weak_immunity');
      expect(assess({ symptoms: [symptom('fever', 4)], conditions: ['on chemo'] }).level).toBe('emergency');
    });

    it('does not raise non-infection rules for age', () => {
      expect(assess({ symptoms: [symptom('sprained ankle', 3)], age: 80 }).level).toBe('self_care');
    });
  });

  describe('the assessment it returns', () => {
    const emergencies: Partial<TriageInput>[] = [
      { symptoms: [symptom('chest pain', 8)] },
      { symptoms: [symptom('suicidal', 8)] },
      { symptoms: [symptom('vomiting blood', 5)] },
    ];

    it.each(emergencies)('at emergency levels: advice now, no specialist, no teleconsultation, no self-care (%#)', (input) => {
      const result = assess(input);
      expect(isEmergency(result.level)).toBe(true);
      expect(result.specialist).toBeUndefined();
      expect(result.teleconsultationOk).toBe(false);
      expect(result.selfCare).toEqual([]);
      expect(result.emergencyAdvice).toMatch(/emergency/i);
      expect(result.confidence).toBeGreaterThanOrEqual(0.85);
    });

    it('gives crisis-line advice first for suicidal thoughts and self-harm', () => {
      for (const text of ['I want to end my life', 'thinking about self harm']) {
        const flags = redFlagsInText(text)!;
        expect(flags.level).toBe('emergency');
        expect(flags.emergencyAdvice).toMatch(/^Call or text 988/);
        expect(flags.emergencyAdvice).toMatch(/local emergency number/);
      }
      expect(redFlagsInText('took too many pills')!.emergencyAdvice).toMatch(/988/);
    });

    it('is complete and conservative below emergency level', () => {
      const result = assess({ symptoms: [symptom('sore throat', 3, { durationHours: 48 })], age: 30 });
      expect(result.level).toBe('self_care');
      expect(result.summary).toMatch(/^Sore throat: .+\. This can usually be looked after at home\.$/);
      expect(result.possibleConditions.length).toBeGreaterThan(0);
      expect(result.followUpQuestions.length).toBeGreaterThanOrEqual(2);
      expect(result.selfCare.length).toBeGreaterThan(0);
      expect(result.watchFor.join(' ')).toMatch(/emergency/);
      expect(result.specialist).toBeTruthy();
      expect(result.teleconsultationOk).toBe(true);
      expect(result.emergencyAdvice).toBeUndefined();
    });

    it('gives no self-care at consultation_24 and keeps in-person cases off teleconsultation', () => {
      const result = assess({ symptoms: [symptom('testicle pain', 4)] });
      expect(result.level).toBe('consultation_24');
      expect(result.selfCare).toEqual([]);
      expect(result.teleconsultationOk).toBe(false);
      expect(assess({ symptoms: [symptom('wheeze', 4)] }).teleconsultationOk).toBe(true);
    });

    it('names findings in the summary but never repeats free text', () => {
      const result = assess({ symptoms: [symptom('fever', 6)], freeText: 'My name is Canaryname Zq7Xv and I have a stiff neck', age: 30 });
      expect(result.summary).toMatch(/^Fever and stiff neck: /);
      expect(result.summary).not.toContain('Canaryname');
      expect(JSON.stringify(result)).not.toContain('Canaryname');
    });

    it('lists rule ids most urgent first, each once', () => {
      const { rulesFired } = assess({ symptoms: [symptom('chest pain', 9), symptom('sweating', 6), symptom('runny nose', 2)] });
      expect(rulesFired[0]).toMatch(/^chest_pain/);
      expect(new Set(rulesFired).size).toBe(rulesFired.length);
      expect(rulesFired).toContain('cold_or_flu');
    });

    it('never throws, whatever valid input it gets', () => {
      // Prepare: a deterministic generator of odd but schema-valid inputs
      let seed = 42;
      const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      const pieces = [
        'chest',
        'pain',
        'no',
        'not',
        '39.5',
        '°F',
        'for 3 days',
        '{',
        '|',
        'ünïcödé',
        '🙂',
        "can't",
        'fit',
        'a',
        ',',
        '.',
        '\n',
        'severe',
        '10/10',
        'x'.repeat(60),
        '1e400',
      ];
      const text = (n: number) =>
        Array.from({ length: n }, () => pieces[Math.floor(rnd() * pieces.length)])
          .join(' ')
          .slice(0, 2000) || 'x';
      for (let i = 0; i < 300; i++) {
        const input: TriageInput = {
          symptoms: Array.from({ length: 1 + Math.floor(rnd() * 5) }, () =>
            symptom(
              text(1 + Math.floor(rnd() * 8)).slice(0, 100) || 'x',
              1 + Math.floor(rnd() * 10),
              rnd() < 0.5 ? { durationHours: rnd() * 87_600, onset: rnd() < 0.5 ? 'sudden' : 'gradual' } : {},
            ),
          ),
          ...(rnd() < 0.7 ? { freeText: text(Math.floor(rnd() * 400)) } : {}),
          ...(rnd() < 0.5 ? { age: Math.floor(rnd() * 126) } : {}),
          ...(rnd() < 0.3 ? { pregnant: rnd() < 0.5 } : {}),
          ...(rnd() < 0.3 ? { conditions: [text(3).slice(0, 100) || 'x'] } : {}),
        };
        // Act + Assess
        const result = assessWithRules(input);
        expect(result.rulesFired).not.toContain('engine_fail_safe');
        expect(result.confidence).toBeGreaterThanOrEqual(0);
        expect(result.confidence).toBeLessThanOrEqual(1);
      }
    });
  });

  describe('tables', () => {
    it('reads only known concepts and context flags, and every family has advice', () => {
      const known = new Set([
        ...Object.keys(CONCEPTS),
        ...Object.keys(TOGETHER),
        ...Object.keys(PAIN_SITES),
        'age_0',
        'age_1_2',
        'under_5',
        'under_16',
        'age_50',
        'age_65',
        'pregnancy',
      ]);
      for (const { rule, concept, family } of ruleConcepts()) {
        expect(known.has(concept), `${rule} reads unknown concept ${concept}`).toBe(true);
        expect(FAMILIES[family], `${rule}: family ${family}`).toBeDefined();
      }
    });

    it('has unique, stable, snake_case rule ids and a versioned rule set', () => {
      expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
      for (const id of RULE_IDS) expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(RULE_IDS.length).toBeGreaterThan(150);
      expect(RULES_VERSION).toMatch(/^rules-\d{4}\.\d{1,2}\.\d+$/);
    });

    it('every family gives advice in 8 fields, with emergency advice where its rules reach an emergency', () => {
      for (const [family, text] of Object.entries(FAMILIES)) expect(text.split('|'), family).toHaveLength(8);
    });
  });
});

describe('Function: redFlagsInText', () => {
  it('returns nothing for ordinary chat', () => {
    expect(redFlagsInText('Thanks, that helps. My runny nose is a bit better today.')).toBeUndefined();
    expect(redFlagsInText('')).toBeUndefined();
  });

  it('returns the most urgent finding with its rules and what to do now', () => {
    const flags = redFlagsInText('My mum suddenly has a droopy face and her speech is slurred');
    expect(flags?.level).toBe('emergency_ambulance');
    expect(flags?.rulesFired).toEqual(expect.arrayContaining(['stroke_face_droop', 'stroke_speech_difficulty']));
    expect(flags?.emergencyAdvice).toMatch(/Call emergency services now/);
  });

  it('reports non-emergency red flags without emergency advice', () => {
    const flags = redFlagsInText('my calf is swollen and tender');
    expect(flags).toEqual({ level: 'consultation_24', rulesFired: ['calf_swelling'] });
  });

  it('uses the context: infants with fever, pregnancy with bleeding', () => {
    expect(redFlagsInText('she has a fever')).toBeUndefined();
    expect(redFlagsInText('she has a fever', { age: 0 })?.level).toBe('emergency');
    expect(redFlagsInText('some spotting today')).toBeUndefined();
    expect(redFlagsInText('some spotting today', { pregnant: true })?.level).toBe('emergency');
    expect(redFlagsInText("I'm 10 weeks pregnant and bleeding")?.level).toBe('emergency');
  });
});

describe('Module: rule tables', () => {
  it('ships the tables the engine loads as they are in concepts.ts and rules.ts (else run `npm run generate:triage`)', async () => {
    const { readFileSync } = await import('node:fs');
    const { TRIAGE_TABLES_PATH, triageTables } = await import('../../scripts/generate-triage-tables');
    expect(JSON.parse(readFileSync(TRIAGE_TABLES_PATH, 'utf8'))).toEqual(JSON.parse(JSON.stringify(triageTables())));
  });

  it('ships the phrases the engine loads as they are in concepts.ts (else run `npm run generate:triage`)', async () => {
    const { readFileSync } = await import('node:fs');
    const { TRIAGE_PHRASES_PATH, triagePhrases } = await import('../../scripts/generate-triage-tables');
    expect(readFileSync(TRIAGE_PHRASES_PATH, 'utf8')).toBe(triagePhrases());
  });
});

describe('Function: scan (regressions found by mutation testing and the English word-list check)', () => {
  const concepts = (text: string) => scan(text).map((m) => m.concept);

  it('negates a two-item list closed by "or"', () => {
    expect(concepts('no weakness, numbness or trouble speaking')).toEqual([]);
    expect(concepts('no fever, chest pain')).toContain('chest_pain');
  });

  it('never fuzzes a common English word onto a single-word phrase', () => {
    expect(concepts('she is screaming and short of breath')).not.toContain('allergen_exposure');
    expect(concepts('had a tumble in the garden')).not.toContain('slurred_speech');
    expect(concepts('swam at the beach and drank some water')).not.toContain('poisoning');
    expect(concepts('my son has grown a lot')).not.toContain('testicular_pain');
    expect(concepts('topical cream for a rash, slight fever')).not.toContain('tropical_travel');
    expect(concepts('i feel a bit sadder lately')).not.toContain('snake_bite');
    // Their own misspellings are listed instead.
    expect(concepts('my son drank some of the bleech')).toContain('poisoning');
  });

  it('reads an age in words as an age, not as a duration', () => {
    expect(scan('my 2 year old has a fever').find((m) => m.concept === 'fever')?.hours).toBeUndefined();
    expect(assessWithRules({ symptoms: [{ name: 'fever', severity: 4 }], freeText: 'my 2 year old has a fever' }).rulesFired).not.toContain('fever_over_120h');
  });

  it('reads a duration after "fever" as a duration, not as a temperature', () => {
    expect(concepts('fever for 30 minutes')).not.toContain('hypothermia');
    expect(concepts('temp 34.5')).toContain('hypothermia');
  });

  it('reads comma decimals and folded misspellings of "temperature"', () => {
    expect(concepts('temp 38,5')).toContain('fever');
    expect(concepts('temprature 39.2')).toContain('high_fever');
  });

  it('reads glucose below 70 mg/dL, not at 70, as low', () => {
    expect(concepts('glucose 69 mg/dl')).toContain('low_blood_sugar');
    expect(concepts('glucose 70 mg/dl')).not.toContain('low_blood_sugar');
    expect(concepts('glucose 40 mmol')).toEqual(['high_blood_sugar']);
  });
});

describe('Function: compilePhrases', () => {
  const compile = (CONCEPTS: Record<string, string>, PAIN_SITES: Record<string, string> = {}) =>
    compilePhrases({ CONCEPTS, PAIN_SITES, PAIN_WORDS: 'pain', WORDS: { FILLER: 'my the', NEGATORS: 'no not', UNFOLDED: '' }, ALIASES: {} });
  const read = ({ concepts, phrases }: ReturnType<typeof compile>) =>
    Object.fromEntries(phrases.map((line) => line.split('\t')).map(([key, indexes]) => [key, indexes!.split(',').map((i) => concepts[Number(i)])]));

  it('expands alternatives, folds words and reverses two-word phrases with every concept of their phrase', () => {
    // Act
    const table = read(compile({ a: 'swollen {lips,tongue}', b: 'swollen lips' }, { c: 'chest' }));
    // Assess
    expect(table).toEqual({
      'chest pain': ['c'],
      'pain chest': ['c'],
      'swollen lip': ['a', 'b'],
      'swollen tongu': ['a'],
      'lip swollen': ['a', 'b'],
      'tongu swollen': ['a'],
    });
  });

  it('never reverses a pair holding a filler word or a negator, or one whose reversal is a phrase of its own', () => {
    const table = read(compile({ a: 'my chest|not breathing|eye swelling', b: 'swelling eye' }));
    expect(Object.keys(table)).toEqual(['my chest', 'not breath', 'eye swell', 'swell eye']);
    expect(table['swell eye']).toEqual(['b']);
  });
});

describe('Function: phraseBranches', () => {
  it('files every phrase once, under its first word, in table order, and names every word of every phrase', () => {
    // Prepare
    const { phrases } = compilePhrases({ PAIN_SITES, PAIN_WORDS, CONCEPTS, WORDS, ALIASES });

    // Act
    const { vocab, branches } = phraseBranches(phrases);

    // Assess
    const filed = Object.entries(branches).flatMap(([first, lines]) => lines.split('\n').map((line) => ({ first, line })));
    expect(filed.map(({ line }) => Number(line.split('\t')[0])).sort((a, b) => a - b)).toEqual(phrases.map((_, i) => i));
    for (const { first, line } of filed) {
      const [order = '', ...rest] = line.split('\t');
      expect(rest.join('\t')).toBe(phrases[Number(order)]);
      expect(rest[0]!.split(' ')[0]).toBe(first);
    }
    for (const lines of Object.values(branches)) {
      const orders = lines.split('\n').map((line) => Number(line.split('\t')[0]));
      expect(orders).toEqual([...orders].sort((a, b) => a - b));
    }
    expect(new Set(vocab.split(' '))).toEqual(new Set(phrases.flatMap((line) => line.split('\t')[0]!.split(' ').filter(Boolean))));
  });
});
