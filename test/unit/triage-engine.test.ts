import { describe, expect, it } from 'vitest';
import type { TriageInput } from '../../shared/contracts/triage';
import { urgencyRank } from '../../shared/triage/levels';
import { ENGINE_IDS, RULE_IDS, assessWithRules, redFlagsInText } from '../../shared/triage/rules/engine';
import { RULES } from '../../shared/triage/rules/rules';
import { TABLES } from '../../shared/triage/rules/tables';
import { fold, scan, withinOneEdit } from '../../shared/triage/rules/text';

/**
 * The mechanisms of the rules engine and its text reader, pinned one by one (mutation testing,
 * `npm run mutation`). Clinical coverage lives in `triage-rules.test.ts`; this file asserts how
 * text is read and how an assessment is assembled, through the public functions only. Where a
 * mechanism needs a concrete rule, it uses a long-standing one; if a rule's level changes on
 * purpose, change the example, not the mechanism.
 */

const concepts = (text: string): string[] => scan(text).map((m) => m.concept);
const symptom = (name: string, severity = 5, more: Partial<TriageInput['symptoms'][number]> = {}) => ({ name, severity, ...more });
const assess = (input: Partial<TriageInput>) => assessWithRules({ symptoms: [symptom('feeling unwell', 4)], ...input });
/** A family's advice fields: summary | conditions | question | self-care | watch for | specialist | emergency advice | flags. */
const family = (name: string): string[] => TABLES.FAMILIES[name]!.split('|');
const list = (field: string): string[] => (field ? field.split(';') : []);
const CALL_AMBULANCE = 'Call emergency services now (911 in the US, 999 in the UK, 112 in the EU). Do not drive yourself.';
const GO_TO_ED =
  'Go to an emergency department now, or call emergency services (911 in the US, 999 in the UK, 112 in the EU) if you cannot get there safely or it gets worse.';
const GENERIC_QUESTIONS = [
  'How long has it lasted, and is it getting worse?',
  'Any other symptoms, such as fever or pain elsewhere?',
  'Any long-term conditions, pregnancy or regular medicines?',
];
const GENERIC_SELF_CARE = ['Rest and drink plenty of fluids', 'Paracetamol or ibuprofen if suitable for you, following the label'];
/** A symptom no concept matches (a made-up word, so that new phrases never make it recognised). */
const UNRECOGNISED = 'xyzzy';
const GENERIC_WATCH = 'Chest pain, trouble breathing, confusion, fainting or severe pain: get emergency care';

describe('Function: fold', () => {
  it.each([
    ['drowsiness', 'drowsy'],
    ['dizziness', 'dizzy'],
    ['stiffness', 'stiff'],
    ['illness', 'illness'],
    ['babies', 'baby'],
    ['injuries', 'injury'],
    ['ties', 'tie'],
    ['gas', 'gas'],
    ['pains', 'pain'],
    ['glass', 'glass'],
    ['virus', 'virus'],
    ['vomiting', 'vomit'],
    ['bring', 'bring'],
    ['vomited', 'vomit'],
    ['freed', 'freed'],
    ['stopped', 'stop'],
    ['dressed', 'dress'],
    ['falling', 'fall'],
    ['butt', 'butt'],
    ['breathe', 'breath'],
    ['knee', 'knee'],
    ['the', 'the'],
  ])('folds %s to %s', (word, folded) => {
    // Act
    const result = fold(word);

    // Assess
    expect(result).toBe(folded);
  });

  it.each(['fitting', 'spotting', 'cutting', 'confusing', 'stabbing', 'hives', 'fainted', 'fainting', 'sobbed', 'stroked', 'stroking'])(
    'leaves %s as written',
    (word) => {
      // Act
      const result = fold(word);

      // Assess
      expect(result).toBe(word);
    },
  );

  it.each([
    ['pian', 'pain'],
    ['chst', 'chest'],
    ['poop', 'poo'],
    ['confussed', 'confus'],
  ])('maps the misspelling %s to %s', (word, folded) => {
    // Act
    const result = fold(word);

    // Assess
    expect(result).toBe(folded);
  });
});

describe('Function: withinOneEdit', () => {
  it.each([
    ['pain', 'pain'],
    ['seizure', 'seozure'],
    ['fever', 'sever'],
    ['fever', 'feves'],
    ['siezure', 'seizure'],
    ['efver', 'fever'],
    ['fever', 'fevers'],
    ['fevers', 'fever'],
    ['xfever', 'fever'],
    ['fever', 'xfever'],
    ['unconcious', 'unconscious'],
  ])('accepts %s ~ %s', (a, b) => {
    // Act
    const result = withinOneEdit(a, b);

    // Assess
    expect(result).toBe(true);
  });

  it.each([
    ['abcd', 'wxyz'],
    ['fever', 'fxvxr'],
    ['siezurr', 'seizure'],
    ['abcd', 'bxcd'],
    ['abcd', 'xacd'],
    ['abcd', 'xycd'],
    ['fevers', 'fxver'],
    ['fxver', 'fevers'],
    ['ab', 'abcd'],
    ['abcd', 'ab'],
    ['fever', 'feverish'],
  ])('rejects %s ~ %s', (a, b) => {
    // Act
    const result = withinOneEdit(a, b);

    // Assess
    expect(result).toBe(false);
  });
});

describe('Function: scan', () => {
  describe('mentions', () => {
    it('reports each concept once, with its flags and no hours when none were said', () => {
      // Act
      const mentions = scan('chest pain');

      // Assess
      expect(mentions).toStrictEqual([{ concept: 'chest_pain', severe: false, sudden: false }]);
    });

    it('adds the hours a clause states', () => {
      // Act
      const mentions = scan('chest pain for 2 hours');

      // Assess
      expect(mentions).toStrictEqual([{ concept: 'chest_pain', severe: false, sudden: false, hours: 2 }]);
    });

    it('gives a phrase every concept it means', () => {
      // Act
      const result = concepts('cardiac arrest');

      // Assess
      expect(result).toEqual(['heart_attack', 'loss_of_consciousness']);
    });

    it('keeps only the concepts the filter accepts', () => {
      // Act
      const result = concepts('heart attack and chest pain, diabetic');

      // Assess
      expect(scan('heart attack and chest pain, diabetic', (c) => c.startsWith('c_')).map((m) => m.concept)).toEqual(['c_heart_disease', 'c_diabetes']);
      expect(result).toEqual(expect.arrayContaining(['heart_attack', 'chest_pain', 'c_heart_disease', 'c_diabetes']));
    });

    it('finds nothing in empty or punctuation-only text', () => {
      // Assess
      expect(scan('')).toEqual([]);
      expect(scan(' ,;. ')).toEqual([]);
    });
  });

  describe('misspellings', () => {
    it.each([
      ['pian in my chest', 'chest_pain'],
      ['paim in my chest', 'chest_pain'],
      ['payn in my chest', 'chest_pain'],
      ['short of breth', 'breathlessness'],
      ['fevr', 'fever'],
      ['feva', 'fever'],
      ['feaver', 'fever'],
      ['hed ache', 'headache'],
      ['stif neck', 'stiff_neck'],
      ['chst pain', 'chest_pain'],
      ['black poop', 'black_stools'],
      ['tumy ache', 'abdominal_pain'],
      ['diahorrea', 'diarrhoea'],
      ['confussed', 'confusion'],
      ['confuzed', 'confusion'],
      ['comfused', 'confusion'],
      ['confusd', 'confusion'],
      ['cunfused', 'confusion'],
      ['he is unconcious', 'loss_of_consciousness'],
      ['he is unconsciou', 'loss_of_consciousness'],
      ['chset pain', 'chest_pain'],
      ['heart atack', 'heart_attack'],
      ['haert attack', 'heart_attack'],
    ])('reads "%s" as %s', (text, concept) => {
      // Act
      const result = concepts(text);

      // Assess
      expect(result).toContain(concept);
    });

    it('never corrects a word of 4 letters or fewer', () => {
      // Assess
      expect(concepts('ches pain')).not.toContain('chest_pain');
      expect(concepts('hart attack')).toEqual([]);
    });

    it('corrects a typo in the first letter too', () => {
      // Act
      const result = concepts('xhest pain');

      // Assess
      expect(result).toEqual(['chest_pain']);
    });

    it('lets the phrase decide between several corrections ("sallow")', () => {
      // Assess
      expect(concepts('cant sallow spit')).toEqual(['drooling']);
      expect(concepts('sallow battery')).toEqual(['poisoning']);
      expect(concepts('sallow breathing')).toEqual(['slow_breathing']);
    });

    it('never makes a multi-word finding from typos alone', () => {
      // Act
      const result = concepts('haert atack');

      // Assess
      expect(result).toEqual([]);
    });

    it('never corrects onto a word that explains a finding away (a typo never lowers a level)', () => {
      // Act
      const result = concepts("I'm confused abuot my meds");

      // Assess
      expect(result).toEqual(['confusion']);
    });

    it('never corrects a filler word ("started" is not "starved")', () => {
      // Act
      const result = concepts('after a break I started myself again');

      // Assess
      expect(result).toEqual([]);
    });

    it('still reads the explaining word as written', () => {
      // Act
      const result = concepts("I'm confused about my meds");

      // Assess
      expect(result).not.toContain('confusion');
    });
  });

  describe('words kept as written', () => {
    it.each([
      ['I feel fit', 'seizure'],
      ['a spot on my nose', 'bleeding'],
      ['I cut myself shaving', 'self_harm'],
      ['this form is confusing', 'confusion'],
      ['the pain has been stabbing', 'major_trauma'],
      ['hives on my arms', 'c_immunosuppressed'],
      ['I feel faint', 'fainting'],
      ['she sobbed', 'breathlessness'],
      ['I stroked the cat', 'stroke'],
      ['stroking the dog', 'stroke'],
    ])('does not read "%s" as %s', (text, concept) => {
      // Act
      const result = concepts(text);

      // Assess
      expect(result).not.toContain(concept);
    });

    it.each([
      ['he is fitting', 'seizure'],
      ['some spotting', 'bleeding'],
      ['I have been cutting myself', 'self_harm'],
      ['I fainted', 'fainting'],
    ])('reads "%s" as %s', (text, concept) => {
      // Act
      const result = concepts(text);

      // Assess
      expect(result).toContain(concept);
    });
  });

  describe('contractions', () => {
    it.each(['I cannot breathe', 'I can not breathe', 'I am unable to breathe', "I can't breathe", 'I couldnt breathe'])(
      'reads "%s" as severe breathlessness',
      (text) => {
        // Act
        const result = concepts(text);

        // Assess
        expect(result).toContain('severe_breathlessness');
      },
    );

    it.each(["I don't have chest pain", "I haven't had chest pain", "it wasn't chest pain", 'I didnt have chest pain'])('reads "%s" as a negation', (text) => {
      // Act
      const result = concepts(text);

      // Assess
      expect(result).not.toContain('chest_pain');
    });
  });

  describe('phrase matching', () => {
    it('matches a two-word phrase reversed', () => {
      // Act
      const result = concepts('pain in my chest');

      // Assess
      expect(result).toEqual(['chest_pain']);
    });

    it('lets up to 6 filler words sit between phrase words, not 7', () => {
      // Act
      const six = concepts(`tummy ${'very '.repeat(6)}ache`);
      const seven = concepts(`tummy ${'very '.repeat(7)}ache`);

      // Assess
      expect(six).toContain('abdominal_pain');
      expect(seven).not.toContain('abdominal_pain');
    });

    it('never reverses a phrase holding a negator, a filler word or "cant"', () => {
      // Assess
      expect(concepts('sleep cant')).toEqual([]);
      expect(concepts('urine no')).toEqual([]);
      expect(concepts('dying im')).not.toContain('very_unwell');
    });

    it('does not let a reversed phrase take over another explicit phrase', () => {
      // Act
      const periodHeavy = concepts('my period feels heavy');
      const heavyPeriod = concepts('heavy period');

      // Assess
      expect(periodHeavy).toEqual(['period_pain']);
      expect(heavyPeriod).toEqual(['heavy_period']);
    });

    it('ends a phrase at its last word, so a filler word after it can start the next', () => {
      // Act
      const result = concepts('out of breath feel sick');

      // Assess
      expect(result).toEqual(['breathlessness', 'nausea']);
    });

    it('prefers, of two phrases ending at the same word, the one with more words, then the earlier', () => {
      // Assess
      expect(concepts('neck really hurts')).toEqual(['neck_pain']);
      expect(concepts('throat feels tight')).toEqual(['airway_swelling']);
    });

    it('reports a concept once per phrase, however often the tables list the phrase for it', () => {
      // Act
      const result = concepts('wont stop');

      // Assess
      expect(result).toEqual([...new Set(result)]);
      expect(result).toContain('not_stopping');
    });

    it('lets the longest phrase shadow the shorter one', () => {
      // Assess
      expect(concepts('hay fever')).toEqual(['hay_fever']);
      expect(concepts('cough up blood')).toEqual(['coughing_blood']);
    });
  });

  describe('clauses', () => {
    it.each([
      'No fever. Chest pain.',
      'No fever; chest pain',
      'No fever! Chest pain',
      'No fever? Chest pain',
      'No fever, chest pain',
      'No fever: chest pain',
      'No fever (chest pain)',
      'No fever [chest pain]',
      'No fever\nchest pain',
      'No fever but chest pain',
      'No fever however chest pain',
      'No fever although chest pain',
      'No fever though chest pain',
      'No fever except chest pain',
      'No fever whereas chest pain',
      'No fever yet chest pain',
      'no fever But chest pain',
    ])('splits "%s" so the negation stays in its clause', (text) => {
      // Act
      const result = concepts(text);

      // Assess
      expect(result).toEqual(['chest_pain']);
    });

    it('does not split a decimal number', () => {
      // Act
      const result = concepts('thermometer says 100.5F');

      // Assess
      expect(result).toEqual(['fever']);
    });

    it('keeps a duration to its own clause', () => {
      // Act
      const mentions = scan('chest pain. it started 3 days ago');

      // Assess
      expect(mentions).toStrictEqual([{ concept: 'chest_pain', severe: false, sudden: false }]);
    });
  });

  describe('negation', () => {
    it('drops a finding with a negator up to 3 counted words before it', () => {
      // Act
      const result = concepts('no dull nagging chest pain');

      // Assess
      expect(result).toEqual([]);
    });

    it('keeps a finding with the negator 4 counted words before it', () => {
      // Act
      const result = concepts('no dull nagging recurring chest pain');

      // Assess
      expect(result).toEqual(['chest_pain']);
    });

    it('does not count filler words or "or"', () => {
      // Assess
      expect(concepts('no cough fever or rash')).toEqual([]);
      expect(concepts('denies headache nausea or rash')).toEqual([]);
      expect(concepts("I don't have a fever or a stiff neck")).toEqual([]);
      expect(concepts('not had any of the chest pain')).toEqual([]);
    });

    it('stops at "and", "with", "plus", "also", "then"', () => {
      // Assess
      expect(concepts('no fever and chest pain')).toEqual(['chest_pain']);
      expect(concepts('no fever with chest pain')).toEqual(['chest_pain']);
      expect(concepts('no fever plus chest pain')).toEqual(['chest_pain']);
      expect(concepts('no fever also chest pain')).toEqual(['chest_pain']);
      expect(concepts('no fever then chest pain')).toEqual(['chest_pain']);
    });

    it('ignores a pseudo-negation ("no relief")', () => {
      // Act
      const result = concepts('no relief from chest pain');

      // Assess
      expect(result).toContain('chest_pain');
    });

    it('reads "never … before" and "not used to" as a first time, not an absence', () => {
      // Assess
      expect(concepts('never had chest pain like this before')).toEqual(['chest_pain']);
      expect(concepts('not used to this chest pain')).toContain('chest_pain');
    });

    it('still reads another negator as an absence in a first-time clause', () => {
      // Act
      const result = concepts('no chest pain like this before');

      // Assess
      expect(result).toEqual([]);
    });
  });

  describe('history', () => {
    it.each([
      'had a stroke a year ago',
      'had a stroke 2 years ago',
      'had a stroke a month ago',
      'had a stroke 3 months ago',
      'had a stroke last year',
      'history of a mild stroke',
    ])('reads "%s" as a past event, not a stroke now', (text) => {
      // Act
      const result = concepts(text);

      // Assess
      expect(result).not.toContain('stroke');
    });

    it('keeps an event now when a history word comes after it', () => {
      // Act
      const result = concepts('having a stroke with no prior warning');

      // Assess
      expect(result).toContain('stroke');
    });

    it('keeps an event now when the history word is more than 4 words before it', () => {
      // Act
      const result = concepts('history of high blood pressure and now a stroke');

      // Assess
      expect(result).toContain('stroke');
    });

    it('reads a past heart attack as heart disease, not a heart attack now', () => {
      // Act
      const result = concepts('history of heart attack');

      // Assess
      expect(result).toEqual(['c_heart_disease']);
    });
  });

  describe('severity and onset', () => {
    it.each(['chest pain 8/10', 'chest pain 9 out of 10', 'chest pain 10 / 10', 'chest pain 8 / 10', 'chest pain that is severe', 'severe chest pain'])(
      'marks "%s" severe',
      (text) => {
        // Act
        const [mention] = scan(text);

        // Assess
        expect(mention).toMatchObject({ concept: 'chest_pain', severe: true });
      },
    );

    it.each(['chest pain 7/10', 'chest pain, 10/10 for the headache', 'severe itching on my legs and also chest pain'])(
      'does not mark the chest pain in "%s" severe',
      (text) => {
        // Act
        const mention = scan(text).find((m) => m.concept === 'chest_pain');

        // Assess
        expect(mention).toMatchObject({ severe: false });
      },
    );

    it('marks a sudden clause', () => {
      // Act
      const [mention] = scan('suddenly unsteady');

      // Assess
      expect(mention).toMatchObject({ concept: 'loss_of_balance', sudden: true });
    });
  });

  describe('durations', () => {
    it.each([
      ['headache for two days', 48],
      ['headache for 30 minutes', 0.5],
      ['headache for 1.5 days', 36],
      ['headache for 1.25 days', 30],
      ['headache for a day', 24],
      ['headache for 1 day', 24],
      ['headache for two  days', 48],
      ['headache for a couple of weeks', 336],
      ['headache for a couple of  weeks', 336],
      ['headache for 2 months', 1440],
      ['headache for a year', 8760],
      ['headache for 3 nights', 72],
      ['headache for 3days', 72],
      ['headache for 3 days and 2 hours', 72],
      ['headache for 2 hours and 3 days', 72],
    ])('reads "%s" as %s hours', (text, hours) => {
      // Act
      const [mention] = scan(text);

      // Assess
      expect(mention).toStrictEqual({ concept: 'headache', severe: false, sudden: false, hours });
    });

    it.each(['headache today', 'headache for 0 days'])('reads no duration in "%s"', (text) => {
      // Act
      const [mention] = scan(text);

      // Assess
      expect(mention).toStrictEqual({ concept: 'headache', severe: false, sudden: false });
    });
  });

  describe('temperatures', () => {
    it.each([
      ['39.5C', ['fever', 'high_fever']],
      ['39C', ['fever', 'high_fever']],
      ['39 C', ['fever', 'high_fever']],
      ['39 deg', ['fever', 'high_fever']],
      ['39 degrees', ['fever', 'high_fever']],
      ['thermometer says 39', ['fever', 'high_fever']],
      ['thermometer says 101', ['fever']],
      ['thermometer 100.5', ['fever']],
      ['100.5 F', ['fever']],
      ['101 F', ['fever']],
      ['37.9 C', []],
      ['38 C', ['fever']],
      ['38.9 C', ['fever']],
      ['45 C', ['fever', 'high_fever']],
      ['113 F', ['fever', 'high_fever']],
      ['45.1 C', []],
      ['45.5 C', []],
      ['35 C', []],
      ['34.9 C', ['hypothermia']],
      ['25 C', ['hypothermia']],
      ['24.9 C', []],
      ['thermometer 90', ['hypothermia']],
      ['thermometer 86 F', ['hypothermia']],
      ['86 F', ['hypothermia']],
      ['she is 39 years old', []],
      ['room 39', []],
    ])('reads "%s" as %j', (text, expected) => {
      // Act
      const result = concepts(text);

      // Assess
      expect(result).toEqual(expected);
    });
  });
});

describe('Function: scan (numbers, lists and combinations)', () => {
  describe('combinations of findings', () => {
    it('combines parts in order into their concept, never reporting the cues', () => {
      // Assess
      expect(concepts('took a whole strip of pills')).toEqual(['overdose']);
      expect(concepts('took pills a whole strip')).toEqual(['overdose']);
      expect(concepts('took')).toEqual([]);
    });

    it('needs the parts in order', () => {
      // Act
      const result = concepts('pills took a whole strip');

      // Assess
      expect(result).toEqual([]);
    });

    it('lets up to 4 counted words sit between parts, filler words not counted', () => {
      // Assess
      expect(concepts('took the whole strip of my blue white round small pills')).toEqual(['overdose']);
      expect(concepts('took the whole strip of my blue white round small shiny pills')).toEqual([]);
      expect(concepts('took a whole strip of my very very very very pills')).toEqual(['overdose']);
    });

    it('stops at "and then", "before"…', () => {
      // Assess
      expect(concepts('took a whole strip and then some pills')).toEqual([]);
      expect(concepts('took a whole strip before pills')).toEqual([]);
    });

    it('is severe when any of its parts is', () => {
      // Act
      const [mention] = scan('took them this morning far too many terrible paracetamol');

      // Assess
      expect(mention).toStrictEqual({ concept: 'overdose', severe: true, sudden: false });
    });

    it('is not severe when none of its parts is', () => {
      // Act
      const [mention] = scan('took far too many paracetamol');

      // Assess
      expect(mention).toStrictEqual({ concept: 'overdose', severe: false, sudden: false });
    });
  });

  describe('counts', () => {
    it.each(['took 10 paracetamol', 'took 24 paracetamol', 'took 100 paracetamol', 'took 1000 paracetamol', 'took 24 paracetamol tablets'])(
      'reads "%s" as numerous',
      (text) => {
        // Act
        const result = concepts(text);

        // Assess
        expect(result).toEqual(['overdose']);
      },
    );

    it.each(['took 9 paracetamol', 'took 09 paracetamol', 'took 5 paracetamol', 'took 10000 paracetamol', 'took 20 mg paracetamol', 'took 1e2 paracetamol'])(
      'does not read "%s" as numerous',
      (text) => {
        // Act
        const result = concepts(text);

        // Assess
        expect(result).toEqual([]);
      },
    );
  });

  describe('blood sugars', () => {
    it.each([
      ['sugar 28', ['high_blood_sugar']],
      ['sugar 20', ['high_blood_sugar']],
      ['sugar 19.9', []],
      ['sugar 2.1', ['low_blood_sugar']],
      ['sugar is 2.1', ['low_blood_sugar']],
      ['sugars 2.1', ['low_blood_sugar']],
      ['bm of 2.1', ['low_blood_sugar']],
      ['bm 2.1', ['low_blood_sugar']],
      ['bms 2.1', ['low_blood_sugar']],
      ['bg 2.1', ['low_blood_sugar']],
      ['bgs 2.1', ['low_blood_sugar']],
      ['reading 2.1', ['low_blood_sugar']],
      ['sugar 3.9', ['low_blood_sugar']],
      ['sugar 4', []],
      ['sugar 0.6', ['low_blood_sugar']],
      ['sugar 0.5', []],
      ['glucose 35', ['high_blood_sugar']],
      ['glucose 35.5', ['low_blood_sugar']],
      ['glucose 36', ['low_blood_sugar']],
      ['glucose 450 mg', ['high_blood_sugar']],
      ['glucose 450mg', ['high_blood_sugar']],
      ['glucose 360mg', ['high_blood_sugar']],
      ['glucose 30 mg', ['low_blood_sugar']],
      ['glucose 25 mmol', ['high_blood_sugar']],
      ['glucose 40 mmol', ['high_blood_sugar']],
      ['glucose 100 mmol', ['high_blood_sugar']],
      ['glucose 101 mmol', []],
      ['glucose 100', []],
    ])('reads "%s" as %j', (text, expected) => {
      // Act
      const result = concepts(text);

      // Assess
      expect(result).toEqual(expected);
    });

    it('reports a reading as neither severe nor sudden', () => {
      // Act
      const mentions = scan('sugar 28');

      // Assess
      expect(mentions).toStrictEqual([{ concept: 'high_blood_sugar', severe: false, sudden: false }]);
    });
  });

  describe('oxygen saturations', () => {
    it.each([
      ['sats 90', ['low_oxygen']],
      ['sats 92', ['low_oxygen']],
      ['sats 93', []],
      ['sats 50', ['low_oxygen']],
      ['sats 49', []],
      ['sats are 90', ['low_oxygen']],
      ['saturation 90', ['low_oxygen']],
      ['saturations 88', ['low_oxygen']],
      ['oxygen level 90%', ['low_oxygen']],
      ['spo2 88', ['low_oxygen']],
      ['o2 88', ['low_oxygen']],
      ['oximeter 88', ['low_oxygen']],
      ['pulse ox 88', ['low_oxygen']],
    ])('reads "%s" as %j', (text, expected) => {
      // Act
      const result = concepts(text);

      // Assess
      expect(result).toEqual(expected);
    });

    it('reports a saturation as neither severe nor sudden', () => {
      // Act
      const mentions = scan('sats 90');

      // Assess
      expect(mentions).toStrictEqual([{ concept: 'low_oxygen', severe: false, sudden: false }]);
    });
  });

  describe('ages in words', () => {
    it.each([
      ['3 day old', 'age_0'],
      ['6 weeks old', 'age_0'],
      ['6 wk old', 'age_0'],
      ['a few weeks old', 'age_0'],
      ['a couple of months old', 'age_0'],
      ['a couple of  months old', 'age_0'],
      ['a couple  of months old', 'age_0'],
      ['10 month old', 'age_0'],
      ['11 months old', 'age_0'],
      ['4 mth old', 'age_0'],
      ['2 mo old', 'age_0'],
      ['12 month old', 'age_1_2'],
      ['18-month-old', 'age_1_2'],
      ['18 months-old', 'age_1_2'],
      ['35 month old', 'age_1_2'],
      ['1 year old', 'age_1_2'],
      ['a 2 year old', 'age_1_2'],
      ['2 years old', 'age_1_2'],
      ['2 years  old', 'age_1_2'],
      ['2yr old', 'age_1_2'],
      ['two year old', 'age_1_2'],
    ])('reads "%s" as %s', (text, concept) => {
      // Act
      const result = concepts(text);

      // Assess
      expect(result).toEqual([concept]);
    });

    it.each(['36 month old', '3 years old', '5 yr old', '3 weeks of old', 'an old cough'])('reads no young age in "%s"', (text) => {
      // Act
      const result = concepts(text);

      // Assess
      expect(result).not.toContain('age_0');
      expect(result).not.toContain('age_1_2');
    });
  });

  describe('normal temperatures', () => {
    it.each(['temp 37.5', 'temp 35', 'temp 37.9', 'fever 37.5', '37.5 C'])('reads "%s" as no fever', (text) => {
      // Act
      const result = concepts(text);

      // Assess
      expect(result).toEqual([]);
    });

    it('still reads the other findings of that clause', () => {
      // Act
      const result = concepts('temp 37.5 and a cough');

      // Assess
      expect(result).toEqual(['cough']);
    });

    it('keeps the fever when the clause also states a fever', () => {
      // Act
      const result = concepts('temp went from 37.5 to 38.5 C');

      // Assess
      expect(result).toEqual(['fever', 'fever']);
    });

    it('keeps "temp" a fever at 38, below 35 and with an implausible reading', () => {
      // Assess
      expect(concepts('temp 46 C')).toEqual(['fever']);
      expect(concepts('temp 38')).toEqual(['fever', 'fever']);
      expect(concepts('temp 34.9')).toEqual(['hypothermia', 'fever']);
    });
  });

  describe('negated lists', () => {
    it('keeps the items of a negated list closed by "or" negated', () => {
      // Assess
      expect(concepts('no fever, chest pain, cough or wheeze')).toEqual([]);
      expect(concepts('no fever, chills, weight loss or recent infections')).toEqual([]);
      expect(concepts('no fever, chest pain, cough nor wheeze')).toEqual([]);
    });

    it('counts only words that are not filler words in a list item, up to 5', () => {
      // Assess
      expect(concepts('no fever, sharp central chest pain at night, cough or wheeze')).toEqual([]);
      expect(concepts('no fever, a pain in the left side of my chest, cough or wheeze')).toEqual([]);
      expect(concepts('no fever, sharp stabbing-burning chest pain at night, cough or wheeze')).toEqual(['chest_pain', 'cough', 'wheeze']);
    });

    it('reads the negator through quotes', () => {
      // Act
      const result = concepts("'No fever, chest pain, cough or wheeze'");

      // Assess
      expect(result).toEqual([]);
    });

    it('keeps the items when the list is not closed by "or"', () => {
      // Act
      const result = concepts('no fever, chest pain, cough');

      // Assess
      expect(result).toEqual(['chest_pain', 'cough']);
    });

    it('keeps the items when the first clause is not negated', () => {
      // Act
      const result = concepts('Fever, chest pain, cough or wheeze');

      // Assess
      expect(result).toEqual(['fever', 'chest_pain', 'cough', 'wheeze']);
    });

    it('continues a list only over commas', () => {
      // Act
      const result = concepts('no fever; chest pain, cough or wheeze');

      // Assess
      expect(result).toEqual(['chest_pain', 'cough', 'wheeze']);
    });

    it('ends a list at an item of more than 5 counted words', () => {
      // Act
      const result = concepts('no fever, crushing chest pain spreading down my left arm, cough or wheeze');

      // Assess
      expect(result).toEqual(expect.arrayContaining(['chest_pain', 'cough', 'wheeze']));
    });

    it('negates only the items up to the closing "or"', () => {
      // Act
      const result = concepts('no fever, cough or wheeze, chest pain');

      // Assess
      expect(result).toEqual(['chest_pain']);
    });

    it('reads a later negated list in the same text', () => {
      // Act
      const result = concepts('chest pain. No fever, cough or wheeze, rash');

      // Assess
      expect(result).toEqual(['chest_pain', 'rash']);
    });
  });

  describe('negation reach', () => {
    it('does not count "thoughts", "plans"… in the reach', () => {
      // Assess
      expect(concepts('no thoughts of ending my life')).toEqual([]);
      expect(concepts('no plans or intentions to end my life')).toEqual([]);
    });
  });
});

describe('Function: assessWithRules', () => {
  describe('qualifiers', () => {
    it('reads "?" as a structured severity of at most 3', () => {
      // Act
      const three = assess({ symptoms: [symptom('shortness of breath', 3)] });
      const four = assess({ symptoms: [symptom('shortness of breath', 4)] });

      // Assess
      expect(three.rulesFired).toContain('breathing_difficulty_mild');
      expect(three.level).toBe('consultation_24');
      expect(four.rulesFired).not.toContain('breathing_difficulty_mild');
      expect(four.level).toBe('emergency');
    });

    it('never reads free text as mild', () => {
      // Act
      const result = assessWithRules({ symptoms: [symptom(UNRECOGNISED, 2)], freeText: 'a bit short of breath' });

      // Assess
      expect(result.rulesFired).not.toContain('breathing_difficulty_mild');
      expect(result.level).toBe('emergency');
    });

    it('reads "~" as severity at most 4 for at least 168 hours', () => {
      // Act
      const persistent = assess({ symptoms: [symptom('chest pain', 4, { durationHours: 168 })] });
      const shorter = assess({ symptoms: [symptom('chest pain', 4, { durationHours: 167 })] });
      const stronger = assess({ symptoms: [symptom('chest pain', 5, { durationHours: 200 })] });
      const sudden = assess({ symptoms: [symptom('chest pain', 4, { durationHours: 200, onset: 'sudden' })] });

      // Assess
      expect(persistent.rulesFired).toContain('chest_pain_persistent');
      expect(persistent.level).toBe('consultation_24');
      for (const result of [shorter, stronger, sudden]) {
        expect(result.rulesFired).not.toContain('chest_pain_persistent');
        expect(result.level).toBe('emergency');
      }
    });

    it('needs every structured report of the symptom to be long-standing for "~"', () => {
      // Act
      const result = assess({ symptoms: [symptom('chest pain', 4, { durationHours: 200 }), symptom('pain in my chest', 3, { durationHours: 24 })] });

      // Assess
      expect(result.rulesFired).not.toContain('chest_pain_persistent');
    });

    it('does not let free text repeating a structured symptom cancel its "~"', () => {
      // Act
      const result = assess({ symptoms: [symptom('chest pain', 3, { durationHours: 200 })], freeText: 'the chest pain comes and goes' });

      // Assess
      expect(result.rulesFired).toContain('chest_pain_persistent');
      expect(result.level).toBe('consultation_24');
    });

    it('reads "!" as a structured severity of 8 or more, or a severe word', () => {
      // Act
      const eight = assess({ symptoms: [symptom('chest pain', 8)] });
      const seven = assess({ symptoms: [symptom('chest pain', 7)] });
      const worded = assess({ symptoms: [symptom(UNRECOGNISED, 2)], freeText: 'severe chest pain' });

      // Assess
      expect(eight.rulesFired).toContain('chest_pain_severe');
      expect(seven.rulesFired).not.toContain('chest_pain_severe');
      expect(worded.rulesFired).toContain('chest_pain_severe');
    });

    it('reads "^" as a sudden onset or a sudden word', () => {
      // Act
      const structured = assess({ symptoms: [symptom('unsteady', 5, { onset: 'sudden' })] });
      const gradual = assess({ symptoms: [symptom('unsteady', 5, { onset: 'gradual' })] });
      const worded = assess({ freeText: 'suddenly unsteady' });

      // Assess
      expect(structured.rulesFired).toContain('loss_of_balance_sudden');
      expect(gradual.rulesFired).not.toContain('loss_of_balance_sudden');
      expect(worded.rulesFired).toContain('loss_of_balance_sudden');
    });

    it('reads ">N" as lasting at least N hours', () => {
      // Act
      const fortyEight = assess({ symptoms: [symptom('vomiting', 4, { durationHours: 48 })] });
      const fortySeven = assess({ symptoms: [symptom('vomiting', 4, { durationHours: 47 })] });
      const worded = assess({ symptoms: [symptom('vomiting', 4)], freeText: 'vomiting for 2 days' });

      // Assess
      expect(fortyEight.rulesFired).toContain('vomiting_over_48h');
      expect(fortySeven.rulesFired).not.toContain('vomiting_over_48h');
      expect(worded.rulesFired).toContain('vomiting_over_48h');
    });
  });

  describe('context', () => {
    it.each([
      [1, true],
      [2, true],
      [0, false],
      [3, false],
    ])('reads age %i as a toddler: %s', (age, toddler) => {
      // Act
      const result = assess({ symptoms: [symptom('high fever', 6)], age });

      // Assess
      expect(result.rulesFired.includes('toddler_with_high_fever')).toBe(toddler);
    });

    it.each([
      [0, true],
      [4, true],
      [5, false],
      [30, false],
    ])('reads age %i as under 5: %s', (age, young) => {
      // Act
      const result = assess({ symptoms: [symptom('drowsy', 5)], age });

      // Assess
      expect(result.rulesFired.includes('drowsiness_with_young_child')).toBe(young);
    });

    it.each([
      [50, true],
      [49, false],
    ])('reads age %i as over 50: %s', (age, over50) => {
      // Act
      const result = assess({ symptoms: [symptom('headache', 5)], age });

      // Assess
      expect(result.rulesFired.includes('headache_new_after_50')).toBe(over50);
    });

    it.each([
      [65, true],
      [64, false],
    ])('reads age %i as an older adult: %s', (age, older) => {
      // Act
      const result = assess({ symptoms: [symptom('dizzy', 5)], age });

      // Assess
      expect(result.rulesFired.includes('lightheadedness_with_older_adult')).toBe(older);
    });

    it('reads an infant or a toddler told in words as under 5', () => {
      // Act
      const baby = redFlagsInText('my baby is very drowsy');
      const toddler = redFlagsInText('my toddler is drowsy');
      const adult = redFlagsInText('I am very drowsy', { age: 30 });

      // Assess
      expect(baby?.rulesFired).toContain('drowsiness_with_young_child');
      expect(toddler?.rulesFired).toContain('drowsiness_with_young_child');
      expect(adult?.rulesFired ?? []).not.toContain('drowsiness_with_young_child');
    });

    it('reads pregnancy from the flag and from the conditions alike', () => {
      // Act
      const flagged = assess({ symptoms: [symptom('abdominal pain', 5)], pregnant: true });
      const asCondition = assess({ symptoms: [symptom('abdominal pain', 5)], conditions: ['pregnant'] });

      // Assess
      expect(flagged.level).toBe('emergency');
      expect(asCondition.level).toBe(flagged.level);
      expect(asCondition.rulesFired).toEqual(flagged.rulesFired);
    });

    it('reads only background conditions from the conditions', () => {
      // Act
      const result = assess({ symptoms: [symptom('rash', 3)], conditions: ['chest pain', 'diabetes'] });

      // Assess
      expect(result.rulesFired.some((id) => id.includes('chest_pain'))).toBe(false);
      expect(result.level).toBe('consultation');
    });
  });

  describe('infection rules at age 65 or with a weak immune system', () => {
    it('raises an infection rule one step at 65, and says so', () => {
      // Act
      const older = assess({ symptoms: [symptom('cough', 3)], age: 65 });
      const younger = assess({ symptoms: [symptom('cough', 3)], age: 64 });

      // Assess
      expect(younger.level).toBe('self_care');
      expect(younger.rulesFired).toEqual(['cough']);
      expect(older.level).toBe('consultation');
      expect(older.rulesFired).toEqual(['cough', 'raised_for_age_or_weak_immunity']);
    });

    it('raises an infection rule one step with a weak immune system', () => {
      // Act
      const result = assess({ symptoms: [symptom('cough', 3)], age: 30, conditions: ['immunosuppressed'] });

      // Assess
      expect(result.level).toBe('consultation');
      expect(result.rulesFired).toContain('raised_for_age_or_weak_immunity');
    });

    it('adds no advice of its own', () => {
      // Act
      const older = assess({ symptoms: [symptom('cough', 3)], age: 70 });
      const younger = assess({ symptoms: [symptom('cough', 3)], age: 30 });

      // Assess
      expect(older.possibleConditions).toEqual(younger.possibleConditions);
      expect(older.summary.startsWith(younger.summary.split(':')[0]!)).toBe(true);
    });

    it('leaves rules that are not infection rules alone', () => {
      // Act
      const result = assess({ symptoms: [symptom('hay fever', 3)], age: 70 });

      // Assess
      expect(result.level).toBe('self_care');
      expect(result.rulesFired).not.toContain('raised_for_age_or_weak_immunity');
    });
  });

  describe('children', () => {
    it.each([
      [15, true],
      [16, false],
    ])('reads age %i as a child (under 16): %s', (age, child) => {
      // Act
      const result = assess({ symptoms: [symptom("won't walk", 5)], age });

      // Assess
      expect(result.rulesFired.includes('refusing_to_walk_with_child')).toBe(child);
    });

    it('reads an infant or toddler told in words as a child too', () => {
      // Act
      const result = redFlagsInText("my toddler won't walk");

      // Assess
      expect(result?.rulesFired).toContain('refusing_to_walk_with_child');
    });

    it('does not name the age group in the summary', () => {
      // Act
      const result = assess({ symptoms: [symptom("won't walk", 5)], age: 10 });

      // Assess
      expect(result.summary.startsWith('Refusing to walk: ')).toBe(true);
    });
  });

  describe('symptoms of 4 weeks or more', () => {
    it.each([
      ['an expected long-standing complaint', [symptom('eczema', 3, { durationHours: 700 })], false],
      ['an expected one at severity 7', [symptom('eczema', 7, { durationHours: 700 })], false],
      ['an expected one at severity 8', [symptom('eczema', 8, { durationHours: 700 })], true],
      ['an expected one of sudden onset', [symptom('eczema', 3, { durationHours: 700, onset: 'sudden' })], true],
      ['an expected one beside another finding', [symptom('eczema and a cough', 3, { durationHours: 700 })], true],
      ['an unrecognised one', [symptom(UNRECOGNISED, 3, { durationHours: 700 })], true],
      ['any other', [symptom('cough', 3, { durationHours: 700 })], true],
    ])('%s: floor %s', (_name, symptoms, floored) => {
      // Act
      const result = assessWithRules({ symptoms });

      // Assess
      expect(result.rulesFired.includes('symptom_over_4_weeks')).toBe(floored);
    });
  });

  describe('reading the symptoms', () => {
    it.each(['fit', 'fits', ' fit ', 'Fits'])('reads the symptom "%s" alone as a seizure', (name) => {
      // Act
      const result = assessWithRules({ symptoms: [symptom(name, 5)] });

      // Assess
      expect(result.rulesFired).toContain('seizure');
      expect(result.level).toBe('emergency_ambulance');
    });

    it.each(['unfit', 'fitness', 'fit and well', 'keep fit'])('does not read the symptom "%s" as a seizure', (name) => {
      // Act
      const result = assessWithRules({ symptoms: [symptom(name, 3)] });

      // Assess
      expect(result.rulesFired).not.toContain('seizure');
    });

    it('counts a symptom that is only benign context as unrecognised', () => {
      // Act
      const result = assessWithRules({ symptoms: [symptom('fit and healthy', 3)] });

      // Assess
      expect(result.rulesFired).toEqual(['unrecognised_symptom']);
      expect(result.level).toBe('consultation');
    });

    it('reads a self-rated fever of 7 or more as a high fever, with its duration', () => {
      // Act
      const seven = assess({ symptoms: [symptom('fever', 7)] });
      const six = assess({ symptoms: [symptom('fever', 6)] });
      const long = assess({ symptoms: [symptom('fever', 7, { durationHours: 80 })] });

      // Assess
      expect(seven.rulesFired).toContain('high_fever');
      expect(six.rulesFired).not.toContain('high_fever');
      expect(long.rulesFired).toContain('high_fever_over_72h');
    });
  });

  describe('floors from severity and duration', () => {
    it('raises a sudden symptom of severity 9 to consultation_24, whichever symptom it is', () => {
      // Act
      const result = assessWithRules({ symptoms: [symptom(UNRECOGNISED, 2), symptom('strange feeling in my foot', 9, { onset: 'sudden' })] });

      // Assess
      expect(result.rulesFired).toContain('sudden_very_severe_symptom');
      expect(result.level).toBe('consultation_24');
    });

    it.each([
      ['severity 9, gradual', symptom('strange feeling in my foot', 9, { onset: 'gradual' })],
      ['severity 8, sudden', symptom('strange feeling in my foot', 8, { onset: 'sudden' })],
    ])('does not apply the sudden floor at %s', (_name, s) => {
      // Act
      const result = assessWithRules({ symptoms: [s] });

      // Assess
      expect(result.rulesFired).not.toContain('sudden_very_severe_symptom');
      expect(result.level).toBe('consultation');
    });

    it('raises any symptom of severity 8 to consultation', () => {
      // Act
      const eight = assessWithRules({ symptoms: [symptom('cough', 2), symptom('sore throat', 8)] });
      const seven = assessWithRules({ symptoms: [symptom('cough', 2), symptom('sore throat', 7)] });

      // Assess
      expect(eight.rulesFired).toContain('very_severe_symptom');
      expect(eight.level).toBe('consultation');
      expect(seven.rulesFired).not.toContain('very_severe_symptom');
      expect(seven.level).toBe('self_care');
    });

    it('raises a symptom of 4 weeks or more to consultation', () => {
      // Act
      const fourWeeks = assessWithRules({ symptoms: [symptom('cough', 2), symptom('sore throat', 2, { durationHours: 672 })] });
      const less = assessWithRules({ symptoms: [symptom('cough', 2), symptom('sore throat', 2, { durationHours: 671 })] });

      // Assess
      expect(fourWeeks.rulesFired).toContain('symptom_over_4_weeks');
      expect(less.rulesFired).not.toContain('symptom_over_4_weeks');
    });

    it('answers a recognised symptom that no rule reads with a consultation', () => {
      // Act
      const result = assessWithRules({ symptoms: [symptom('sweating', 3)] });

      // Assess
      expect(result.rulesFired).toEqual(['no_specific_rule']);
      expect(result.level).toBe('consultation');
      expect(result.confidence).toBe(0.4);
    });

    it('lists the rules most urgent first', () => {
      // Act
      const result = assessWithRules({ symptoms: [symptom('cough', 8)] });

      // Assess
      expect(result.rulesFired).toEqual(['very_severe_symptom', 'cough']);
    });
  });

  describe('summary', () => {
    it('names the findings of the most urgent rules, not background or age', () => {
      // Act
      const infant = assess({ symptoms: [symptom('fever', 4)], age: 0 });
      const heart = assess({ symptoms: [symptom('chest pain', 5)], conditions: ['heart disease'] });
      const child = assess({ symptoms: [symptom('drowsy', 5)], age: 3 });

      // Assess
      expect(infant.summary).toBe(`Fever: ${family('child')[0]}.`);
      expect(heart.summary).toBe(`Chest pain: ${family('cardiac')[0]}.`);
      expect(child.summary).toBe(`Drowsiness: ${family('child')[0]}.`);
    });

    it('names only the findings at the final level', () => {
      // Act
      const result = assess({ symptoms: [symptom('chest pain', 5), symptom('cough', 3)] });

      // Assess
      expect(result.summary).toBe(`Chest pain: ${family('cardiac')[0]}.`);
    });

    it('lists three findings with commas and "and"', () => {
      // Act
      const result = assess({ symptoms: [symptom('headache', 6), symptom('photophobia', 5), symptom('fever', 5)] });

      // Assess
      expect(result.summary).toBe(`Headache, light sensitivity and fever: ${family('meningitis')[0]}.`);
    });

    it('names at most four findings', () => {
      // Act
      const result = assess({
        symptoms: [symptom('face drooping', 5), symptom('slurred speech', 5), symptom('weak arm', 5), symptom('overdose', 5), symptom('collapsed', 5)],
      });

      // Assess
      const named = result.summary.split(':')[0]!;
      expect(named.split(/, | and /)).toHaveLength(4);
    });

    it('ends with what to do below emergency level', () => {
      // Act
      const urgent = assess({ symptoms: [symptom('shortness of breath', 3)] });
      const routine = assessWithRules({ symptoms: [symptom(UNRECOGNISED, 3)] });
      const home = assessWithRules({ symptoms: [symptom('cough', 3)] });

      // Assess
      expect(urgent.summary).toBe(`Breathlessness: ${family('breathing')[0]}. Speak to a doctor or urgent care service within 24 hours.`);
      expect(routine.summary).toBe(
        'No specific warning signs were recognised in what was described, but it is worth a check by a doctor. Book an appointment with a doctor; it does not look urgent.',
      );
      expect(home.summary).toBe(`Cough: ${family('respiratory')[0]}. This can usually be looked after at home.`);
    });

    it('names nothing specific when only a floor set the level', () => {
      // Act
      const result = assessWithRules({ symptoms: [symptom(UNRECOGNISED, 8)] });

      // Assess
      expect(result.summary.startsWith('No specific warning signs were recognised')).toBe(true);
    });
  });

  describe('confidence', () => {
    it.each([
      ['nothing specific', { symptoms: [symptom(UNRECOGNISED, 3)] }, 0.4],
      ['an emergency', { symptoms: [symptom('chest pain', 5)] }, 0.9],
      ['a finding beside an unrecognised symptom', { symptoms: [symptom('cough', 3), symptom(UNRECOGNISED, 3)] }, 0.5],
      ['a specific consultation_24', { symptoms: [symptom('shortness of breath', 3)] }, 0.75],
      ['a specific self_care', { symptoms: [symptom('cough', 3)] }, 0.65],
      ['a specific consultation', { symptoms: [symptom('cough', 3, { durationHours: 600 })] }, 0.65],
    ])('is fixed for %s', (_name, input, confidence) => {
      // Act
      const result = assessWithRules(input);

      // Assess
      expect(result.confidence).toBe(confidence);
    });
  });

  describe('advice lists', () => {
    it('gives the generic questions and self-care when nothing was recognised', () => {
      // Act
      const result = assessWithRules({ symptoms: [symptom(UNRECOGNISED, 3)] });

      // Assess
      expect(result.possibleConditions).toEqual(list(family('general')[1]!));
      expect(result.followUpQuestions).toEqual(GENERIC_QUESTIONS);
      expect(result.selfCare).toEqual(GENERIC_SELF_CARE);
      expect(result.watchFor).toEqual([GENERIC_WATCH]);
      expect(result.specialist).toBe('general practice');
    });

    it("gives the family's advice first, then the generic", () => {
      // Act
      const result = assessWithRules({ symptoms: [symptom('cough', 3)] });
      const respiratory = family('respiratory');

      // Assess
      expect(result.possibleConditions).toEqual(list(respiratory[1]!));
      expect(result.followUpQuestions).toEqual([...list(respiratory[2]!), ...GENERIC_QUESTIONS].slice(0, 4));
      expect(result.selfCare).toEqual([...list(respiratory[3]!), ...GENERIC_SELF_CARE].slice(0, 5));
      expect(result.watchFor).toEqual([...list(respiratory[4]!), GENERIC_WATCH]);
      expect(result.specialist).toBe(respiratory[5]);
    });

    it("names the family's specialist", () => {
      // Act
      const result = assessWithRules({ symptoms: [symptom('headache', 5)] });

      // Assess
      expect(family('headache')[5]).not.toBe('general practice');
      expect(result.specialist).toBe(family('headache')[5]);
    });

    it('takes the advice of the rules that set the level, not of a floor', () => {
      // Act
      const result = assessWithRules({ symptoms: [symptom('cough', 8)] });

      // Assess
      expect(result.possibleConditions).toEqual(list(family('respiratory')[1]!));
    });

    it('caps the lists at 5 conditions and 4 questions', () => {
      // Act
      const result = assessWithRules({
        symptoms: [symptom('cough', 3), symptom('sore throat', 3), symptom('headache', 2), symptom('back pain', 2), symptom('heartburn', 2)],
      });

      // Assess
      expect(result.possibleConditions).toHaveLength(5);
      expect(result.followUpQuestions).toHaveLength(4);
      expect(result.selfCare).toHaveLength(5);
      expect(result.watchFor).toHaveLength(5);
    });

    it('gives no questions, self-care or generic warning at emergency levels, and no specialist', () => {
      // Act
      const result = assess({ symptoms: [symptom('chest pain', 5), symptom('cough', 3)] });

      // Assess
      expect(result.level).toBe('emergency');
      expect(result.followUpQuestions).toEqual([]);
      expect(result.selfCare).toEqual([]);
      expect(result.watchFor).toEqual(list(family('cardiac')[4]!));
      expect(result).not.toHaveProperty('specialist');
      expect(result.possibleConditions).toEqual(list(family('cardiac')[1]!).slice(0, 5));
    });

    it('gives no self-care at consultation_24, and some at consultation', () => {
      // Act
      const urgent = assess({ symptoms: [symptom('shortness of breath', 3)] });
      const routine = assessWithRules({ symptoms: [symptom(UNRECOGNISED, 3)] });

      // Assess
      expect(urgent.selfCare).toEqual([]);
      expect(routine.selfCare).not.toEqual([]);
    });
  });

  describe('teleconsultation', () => {
    it('is not offered at emergency levels', () => {
      // Act
      const result = assess({ symptoms: [symptom('chest pain', 5)] });

      // Assess
      expect(result.teleconsultationOk).toBe(false);
    });

    it('is not offered at consultation_24 when a leading family needs examining', () => {
      // Act
      const calf = assessWithRules({ symptoms: [symptom('swollen calf', 4)] });
      const calfAndWheeze = assessWithRules({ symptoms: [symptom('swollen calf', 4), symptom('wheezing', 4)] });

      // Assess
      expect(family('clot')[7]).toContain('t');
      expect(calf.level).toBe('consultation_24');
      expect(calf.teleconsultationOk).toBe(false);
      expect(calfAndWheeze.teleconsultationOk).toBe(false);
    });

    it('is offered at consultation_24 otherwise', () => {
      // Act
      const result = assessWithRules({ symptoms: [symptom('wheezing', 4)] });

      // Assess
      expect(result.level).toBe('consultation_24');
      expect(result.teleconsultationOk).toBe(true);
    });

    it('is offered below consultation_24, whatever the family', () => {
      // Act
      const result = assessWithRules({ symptoms: [symptom('head injury', 4)] });

      // Assess
      expect(family('head_injury')[7]).toContain('t');
      expect(result.level).toBe('consultation');
      expect(result.teleconsultationOk).toBe(true);
    });
  });

  describe('emergency advice', () => {
    it('is absent below emergency level, even when the family has some', () => {
      // Act
      const result = assess({ symptoms: [symptom('shortness of breath', 3)] });

      // Assess
      expect(family('breathing')[6]).not.toBe('');
      expect(result).not.toHaveProperty('emergencyAdvice');
    });

    it("is the level's advice alone when the family has none", () => {
      // Act
      const result = assessWithRules({ symptoms: [symptom('worst headache of my life', 7)] });

      // Assess
      expect(result.level).toBe('emergency');
      expect(family('thunderclap')[6]).toBe('');
      expect(result.emergencyAdvice).toBe(GO_TO_ED);
    });

    it("adds the family's advice after the level's", () => {
      // Act
      const result = assess({ symptoms: [symptom('shortness of breath', 5)] });

      // Assess
      expect(result.emergencyAdvice).toBe(`${GO_TO_ED} ${family('breathing')[6]}`);
    });

    it('puts the crisis line first when the crisis is the emergency', () => {
      // Act
      const result = assess({ symptoms: [symptom('shortness of breath', 5), symptom('suicidal thoughts', 8), symptom('vomiting blood', 5)] });

      // Assess
      expect(family('crisis')[7]).toContain('c');
      expect(result.emergencyAdvice).toBe(`${family('crisis')[6]} ${GO_TO_ED} ${family('breathing')[6]} ${family('gi_bleed')[6]}`);
    });

    it('puts the crisis line after "call emergency services" and the other advice when an ambulance is needed', () => {
      // Act
      const result = assess({ symptoms: [symptom('overdose', 6), symptom('suicidal thoughts', 8)] });

      // Assess
      expect(result.level).toBe('emergency_ambulance');
      expect(result.emergencyAdvice).toBe(`${CALL_AMBULANCE} ${family('overdose')[6]} ${family('crisis')[6]}`);
    });

    it("adds at most two other families' advice", () => {
      // Act
      const result = assess({ symptoms: [symptom('shortness of breath', 5), symptom('vomiting blood', 5), symptom('chemical in eye', 5)] });

      // Assess
      expect(result.level).toBe('emergency');
      expect(family('eye')[6]).not.toBe('');
      expect(result.emergencyAdvice).toBe(`${GO_TO_ED} ${family('breathing')[6]} ${family('gi_bleed')[6]}`);
    });

    it('takes advice only from families at emergency level', () => {
      // Act
      const result = assess({ symptoms: [symptom('worst headache of my life', 7), symptom('shortness of breath', 3)] });

      // Assess
      expect(result.emergencyAdvice).toBe(GO_TO_ED);
      expect(result.possibleConditions).toEqual(list(family('thunderclap')[1]!));
    });
  });

  describe('fail-safe', () => {
    it('answers invalid input with consultation_24, never an error', () => {
      // Prepare
      const input = { symptoms: [{ name: 42, severity: 5 }] } as unknown as TriageInput;

      // Act
      const result = assessWithRules(input);

      // Assess
      expect(result).toStrictEqual({
        level: 'consultation_24',
        confidence: 0.2,
        summary: 'The symptom check could not be completed. Speak to a doctor within 24 hours, sooner if you are worried.',
        possibleConditions: [],
        followUpQuestions: [],
        selfCare: [],
        watchFor: [GENERIC_WATCH],
        specialist: 'general practice',
        teleconsultationOk: true,
        rulesFired: ['engine_fail_safe'],
      });
    });
  });
});

describe('Function: redFlagsInText', () => {
  it('answers the most urgent finding, whatever the order of the text', () => {
    // Act
    const result = redFlagsInText('wheezing and my face is drooping');

    // Assess
    expect(result?.level).toBe('emergency_ambulance');
    expect(result?.rulesFired[0]).toBe('stroke_face_droop');
    expect(result?.rulesFired).toContain('wheeze');
    expect(result?.emergencyAdvice?.startsWith(CALL_AMBULANCE)).toBe(true);
  });

  it('answers consultation_24 findings without emergency advice', () => {
    // Act
    const result = redFlagsInText('I have been wheezing');

    // Assess
    expect(result).toStrictEqual({ level: 'consultation_24', rulesFired: ['wheeze'] });
  });

  it('ignores findings below consultation_24', () => {
    // Act
    const result = redFlagsInText('a bit of a cough and a sore throat');

    // Assess
    expect(result).toBeUndefined();
  });

  it('reads the age it is given', () => {
    // Act
    const result = redFlagsInText('feeling dizzy', { age: 70 });
    const younger = redFlagsInText('feeling dizzy', { age: 30 });

    // Assess
    expect(result?.rulesFired).toContain('lightheadedness_with_older_adult');
    expect(younger).toBeUndefined();
  });

  it('raises infection rules for a weak immune system it reads in the text', () => {
    // Act
    const result = redFlagsInText('spreading redness on my leg, I am on chemotherapy');

    // Assess
    expect(result?.level).toBe('emergency');
  });
});

describe('Rule ids', () => {
  const derived = Object.values(RULES)
    .flat()
    .filter((line) => line.split(' ').length === 2)
    .map((line) =>
      line
        .split(' ')[1]!
        .split('&')
        .filter((t) => !t.startsWith('-')),
    );

  it('are snake case, without empty parts', () => {
    // Assess
    for (const id of RULE_IDS) expect(id).toMatch(/^[a-z0-9]+(?:_[a-z0-9]+)*$/);
  });

  it('name a rule without an id after its first term, a background condition without its c_', () => {
    // Prepare
    const firsts = derived.map((terms) => /^(\w+)/.exec(terms[0]!.split('|')[0]!)![1]!).filter((c) => !/^(?:age_|under_5)/.test(c));

    // Assess
    for (const concept of firsts) expect(RULE_IDS.some((id) => id.startsWith(concept.replace(/^c_/, '')))).toBe(true);
  });

  it('join a third term with _and_', () => {
    // Prepare
    const withThree = RULE_IDS.filter((id) => id.includes('_and_'));

    // Assess
    expect(derived.some((terms) => terms.length >= 3)).toBe(withThree.length > 0);
    for (const id of withThree) expect(id.split('_with_').length).toBeLessThanOrEqual(2);
  });

  it("list the engine's own ids beside the rules'", () => {
    // Assess
    expect(ENGINE_IDS).toEqual(
      expect.arrayContaining([
        'sudden_very_severe_symptom',
        'very_severe_symptom',
        'symptom_over_4_weeks',
        'unrecognised_symptom',
        'no_specific_rule',
        'raised_for_age_or_weak_immunity',
        'engine_fail_safe',
      ]),
    );
  });

  it('spell out the context flags', () => {
    // Assess
    expect(RULE_IDS).toContain('infant_with_fever');
    expect(RULE_IDS).toContain('toddler_with_high_fever');
    expect(RULE_IDS).toContain('drowsiness_with_young_child');
    expect(RULE_IDS).toContain('lightheadedness_with_older_adult');
  });
});

describe('Levels', () => {
  it('orders rulesFired most urgent first in a mixed assessment', () => {
    // Act
    const result = assessWithRules({ symptoms: [symptom('cough', 3), symptom('seizure', 5)] });

    // Assess
    expect(result.rulesFired[0]).toBe('seizure');
    expect(urgencyRank(result.level)).toBe(0);
  });
});
