import type { TriageInput } from '../../shared/contracts/triage';
import type { ClinicalCase, Level } from './case';

/**
 * The internal set: the 149 vignettes the rules were first grown from, kept as their own set
 * (they are not evidence of coverage, only of regressions). Each row: description, input, the
 * least urgent safe level (`min`), and for non-urgent cases the most urgent appropriate one
 * (`max`). Ids are the description, so a row keeps its id when others are added.
 */
type Row = [description: string, input: TriageInput, min: Level, max?: Level];

const s = (name: string, severity: number, more: Partial<TriageInput['symptoms'][number]> = {}) => ({ name, severity, ...more });

const URGENT: Readonly<Record<string, Row[]>> = {
  heart: [
    [
      'crushing chest pain with sweating, 58-year-old man',
      { symptoms: [s('chest pain', 8, { onset: 'sudden' })], freeText: 'crushing, and I am sweating buckets', age: 58, sex: 'male' },
      'A',
    ],
    ['misspelt chest pain spreading to the jaw', { symptoms: [s('chest pian', 5)], freeText: 'it spreads up to my jaw' }, 'A'],
    [
      'tight chest and short of breath, free text only',
      { symptoms: [s('feeling unwell', 5)], freeText: 'Tight chest and short of breath since this morning.' },
      'A',
    ],
    [
      '"indigestion" with an aching arm and clamminess',
      { symptoms: [s('indigestion', 5)], freeText: 'left arm aching and I feel clammy', age: 62, sex: 'female' },
      'A',
    ],
    ['mild chest pain alone, two hours', { symptoms: [s('chest pain', 4, { durationHours: 2 })], age: 35 }, 'E'],
    ['pressure in the chest with known angina', { symptoms: [s('pressure in my chest', 5)], conditions: ['angina'] }, 'A'],
    [
      'tearing pain through to the back',
      { symptoms: [s('back pain', 9, { onset: 'sudden' })], freeText: 'a tearing feeling between my shoulder blades', age: 67 },
      'A',
    ],
    ['palpitations then fainted', { symptoms: [s('heart racing', 6), s('fainted', 5)], age: 44 }, 'A'],
  ],
  stroke: [
    ['face drooping on one side, sudden', { symptoms: [s('face drooping on one side', 5, { onset: 'sudden' })], age: 70 }, 'A'],
    [
      'carer: slurring and cannot lift his arm',
      { symptoms: [s('dizzy', 4)], freeText: "My husband is slurring his words and can't lift his right arm", age: 74 },
      'A',
    ],
    ['misspelt "slured speach"', { symptoms: [s('slured speach', 6)] }, 'A'],
    ['sudden numbness on one side of the body', { symptoms: [s('numbness on one side of body', 6, { onset: 'sudden' })] }, 'A'],
    ['face looks lopsided, cannot raise arm', { symptoms: [s('weird face', 5)], freeText: "his face looks lopsided and he can't raise his arm" }, 'A'],
  ],
  allergy: [
    ['peanuts then swollen lips', { symptoms: [s('swollen lips', 7, { onset: 'sudden' })], freeText: 'ate a cookie with peanuts 20 minutes ago' }, 'A'],
    ['bee sting and wheezing', { symptoms: [s('bee sting', 4), s('wheezing', 6)] }, 'A'],
    ['hives and now cannot breathe properly', { symptoms: [s('hives', 5)], freeText: 'now i cant breath properly' }, 'A'],
    [
      'throat feels like it is closing after a new antibiotic',
      { symptoms: [s('throat feels like its closing', 8)], freeText: 'started a new medication today' },
      'A',
    ],
    ['used an EpiPen', { symptoms: [s('allergic reaction', 7)], freeText: 'used my epipen 10 minutes ago' }, 'A'],
  ],
  bleeding: [
    ['cut on the leg that will not stop bleeding', { symptoms: [s('cut on leg', 7)], freeText: "it won't stop bleeding even with pressure" }, 'A'],
    ['bleeding a lot from a head wound', { symptoms: [s('bleeding a lot', 8)] }, 'A'],
    ['blood pouring from a wound, free text only', { symptoms: [s('leg wound', 6)], freeText: 'blood is pouring out of the wound on my leg' }, 'A'],
    ['throwing up blood', { symptoms: [s('throwing up blood', 6)] }, 'E'],
    ['misspelt "vomitting blood"', { symptoms: [s('vomitting blood', 6)] }, 'E'],
    ['black tarry stools in an older adult', { symptoms: [s('black stools', 3, { durationHours: 24 })], age: 70 }, 'E'],
  ],
  breathing: [
    ['too breathless to speak in full sentences', { symptoms: [s('asthma', 8)], freeText: "so breathless I can't speak in full sentences" }, 'A'],
    ['"sob" for six hours', { symptoms: [s('sob', 5, { durationHours: 6 })] }, 'E'],
    ['child with cough and blue lips', { symptoms: [s('cough', 6)], freeText: 'his lips look blue', age: 3 }, 'A'],
    ['misspelt "short of breth"', { symptoms: [s('short of breth', 6)] }, 'E'],
    ['"cant breath" in free text only', { symptoms: [s('cough', 5)], freeText: 'cant breath' }, 'A'],
    ['no chest pain, but really short of breath', { symptoms: [s('breathing trouble', 6)], freeText: 'no chest pain but really short of breath' }, 'E'],
  ],
  'consciousness-and-seizures': [
    ['passed out and hit head', { symptoms: [s('passed out', 5)], freeText: 'hit my head on the table when I fell' }, 'A'],
    ['young adult fainted, feels fine now', { symptoms: [s('fainted', 3, { durationHours: 1 })], age: 19 }, 'E'],
    ['first seizure in an adult', { symptoms: [s('seizure', 8)], age: 30 }, 'A'],
    ['toddler convulsions with fever', { symptoms: [s('convulsions', 8), s('fever', 6)], age: 2 }, 'A'],
    ['known epilepsy, had a fit', { symptoms: [s('had a fit', 5)], conditions: ['epilepsy'] }, 'E'],
    ['misspelt "siezure"', { symptoms: [s('siezure', 7)] }, 'A'],
    ['grandmother unresponsive', { symptoms: [s('unresponsive', 10)], age: 88 }, 'A'],
    ['misspelt "unconcious"', { symptoms: [s('unconcious', 10)] }, 'A'],
  ],
  'mental-health': [
    ['thinking about how to kill myself', { symptoms: [s('low mood', 7)], freeText: 'Sometimes I think about how to kill myself.' }, 'E'],
    ['took too many paracetamol', { symptoms: [s('took too many paracetamol', 5)] }, 'E'],
    ['self-harm', { symptoms: [s('self-harm', 6)] }, 'E'],
    ['"I just want to die"', { symptoms: [s('feeling hopeless', 7)], freeText: 'I just want to die' }, 'E'],
    ['"suicidal" as the symptom', { symptoms: [s('Suicidal', 8)] }, 'E'],
  ],
  'meningitis-and-sepsis': [
    ['fever and neck stiffness, student', { symptoms: [s('fever', 7), s('neck stiffness', 7)], age: 19 }, 'A'],
    ['misspelt "stiff nek" with feverishness', { symptoms: [s('stiff nek', 6), s('feverish', 5)] }, 'A'],
    [
      'rash that does not fade under a glass, child with temperature',
      { symptoms: [s('rash', 5)], freeText: "The spots don't fade when I press a glass on them, she has a temperature", age: 4 },
      'A',
    ],
    ['headache, high temperature, light hurts eyes', { symptoms: [s('headache', 7), s('high temperature', 6)], freeText: 'light hurts my eyes' }, 'A'],
    ['fever and confusion, 81', { symptoms: [s('fever', 6), s('confused', 6)], age: 81 }, 'A'],
    [
      'urine infection, now shivering, fast breathing, mottled',
      { symptoms: [s('urine infection', 5)], freeText: 'now shivering, breathing really fast and skin looks mottled' },
      'A',
    ],
    ['fever during chemotherapy', { symptoms: [s('temperature 38.4', 4)], conditions: ['on chemotherapy for breast cancer'] }, 'E'],
    ['sickle cell disease with fever', { symptoms: [s('fever', 5)], conditions: ['sickle cell anaemia'] }, 'E'],
  ],
  headache: [
    ['worst headache of my life, sudden', { symptoms: [s('worst headache of my life', 10, { onset: 'sudden' })] }, 'E'],
    ['sudden head pain 9/10', { symptoms: [s('head pain', 9, { onset: 'sudden' })] }, 'E'],
    ['headache with confusion', { symptoms: [s('headache', 6), s('confusion', 5)], age: 45 }, 'E'],
  ],
  pregnancy: [
    ['pregnant with vaginal bleeding', { symptoms: [s('vaginal bleeding', 4)], pregnant: true }, 'E'],
    ['pregnant with severe stomach pain', { symptoms: [s('stomach pain', 8)], pregnant: true }, 'E'],
    ['8 weeks pregnant, cramps and spotting (free text)', { symptoms: [s('cramps', 5)], freeText: "I'm 8 weeks pregnant and spotting" }, 'E'],
    ['baby moving less', { symptoms: [s('baby moving less', 5)], pregnant: true }, 'E'],
    ['pregnant, headache and blurry vision', { symptoms: [s('headache', 6), s('blurry vision', 5)], pregnant: true, age: 32 }, 'E'],
  ],
  'infants-and-children': [
    ['baby under one with fever', { symptoms: [s('fever', 5)], age: 0 }, 'E'],
    ['toddler high fever and lethargic', { symptoms: [s('high fever', 7), s('lethargic', 6)], age: 1 }, 'E'],
    ['infant not feeding, temp 38.5', { symptoms: [s('not feeding', 6)], freeText: 'temp 38.5', age: 0 }, 'E'],
    ['child swallowed bleach', { symptoms: [s('swallowed bleach', 5)], age: 3 }, 'E'],
  ],
  abdomen: [
    [
      'sudden severe abdominal pain, hard as a board',
      { symptoms: [s('abdominal pain', 9, { onset: 'sudden' })], freeText: 'my stomach is hard as a board' },
      'E',
    ],
    ['lower right tummy pain, fever and vomiting', { symptoms: [s('tummy ache lower right', 6), s('vomiting', 4), s('fever', 4)], age: 17 }, 'E'],
    ['sudden testicle pain, teenager', { symptoms: [s('testicle pain', 8, { onset: 'sudden' })], age: 15, sex: 'male' }, 'E'],
  ],
  'head-injury': [
    ['hit head then vomiting, child', { symptoms: [s('hit head', 5), s('vomiting', 5)], age: 8 }, 'E'],
    ['bumped head on warfarin', { symptoms: [s('bumped head', 3)], conditions: ['warfarin'], age: 79 }, 'E'],
    ['knocked out playing rugby', { symptoms: [s('head injury', 6)], freeText: 'I was knocked out for a minute' }, 'A'],
  ],
  diabetes: [
    ['type 1 diabetes and throwing up', { symptoms: [s('throwing up', 6)], conditions: ['Type 1 diabetes'] }, 'E'],
    ['diabetic, confused and sweaty', { symptoms: [s('confused and sweaty', 7)], conditions: ['diabetic on insulin'] }, 'E'],
  ],
  'other-red-flags': [
    ['high fever for four days', { symptoms: [s('high fever', 6, { durationHours: 96 })] }, 'U'],
    [
      "older adult with diarrhoea, can't keep fluids down, not peed",
      { symptoms: [s('diarrhoea', 6, { durationHours: 48 })], freeText: "can't keep any fluids down and hasn't peed since yesterday", age: 70 },
      'U',
    ],
    ['unknown symptom 9/10 with sudden onset', { symptoms: [s('weird pain in foot', 9, { onset: 'sudden' })] }, 'U'],
    ['back pain, numb bottom and wet myself', { symptoms: [s('lower back pain', 7)], freeText: 'numbness around my bottom and I wet myself' }, 'E'],
    ['heat stroke, confused and not sweating', { symptoms: [s('heat stroke', 7)], freeText: 'confused and not sweating', age: 70 }, 'E'],
    ['sepsis words only', { symptoms: [s('feel really ill', 8)], freeText: 'I think it might be sepsis' }, 'E'],
    ['coughing up blood and breathless', { symptoms: [s('coughing up blood', 5), s('breathless', 5)] }, 'E'],
    ['drooling, cannot swallow saliva', { symptoms: [s('sore throat', 8)], freeText: "drooling and can't swallow my saliva" }, 'E'],
  ],
  'near-misses-of-benign-readings': [
    // Near misses of the benign readings below: disorientation, amnesia, a time ("about an hour ago"),
    // a carer's report, misspellings; breathlessness that is new, at rest, not settling, or with chest pain.
    ['carer: mum confused about where she is', { symptoms: [s('not herself', 5)], freeText: 'Mum is confused about where she is', age: 84 }, 'E'],
    ['"I\'m confused about what day it is"', { symptoms: [s('dizzy', 4)], freeText: "I'm confused about what day it is", age: 67 }, 'E'],
    ['hit head, "confused about what happened"', { symptoms: [s('hit my head', 4)], freeText: "I'm confused about what happened" }, 'E'],
    ['became confused about an hour ago', { symptoms: [s('unwell', 5)], freeText: 'He became confused about an hour ago', age: 80 }, 'E'],
    ['misspelt "confussed" and sleepy', { symptoms: [s('confussed', 5)], freeText: 'and very sleepy', age: 78 }, 'E'],
    ['dad confused about his tablets (third person)', { symptoms: [s('forgetful', 4)], freeText: 'Dad is confused about his tablets today', age: 81 }, 'E'],
    ['short of breath climbing stairs, which is new', { symptoms: [s('short of breath climbing stairs', 4)], freeText: 'which is new for me', age: 58 }, 'E'],
    [
      'out of breath after running for the bus with chest pain',
      { symptoms: [s('chest pain', 5)], freeText: "I'm out of breath after running for the bus and my chest hurts", age: 52 },
      'A',
    ],
    ['misspelt: cannot catch breath after running', { symptoms: [s('cough', 3)], freeText: 'cant catch my breth after runing' }, 'E'],
    ['breathless after exercise and it will not settle', { symptoms: [s('out of breth after exercise', 5)], freeText: "it won't settle" }, 'E'],
    [
      'never used to be breathless on the stairs',
      { symptoms: [s('tired', 4)], freeText: 'I never used to get out of breath climbing the stairs', age: 63 },
      'E',
    ],
    ['breathless at rest', { symptoms: [s('breathless at rest', 5)], age: 45 }, 'E'],
    ['breathless climbing stairs in pregnancy', { symptoms: [s('breathless climbing stairs', 4)], pregnant: true, age: 31 }, 'E'],
    ['breathless after the gym, then fainted', { symptoms: [s('breathless after the gym', 5), s('fainted', 6)], age: 24 }, 'A'],
  ],
};

const NON_URGENT: Row[] = [
  ['common cold', { symptoms: [s('runny nose', 3, { durationHours: 48 }), s('sore throat', 3, { durationHours: 48 })], age: 28 }, 'S', 'S'],
  ['mild back pain after gardening', { symptoms: [s('lower back pain', 4, { durationHours: 48 })], freeText: 'started after gardening', age: 40 }, 'S', 'S'],
  ['minor cut on a finger', { symptoms: [s('small cut on finger', 2, { durationHours: 0.5 })], freeText: 'bled a little, stopped with pressure' }, 'S', 'S'],
  ['hay fever season', { symptoms: [s('sneezing', 4), s('itchy eyes', 4)], freeText: 'every spring when pollen is high' }, 'S', 'S'],
  ['"hay fever" is not a fever', { symptoms: [s('hay fever', 4)] }, 'S', 'S'],
  ['mild headache', { symptoms: [s('headache', 3, { durationHours: 4 })], age: 30 }, 'S', 'S'],
  ['heartburn after a big meal', { symptoms: [s('heartburn', 4, { durationHours: 3 })], freeText: 'after a big spicy dinner', age: 35 }, 'S', 'S'],
  ['twisted ankle, can walk', { symptoms: [s('twisted ankle', 4)], freeText: 'can walk on it, a bit swollen' }, 'S', 'S'],
  ['mild diarrhoea for a day', { symptoms: [s('diarrhea', 3, { durationHours: 24 })], age: 25 }, 'S', 'S'],
  ['dry cough for five days', { symptoms: [s('dry cough', 3, { durationHours: 120 })], age: 33 }, 'S', 'S'],
  ['mosquito bites', { symptoms: [s('mosquito bites', 2)] }, 'S', 'S'],
  ['sunburn', { symptoms: [s('sunburn', 3, { durationHours: 12 })] }, 'S', 'S'],
  ['acne for months', { symptoms: [s('acne', 2, { durationHours: 2000 })], age: 16 }, 'S', 'C'],
  ['constipated for three days', { symptoms: [s('constipated', 3, { durationHours: 72 })] }, 'S', 'S'],
  ['period cramps', { symptoms: [s('period cramps', 5)], sex: 'female', age: 22 }, 'S', 'S'],
  ['tension headache with stress', { symptoms: [s('headache', 4, { durationHours: 24 }), s('stress', 4)], age: 40 }, 'S', 'C'],
  ['earache in a school-age child', { symptoms: [s('earache', 4, { durationHours: 24 })], age: 6 }, 'S', 'S'],
  ['chronic mild knee pain', { symptoms: [s('knee pain', 3, { durationHours: 2000 })], age: 60 }, 'S', 'C'],
  ['trouble sleeping', { symptoms: [s('trouble sleeping', 4, { durationHours: 200 })] }, 'S', 'S'],
  ['tired all the time for a month', { symptoms: [s('tired all the time', 4, { durationHours: 700 })] }, 'C', 'C'],
  ['eczema flare', { symptoms: [s('eczema flare', 4)], freeText: 'dry itchy patches on my elbows' }, 'S', 'S'],
  ['short nosebleed in a child', { symptoms: [s('nosebleed', 2, { durationHours: 0.1 })], age: 10 }, 'S', 'S'],
  ['sore throat with a low fever', { symptoms: [s('sore throat', 4), s('fever', 3)], freeText: 'temperature 37.9', age: 24 }, 'S', 'S'],
  ['flu with body aches', { symptoms: [s('body aches', 4), s('flu', 4)], age: 35 }, 'S', 'S'],
  ['mild nausea', { symptoms: [s('nausea', 3, { durationHours: 6 })] }, 'S', 'S'],
  ['burning when peeing', { symptoms: [s('burning when I pee', 4, { durationHours: 24 })], sex: 'female', age: 29 }, 'C', 'C'],
  ['pink eye', { symptoms: [s('pink eye', 3)], freeText: 'sticky in the morning' }, 'S', 'S'],
  ['toothache', { symptoms: [s('toothache', 5, { durationHours: 48 })] }, 'C', 'C'],
  ['mild anxiety for two weeks', { symptoms: [s('anxious', 4, { durationHours: 300 })] }, 'C', 'C'],
  [
    'sore muscles after the gym, no chest pain',
    { symptoms: [s('sore muscles', 3, { durationHours: 24 })], freeText: 'after a new workout, no chest pain' },
    'S',
    'S',
  ],
  ["blocked nose, can't breathe through it", { symptoms: [s('blocked nose', 3)], freeText: "can't breathe through my nose at night" }, 'S', 'S'],
  [
    'cough, denies fever or shortness of breath',
    { symptoms: [s('cough', 3, { durationHours: 72 })], freeText: 'denies fever or shortness of breath' },
    'S',
    'S',
  ],
  ['fit and healthy runner with a blister', { symptoms: [s('blister on heel', 2)], freeText: "I'm fit and healthy, just a blister from running" }, 'S', 'S'],
  ['mild stomach ache', { symptoms: [s('stomach ache', 3, { durationHours: 5 })] }, 'S', 'S'],
  ['chronic mild back ache', { symptoms: [s('back ache', 3, { durationHours: 2000 })], age: 50 }, 'S', 'C'],
  ['cold sore', { symptoms: [s('cold sore', 2)] }, 'S', 'S'],
  [
    'usual migraine with light sensitivity',
    { symptoms: [s('migraine', 6, { durationHours: 6 })], freeText: 'my usual migraine with sensitivity to light', conditions: ['migraine'] },
    'C',
    'C',
  ],
  ['older adult with a runny nose', { symptoms: [s('runny nose', 2)], age: 70 }, 'C', 'C'],
  ['older adult with a fever (raised one step)', { symptoms: [s('fever', 5)], age: 80 }, 'C', 'C'],
  [
    'minor bump on the head, no symptoms',
    { symptoms: [s('bumped head', 2)], freeText: 'hit it on a cupboard door, no headache or vomiting', age: 34 },
    'S',
    'S',
  ],
  ['itchy hives after new soap', { symptoms: [s('hives', 3)], age: 27 }, 'S', 'S'],
  ['bruised knee', { symptoms: [s('bruised knee', 2)], age: 12 }, 'S', 'S'],
  ['stiff neck after sleeping awkwardly', { symptoms: [s('stiff neck', 4, { durationHours: 12 })], freeText: 'slept awkwardly, no fever', age: 37 }, 'S', 'S'],
  [
    'lightheaded on standing up quickly',
    { symptoms: [s('lightheaded', 3, { durationHours: 0.1 })], freeText: 'only when I stand up too fast', age: 25 },
    'S',
    'S',
  ],
  [
    'sore ribs after coughing a lot',
    { symptoms: [s('chest pain', 2, { durationHours: 48 })], freeText: 'sore when I press on my ribs after coughing a lot', age: 24 },
    'C',
    'C',
  ],
  ['mild wheeze with a cold, known asthma', { symptoms: [s('wheezy', 3), s('cold', 3)], conditions: ['asthma'], age: 31 }, 'C', 'C'],
  ['racing heart before exams', { symptoms: [s('heart racing', 3, { durationHours: 0.5 })], freeText: 'before exams, I get anxious', age: 20 }, 'C', 'C'],
  [
    'room spins when rolling over in bed',
    { symptoms: [s('dizziness', 4, { durationHours: 72 })], freeText: 'the room spins when I roll over in bed', age: 55 },
    'C',
    'C',
  ],
  ['headache with a blocked nose, 52', { symptoms: [s('headache', 3), s('blocked nose', 3)], age: 52 }, 'S', 'S'],
  ['vomited once after a night out', { symptoms: [s('vomited', 3, { durationHours: 2 })], age: 23 }, 'S', 'S'],
  ['child with a mild fever and runny nose', { symptoms: [s('fever', 3), s('runny nose', 3)], age: 4 }, 'S', 'S'],
  ['swollen ankles at the end of the day', { symptoms: [s('swollen ankles', 3, { durationHours: 500 })], age: 68 }, 'C', 'C'],
  // "Confused about my meds" is a question, not delirium. Breathlessness explained by exertion
  // that settles is not a red flag on its own; a routine check is the ideal answer, not self-care.
  [
    '"confused about my meds"',
    { symptoms: [s('headache', 3, { durationHours: 4 })], freeText: "I'm confused about my meds, can I take ibuprofen with them?", age: 72 },
    'S',
    'S',
  ],
  [
    '"confused by the instructions" for a new inhaler',
    { symptoms: [s('cough', 3, { durationHours: 72 })], freeText: "I'm confused by the instructions for my new inhaler", conditions: ['asthma'], age: 35 },
    'S',
    'S',
  ],
  [
    'out of breath after running for the bus',
    { symptoms: [s('out of breath after running for the bus', 3, { durationHours: 0.1 })], freeText: 'fine again after a few minutes', age: 29 },
    'S',
    'C',
  ],
  [
    'breathless after climbing stairs, settles',
    { symptoms: [s('headache', 2)], freeText: 'I get a bit breathless after climbing stairs but it settles quickly', age: 40 },
    'S',
    'C',
  ],
];

const toCase =
  (category: string) =>
  ([description, input, min, max]: Row): ClinicalCase => ({
    id: `internal:${description}`,
    source: 'internal',
    category,
    description,
    input,
    min,
    ...(max ? { max } : {}),
  });

export const INTERNAL_SOURCE =
  'CareBow internal vignettes (rules-2026.11.2 and before): written by the engineering team while the rules were grown; not independent of them.';

export const INTERNAL_CASES: readonly ClinicalCase[] = [
  ...Object.entries(URGENT).flatMap(([category, rows]) => rows.map(toCase(category))),
  ...NON_URGENT.map(toCase('non-urgent')),
];
