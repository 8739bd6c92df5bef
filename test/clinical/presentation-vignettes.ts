import type { ClinicalCase } from './case';

/**
 * Presentation vignettes: the Manchester Triage System presentation list, 3–4 cases each, written
 * independently of the triage rules, the way patients and carers actually type (lower case,
 * misspellings, UK and US words, key facts sometimes only in the free text, mild sliders with
 * dangerous words). Roughly half are non-urgent (min C or S, with a max) to measure over-triage;
 * several are 'mild-first-hours' presentations where a dangerous thing feels fine at first.
 *
 * `min` follows the disposition a telephone triage standard (NHS 111 / NHS Pathways, Manchester
 * Triage System, Schmitt-Thompson, backed by the NICE / Resus Council / RCEM guidance named in each
 * category comment) would give; `max` is the most urgent answer still appropriate.
 */
export const PRESENTATION_CASES: readonly ClinicalCase[] = [
  // ── abdominal-pain-adult ────────────────────────────────────────────────────────────────────
  // MTS abdominal pain: shock or sudden severe pain radiating to the back in an older man (known
  // aneurysm) → 999. Migratory periumbilical→RIF pain with vomiting/fever → appendicitis, ED now.
  // Months of intermittent pain relieved by defecation without red flags (bleeding, weight loss,
  // age > 60) → routine GP (NICE CG61 IBS). Dyspepsia after an obvious trigger, settled with an
  // antacid, no cardiac features → self-care/pharmacist.
  {
    id: 'pres-abdominal-pain-adult-01',
    source: 'coverage',
    category: 'abdominal-pain-adult',
    description: 'Young woman, periumbilical pain migrating to right iliac fossa, vomiting, feverish, worse on movement: appendicitis.',
    input: {
      symptoms: [
        { name: 'pain lower right side of tummy', severity: 7, durationHours: 18, onset: 'gradual' },
        { name: 'threw up', severity: 4, durationHours: 6 },
        { name: 'hot and shivery', severity: 4 },
      ],
      freeText:
        'started round my belly button last night and now its moved to the right side low down, hurts more when i walk or go over bumps in the car. cant face any food. period was 2 weeks ago and normal',
      age: 23,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'pres-abdominal-pain-adult-02',
    source: 'coverage',
    category: 'abdominal-pain-adult',
    description: 'Older hypertensive man with known aortic dilatation: sudden tearing abdominal pain to the back, pale, faint: leaking AAA.',
    input: {
      symptoms: [
        { name: 'sudden pain in stomach going thru to my back', severity: 9, durationHours: 1, onset: 'sudden' },
        { name: 'feel faint', severity: 6 },
      ],
      freeText:
        'came on all of a sudden while watching tv, like a tearing in the middle and right through to my back. wife says ive gone pale and sweaty. they found a swelling on my aorta on a scan 2 years ago and said theyd keep an eye on it',
      age: 71,
      sex: 'male',
      conditions: ['high blood pressure', 'ex smoker'],
    },
    min: 'A',
  },
  {
    id: 'pres-abdominal-pain-adult-03',
    source: 'coverage',
    category: 'abdominal-pain-adult',
    description: 'Four months of bloating and cramps relieved by defecation, alternating bowel habit, no red flags: probable IBS, routine GP.',
    input: {
      symptoms: [
        { name: 'bloating', severity: 4, durationHours: 2880 },
        { name: 'crampy tummy pain on and off', severity: 3, durationHours: 2880, onset: 'gradual' },
      ],
      freeText:
        'been going on for about 4 months, comes and goes, worse when im stressed at work. better after ive been to the loo. sometimes loose sometimes constipated. no blood, weight the same, eating normally. just want to know whats causing it',
      age: 29,
      sex: 'female',
    },
    min: 'C',
    max: 'C',
  },
  {
    id: 'pres-abdominal-pain-adult-04',
    source: 'coverage',
    category: 'abdominal-pain-adult',
    description: 'Epigastric burning the morning after a heavy curry and alcohol, eased by an antacid, no cardiac features: dyspepsia, self-care.',
    input: {
      symptoms: [{ name: 'burning in upper stomach', severity: 3, durationHours: 10 }],
      freeText:
        'had a massive curry and a few pints last night, burning under my ribs in the middle like heartburn. gaviscon helped loads. not sweaty, no pain in my arm or jaw, walked the dog fine this morning. no sick, pooing normal',
      age: 41,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },

  // ── abdominal-pain-child ────────────────────────────────────────────────────────────────────
  // MTS / NICE CKS: paroxysmal screaming with pallor and lethargy between episodes, vomiting and
  // 'redcurrant jelly' stool in a toddler → intussusception, ED now. Recurrent periumbilical pain
  // in a thriving school child with no red flags (night waking, weight loss, vomiting, blood) →
  // routine GP. Simple constipation in a well child → self-care (fluids, fibre, pharmacist).
  {
    id: 'pres-abdominal-pain-child-01',
    source: 'coverage',
    category: 'abdominal-pain-child',
    description: 'Toddler with episodic screaming and drawing up knees, pale and floppy between episodes, vomiting, redcurrant-jelly stool: intussusception.',
    input: {
      symptoms: [
        { name: 'screaming fits', severity: 8, durationHours: 8, onset: 'sudden' },
        { name: 'vomiting', severity: 5, durationHours: 5 },
        { name: 'poo looks like red jelly', severity: 3 },
      ],
      freeText:
        'our son keeps having episodes every 15-20 mins where he screams and pulls his knees up then goes really pale and quiet and floppy in between. just had a nappy with dark red jelly stuff in it. hes normally such a happy boy',
      age: 1,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'pres-abdominal-pain-child-02',
    source: 'coverage',
    category: 'abdominal-pain-child',
    description: 'Six weeks of school-morning periumbilical pain in a thriving 7-year-old, no red flags: functional abdominal pain, routine GP.',
    input: {
      symptoms: [{ name: 'tummy ache', severity: 3, durationHours: 1008 }],
      freeText:
        'my daughter says her tummy hurts most mornings before school, been like this about 6 weeks. its around her belly button. she eats fine, poos every day, no sick, no temperature, growing fine and plays normally at weekends. not waking at night with it',
      age: 7,
      sex: 'female',
    },
    min: 'C',
    max: 'C',
  },
  {
    id: 'pres-abdominal-pain-child-03',
    source: 'coverage',
    category: 'abdominal-pain-child',
    description: 'Well 4-year-old, no stool for 3 days, hard painful stools, mild ache, eating and playing: simple constipation.',
    input: {
      symptoms: [
        { name: 'hasnt done a poo', severity: 3, durationHours: 72 },
        { name: 'tummy ache', severity: 2, durationHours: 24 },
      ],
      freeText:
        'hes not been for 3 days and when he does go its hard and he cries. tummy a bit sore. eating and drinking ok, no sick, running round like normal. fussy eater, wont touch veg',
      age: 4,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },

  // ── abscess-local-infection ─────────────────────────────────────────────────────────────────
  // NICE CKS boils / cellulitis (NG141): small boil or ingrown-toenail paronychia, afebrile →
  // self-care/pharmacist. Spreading cellulitis with low-grade fever but systemically well → GP
  // within 24 h for antibiotics. Spreading infection with rigors and tachycardia (sepsis risk,
  // NICE NG51), or a groin injection-site abscess (femoral vessels) → ED.
  {
    id: 'pres-abscess-local-infection-01',
    source: 'coverage',
    category: 'abscess-local-infection',
    description: 'Small buttock boil for 3 days, afebrile, well.',
    input: {
      symptoms: [{ name: 'boil on my bum cheek', severity: 4, durationHours: 72 }],
      freeText: 'size of a pea maybe bit bigger, sore to sit on, red round it. no temprature, feel fine otherwise. had one before that popped by itself',
      age: 34,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-abscess-local-infection-02',
    source: 'coverage',
    category: 'abscess-local-infection',
    description: 'Lower-leg cellulitis from a cat scratch, spreading past a pen mark, 37.9 °C, systemically fairly well: GP within 24 h.',
    input: {
      symptoms: [
        { name: 'red hot swollen patch on lower leg', severity: 5, durationHours: 48, onset: 'gradual' },
        { name: 'temperature', severity: 3 },
      ],
      freeText:
        'started from a scratch from the cat, now the red bit is about the size of my hand and warm. drew round it with a pen this morning and its gone a bit past the line. temp 37.9. feel a bit rubbish but not too bad, eating and drinking',
      age: 52,
      sex: 'female',
    },
    min: 'U',
  },
  {
    id: 'pres-abscess-local-infection-03',
    source: 'coverage',
    category: 'abscess-local-infection',
    description: 'Person who injects drugs: large groin injection-site abscess with spreading erythema, rigors, tachycardia: sepsis risk, ED.',
    input: {
      symptoms: [
        { name: 'lump in groin', severity: 7, durationHours: 96 },
        { name: 'fever', severity: 6 },
        { name: 'shaking', severity: 6 },
      ],
      freeText:
        'i inject and its where ive been going in the groin, its massive now and red going down my leg, im shaking and sweating and my heart is going fast. dont really want to go hospital they judge you',
      age: 38,
      sex: 'male',
      conditions: ['hep c'],
    },
    min: 'E',
  },
  {
    id: 'pres-abscess-local-infection-04',
    source: 'coverage',
    category: 'abscess-local-infection',
    description: 'Infected ingrown toenail, localised pus, no lymphangitis, afebrile.',
    input: {
      symptoms: [{ name: 'sore big toe', severity: 3, durationHours: 120 }],
      freeText:
        'ingrowing toenail, side of the nail is red and puffy and a bit of pus came out. been soaking it in salt water. no red lines going up my foot, no temp',
      age: 19,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },

  // ── allergy ─────────────────────────────────────────────────────────────────────────────────
  // Resuscitation Council UK anaphylaxis: airway (hoarse voice, throat tightness) or breathing
  // problems after an allergen → 999. After any adrenaline auto-injector use → always 999, even
  // if recovered (biphasic reactions). Seasonal rhinitis and urticaria without angio-oedema or
  // airway/breathing features → self-care with antihistamines.
  {
    id: 'pres-allergy-01',
    source: 'coverage',
    category: 'allergy',
    description: 'Lip swelling, hoarse voice, throat tightness and wheeze 30 min after peanut sauce: anaphylaxis.',
    input: {
      symptoms: [
        { name: 'lips swelling', severity: 6, durationHours: 0.5, onset: 'sudden' },
        { name: 'itchy', severity: 5 },
      ],
      freeText:
        'ate some thai food with peanut sauce at lunch, lips have gone fat and my voice is croaky, feels like somethings stuck in my throat. bit wheezy. never had an allergy before',
      age: 26,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'pres-allergy-02',
    source: 'coverage',
    category: 'allergy',
    description: 'Mild-first-hours: peanut-allergic child, throat symptoms, EpiPen given 20 min ago, now well: still needs 999 after adrenaline.',
    input: {
      symptoms: [{ name: 'itchy mouth', severity: 2, durationHours: 0.75, onset: 'sudden' }],
      freeText:
        'she has a peanut allergy and ate a cookie at a party, mouth went itchy and she said her throat felt funny and coughed a lot so i used her epipen about 20 min ago. she seems totally fine now, playing. do we still need to go anywhere?',
      age: 8,
      sex: 'female',
      conditions: ['peanut allergy', 'eczema'],
    },
    min: 'A',
  },
  {
    id: 'pres-allergy-03',
    source: 'coverage',
    category: 'allergy',
    description: 'Recurrent seasonal hay fever, no wheeze.',
    input: {
      symptoms: [
        { name: 'sneezing', severity: 4, durationHours: 336 },
        { name: 'itchy watery eyes', severity: 4, durationHours: 336 },
        { name: 'runny nose', severity: 3 },
      ],
      freeText: 'same every year when the pollen is high, may june. otc antihistamine helps a bit. no wheeze, sleeping ok',
      age: 33,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-allergy-04',
    source: 'coverage',
    category: 'allergy',
    description: 'Post-viral acute urticaria, no angio-oedema, no new drugs, responds to cetirizine.',
    input: {
      symptoms: [{ name: 'hives', severity: 4, durationHours: 36 }],
      freeText:
        'itchy raised blotches come and go all over, each one goes in a few hours. had a cold last week. no lip or tongue swelling, breathing normal, no new tablets or foods. cetirizine helps',
      age: 44,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },

  // ── apparently-drunk ────────────────────────────────────────────────────────────────────────
  // MTS 'apparently drunk': the task is to find what intoxication hides. Unrousable with snoring
  // respiration / vomiting (airway) → 999. 'Drunk' speech without alcohol plus facial droop and
  // arm weakness → stroke (FAST) → 999. Uncomplicated hangover, oriented, no head injury → self-care.
  {
    id: 'pres-apparently-drunk-01',
    source: 'coverage',
    category: 'apparently-drunk',
    description: 'Young man after most of a bottle of vodka, unrousable, snoring respirations, vomited, lips blue: airway at risk.',
    input: {
      symptoms: [
        { name: 'wont wake up', severity: 9, durationHours: 1 },
        { name: 'been sick', severity: 5 },
      ],
      freeText:
        'my mate drank most of a bottle of vodka at pres, now passed out on the floor and we cant wake him, shouted and shook him. hes making snoring noises and was sick on himself. lips look a bit blue',
      age: 19,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'pres-apparently-drunk-02',
    source: 'coverage',
    category: 'apparently-drunk',
    description: 'Sounds drunk but no alcohol: slurred speech, facial droop, dropping things with right hand, 45 min: stroke (low severity sliders).',
    input: {
      symptoms: [
        { name: 'slurred speech', severity: 3, durationHours: 0.75, onset: 'sudden' },
        { name: 'dropping things', severity: 3 },
      ],
      freeText:
        'my husband is talking like hes drunk but he hasnt had a drop, we were just having dinner. one side of his mouth is sort of hanging down and he dropped his fork with his right hand. he says hes fine and wants to go to bed',
      age: 58,
      sex: 'male',
      conditions: ['type 2 diabetes', 'high cholesterol'],
    },
    min: 'A',
  },
  {
    id: 'pres-apparently-drunk-03',
    source: 'coverage',
    category: 'apparently-drunk',
    description: 'Hangover: headache and nausea after heavy drinking, keeping fluids down, no head injury, no drugs.',
    input: {
      symptoms: [
        { name: 'hangover', severity: 4, durationHours: 10 },
        { name: 'headache', severity: 4 },
        { name: 'feel sick', severity: 3 },
      ],
      freeText:
        'big night out yesterday, drank loads. headache and queasy, keeping water down, been sick once this morning. remember everything, didnt hit my head. no drugs',
      age: 23,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },

  // ── assault ─────────────────────────────────────────────────────────────────────────────────
  // MTS assault: triage on the injury, not the event. Facial blow with diplopia on upgaze and
  // cheek numbness (infraorbital nerve) → orbital floor fracture, same-session ED. Sexual assault
  // without physical injury → time-critical but not life-threatening: SARC, emergency
  // contraception and PEPSE within 24–72 h → clinician within 24 h. Bruise with full function → self-care.
  {
    id: 'pres-assault-01',
    source: 'coverage',
    category: 'assault',
    description:
      'Punched in the face: periorbital swelling, diplopia on upgaze, cheek/lip numbness, surgical emphysema after nose-blowing: orbital floor fracture.',
    input: {
      symptoms: [
        { name: 'swollen eye and cheek', severity: 5, durationHours: 14 },
        { name: 'seeing double', severity: 4 },
      ],
      freeText:
        'got punched in the face outside a club last night. eye is swollen, when i look up i see two of everything, and my cheek and top lip on that side are numb. blew my nose and the eye puffed up more',
      age: 27,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'pres-assault-02',
    source: 'coverage',
    category: 'assault',
    description: 'Scuffle 2 days ago: upper-arm bruise, full movement, no head injury.',
    input: {
      symptoms: [{ name: 'bruised arm', severity: 3, durationHours: 48 }],
      freeText:
        'got into a bit of a scuffle 2 days ago, grabbed and shoved, big bruise on my upper arm. can move it fine in all directions, no numbness, didnt hit my head. just sore',
      age: 35,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-assault-03',
    source: 'coverage',
    category: 'assault',
    description: 'Disclosure of rape last night, minor soreness, asking about emergency contraception and checks: SARC/PEPSE/EC within 24 h.',
    input: {
      symptoms: [{ name: 'sore down below', severity: 3, durationHours: 10 }],
      freeText:
        'i was raped last night by someone i met, i havent told anyone. i dont think im badly hurt just sore. i dont know what to do, can i still get the morning after pill and get checked',
      age: 20,
      sex: 'female',
    },
    min: 'U',
  },

  // ── asthma ──────────────────────────────────────────────────────────────────────────────────
  // BTS/SIGN 158: life-threatening features — silent chest ('wheeze has gone quieter'),
  // exhaustion, cyanosis, unable to complete sentences, previous ICU admission → 999. Poor control
  // (night waking, reliever most days) without acute severe features → asthma review (routine,
  // soon). Brief wheeze after a trigger, fully resolved with 2 puffs → self-care with action plan.
  {
    id: 'pres-asthma-01',
    source: 'coverage',
    category: 'asthma',
    description: 'Mild-first-hours trap: "wheeze has gone quieter" but exhausted, words only, grey lips, prior ICU: silent chest, life-threatening asthma.',
    input: {
      symptoms: [
        { name: 'wheeze', severity: 3, durationHours: 6 },
        { name: 'tired', severity: 8 },
      ],
      freeText:
        'asthma attack since this afternoon, used blue inhaler loads like 20 puffs. the wheezing has actually gone quieter now but im so exhausted i can barely keep my eyes open and can only say a couple of words at a time. lips look greyish',
      age: 34,
      sex: 'female',
      conditions: ['asthma', 'been in icu with asthma once'],
    },
    min: 'A',
  },
  {
    id: 'pres-asthma-02',
    source: 'coverage',
    category: 'asthma',
    description: 'Month of nocturnal cough and daily reliever use, well by day, poor preventer adherence: uncontrolled asthma, review.',
    input: {
      symptoms: [{ name: 'cough at night', severity: 3, durationHours: 720, onset: 'gradual' }],
      freeText:
        'asthmatic, been waking up coughing 2-3 nights a week this past month, using my ventolin most days now when before it was once a week. fine in the day mostly. not run out of the brown one but sometimes forget it',
      age: 27,
      sex: 'male',
      conditions: ['asthma'],
    },
    min: 'C',
    max: 'U',
  },
  {
    id: 'pres-asthma-03',
    source: 'coverage',
    category: 'asthma',
    description: 'Wheeze after cat exposure, completely resolved with 2 puffs of reliever, talking normally.',
    input: {
      symptoms: [{ name: 'wheezy', severity: 3, durationHours: 1 }],
      freeText:
        'went to my friends house and she has cats, i got wheezy and tight. took 2 puffs of my inhaler and it went away totally, breathing fine and talking fine now. just wanted to check',
      age: 16,
      sex: 'female',
      conditions: ['asthma'],
    },
    min: 'S',
    max: 'C',
  },

  // ── back-pain ───────────────────────────────────────────────────────────────────────────────
  // NICE NG59 / GIRFT cauda equina: saddle anaesthesia, urinary retention/hesitancy, bilateral
  // leg symptoms → same-day ED (emergency MRI). Sudden tearing interscapular pain with
  // hypertension → aortic dissection → 999. Mechanical low back pain after lifting with no red
  // flags → self-care; chronic non-specific back pain → routine GP/physio.
  {
    id: 'pres-back-pain-01',
    source: 'coverage',
    category: 'back-pain',
    description: 'Acute mechanical low back pain after lifting, no leg or sphincter symptoms.',
    input: {
      symptoms: [{ name: 'lower back pain', severity: 6, durationHours: 72, onset: 'sudden' }],
      freeText:
        'did my back in lifting a sofa at the weekend. hurts to bend, stiff in the mornings. walking ok, no pain or tingling down the legs, peeing and pooing normal',
      age: 42,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-back-pain-02',
    source: 'coverage',
    category: 'back-pain',
    description: 'Back pain with new saddle numbness, urinary hesitancy and bilateral leg heaviness: cauda equina syndrome (low slider for numbness).',
    input: {
      symptoms: [
        { name: 'back pain', severity: 6, durationHours: 96 },
        { name: 'numb bum', severity: 2, durationHours: 12 },
        { name: 'legs weak', severity: 3 },
      ],
      freeText:
        'had back pain a few days, now since this morning it feels numb round my bottom and between my legs when i wipe, and i cant really tell when i need a wee, had to push to get it out. both legs feel heavy',
      age: 49,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'pres-back-pain-03',
    source: 'coverage',
    category: 'back-pain',
    description: 'Sudden tearing interscapular pain radiating to chest, sweaty, presyncopal, poorly controlled hypertension: aortic dissection.',
    input: {
      symptoms: [{ name: 'tearing pain between shoulder blades', severity: 10, durationHours: 0.5, onset: 'sudden' }],
      freeText:
        'came on like being ripped, goes through to my chest. sweaty, feel like im going to pass out. bp has always been high and i dont always take the tablets',
      age: 67,
      sex: 'male',
      conditions: ['hypertension'],
    },
    min: 'A',
  },
  {
    id: 'pres-back-pain-04',
    source: 'coverage',
    category: 'back-pain',
    description: 'Six months of postural low back ache, no red flags, wants physio: routine.',
    input: {
      symptoms: [{ name: 'back ache', severity: 3, durationHours: 4320, onset: 'gradual' }],
      freeText:
        'achey lower back for about 6 months, worse after sitting at my desk all day, better when i move about and go swimming. no leg symptoms, no weight loss, no night sweats. ibuprofen helps. would like physio',
      age: 38,
      sex: 'female',
    },
    min: 'C',
    max: 'C',
  },

  // ── behaving-strangely ──────────────────────────────────────────────────────────────────────
  // NHS 'sudden confusion': new confusion over hours–a day (delirium), here with fever and
  // probable UTI/sepsis in an 84-year-old → same-session hospital assessment. First-episode
  // psychosis without immediate risk → crisis/early-intervention team same day (≤ 24 h). Gradual
  // memory decline over a year, independent in self-care → routine GP memory assessment.
  {
    id: 'pres-behaving-strangely-01',
    source: 'coverage',
    category: 'behaving-strangely',
    description: 'Elderly woman, acute confusion and visual hallucinations since yesterday, feverish, strong-smelling urine: delirium, possible urosepsis.',
    input: {
      symptoms: [{ name: 'confused', severity: 5, durationHours: 20, onset: 'sudden' }],
      freeText:
        'mum was fine on sunday, since yesterday shes been muddled, doesnt know what day it is, says theres children in her bedroom. her wee smells strong and shes off her food. shes hot to touch',
      age: 84,
      sex: 'female',
      conditions: ['arthritis', 'lives alone'],
    },
    min: 'E',
  },
  {
    id: 'pres-behaving-strangely-02',
    source: 'coverage',
    category: 'behaving-strangely',
    description: 'Young man, a week of paranoid ideas and reduced sleep, no stated risk to self/others: first-episode psychosis, crisis team within 24 h.',
    input: {
      symptoms: [
        { name: 'not sleeping', severity: 4, durationHours: 120 },
        { name: 'paranoid', severity: 5, durationHours: 168 },
      ],
      freeText:
        'my brother thinks the neighbours are putting cameras in his room and the tv is talking about him. hardly slept this week. hes not threatening anyone, not said anything about hurting himself, says he doesnt take drugs. never been like this before',
      age: 24,
      sex: 'male',
    },
    min: 'U',
  },
  {
    id: 'pres-behaving-strangely-03',
    source: 'coverage',
    category: 'behaving-strangely',
    description: 'Gradual forgetfulness over a year, repeating questions, still independent: memory assessment, routine GP.',
    input: {
      symptoms: [{ name: 'forgetful', severity: 3, durationHours: 8760, onset: 'gradual' }],
      freeText:
        'dad has been getting more forgetful over the last year, repeats the same questions, loses his keys lots, got lost driving once somewhere he knows. still washing and dressing himself. no sudden change',
      age: 79,
      sex: 'male',
    },
    min: 'C',
    max: 'C',
  },

  // ── bites-stings ────────────────────────────────────────────────────────────────────────────
  // Resus Council: sting in someone with a previous systemic reaction plus any throat/airway
  // symptom → treat as anaphylaxis, 999 (mild-first-hours). NICE NG184 bites: skin-breaking dog
  // bite to the hand → same-day wound review and prophylactic antibiotics. Large local sting
  // reaction → self-care. Erythema migrans after a tick bite → GP for antibiotics, not an emergency.
  {
    id: 'pres-bites-stings-01',
    source: 'coverage',
    category: 'bites-stings',
    description: 'Wasp sting, 5 cm local reaction, no systemic features.',
    input: {
      symptoms: [{ name: 'wasp sting on arm', severity: 3, durationHours: 5 }],
      freeText: 'swelling about 5cm round it, red and itchy. no trouble breathing, lips fine, no rash anywhere else. took an antihistamine',
      age: 31,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-bites-stings-02',
    source: 'coverage',
    category: 'bites-stings',
    description: 'Mild-first-hours: bee sting 10 min ago in someone with previous generalised reaction, now itchy throat and flushed, no auto-injector.',
    input: {
      symptoms: [
        { name: 'bee sting', severity: 2, durationHours: 0.2, onset: 'sudden' },
        { name: 'throat itchy', severity: 2 },
      ],
      freeText:
        'stung on the neck about 10 min ago, last time i got stung i came out in hives all over and felt faint. right now i just feel a bit itchy in my throat and hot, otherwise ok. i dont have an epipen',
      age: 46,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'pres-bites-stings-03',
    source: 'coverage',
    category: 'bites-stings',
    description: "Dog bite with puncture wounds to the dorsum of a child's hand, bleeding controlled, function intact: same-day antibiotics/wound care.",
    input: {
      symptoms: [{ name: 'dog bite on hand', severity: 5, durationHours: 2 }],
      freeText: 'the neighbours dog bit his hand, 2 puncture holes on the back of his hand, bleeding stopped after pressing on it, he can move all his fingers',
      age: 6,
      sex: 'male',
    },
    min: 'U',
  },
  {
    id: 'pres-bites-stings-04',
    source: 'coverage',
    category: 'bites-stings',
    description: 'Expanding target rash 10 days after a tick bite, systemically well: erythema migrans (Lyme), GP for antibiotics.',
    input: {
      symptoms: [{ name: 'red ring rash on leg', severity: 2, durationHours: 96 }],
      freeText:
        'found a tick on my leg after walking in the new forest about 10 days ago, now theres a red patch round the spot getting bigger, like a target, about 8cm across. feel fine, no temp, no aches',
      age: 52,
      sex: 'female',
    },
    min: 'C',
    max: 'U',
  },

  // ── burns-scalds ────────────────────────────────────────────────────────────────────────────
  // British Burn Association / NHS: ED for burns larger than the patient's hand (1 % TBSA = palm),
  // blistering scalds in young children, and all electrical (mains) injuries even if the skin
  // mark is small (deep tissue damage, arrhythmia). Small superficial burns and a coin-sized
  // intact blister on a limb after 20 min cooling → self-care.
  {
    id: 'pres-burns-scalds-01',
    source: 'coverage',
    category: 'burns-scalds',
    description: 'Superficial (erythema only) fingertip burn from oven tray, cooled.',
    input: {
      symptoms: [{ name: 'burnt finger', severity: 3, durationHours: 1 }],
      freeText: 'touched the oven tray, red and stings, no blister. ran it under the cold tap for 20 min',
      age: 29,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-burns-scalds-02',
    source: 'coverage',
    category: 'burns-scalds',
    description: 'Steam burn on forearm: one intact coin-sized blister, surrounding erythema, small area.',
    input: {
      symptoms: [{ name: 'blister on arm from steam', severity: 3, durationHours: 3 }],
      freeText: 'kettle steam got my forearm, blister about the size of a quarter (10p), not popped, the rest is just pink. hurts a bit',
      age: 24,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-burns-scalds-03',
    source: 'coverage',
    category: 'burns-scalds',
    description: "Toddler pulled hot tea over chest and arm: blistering scald larger than the parent's hand.",
    input: {
      symptoms: [{ name: 'scald from cup of tea', severity: 8, durationHours: 0.5, onset: 'sudden' }],
      freeText: 'she pulled my tea off the table, went down her chest and arm, skin is red and blistering, bigger than my hand. weve got it under cool water',
      age: 1,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'pres-burns-scalds-04',
    source: 'coverage',
    category: 'burns-scalds',
    description: 'Mild-first-hours: mains electric shock with entry/exit marks, thrown back, now fluttery heart: electrical injury.',
    input: {
      symptoms: [{ name: 'small burn mark on hand', severity: 2, durationHours: 1 }],
      freeText:
        'got a shock off the mains when i was rewiring a socket, it threw me back. small black mark on my palm and one on my elbow. feel fine apart from a bit shaky, heart feels a bit fluttery',
      age: 37,
      sex: 'male',
    },
    min: 'E',
  },

  // ── chemical-exposure ───────────────────────────────────────────────────────────────────────
  // NPIS/TOXBASE: alkali (oven cleaner) in the eye → continuous irrigation and ED now (sight-
  // threatening). Carbon monoxide (several household members, better away from home, old boiler)
  // → leave the property, ED for COHb. Mild scalp irritation after hair dye with no facial
  // swelling/airway symptoms → self-care.
  {
    id: 'pres-chemical-exposure-01',
    source: 'coverage',
    category: 'chemical-exposure',
    description: 'Alkali (oven cleaner) splash to the eye, brief rinse only, still painful and blurred: chemical eye injury.',
    input: {
      symptoms: [{ name: 'oven cleaner in my eye', severity: 8, durationHours: 0.25, onset: 'sudden' }],
      freeText: 'splashed in my right eye, burning like mad, rinsed it under the tap for a few mins, still cant open it properly and vision blurry',
      age: 40,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'pres-chemical-exposure-02',
    source: 'coverage',
    category: 'chemical-exposure',
    description: 'Whole family with headaches/nausea for days, better away from home, old boiler with soot marks, sleepy children: carbon monoxide.',
    input: {
      symptoms: [
        { name: 'headaches', severity: 4, durationHours: 120, onset: 'gradual' },
        { name: 'feel sick', severity: 3 },
        { name: 'dizzy', severity: 3 },
      ],
      freeText:
        'whole family has had headaches and feeling sick the last few days, worse in the evening when the heating is on, better when were out at work. boiler is old and theres black marks round it. the kids are really sleepy too',
      age: 36,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'pres-chemical-exposure-03',
    source: 'coverage',
    category: 'chemical-exposure',
    description: 'Mild scalp itch and hairline erythema after home hair dye, no facial swelling, normal breathing.',
    input: {
      symptoms: [{ name: 'itchy scalp after hair dye', severity: 3, durationHours: 20 }],
      freeText:
        'dyed my hair at home last night, scalp bit itchy and pink along the hairline. no swelling of my face or eyes, breathing fine. did the patch test 48h before and it was fine',
      age: 27,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },

  // ── chest-pain ──────────────────────────────────────────────────────────────────────────────
  // NICE CG95 / NHS Pathways: suspected ACS with ongoing symptoms → 999, including atypical
  // presentations in older women and diabetics ("indigestion", jaw ache, sweating). Exertional
  // pain in the last 12 h that has settled → same-day hospital assessment (no ECG available to an
  // app → ED). Reproducible chest-wall pain after gym and meal-related reflux in young people with
  // no cardiac features → self-care.
  {
    id: 'pres-chest-pain-01',
    source: 'coverage',
    category: 'chest-pain',
    description: 'Older diabetic woman: "indigestion" unrelieved by antacid, jaw ache, clammy, nausea: atypical ACS.',
    input: {
      symptoms: [
        { name: 'indigestion', severity: 4, durationHours: 1.5 },
        { name: 'jaw ache', severity: 3 },
        { name: 'clammy', severity: 4 },
      ],
      freeText:
        'feels like bad indigestion in the middle of my chest, gaviscon not touching it, ache in my jaw and ive come over all sweaty and sick. not exactly a pain more a pressure',
      age: 74,
      sex: 'female',
      conditions: ['diabetes type 2', 'high blood pressure'],
    },
    min: 'A',
  },
  {
    id: 'pres-chest-pain-02',
    source: 'coverage',
    category: 'chest-pain',
    description: 'Mild-first-hours: 61-year-old smoker, 20 min exertional tight chest pain radiating to left arm this morning, now pain-free: possible ACS.',
    input: {
      symptoms: [{ name: 'chest pain', severity: 2, durationHours: 0.33, onset: 'sudden' }],
      freeText:
        'had a tight pain across my chest this morning walking up the hill to the shop, went down my left arm, lasted 20 mins and went off when i sat down. fine now, no pain at all. smoke 20 a day. probably nothing?',
      age: 61,
      sex: 'male',
      conditions: ['smoker'],
    },
    min: 'E',
  },
  {
    id: 'pres-chest-pain-03',
    source: 'coverage',
    category: 'chest-pain',
    description: 'Young man, localised chest-wall pain reproducible on palpation after bench press, no cardiorespiratory features.',
    input: {
      symptoms: [{ name: 'sore chest', severity: 3, durationHours: 48 }],
      freeText:
        'sore spot on the left of my chest since bench pressing at the gym 2 days ago. hurts when i press on it and when i twist. not breathless, no sweating, no pain into my arm, fine going up stairs',
      age: 24,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-chest-pain-04',
    source: 'coverage',
    category: 'chest-pain',
    description: 'Two weeks of post-prandial and nocturnal retrosternal burning with acid taste, antacid-responsive, no alarm features: GORD.',
    input: {
      symptoms: [{ name: 'heartburn', severity: 3, durationHours: 336 }],
      freeText:
        'burning behind my breastbone after meals and when i lie down at night, acid taste, been a couple of weeks since starting a new job and eating late. gaviscon sorts it. no trouble swallowing, no weight loss',
      age: 31,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },

  // ── collapsed-adult ─────────────────────────────────────────────────────────────────────────
  // Resus Council: unresponsive with agonal (gasping) breathing = cardiac arrest → 999/CPR.
  // ESC 2018 syncope: exertional syncope, palpitations before, family history of sudden death →
  // high risk → ED. Typical vasovagal faint (prolonged standing, heat, prodrome, rapid full
  // recovery) → low risk, self-care.
  {
    id: 'pres-collapsed-adult-01',
    source: 'coverage',
    category: 'collapsed-adult',
    description: 'Sudden collapse, unresponsive, occasional gasping breaths: cardiac arrest.',
    input: {
      symptoms: [{ name: 'collapsed', severity: 10, durationHours: 0.05, onset: 'sudden' }],
      freeText: 'my dad just went down in the kitchen, not answering me, eyes open but not responding, making gasping noises every now and then',
      age: 63,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'pres-collapsed-adult-02',
    source: 'coverage',
    category: 'collapsed-adult',
    description: 'Vasovagal faint after prolonged standing in heat, prodrome, recovered in seconds, no injury.',
    input: {
      symptoms: [{ name: 'fainted', severity: 2, durationHours: 1, onset: 'sudden' }],
      freeText:
        'fainted at a friends wedding after standing for ages in the heat, felt hot and sick and went grey first then went down, came round in a few seconds. fine now, had water and food. no chest pain, didnt hit my head',
      age: 21,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-collapsed-adult-03',
    source: 'coverage',
    category: 'collapsed-adult',
    description: 'Syncope during jogging without warning, preceded by palpitations, family history of sudden death at 40: high-risk cardiac syncope.',
    input: {
      symptoms: [{ name: 'blacked out', severity: 3, durationHours: 2, onset: 'sudden' }],
      freeText:
        'was jogging and just went down, no warning, mate says i was out for maybe 30 seconds. had a fluttery heart just before. feel fine now just grazed. my brother died suddenly at 40',
      age: 54,
      sex: 'male',
    },
    min: 'E',
  },

  // ── crying-baby ─────────────────────────────────────────────────────────────────────────────
  // NICE NG143: age < 3 months with temperature ≥ 38 °C is red → urgent hospital assessment;
  // a high-pitched/weak cry is also a red feature. Evening crying in a thriving, feeding baby
  // (colic) → self-care/health visitor. Older infant, coryzal, ear-pulling, low-grade temperature,
  // feeding → GP (routine; Schmitt-Thompson would see within 24 h).
  {
    id: 'pres-crying-baby-01',
    source: 'coverage',
    category: 'crying-baby',
    description: 'Six-week-old, 3 h evening crying for 2 weeks, content otherwise, feeding and gaining well: infant colic.',
    input: {
      symptoms: [{ name: 'crying every evening', severity: 4, durationHours: 336 }],
      freeText:
        '6 week old, cries for about 3 hours every evening, pulls his legs up, we cant settle him. rest of the day hes content, feeding well, plenty of wet and dirty nappies, gaining weight well at the weigh in',
      age: 0,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-crying-baby-02',
    source: 'coverage',
    category: 'crying-baby',
    description: 'Seven-week-old with high-pitched cry, 38.2 °C axillary, taking half feeds: febrile infant < 3 months.',
    input: {
      symptoms: [
        { name: 'crying', severity: 6, durationHours: 5 },
        { name: 'not feeding well', severity: 5 },
      ],
      freeText: 'shes 7 weeks, the crying is different, high pitched like a squeal. feels hot, temp 38.2 under the arm. only taken half her usual bottle',
      age: 0,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'pres-crying-baby-03',
    source: 'coverage',
    category: 'crying-baby',
    description: 'Nine-month-old, coryza then ear-pulling and grizzly, 37.8 °C, feeding and wet nappies normal: probable otitis media.',
    input: {
      symptoms: [
        { name: 'grizzly', severity: 3, durationHours: 36 },
        { name: 'pulling ear', severity: 3 },
      ],
      freeText:
        '9 month old, snotty cold for a few days, now grumpy and keeps pulling his right ear. temp 37.8 after calpol. still feeding, wet nappies normal, smiley when the calpol kicks in',
      age: 0,
      sex: 'male',
    },
    min: 'C',
    max: 'U',
  },

  // ── dental ──────────────────────────────────────────────────────────────────────────────────
  // NHS 111 dental / SDCEP: swelling spreading to eye or floor of mouth, trismus, difficulty
  // swallowing saliva, fever → ED (airway risk, Ludwig's angina). Toothache without swelling →
  // dentist (routine–urgent). Dentine hypersensitivity → self-care with sensitive toothpaste.
  {
    id: 'pres-dental-01',
    source: 'coverage',
    category: 'dental',
    description: 'Three days of toothache with thermal sensitivity, no swelling, afebrile, analgesia helping: dentist.',
    input: {
      symptoms: [{ name: 'toothache', severity: 5, durationHours: 72 }],
      freeText: 'back bottom tooth, hurts with cold and hot drinks, throbs at night a bit. no swelling in my face, no temp. paracetamol and ibuprofen helping',
      age: 30,
      sex: 'male',
    },
    min: 'C',
    max: 'U',
  },
  {
    id: 'pres-dental-02',
    source: 'coverage',
    category: 'dental',
    description:
      'Dental infection with submandibular swelling spreading towards eye, trismus, difficulty swallowing saliva, 38.6 °C: spreading odontogenic infection.',
    input: {
      symptoms: [
        { name: 'face swollen', severity: 7, durationHours: 36, onset: 'gradual' },
        { name: 'hard to swallow', severity: 5 },
      ],
      freeText:
        'bad tooth on the bottom left for a week, now my jaw and under my chin is really swollen and hard, going up towards my eye, cant open my mouth more than a finger, struggling to swallow my spit. temp 38.6',
      age: 43,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'pres-dental-03',
    source: 'coverage',
    category: 'dental',
    description: 'Months of brief cold-triggered tooth twinges, no swelling or constant pain: dentine hypersensitivity.',
    input: {
      symptoms: [{ name: 'sensitive teeth', severity: 2, durationHours: 2160 }],
      freeText: 'teeth twinge when i have ice cream or cold water, few months now. no swelling, no constant pain',
      age: 35,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },

  // ── diabetes ────────────────────────────────────────────────────────────────────────────────
  // JBDS / NICE NG17: type 1 with vomiting, abdominal pain, rapid breathing and blood ketones
  // ≥ 3 mmol/L → DKA, ED now. NICE NG19 diabetic foot: gangrene → immediate acute referral, even
  // when painless (neuropathy — the absence of pain is not reassuring). Mild hypo on a
  // sulfonylurea, treated and recovered → diabetes team review soon (recurrence risk). Modestly
  // raised readings in a well type 2 patient → routine review.
  {
    id: 'pres-diabetes-01',
    source: 'coverage',
    category: 'diabetes',
    description: 'Type 1 diabetic who omitted basal insulin during a bug: vomiting, abdominal pain, tachypnoea, glucose 26, ketones 3.8, drowsy: DKA.',
    input: {
      symptoms: [
        { name: 'being sick', severity: 6, durationHours: 12 },
        { name: 'stomache pain', severity: 5 },
        { name: 'breathing fast', severity: 4 },
      ],
      freeText: 'type 1, had a bug, didnt take my long acting insulin cos i wasnt eating. sugar 26, blood ketones 3.8 on my meter. really thirsty and drowsy',
      age: 19,
      sex: 'female',
      conditions: ['type 1 diabetes'],
    },
    min: 'E',
  },
  {
    id: 'pres-diabetes-02',
    source: 'coverage',
    category: 'diabetes',
    description: 'Type 2 on metformin, fasting glucose 11–13 for a week, asymptomatic: routine review.',
    input: {
      symptoms: [{ name: 'high blood sugar readings', severity: 2, durationHours: 240 }],
      freeText:
        'type 2 on metformin, my finger pricks have been 11 to 13 before breakfast the past week or so, usually 7-8. feel fine, not thirsty, no infections i know of',
      age: 61,
      sex: 'male',
      conditions: ['type 2 diabetes'],
    },
    min: 'C',
    max: 'C',
  },
  {
    id: 'pres-diabetes-03',
    source: 'coverage',
    category: 'diabetes',
    description: 'Mild hypoglycaemia (3.2) on gliclazide, self-treated, now 6.4 and well, eating less with a cold: review medication soon.',
    input: {
      symptoms: [{ name: 'hypo', severity: 3, durationHours: 1, onset: 'sudden' }],
      freeText:
        'went shaky and sweaty before lunch, sugar was 3.2, had 5 jelly babies and a sandwich, now 6.4 and feel fine. i take gliclazide and metformin. first one in months. been eating less as ive got a cold',
      age: 72,
      sex: 'male',
      conditions: ['type 2 diabetes'],
    },
    min: 'C',
    max: 'U',
  },
  {
    id: 'pres-diabetes-04',
    source: 'coverage',
    category: 'diabetes',
    description: 'Neuropathic diabetic foot: painless black toe tip with malodour and dorsal redness: gangrene/infection, immediate referral.',
    input: {
      symptoms: [{ name: 'black toe', severity: 1, durationHours: 96 }],
      freeText:
        'noticed the end of my 2nd toe has gone black and theres a smelly bit underneath, doesnt hurt at all, i cant feel my feet much anyway. bit of redness on top of my foot',
      age: 66,
      sex: 'male',
      conditions: ['type 2 diabetes', 'neuropathy'],
    },
    min: 'E',
  },

  // ── diarrhoea-vomiting ──────────────────────────────────────────────────────────────────────
  // NICE CG84: infant with red dehydration features (sunken fontanelle, altered responsiveness,
  // reduced wet nappies) → ED. Older adult with D&V, oliguria and postural dizziness on diuretic +
  // ACE inhibitor → AKI risk, same-day/24 h review ('sick day rules'). Self-limiting D&V in a fit
  // adult keeping fluids down → self-care. Six weeks of looser stool with rectal bleeding and weight
  // loss → GP, suspected-cancer pathway (NICE NG12), not an emergency.
  {
    id: 'pres-diarrhoea-vomiting-01',
    source: 'coverage',
    category: 'diarrhoea-vomiting',
    description: 'Fit adult with 24 h of viral gastroenteritis, tolerating fluids, passing urine, no blood.',
    input: {
      symptoms: [
        { name: 'diarhea', severity: 4, durationHours: 24 },
        { name: 'vomiting', severity: 3, durationHours: 12 },
      ],
      freeText: 'think its a bug going round work, the runs and been sick twice, keeping water down now, weeing fine. no blood',
      age: 30,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-diarrhoea-vomiting-02',
    source: 'coverage',
    category: 'diarrhoea-vomiting',
    description: 'Elderly woman on diuretic and ACE inhibitor, 3 days of diarrhoea, little urine for over a day, postural dizziness: dehydration/AKI risk.',
    input: {
      symptoms: [
        { name: 'diarrhoea', severity: 4, durationHours: 72 },
        { name: 'dizzy when i stand', severity: 5 },
      ],
      freeText: 'runny tummy 3 days, hardly eating, ive barely passed water since yesterday morning. still taking my water tablet and ramipril. mouth dry',
      age: 83,
      sex: 'female',
      conditions: ['heart failure', 'high blood pressure'],
    },
    min: 'U',
  },
  {
    id: 'pres-diarrhoea-vomiting-03',
    source: 'coverage',
    category: 'diarrhoea-vomiting',
    description: 'Ten-month-old vomiting all feeds for 14 h with diarrhoea, one wet nappy, sunken fontanelle, sleepy: dehydrated infant.',
    input: {
      symptoms: [
        { name: 'vomiting', severity: 6, durationHours: 14 },
        { name: 'sleepy', severity: 5 },
      ],
      freeText:
        '10 month old, bringing up every feed since early this morning, and runny poos. only 1 wet diaper today. the soft spot on her head looks sunken and shes really sleepy and floppy-ish',
      age: 0,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'pres-diarrhoea-vomiting-04',
    source: 'coverage',
    category: 'diarrhoea-vomiting',
    description:
      'Six weeks of looser, more frequent stool with some dark blood and unintentional weight loss in a 64-year-old: suspected colorectal cancer pathway.',
    input: {
      symptoms: [{ name: 'loose stools', severity: 3, durationHours: 1008 }],
      freeText:
        'been going more often and looser for about 6 weeks, sometimes a bit of dark blood mixed in. lost about half a stone without trying. no pain really',
      age: 64,
      sex: 'male',
    },
    min: 'C',
    max: 'U',
  },

  // ── ear ─────────────────────────────────────────────────────────────────────────────────────
  // NICE CKS: earache with a cold, well → self-care for 3 days. Post-auricular swelling with
  // protruding pinna and fever → mastoiditis → ED. Sudden sensorineural hearing loss (over < 72 h,
  // no wax/infection) → ENT within 24 h (steroid window). Wax → self-care/pharmacist.
  {
    id: 'pres-ear-01',
    source: 'coverage',
    category: 'ear',
    description: 'Earache and muffled hearing with a head cold, afebrile, no discharge.',
    input: {
      symptoms: [{ name: 'earache', severity: 4, durationHours: 48 }],
      freeText: 'got a head cold and now my left ear aches and feels bunged up. no discharge, hearing a bit muffled. temp normal',
      age: 36,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-ear-02',
    source: 'coverage',
    category: 'ear',
    description: 'Child after recent otitis media: red boggy post-auricular swelling, ear pushed out, 39.4 °C: mastoiditis.',
    input: {
      symptoms: [
        { name: 'swelling behind ear', severity: 6, durationHours: 24 },
        { name: 'high temperature', severity: 6 },
      ],
      freeText: 'had an ear infection last week, now behind his ear is red, swollen and squishy and the ear is sticking out. temp 39.4, not himself',
      age: 4,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'pres-ear-03',
    source: 'coverage',
    category: 'ear',
    description: 'Three weeks of blocked ear with previous wax, no pain, discharge or vertigo.',
    input: {
      symptoms: [{ name: 'blocked ear', severity: 2, durationHours: 504 }],
      freeText: 'ear feels full and hearing worse on that side, had wax before. no pain no discharge no dizziness',
      age: 68,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-ear-04',
    source: 'coverage',
    category: 'ear',
    description: 'Woke with sudden unilateral deafness and tinnitus, no cold, pain or wax: sudden sensorineural hearing loss (painless, low slider).',
    input: {
      symptoms: [{ name: 'cant hear in right ear', severity: 3, durationHours: 14, onset: 'sudden' }],
      freeText: 'woke up this morning and my right ear is just deaf, bit of ringing. no cold, no pain, never had wax problems. no dizziness or face weakness',
      age: 51,
      sex: 'male',
    },
    min: 'U',
  },

  // ── eye ─────────────────────────────────────────────────────────────────────────────────────
  // RCOphth / NHS: painful red eye with blurred vision, haloes and vomiting (acute angle closure)
  // and sudden floaters/flashes with a curtain (retinal detachment, painless) → same-day eye
  // casualty/ED. Bilateral sticky eyes with normal vision (conjunctivitis) and a painless eyelid
  // lump (chalazion) → self-care/pharmacist.
  {
    id: 'pres-eye-01',
    source: 'coverage',
    category: 'eye',
    description: 'Bilateral sticky gritty eyes, normal vision, no pain/photophobia, contact at home: infective conjunctivitis.',
    input: {
      symptoms: [{ name: 'sticky red eyes', severity: 3, durationHours: 36 }],
      freeText:
        'both eyes gritty and crusted shut this morning, yellow gunk. vision fine once cleaned, no pain, light doesnt bother me. girlfriend had the same last week',
      age: 29,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-eye-02',
    source: 'coverage',
    category: 'eye',
    description:
      'Hypermetropic older woman, sudden painful red eye in a dark cinema, haloes, blurred vision, headache, vomiting: acute angle-closure glaucoma.',
    input: {
      symptoms: [
        { name: 'pain in eye', severity: 8, durationHours: 3, onset: 'sudden' },
        { name: 'blurry vision', severity: 6 },
        { name: 'being sick', severity: 4 },
      ],
      freeText: 'came on tonight in the cinema, left eye red and aching badly, seeing rainbow rings round lights, headache over that eye and ive vomited',
      age: 66,
      sex: 'female',
      conditions: ['long sighted'],
    },
    min: 'E',
  },
  {
    id: 'pres-eye-03',
    source: 'coverage',
    category: 'eye',
    description: 'Myope with sudden shower of floaters, flashes and a shadow descending from above, painless: retinal detachment.',
    input: {
      symptoms: [{ name: 'floaters', severity: 2, durationHours: 8, onset: 'sudden' }],
      freeText:
        'loads of new floaters in my right eye like a swarm of flies and flashes of light at the side. now theres a dark shadow coming in from the top. doesnt hurt at all',
      age: 57,
      sex: 'male',
      conditions: ['short sighted'],
    },
    min: 'E',
  },
  {
    id: 'pres-eye-04',
    source: 'coverage',
    category: 'eye',
    description: 'Painless pea-sized upper-lid lump for 3 weeks, not inflamed, normal vision: chalazion.',
    input: {
      symptoms: [{ name: 'lump on eyelid', severity: 1, durationHours: 504 }],
      freeText: 'small pea sized lump on my upper eyelid, not painful, not red, been there 3 weeks. vision fine',
      age: 42,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },

  // ── facial-problems ─────────────────────────────────────────────────────────────────────────
  // NICE CKS Bell's palsy: isolated lower-motor-neurone facial weakness including the forehead,
  // evolving over a day with post-auricular ache, normal limbs and speech → see within 72 h for
  // prednisolone (here within 24 h). Herpes zoster in the ophthalmic division with a lesion on the
  // nasal tip (Hutchinson's sign) and a red eye → same-day ophthalmology. Post-viral sinusitis
  // without periorbital or neurological features → self-care (NICE NG79).
  {
    id: 'pres-facial-problems-01',
    source: 'coverage',
    category: 'facial-problems',
    description: "Unilateral facial weakness including forehead, incomplete eye closure, post-auricular ache, limbs and speech normal: Bell's palsy.",
    input: {
      symptoms: [{ name: 'one side of face drooping', severity: 4, durationHours: 20, onset: 'gradual' }],
      freeText:
        'woke up and the right side of my face wont move, cant close my right eye properly, cant wrinkle my forehead that side, drinks dribble out. had an ache behind my right ear yesterday. arms and legs totally fine, speech fine apart from a bit lispy, no headache',
      age: 44,
      sex: 'male',
    },
    min: 'U',
  },
  {
    id: 'pres-facial-problems-02',
    source: 'coverage',
    category: 'facial-problems',
    description: 'Facial pressure and purulent nasal discharge 8 days into a cold, no periorbital swelling, afebrile: acute sinusitis.',
    input: {
      symptoms: [
        { name: 'pain in cheeks and forehead', severity: 4, durationHours: 192 },
        { name: 'blocked nose', severity: 4 },
      ],
      freeText:
        'started as a cold over a week ago, now my face feels full and achey when i bend forward, green snot. no swelling round my eyes, vision fine, temp normal',
      age: 31,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-facial-problems-03',
    source: 'coverage',
    category: 'facial-problems',
    description: 'Painful vesicular rash left forehead and nasal tip with a red watering eye: herpes zoster ophthalmicus.',
    input: {
      symptoms: [{ name: 'painful rash on forehead', severity: 6, durationHours: 36 }],
      freeText:
        'blistery rash on the left side of my forehead up into my hair and a couple of spots on the tip of my nose. left eye is red and watering. burning pain before it came out',
      age: 74,
      sex: 'female',
    },
    min: 'U',
  },

  // ── falls ───────────────────────────────────────────────────────────────────────────────────
  // NICE CG124 hip fracture / NHS: older adult on the floor overnight (long lie: hypothermia,
  // rhabdomyolysis, pressure damage) with a shortened externally rotated leg → 999. NICE NG232:
  // any head injury on an anticoagulant → CT within 8 h, i.e. ED, even if well (mild-first-hours).
  // Trip with a graze, got up unaided, no head injury or prodrome → self-care. Recurrent falls
  // without injury → falls assessment (NICE NG249/CG161), routine–soon.
  {
    id: 'pres-falls-01',
    source: 'coverage',
    category: 'falls',
    description: 'Eighty-eight-year-old found on floor after a night-time fall (long lie), cold and muddled, shortened externally rotated leg: hip fracture.',
    input: {
      symptoms: [
        { name: 'fell and cant get up', severity: 7, durationHours: 9 },
        { name: 'hip pain', severity: 7 },
      ],
      freeText:
        'carer found mum on the bedroom floor this morning, think she fell in the night going to the toilet. pain in her left hip, that leg looks shorter and turned out. shes cold and a bit muddled',
      age: 88,
      sex: 'female',
      conditions: ['osteoporosis'],
    },
    min: 'A',
  },
  {
    id: 'pres-falls-02',
    source: 'coverage',
    category: 'falls',
    description: 'Mechanical trip on rug, got up unaided, knee graze, no head injury, no prodrome, walking normally.',
    input: {
      symptoms: [{ name: 'grazed knee', severity: 2, durationHours: 3 }],
      freeText:
        'tripped on the edge of the rug, went down on my knees. got up on my own straight away, little graze, cleaned it. walking fine, didnt bang my head, didnt feel dizzy before, just clumsy',
      age: 79,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-falls-03',
    source: 'coverage',
    category: 'falls',
    description: 'Mild-first-hours: 85-year-old on apixaban slipped and hit head on sink, small lump, no LOC, feels fine: CT within 8 h.',
    input: {
      symptoms: [{ name: 'bump on head', severity: 2, durationHours: 1.5 }],
      freeText:
        'slipped in the bathroom and knocked her head on the sink. small lump, no cut, didnt knock herself out, no headache to speak of. shes on apixaban (eliquis) for her heart',
      age: 85,
      sex: 'female',
      conditions: ['atrial fibrillation'],
    },
    min: 'E',
  },
  {
    id: 'pres-falls-04',
    source: 'coverage',
    category: 'falls',
    description: "Three non-injurious falls in 2 months, Parkinson's, polypharmacy, no blackouts: multifactorial falls assessment.",
    input: {
      symptoms: [{ name: 'unsteady on feet', severity: 3, durationHours: 1440, onset: 'gradual' }],
      freeText:
        'dad has had 3 falls in the last 2 months, no injuries, always got himself up. seems wobbly, uses the furniture to get around. no blackouts that we know of',
      age: 81,
      sex: 'male',
      conditions: ['parkinsons', 'on 8 different tablets'],
    },
    min: 'C',
    max: 'U',
  },

  // ── fits ────────────────────────────────────────────────────────────────────────────────────
  // NHS 'what to do if someone has a seizure': call 999 if it is the first seizure, it lasts > 5
  // min, or they are injured/not recovering. First febrile convulsion in a toddler → urgent
  // assessment (ED). Known epilepsy, typical brief seizure with full recovery and no injury → no
  // emergency; self-care and inform the epilepsy team.
  {
    id: 'pres-fits-01',
    source: 'coverage',
    category: 'fits',
    description: 'Known epilepsy, typical 90 s seizure, back to baseline, no injury, trigger identified (sleep loss).',
    input: {
      symptoms: [{ name: 'had a seizure', severity: 3, durationHours: 1, onset: 'sudden' }],
      freeText:
        'i have epilepsy, had one of my normal fits at home, wife timed it about 90 seconds, back to normal in 20 min. didnt hurt myself, same as my usual ones. had a late night',
      age: 34,
      sex: 'male',
      conditions: ['epilepsy'],
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-fits-02',
    source: 'coverage',
    category: 'fits',
    description: 'First-ever generalised tonic-clonic seizure in a young adult, tongue bitten, post-ictal confusion.',
    input: {
      symptoms: [{ name: 'shaking fit', severity: 6, durationHours: 0.5, onset: 'sudden' }],
      freeText:
        'my girlfriend just had a fit on the sofa, went stiff then jerking for about 2 mins, never happened before. shes breathing and awake now but really confused and sleepy, bit her tongue',
      age: 26,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'pres-fits-03',
    source: 'coverage',
    category: 'fits',
    description: 'First febrile convulsion (1 min) in a toddler with 39 °C and a cold, now awake and crying.',
    input: {
      symptoms: [
        { name: 'fit', severity: 5, durationHours: 0.5, onset: 'sudden' },
        { name: 'temperature', severity: 5 },
      ],
      freeText:
        'our son had a fit, eyes rolled back and arms and legs jerking for about a minute. hes had a temp of 39 with a cold since this morning. never had one before. now crying and grumpy but awake',
      age: 1,
      sex: 'male',
    },
    min: 'E',
  },

  // ── foreign-body ────────────────────────────────────────────────────────────────────────────
  // RCEM / NHS Patient Safety Alert (button batteries): suspected button battery ingestion → ED
  // immediately, even if the child is well (mild-first-hours: oesophageal burns within 2 h).
  // Nasal foreign body without respiratory compromise → same-day removal, not an emergency.
  // Superficial splinter largely removed → self-care.
  {
    id: 'pres-foreign-body-01',
    source: 'coverage',
    category: 'foreign-body',
    description: 'Mild-first-hours: 3-year-old probably swallowed a coin-cell battery from a key fob, asymptomatic and eating.',
    input: {
      symptoms: [{ name: 'swallowed something', severity: 1, durationHours: 0.5 }],
      freeText:
        'the back came off the car key fob and the little round flat battery is missing, my 3 year old had it, think she swallowed it. she seems absolutely fine, eating a biscuit and playing',
      age: 3,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'pres-foreign-body-02',
    source: 'coverage',
    category: 'foreign-body',
    description: "Plastic bead in a child's nostril for 1 h, breathing comfortably, not distressed: needs same-day removal.",
    input: {
      symptoms: [{ name: 'bead up nose', severity: 2, durationHours: 1 }],
      freeText:
        'pushed a plastic bead up his left nostril, can just see it, tried getting him to blow. breathing fine through his mouth and the other side, not upset',
      age: 5,
      sex: 'male',
    },
    min: 'U',
  },
  {
    id: 'pres-foreign-body-03',
    source: 'coverage',
    category: 'foreign-body',
    description: 'Small wooden splinter in finger, mostly removed, not inflamed.',
    input: {
      symptoms: [{ name: 'splinter', severity: 2, durationHours: 4 }],
      freeText: 'wooden splinter in my finger from the fence, small, got most of it out with tweezers. not red or swollen',
      age: 30,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },

  // ── gi-bleeding ─────────────────────────────────────────────────────────────────────────────
  // NICE CG141 / MTS: haematemesis with dizziness (shock) in a cirrhotic (varices) → 999. Melaena
  // on NSAID + aspirin with exertional breathlessness → upper GI bleed, ED same day. Small bright
  // red blood on the paper after a hard stool with known piles → self-care. Six weeks of blood mixed
  // in stool with change in habit at 58 → GP, NICE NG12 suspected-cancer pathway.
  {
    id: 'pres-gi-bleeding-01',
    source: 'coverage',
    category: 'gi-bleeding',
    description: 'Cirrhotic with two large haematemeses, dizzy and cold: variceal bleed with shock.',
    input: {
      symptoms: [{ name: 'vomiting blood', severity: 8, durationHours: 0.5, onset: 'sudden' }],
      freeText: 'brought up about a cup of bright red blood and clots twice. feel dizzy and cold. i drink a lot',
      age: 56,
      sex: 'male',
      conditions: ['liver cirrhosis'],
    },
    min: 'A',
  },
  {
    id: 'pres-gi-bleeding-02',
    source: 'coverage',
    category: 'gi-bleeding',
    description: 'Two days of black tarry stool on ibuprofen plus aspirin, fatigue, exertional breathlessness, not on iron: melaena.',
    input: {
      symptoms: [
        { name: 'black poo', severity: 3, durationHours: 48 },
        { name: 'tired', severity: 4 },
      ],
      freeText:
        'poos have been black and sticky like tar the last 2 days, really smelly. been taking ibuprofen for my knee plus my aspirin. feel washed out and a bit out of breath going upstairs. not on iron tablets',
      age: 68,
      sex: 'female',
      conditions: ['osteoarthritis'],
    },
    min: 'E',
  },
  {
    id: 'pres-gi-bleeding-03',
    source: 'coverage',
    category: 'gi-bleeding',
    description: 'Single episode of bright red blood on paper after straining, known haemorrhoids, well.',
    input: {
      symptoms: [{ name: 'blood on toilet paper', severity: 2, durationHours: 24 }],
      freeText: 'bit of bright red on the paper after a hard poo yesterday, been constipated. had piles before. no blood mixed in, feel fine',
      age: 32,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-gi-bleeding-04',
    source: 'coverage',
    category: 'gi-bleeding',
    description: 'Six weeks of intermittent dark red blood mixed in stool, increased frequency, fatigue, 58: suspected colorectal cancer pathway.',
    input: {
      symptoms: [{ name: 'blood in poo', severity: 2, durationHours: 1008 }],
      freeText: 'on and off for 6 weeks, darkish red mixed in sometimes, going more often than i used to. tired. no pain',
      age: 58,
      sex: 'female',
    },
    min: 'C',
    max: 'U',
  },

  // ── headache ────────────────────────────────────────────────────────────────────────────────
  // NICE CG150 / NHS: thunderclap headache (maximal within seconds, worst ever, neck stiffness,
  // vomiting) → subarachnoid haemorrhage → 999. New temporal headache over 50 with jaw
  // claudication and scalp tenderness → giant cell arteritis, same-day steroids (vision risk).
  // Typical recurrent migraine with aura matching previous attacks, and chronic tension-type
  // headache with no red flags → self-care.
  {
    id: 'pres-headache-01',
    source: 'coverage',
    category: 'headache',
    description: 'Thunderclap headache at the gym, worst ever, neck stiffness, vomiting: subarachnoid haemorrhage.',
    input: {
      symptoms: [
        { name: 'headache', severity: 10, durationHours: 1, onset: 'sudden' },
        { name: 'stiff neck', severity: 5 },
      ],
      freeText:
        'like being hit on the back of the head with a bat, came on in seconds while i was at the gym. worst ever, threw up. i dont normally get headaches',
      age: 42,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'pres-headache-02',
    source: 'coverage',
    category: 'headache',
    description: 'Known migraineur, usual visual aura then typical unilateral headache, same as always, triptan taken.',
    input: {
      symptoms: [{ name: 'migraine', severity: 6, durationHours: 4, onset: 'gradual' }],
      freeText:
        'my usual migraine, zigzags in my vision first which went after 20 mins, then the headache on one side. same as always, get them every couple of months. taken sumatriptan',
      age: 28,
      sex: 'female',
      conditions: ['migraine'],
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-headache-03',
    source: 'coverage',
    category: 'headache',
    description:
      'Seventy-three-year-old, 2 weeks of new temporal headache, scalp tenderness, jaw claudication, morning shoulder stiffness: giant cell arteritis.',
    input: {
      symptoms: [
        { name: 'headache at temple', severity: 4, durationHours: 336, onset: 'gradual' },
        { name: 'jaw aches when chewing', severity: 3 },
      ],
      freeText:
        'new headache on the right side for 2 weeks, scalp sore when i brush my hair, jaw aches after chewing for a bit. shoulders stiff in the mornings. vision ok so far',
      age: 73,
      sex: 'female',
    },
    min: 'U',
  },
  {
    id: 'pres-headache-04',
    source: 'coverage',
    category: 'headache',
    description: 'Months of afternoon band-like headaches with screen work and poor sleep, no red flags: tension-type headache.',
    input: {
      symptoms: [{ name: 'headaches', severity: 3, durationHours: 2160, onset: 'gradual' }],
      freeText:
        'get a tight band round my head most afternoons at work, been a few months, on screens all day and not sleeping great. goes with paracetamol or a walk. no vomiting, not waking me up, vision fine',
      age: 36,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },

  // ── head-injury ─────────────────────────────────────────────────────────────────────────────
  // NICE NG232 head injury: CT within 1 h for loss of consciousness with > 1 vomit, amnesia;
  // CT within 8 h for anyone on anticoagulants even with no other features (mild-first-hours).
  // Child with immediate cry, no LOC, no vomiting, normal behaviour → home with advice. Mild
  // headache 2 days after a minor bump, analgesia-responsive, no red flags → self-care.
  {
    id: 'pres-head-injury-01',
    source: 'coverage',
    category: 'head-injury',
    description: 'Child fell off scooter, forehead bump, cried immediately, no LOC or vomiting, behaving normally.',
    input: {
      symptoms: [{ name: 'bumped head', severity: 3, durationHours: 1 }],
      freeText:
        'came off his scooter, bumped his forehead, cried straight away, got a lump. didnt knock himself out, not been sick, running about and chatting normally',
      age: 6,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-head-injury-02',
    source: 'coverage',
    category: 'head-injury',
    description: 'Mild-first-hours: 77-year-old on warfarin (mechanical valve, INR 2.8) hit head on a cupboard, small lump, feels well.',
    input: {
      symptoms: [{ name: 'hit head', severity: 2, durationHours: 3 }],
      freeText: 'stood up and banged my head on the cupboard door, small lump. feel ok. im on warfarin, inr was 2.8 last week',
      age: 77,
      sex: 'male',
      conditions: ['mechanical heart valve'],
    },
    min: 'E',
  },
  {
    id: 'pres-head-injury-03',
    source: 'coverage',
    category: 'head-injury',
    description: 'Rugby head clash: brief LOC, vomited twice, headache, amnesia for the match.',
    input: {
      symptoms: [
        { name: 'head clash at rugby', severity: 5, durationHours: 2 },
        { name: 'vomited', severity: 4 },
      ],
      freeText: 'knocked out for a few seconds in a tackle, since then thrown up twice and got a headache, cant remember the second half',
      age: 24,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'pres-head-injury-04',
    source: 'coverage',
    category: 'head-injury',
    description: 'Minor head bump 2 days ago, no LOC, intermittent mild headache responsive to paracetamol, no red flags: mild concussion.',
    input: {
      symptoms: [{ name: 'bit of a headache', severity: 3, durationHours: 48 }],
      freeText:
        'hit my head on the car boot lid 2 days ago, no knock out. slight headache on and off, paracetamol works, bit tired. no vomiting, no weakness, no confusion, not on blood thinners',
      age: 40,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },

  // ── irritable-child ─────────────────────────────────────────────────────────────────────────
  // NICE NG143 / meningitis guidance: fever with a non-blanching rash, cold peripheries, and an
  // irritable toddler who cries when handled → meningococcal disease, 999. Teething with a low-
  // grade temperature, drinking and wet nappies normal → self-care. Infant with 3 days of fever
  // that responds to antipyretics, no red features → GP within 24 h.
  {
    id: 'pres-irritable-child-01',
    source: 'coverage',
    category: 'irritable-child',
    description: 'Irritable toddler (cries when handled), 39.6 °C, cold hands and feet, non-blanching purpuric spots: meningococcal sepsis.',
    input: {
      symptoms: [
        { name: 'irritable', severity: 7, durationHours: 6 },
        { name: 'fever', severity: 6 },
        { name: 'spots', severity: 3 },
      ],
      freeText: 'screams when i pick her up, temp 39.6, cold hands and feet, little purple dots on her tummy that dont go away when i press a glass on them',
      age: 1,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'pres-irritable-child-02',
    source: 'coverage',
    category: 'irritable-child',
    description: 'Teething 14-month-old: grumpy, drooling, red cheek, 37.6 °C, drinking and wet nappies normal.',
    input: {
      symptoms: [{ name: 'teething', severity: 3, durationHours: 48 }],
      freeText:
        '14 months, grumpy, dribbling loads, red cheek, chewing everything. temp 37.6. eating less but drinking milk and water fine, wet nappies normal',
      age: 1,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-irritable-child-03',
    source: 'coverage',
    category: 'irritable-child',
    description: 'Ten-month-old with 3 days of fever 38.5–39 that responds to paracetamol, unsettled, feeding less, no rash: GP within 24 h.',
    input: {
      symptoms: [
        { name: 'whingey and unsettled', severity: 4, durationHours: 72 },
        { name: 'temperature', severity: 4, durationHours: 72 },
      ],
      freeText:
        '10 month old has had temps of 38.5-39 on and off for 3 days, calpol brings it down and he perks up a bit. feeding less but still some wet nappies. no rash. just wont settle',
      age: 0,
      sex: 'male',
    },
    min: 'U',
  },

  // ── limb-problems ───────────────────────────────────────────────────────────────────────────
  // MTS limb problems: gross deformity → ED (very urgent if neurovascular symptoms); acute limb
  // ischaemia (pale, cold, paraesthesia, paralysis; AF as embolic source) → ED now (6 h window).
  // Ottawa ankle rules: able to weight-bear → self-care (RICE). Gradual shoulder stiffness over
  // months (frozen shoulder, common in diabetes) → routine GP/physio.
  {
    id: 'pres-limb-problems-01',
    source: 'coverage',
    category: 'limb-problems',
    description: 'Inversion ankle sprain, lateral swelling, able to weight-bear from the start.',
    input: {
      symptoms: [{ name: 'twisted ankle', severity: 4, durationHours: 20 }],
      freeText: 'went over on it at five a side, swollen on the outside, could walk off the pitch and can walk on it now with a limp. ice and ibuprofen',
      age: 29,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-limb-problems-02',
    source: 'coverage',
    category: 'limb-problems',
    description: 'FOOSH on ice: dinner-fork deformity of wrist, severe pain, tingling fingers: displaced distal radius fracture.',
    input: {
      symptoms: [{ name: 'wrist', severity: 8, durationHours: 1, onset: 'sudden' }],
      freeText: 'slipped on ice and put my hand out, wrist is bent a funny shape like a dinner fork, really painful, fingers tingly',
      age: 47,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'pres-limb-problems-03',
    source: 'coverage',
    category: 'limb-problems',
    description: 'Sudden white cold painful foot with numb toes and weakness, untreated AF, smoker: acute limb ischaemia.',
    input: {
      symptoms: [{ name: 'foot gone cold', severity: 7, durationHours: 3, onset: 'sudden' }],
      freeText:
        'right foot suddenly went white and cold and painful, cant feel my toes properly and cant wiggle them well. leg feels weak. i have an irregular heartbeat that i dont take anything for',
      age: 69,
      sex: 'male',
      conditions: ['smoker', 'AF'],
    },
    min: 'E',
  },
  {
    id: 'pres-limb-problems-04',
    source: 'coverage',
    category: 'limb-problems',
    description: 'Four months of progressive shoulder stiffness and night pain, no injury, diabetic: adhesive capsulitis, routine.',
    input: {
      symptoms: [{ name: 'stiff shoulder', severity: 3, durationHours: 2880, onset: 'gradual' }],
      freeText:
        'left shoulder gradually got stiff and achy over about 4 months, cant reach behind my back or do my bra up, bad at night lying on it. no injury',
      age: 56,
      sex: 'female',
      conditions: ['type 2 diabetes'],
    },
    min: 'C',
    max: 'C',
  },

  // ── limping-child ───────────────────────────────────────────────────────────────────────────
  // NICE CKS acute childhood limp: fever with refusal to weight-bear and a hot swollen joint →
  // septic arthritis, emergency. Age 10–15 with limp or knee pain (referred hip pain), especially
  // if overweight → suspect slipped upper femoral epiphysis, same-day orthopaedic assessment.
  // Limp after minor trauma, now walking and running normally → self-care.
  {
    id: 'pres-limping-child-01',
    source: 'coverage',
    category: 'limping-child',
    description: 'Two-year-old refusing to weight-bear, hot swollen knee, 39 °C, no trauma: septic arthritis.',
    input: {
      symptoms: [
        { name: 'wont walk', severity: 6, durationHours: 18 },
        { name: 'temperature', severity: 6 },
      ],
      freeText: 'wont put her left leg down at all, cries if we touch her knee, its swollen and warm. temp 39. she was walking fine yesterday, no fall',
      age: 2,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'pres-limping-child-02',
    source: 'coverage',
    category: 'limping-child',
    description: 'Overweight 12-year-old, 3 weeks of knee pain and intermittent limp, normal-looking knee: possible SUFE (referred pain).',
    input: {
      symptoms: [
        { name: 'knee pain', severity: 3, durationHours: 504, onset: 'gradual' },
        { name: 'limping', severity: 3 },
      ],
      freeText:
        'my son has had a sore knee for about 3 weeks, limping on and off, worse after football. no injury i know of. hes a bit overweight. knee looks normal',
      age: 12,
      sex: 'male',
    },
    min: 'U',
  },
  {
    id: 'pres-limping-child-03',
    source: 'coverage',
    category: 'limping-child',
    description: 'Kicked in shin at football, bruise, limped briefly, now walking and running normally.',
    input: {
      symptoms: [{ name: 'sore shin', severity: 2, durationHours: 20 }],
      freeText: 'kicked in the shin at football yesterday, bruise, limped a bit last night but walking and running fine today',
      age: 8,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },

  // ── major-trauma ────────────────────────────────────────────────────────────────────────────
  // MTS major trauma / NICE NG39: high-energy mechanism with deformity and arterial bleeding → 999.
  // Side-impact collision at speed with neck pain and bilateral hand paraesthesia (Canadian
  // C-spine high risk) → 999 with spinal precautions, even if the patient walked. Walking-pace
  // car-park bump, belted, no pain → self-care.
  {
    id: 'pres-major-trauma-01',
    source: 'coverage',
    category: 'major-trauma',
    description: 'Motorcyclist off at speed: deformed leg, pulsatile bleeding, grey: major trauma with haemorrhage.',
    input: {
      symptoms: [
        { name: 'leg broken', severity: 9, durationHours: 0.2, onset: 'sudden' },
        { name: 'bleeding', severity: 8 },
      ],
      freeText: 'hes come off his motorbike on the bypass, leg is bent the wrong way and blood pumping out near the knee. hes awake but grey',
      age: 31,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'pres-major-trauma-02',
    source: 'coverage',
    category: 'major-trauma',
    description: 'Side-impact RTC at ~40 mph, walked from car, now neck pain with bilateral hand tingling and weakness: possible cervical cord injury.',
    input: {
      symptoms: [
        { name: 'neck pain', severity: 5, durationHours: 1, onset: 'sudden' },
        { name: 'tingling in hands', severity: 3 },
      ],
      freeText:
        'car crash, hit side on by a van at maybe 40mph. i got out and walked about, but now my neck really hurts and both my hands are tingling and feel weak',
      age: 45,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'pres-major-trauma-03',
    source: 'coverage',
    category: 'major-trauma',
    description: 'Walking-pace car-park collision, belted, no pain or headache, wants reassurance.',
    input: {
      symptoms: [{ name: 'shaken up', severity: 2, durationHours: 1 }],
      freeText:
        'someone reversed into my car in the supermarket parking lot, walking pace, had my seatbelt on. no pain anywhere, no headache, just shaken. want to check im ok for the insurance',
      age: 38,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },

  // ── mental-illness ──────────────────────────────────────────────────────────────────────────
  // NICE CG136/CG178 and NHS mental-health triage: psychosis with command/persecutory content
  // about a named person, access to a weapon, off depot → emergency assessment now. Manic relapse
  // without immediate danger → crisis team within 24 h. Two months of low mood without risk →
  // routine GP/talking therapy (NICE NG222). Recognised panic attack that resolved with usual
  // strategies → self-care.
  {
    id: 'pres-mental-illness-01',
    source: 'coverage',
    category: 'mental-illness',
    description: 'Two months of low mood, anhedonia, poor sleep, no suicidal thoughts: depression, routine GP.',
    input: {
      symptoms: [{ name: 'feeling low', severity: 4, durationHours: 1440, onset: 'gradual' }],
      freeText:
        'for about 2 months not enjoying anything, tired, struggling to get motivated at work. sleeping badly. no thoughts of hurting myself or ending my life. want to talk to someone about it',
      age: 30,
      sex: 'female',
    },
    min: 'C',
    max: 'C',
  },
  {
    id: 'pres-mental-illness-02',
    source: 'coverage',
    category: 'mental-illness',
    description: 'Schizophrenia off depot: persecutory voices about his wife, says he must "deal with" her, knife in room: risk to others.',
    input: {
      symptoms: [{ name: 'hearing voices', severity: 8, durationHours: 96 }],
      freeText:
        'my husband stopped his injection 2 months ago. hes hearing voices telling him that im poisoning him and he needs to deal with me. hes got a knife in his room. im at my mums now',
      age: 44,
      sex: 'male',
      conditions: ['schizophrenia'],
    },
    min: 'E',
  },
  {
    id: 'pres-mental-illness-03',
    source: 'coverage',
    category: 'mental-illness',
    description: 'Known anxiety: typical panic attack on a train, resolved with breathing exercises, well now.',
    input: {
      symptoms: [{ name: 'panic attack', severity: 5, durationHours: 0.5, onset: 'sudden' }],
      freeText:
        'had one of my panic attacks on the train, heart racing, tingly fingers, felt like i couldnt breathe. settled after 20 mins using my breathing exercises like it always does. fine now. get these every few weeks with exams',
      age: 22,
      sex: 'female',
      conditions: ['anxiety'],
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-mental-illness-04',
    source: 'coverage',
    category: 'mental-illness',
    description: 'Bipolar disorder, 4 nights without sleep, pressured speech, overspending, grandiosity, no aggression or self-harm talk: manic relapse.',
    input: {
      symptoms: [{ name: 'not sleeping', severity: 3, durationHours: 96 }],
      freeText:
        'my wife has bipolar and i think shes going high again. hasnt slept for 4 nights, talking non stop, spent 3 grand on things online, says shes going to start a business empire. not aggressive and not talking about harming herself',
      age: 52,
      sex: 'female',
      conditions: ['bipolar disorder'],
    },
    min: 'U',
  },

  // ── neck-pain ───────────────────────────────────────────────────────────────────────────────
  // NICE CKS neck pain / Canadian C-spine rule: non-traumatic stiff neck and low-risk whiplash
  // (low-speed rear-end, delayed onset, full rotation, no neuro symptoms) → self-care. Sudden neck
  // pain after manipulation with dizziness, diplopia and ataxia → vertebral artery dissection with
  // posterior circulation stroke → 999.
  {
    id: 'pres-neck-pain-01',
    source: 'coverage',
    category: 'neck-pain',
    description: 'Stiff neck after sleeping awkwardly, reduced rotation, no fever, headache or arm symptoms.',
    input: {
      symptoms: [{ name: 'stiff neck', severity: 4, durationHours: 36 }],
      freeText: 'slept funny, cant turn my head fully to the left, achy. no temp, no headache, no tingling in my arms',
      age: 35,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-neck-pain-02',
    source: 'coverage',
    category: 'neck-pain',
    description: 'Low-speed rear-end collision 2 days ago, delayed neck stiffness, full rotation, no neuro symptoms: low-risk whiplash.',
    input: {
      symptoms: [{ name: 'neck ache after car accident', severity: 3, durationHours: 48 }],
      freeText:
        'rear-ended at the lights 2 days ago at slow speed, neck stiff and sore the next day. can turn it both ways, no numbness or pins and needles, walked away from it fine',
      age: 42,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-neck-pain-03',
    source: 'coverage',
    category: 'neck-pain',
    description: 'Sharp neck pain during chiropractic manipulation, then vertigo, diplopia and ataxia: vertebral artery dissection/stroke.',
    input: {
      symptoms: [
        { name: 'neck pain', severity: 6, durationHours: 3, onset: 'sudden' },
        { name: 'dizzy', severity: 6 },
        { name: 'double vision', severity: 5 },
      ],
      freeText:
        'had my neck cracked at the chiropractor this morning, felt a sharp pain in the back of my neck, since then dizzy, seeing double and walking like im drunk',
      age: 39,
      sex: 'female',
    },
    min: 'A',
  },

  // ── overdose-poisoning ──────────────────────────────────────────────────────────────────────
  // NPIS/TOXBASE: paracetamol overdose > 75 mg/kg (here ~10 g) → ED now regardless of symptoms —
  // patients are asymptomatic for the first 24 h and treatment depends on a 4 h level. Calcium-
  // channel blocker (amlodipine) in a toddler: one adult tablet can be toxic, delayed onset → ED.
  // A small therapeutic excess of ibuprofen in a healthy adult (< 100 mg/kg) → self-care.
  {
    id: 'pres-overdose-poisoning-01',
    source: 'coverage',
    category: 'overdose-poisoning',
    description: 'Mild-first-hours: teenager took 20 paracetamol 3 h ago after an argument, asymptomatic, minimising.',
    input: {
      symptoms: [{ name: 'took tablets', severity: 1, durationHours: 3 }],
      freeText:
        'took 20 paracetamol after a row with my mum about 3 hours ago. feel completely fine, not sick or anything. dont want to make a fuss, do i actually need to go anywhere?',
      age: 17,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'pres-overdose-poisoning-02',
    source: 'coverage',
    category: 'overdose-poisoning',
    description: "Mild-first-hours: toddler found with grandmother's amlodipine 10 mg, 2 tablets possibly missing, well.",
    input: {
      symptoms: [{ name: 'might have eaten tablets', severity: 1, durationHours: 0.5 }],
      freeText: 'found him with nanas blister pack, 2 of her amlodipine 10mg are missing, might have been missing before. he seems totally normal',
      age: 2,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'pres-overdose-poisoning-03',
    source: 'coverage',
    category: 'overdose-poisoning',
    description: 'Adult took an extra ibuprofen dose by mistake (1200 mg/day total), asymptomatic, no other medicines.',
    input: {
      symptoms: [{ name: 'took too much advil', severity: 1, durationHours: 2 }],
      freeText:
        'forgot id taken 2 advil and took another 2 an hour later, so 800mg in an hour, 1200mg total today. no stomach problems, feel fine. not on any other meds',
      age: 40,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },

  // ── palpitations ────────────────────────────────────────────────────────────────────────────
  // NHS / ESC: palpitations with chest pain, syncope or breathlessness → 999. Ongoing sustained
  // regular tachycardia ~186 (SVT) failing vagal manoeuvres → ED now. Asymptomatic irregular rhythm
  // flagged by a smartwatch, rate controlled → GP for ECG and stroke-risk assessment (NICE NG196),
  // not urgent. Occasional ectopic 'thuds' with caffeine, no red flags → self-care.
  {
    id: 'pres-palpitations-01',
    source: 'coverage',
    category: 'palpitations',
    description: 'Occasional single skipped beats linked to caffeine and late nights, exercise tolerance normal, no syncope: ectopics.',
    input: {
      symptoms: [{ name: 'heart skips a beat', severity: 2, durationHours: 504 }],
      freeText:
        'every so often feel a thud or flip in my chest for a second, more after lots of coffee and late nights. no chest pain, no fainting, no breathlessness, can run fine',
      age: 25,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-palpitations-02',
    source: 'coverage',
    category: 'palpitations',
    description: 'Sudden-onset regular tachycardia 186 for 45 min, failed Valsalva, lightheaded, no chest pain: SVT.',
    input: {
      symptoms: [{ name: 'heart racing', severity: 5, durationHours: 0.75, onset: 'sudden' }],
      freeText:
        'came on suddenly like a switch, my watch says 186 and its not coming down, tried blowing into a syringe. bit lightheaded but no chest pain. had it before and it stopped by itself after a few min',
      age: 32,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'pres-palpitations-03',
    source: 'coverage',
    category: 'palpitations',
    description: 'Smartwatch AF alerts for a week, asymptomatic, rate 70–80s, hypertensive: possible new AF, GP for ECG/anticoagulation.',
    input: {
      symptoms: [{ name: 'irregular heart rhythm on watch', severity: 1, durationHours: 168 }],
      freeText:
        'my apple watch keeps giving me an alert for possible afib this past week. i dont feel anything, no breathlessness, no dizziness. heart rate 70s-80s',
      age: 73,
      sex: 'female',
      conditions: ['high blood pressure'],
    },
    min: 'C',
    max: 'U',
  },

  // ── pv-bleeding ─────────────────────────────────────────────────────────────────────────────
  // NHS ectopic pregnancy / RCOG GTG21: late period, unilateral pain, shoulder-tip pain and
  // faintness → ruptured ectopic until proven otherwise → 999 (NHS advises 999 when dizzy/faint).
  // Postmenopausal bleeding → GP for suspected-cancer referral (NICE NG12), not an emergency.
  // Slightly heavy period with normal haemodynamics → self-care.
  {
    id: 'pres-pv-bleeding-01',
    source: 'coverage',
    category: 'pv-bleeding',
    description: 'Period 2 weeks late (untested), brown spotting, sudden unilateral pelvic pain, shoulder-tip pain, presyncope: ruptured ectopic.',
    input: {
      symptoms: [
        { name: 'bleeding', severity: 3, durationHours: 6 },
        { name: 'pain one side low down', severity: 7, onset: 'sudden' },
      ],
      freeText:
        'period about 2 weeks late, thought this was it starting but its only brown spotting and ive got a sharp pain on the right side and now an odd pain in my shoulder tip. felt faint on the loo. havent done a test',
      age: 27,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'pres-pv-bleeding-02',
    source: 'coverage',
    category: 'pv-bleeding',
    description: 'Postmenopausal spotting 9 years after menopause, not on HRT, well: suspected endometrial cancer pathway.',
    input: {
      symptoms: [{ name: 'spotting', severity: 1, durationHours: 48 }],
      freeText: 'had a bit of pink spotting in my underwear this week, havent had a period for 9 years. no pain, feel fine. not on HRT',
      age: 61,
      sex: 'female',
    },
    min: 'C',
    max: 'U',
  },
  {
    id: 'pres-pv-bleeding-03',
    source: 'coverage',
    category: 'pv-bleeding',
    description: 'Period slightly heavier than usual, pad change every 3–4 h, cramps settled with ibuprofen, not dizzy, not pregnant.',
    input: {
      symptoms: [
        { name: 'heavy period', severity: 3, durationHours: 48 },
        { name: 'cramps', severity: 4 },
      ],
      freeText:
        'period a bit heavier than normal this month, changing my pad every 3 to 4 hours, cramps helped by ibuprofen and a hot water bottle. not dizzy, not pregnant, periods normally regular',
      age: 25,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },

  // ── pregnancy ───────────────────────────────────────────────────────────────────────────────
  // NICE NG133 / RCOG: headache, visual disturbance, facial oedema and epigastric/RUQ pain after
  // 20 weeks → pre-eclampsia, maternity assessment now. RCOG GTG57 / Tommy's: reduced fetal
  // movements → contact maternity unit immediately, never wait for the next appointment. Itching of
  // palms and soles without rash → obstetric cholestasis, same-day bloods. Nausea and vomiting of
  // early pregnancy keeping fluids down → self-care (RCOG GTG69).
  {
    id: 'pres-pregnancy-01',
    source: 'coverage',
    category: 'pregnancy',
    description: 'Thirty-four weeks, primigravida: persistent headache, visual sparkles, facial/hand oedema, right upper quadrant pain: pre-eclampsia.',
    input: {
      symptoms: [
        { name: 'bad headache', severity: 6, durationHours: 5 },
        { name: 'flashing lights', severity: 4 },
        { name: 'swollen face and hands', severity: 3 },
      ],
      freeText:
        '34 weeks pregnant with my first, headache wont shift with paracetamol, seeing sparkly lights, rings are tight and face puffy since yesterday. pain under my ribs on the right',
      age: 34,
      sex: 'female',
      pregnant: true,
    },
    min: 'E',
  },
  {
    id: 'pres-pregnancy-02',
    source: 'coverage',
    category: 'pregnancy',
    description: "Thirty weeks, markedly reduced fetal movements today, planning to wait for Thursday's appointment: reduced fetal movements.",
    input: {
      symptoms: [{ name: 'baby not moving as much', severity: 2, durationHours: 10 }],
      freeText:
        '30 weeks, hes usually really active in the evenings but ive only felt a couple of little movements today. had cold water and lay on my side. might just be a quiet day, ill wait till my midwife appt on thursday?',
      age: 29,
      sex: 'female',
      pregnant: true,
    },
    min: 'E',
  },
  {
    id: 'pres-pregnancy-03',
    source: 'coverage',
    category: 'pregnancy',
    description: 'Nine weeks, nausea and vomiting once or twice daily, keeping fluids down, passing urine normally.',
    input: {
      symptoms: [{ name: 'morning sickness', severity: 4, durationHours: 336 }],
      freeText:
        '9 weeks pregnant, feel sick most of the day, sick once or twice a day but keeping fluids and small snacks down, weeing normally. ginger biscuits helping a bit',
      age: 26,
      sex: 'female',
      pregnant: true,
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-pregnancy-04',
    source: 'coverage',
    category: 'pregnancy',
    description: 'Thirty-five weeks, generalised itch worst on palms and soles at night, no rash, normal movements: intrahepatic cholestasis of pregnancy.',
    input: {
      symptoms: [{ name: 'itching', severity: 5, durationHours: 120 }],
      freeText: '35 weeks, itchy all over especially my palms and the soles of my feet, worse at night, no rash at all. baby moving fine',
      age: 36,
      sex: 'female',
      pregnant: true,
    },
    min: 'U',
  },

  // ── rashes ──────────────────────────────────────────────────────────────────────────────────
  // NICE NG240 / MTS rashes: fever with a non-blanching (glass test) rash → meningococcal, 999.
  // Blistering rash with mucosal ulcers, conjunctivitis and fever after starting lamotrigine → SJS/
  // TEN, ED. Chronic scaly plaques (psoriasis) and uncomplicated chickenpox in a well child →
  // self-care/pharmacist.
  {
    id: 'pres-rashes-01',
    source: 'coverage',
    category: 'rashes',
    description: 'Three-year-old with fever 38.9, sleepy, purpuric spots that do not fade under a glass: meningococcal disease.',
    input: {
      symptoms: [
        { name: 'rash', severity: 3, durationHours: 3 },
        { name: 'temperature', severity: 5 },
      ],
      freeText: 'came out in little purple red spots on his legs and tummy, when i roll a glass over them they dont go away. temp 38.9, very sleepy and whiny',
      age: 3,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'pres-rashes-02',
    source: 'coverage',
    category: 'rashes',
    description: 'Months of scaly itchy plaques on extensor surfaces, systemically well: likely psoriasis.',
    input: {
      symptoms: [{ name: 'dry itchy patches', severity: 3, durationHours: 2880 }],
      freeText:
        'scaly itchy patches on both elbows and knees for a few months, silvery flakes. not spreading fast, no fever, feel fine. moisturiser helps a bit',
      age: 40,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-rashes-03',
    source: 'coverage',
    category: 'rashes',
    description: 'Three weeks after starting lamotrigine: spreading blistering rash, oral ulcers, red gritty eyes, dysuria, fever: Stevens-Johnson syndrome.',
    input: {
      symptoms: [
        { name: 'rash and sore mouth', severity: 7, durationHours: 24 },
        { name: 'fever', severity: 5 },
      ],
      freeText:
        'started lamotrigine 3 weeks ago. now a red blotchy rash spreading on my chest and face, some of it blistering, ulcers in my mouth, eyes red and gritty and it hurts to pee',
      age: 27,
      sex: 'female',
      conditions: ['epilepsy'],
    },
    min: 'E',
  },
  {
    id: 'pres-rashes-04',
    source: 'coverage',
    category: 'rashes',
    description: 'Uncomplicated chickenpox in a well 6-year-old, crusting, afebrile today, no eye or chest involvement.',
    input: {
      symptoms: [{ name: 'chicken pox', severity: 3, durationHours: 48 }],
      freeText:
        'spots all over with blisters, some crusting over, really itchy. temp 37.9 yesterday now normal. eating and drinking fine, playing, no spots in her eyes, no breathing trouble',
      age: 6,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },

  // ── self-harm ───────────────────────────────────────────────────────────────────────────────
  // NICE NG225: every episode of self-harm warrants a psychosocial assessment — a teenager with
  // superficial cuts, no current intent, disclosed to a parent → same-day/24 h (GP, CAMHS crisis).
  // Active suicidal plan with stockpiled means, letters written, tonight → emergency now. Long-
  // standing low-lethality skin-picking with no suicidal intent, seeking therapy → GP.
  {
    id: 'pres-self-harm-01',
    source: 'coverage',
    category: 'self-harm',
    description: 'Fifteen-year-old with superficial forearm cuts disclosed to parent, bleeding stopped, denies wanting to die: needs assessment within 24 h.',
    input: {
      symptoms: [{ name: 'cuts on arm', severity: 2, durationHours: 2 }],
      freeText:
        'my daughter told me shes been cutting her arm, i saw them tonight, lines on her forearm, not deep, bleeding has stopped. she says she doesnt want to die and shell talk to us. i dont know what to do',
      age: 15,
      sex: 'female',
    },
    min: 'U',
  },
  {
    id: 'pres-self-harm-02',
    source: 'coverage',
    category: 'self-harm',
    description: 'Active suicidal plan tonight with stockpiled tablets and farewell letters: imminent high risk.',
    input: {
      symptoms: [{ name: 'want to end it', severity: 9, durationHours: 72 }],
      freeText:
        'ive been saving up my tablets and ive decided to take them tonight when the kids are at their dads. ive written letters. i dont know why im typing this',
      age: 34,
      sex: 'female',
      conditions: ['depression'],
    },
    min: 'E',
  },
  {
    id: 'pres-self-harm-03',
    source: 'coverage',
    category: 'self-harm',
    description: 'Years of stress-related skin scratching, worse lately, no suicidal intent, wants therapy: GP.',
    input: {
      symptoms: [{ name: 'picking and scratching skin', severity: 2, durationHours: 17520 }],
      freeText:
        'when stressed i scratch my arms until they bleed, been doing it since school on and off. its been more lately with uni. no thoughts of suicide, not wanting to die. would like to get some help and therapy',
      age: 19,
      sex: 'male',
    },
    min: 'C',
    max: 'U',
  },

  // ── sexually-acquired-infection ─────────────────────────────────────────────────────────────
  // BASHH guidelines: symptomatic urethritis → sexual health clinic (routine/soon). Asymptomatic
  // screening → home kit or routine clinic. PID (pelvic pain, dyspareunia, discharge, fever) →
  // same-day antibiotics (untreated → infertility, abscess). HIV PEPSE after a high-risk exposure
  // → start as soon as possible, ideally within 24 h and no later than 72 h.
  {
    id: 'pres-sexually-acquired-infection-01',
    source: 'coverage',
    category: 'sexually-acquired-infection',
    description: 'Urethral discharge and dysuria 10 days after unprotected sex, afebrile, no testicular pain: urethritis.',
    input: {
      symptoms: [
        { name: 'burning when i pee', severity: 4, durationHours: 72 },
        { name: 'discharge from penis', severity: 3, durationHours: 48 },
      ],
      freeText: 'white/yellow discharge, stings when i wee. had unprotected sex with someone new 10 days ago. no fever, no testicle pain',
      age: 24,
      sex: 'male',
    },
    min: 'C',
    max: 'U',
  },
  {
    id: 'pres-sexually-acquired-infection-02',
    source: 'coverage',
    category: 'sexually-acquired-infection',
    description: 'Asymptomatic STI screen request before stopping condoms with a new partner.',
    input: {
      symptoms: [{ name: 'want sti test', severity: 1 }],
      freeText: 'new partner, no symptoms at all, just want to get checked before we stop using condoms',
      age: 29,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-sexually-acquired-infection-03',
    source: 'coverage',
    category: 'sexually-acquired-infection',
    description: 'Bilateral lower abdominal pain, dyspareunia, post-coital bleeding, offensive discharge, 38.2 °C, negative pregnancy test: PID.',
    input: {
      symptoms: [
        { name: 'pain low in tummy', severity: 5, durationHours: 72 },
        { name: 'smelly discharge', severity: 3 },
        { name: 'fever', severity: 4 },
      ],
      freeText: 'pain both sides down low, hurts during sex, bleeding after sex, temp 38.2. new partner last month. not pregnant, did a test',
      age: 23,
      sex: 'female',
    },
    min: 'U',
  },
  {
    id: 'pres-sexually-acquired-infection-04',
    source: 'coverage',
    category: 'sexually-acquired-infection',
    description: 'Condom failure 12 h ago with a male partner of unknown HIV status, asymptomatic: HIV PEPSE window.',
    input: {
      symptoms: [{ name: 'worried about hiv', severity: 1, durationHours: 12 }],
      freeText:
        'condom split last night with a guy i met on an app, he said he doesnt know his status. i feel fine. someone said theres a tablet you can take after?',
      age: 35,
      sex: 'male',
    },
    min: 'U',
  },

  // ── shortness-of-breath-adult ───────────────────────────────────────────────────────────────
  // NICE NG106/NG158 / MTS: acute pulmonary oedema (orthopnoea, PND, pink frothy sputum, can only
  // say words) → 999. Sudden breathlessness with pleuritic pain and tachycardia 2 weeks after knee
  // surgery → PE, ED now. Slowly improving exertional breathlessness weeks after COVID, normal at
  // rest → routine GP.
  {
    id: 'pres-shortness-of-breath-adult-01',
    source: 'coverage',
    category: 'shortness-of-breath-adult',
    description: 'Two weeks after knee surgery, immobile: sudden breathlessness, pleuritic chest pain, tachycardia: pulmonary embolism.',
    input: {
      symptoms: [
        { name: 'out of breath', severity: 5, durationHours: 8, onset: 'sudden' },
        { name: 'sharp pain when breathing in', severity: 5 },
      ],
      freeText:
        'had my knee operated on 2 weeks ago, been mostly on the sofa. today suddenly breathless walking to the loo and a stabbing pain on the right of my chest when i breathe in. heart racing',
      age: 41,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'pres-shortness-of-breath-adult-02',
    source: 'coverage',
    category: 'shortness-of-breath-adult',
    description: 'Heart failure: woke gasping, orthopnoea, speaking in words, pink frothy sputum, worsening oedema: acute pulmonary oedema.',
    input: {
      symptoms: [
        { name: 'cant breathe lying down', severity: 7, durationHours: 10 },
        { name: 'swollen legs', severity: 4, durationHours: 120 },
      ],
      freeText:
        'mum woke up at 3am gasping, sitting bolt upright now, can only say a few words, bubbly cough with pink froth. ankles have been swelling more all week',
      age: 81,
      sex: 'female',
      conditions: ['heart failure', 'atrial fibrillation'],
    },
    min: 'A',
  },
  {
    id: 'pres-shortness-of-breath-adult-03',
    source: 'coverage',
    category: 'shortness-of-breath-adult',
    description: 'Six weeks post-COVID, mild exertional breathlessness and fatigue, steadily improving, normal at rest: post-viral, routine GP.',
    input: {
      symptoms: [{ name: 'breathless on stairs', severity: 2, durationHours: 1008, onset: 'gradual' }],
      freeText:
        'had covid 6 weeks ago, still get a bit puffed on stairs and tired, slowly getting better each week. no chest pain, breathing fine at rest, not coughing blood',
      age: 33,
      sex: 'male',
    },
    min: 'C',
    max: 'C',
  },

  // ── shortness-of-breath-child ───────────────────────────────────────────────────────────────
  // NICE NG9 bronchiolitis: marked recession, tachypnoea and feeding < 50–75 % → hospital
  // referral. BTS/SIGN paediatric asthma: too breathless to talk, cyanosis, poor response to 10
  // puffs → life-threatening, 999. Mild croup (barking cough, no stridor at rest) and simple
  // coryza in a child breathing normally → self-care (NICE CKS croup).
  {
    id: 'pres-shortness-of-breath-child-01',
    source: 'coverage',
    category: 'shortness-of-breath-child',
    description: 'Seven-month-old with coryza then tachypnoea, subcostal recession, feeding ~50 %: bronchiolitis needing hospital assessment.',
    input: {
      symptoms: [
        { name: 'breathing fast', severity: 5, durationHours: 12 },
        { name: 'cold', severity: 3, durationHours: 72 },
      ],
      freeText:
        'shes had a cold for a few days, now breathing really fast and you can see her tummy sucking in under her ribs. only taken about half her bottles today. no blue lips',
      age: 0,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'pres-shortness-of-breath-child-02',
    source: 'coverage',
    category: 'shortness-of-breath-child',
    description: 'Mild croup: barking cough worse at night, quiet breathing at rest, no stridor, drinking.',
    input: {
      symptoms: [{ name: 'barking cough', severity: 4, durationHours: 24 }],
      freeText:
        'cough sounds like a seal, worse at night, woke him up. when hes calm his breathing is quiet, no noise when he breathes in. temp 37.8, drinking ok',
      age: 3,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-shortness-of-breath-child-03',
    source: 'coverage',
    category: 'shortness-of-breath-child',
    description: 'Asthmatic 6-year-old: 10 puffs via spacer ineffective, too breathless to talk, tripoding, bluish lips: life-threatening asthma.',
    input: {
      symptoms: [{ name: 'asthma attack', severity: 8, durationHours: 2 }],
      freeText: 'blue inhaler 10 puffs through the spacer not helping, hes too breathless to talk, sitting hunched forward, lips look a bit blue',
      age: 6,
      sex: 'male',
      conditions: ['asthma'],
    },
    min: 'A',
  },
  {
    id: 'pres-shortness-of-breath-child-04',
    source: 'coverage',
    category: 'shortness-of-breath-child',
    description: 'Toddler with 4 days of coryza and cough, breathing normally, eating, playing, afebrile.',
    input: {
      symptoms: [{ name: 'runny nose and cough', severity: 2, durationHours: 96 }],
      freeText: 'snotty and coughing for 4 days, nursery bug. breathing normally, eating and drinking fine, playing, no temp today',
      age: 2,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },

  // ── sore-throat ─────────────────────────────────────────────────────────────────────────────
  // NICE NG84 / ENT UK: peritonsillar abscess (unilateral severe pain, trismus, 'hot potato' voice,
  // drooling, uvular deviation) → same-day ENT via ED. MHRA/BNF carbimazole: sore throat or mouth
  // ulcers with fever → stop and urgent FBC for agranulocytosis (possible neutropenic sepsis).
  // Viral sore throat with coryza, low FeverPAIN → self-care.
  {
    id: 'pres-sore-throat-01',
    source: 'coverage',
    category: 'sore-throat',
    description: 'Scratchy sore throat with a cold for 3 days, swallowing fine, 37.5 °C.',
    input: {
      symptoms: [{ name: 'sore throat', severity: 4, durationHours: 72 }],
      freeText: 'with a cold, throat scratchy and sore, swallowing ok, eating ok, temp 37.5. no rash',
      age: 22,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-sore-throat-02',
    source: 'coverage',
    category: 'sore-throat',
    description: 'After tonsillitis: severe unilateral throat pain, trismus, hot-potato voice, drooling, deviated uvula: quinsy.',
    input: {
      symptoms: [
        { name: 'sore throat on one side', severity: 8, durationHours: 96 },
        { name: 'cant open my mouth properly', severity: 6 },
      ],
      freeText:
        'had tonsillitis, now the left side is much worse, voice sounds like ive got a hot potato in my mouth, drooling as it hurts too much to swallow my spit. the dangly bit is pushed over',
      age: 28,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'pres-sore-throat-03',
    source: 'coverage',
    category: 'sore-throat',
    description: 'Six weeks into carbimazole: sore throat, mouth ulcers and 38.4 °C: possible agranulocytosis with neutropenic fever.',
    input: {
      symptoms: [
        { name: 'sore throat', severity: 4, durationHours: 24 },
        { name: 'temperature 38.4', severity: 4 },
      ],
      freeText: 'on carbimazole for overactive thyroid, started it 6 weeks ago. now sore throat and fever since yesterday, couple of mouth ulcers',
      age: 34,
      sex: 'female',
      conditions: ['graves disease'],
    },
    min: 'E',
  },

  // ── testicular-pain ─────────────────────────────────────────────────────────────────────────
  // NICE CKS scrotal pain / BAUS: sudden severe testicular pain in an adolescent, high-riding
  // testis, vomiting → torsion, ED immediately (salvage falls after 6 h). Gradual pain and
  // swelling with dysuria and fever → epididymo-orchitis, same-day antibiotics. Painless hard
  // testicular lump → GP, suspected-cancer pathway (NICE NG12). 'Bag of worms' dull ache on standing
  // → varicocele, routine GP.
  {
    id: 'pres-testicular-pain-01',
    source: 'coverage',
    category: 'testicular-pain',
    description: 'Fourteen-year-old woken by sudden severe testicular pain, high-riding testis, vomiting, no trauma: testicular torsion.',
    input: {
      symptoms: [
        { name: 'pain in my balls', severity: 9, durationHours: 2, onset: 'sudden' },
        { name: 'sick', severity: 5 },
      ],
      freeText: 'woke me up, left one really hurts and looks higher than the other one. threw up. didnt get hit there',
      age: 14,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'pres-testicular-pain-02',
    source: 'coverage',
    category: 'testicular-pain',
    description: 'Painless hard pea-sized testicular lump for 2 weeks: suspected testicular cancer pathway.',
    input: {
      symptoms: [{ name: 'lump on testicle', severity: 1, durationHours: 336 }],
      freeText: 'found a hard pea-sized lump on my right testicle in the shower 2 weeks ago, doesnt hurt, still there',
      age: 31,
      sex: 'male',
    },
    min: 'C',
    max: 'U',
  },
  {
    id: 'pres-testicular-pain-03',
    source: 'coverage',
    category: 'testicular-pain',
    description: 'Two months of left scrotal dull ache on standing, "bag of worms", resolves lying down, testis normal: varicocele.',
    input: {
      symptoms: [{ name: 'dull ache in scrotum', severity: 2, durationHours: 1440 }],
      freeText:
        'left side of my scrotum feels like a bag of worms when i stand, ache by the end of the day, goes when i lie down. no lump on the testicle itself',
      age: 27,
      sex: 'male',
    },
    min: 'C',
    max: 'C',
  },
  {
    id: 'pres-testicular-pain-04',
    source: 'coverage',
    category: 'testicular-pain',
    description: 'Gradual 2-day testicular pain and swelling, scrotal erythema, dysuria, 38 °C: epididymo-orchitis.',
    input: {
      symptoms: [
        { name: 'swollen sore testicle', severity: 6, durationHours: 48, onset: 'gradual' },
        { name: 'stinging wee', severity: 3 },
      ],
      freeText: 'right one has got bigger and sore over 2 days, scrotum red, temp 38. came on slowly not suddenly',
      age: 25,
      sex: 'male',
    },
    min: 'U',
  },

  // ── torso-injury ────────────────────────────────────────────────────────────────────────────
  // MTS torso injury / NICE NG39: any penetrating torso wound → 999 however small or well the
  // patient looks (mild-first-hours). Rib injury with increasing breathlessness and haemoptysis in
  // an older COPD patient → ED (pneumothorax, contusion, pneumonia). Isolated rib pain with normal
  // breathing → self-care (NHS broken/bruised ribs).
  {
    id: 'pres-torso-injury-01',
    source: 'coverage',
    category: 'torso-injury',
    description: 'Fall against bath edge, rib pain on deep breathing/coughing, not breathless, no haemoptysis: rib contusion/fracture.',
    input: {
      symptoms: [{ name: 'sore ribs', severity: 5, durationHours: 48 }],
      freeText:
        'slipped and fell against the side of the bath, ribs on the right really sore when i breathe in deep or cough. not short of breath, not coughing blood, breathing ok walking about',
      age: 40,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-torso-injury-02',
    source: 'coverage',
    category: 'torso-injury',
    description: 'Mild-first-hours: stab wound to left abdomen, small, little external bleeding, feels well, wants to self-treat.',
    input: {
      symptoms: [{ name: 'small cut on stomach', severity: 3, durationHours: 0.3 }],
      freeText:
        'got stabbed in a fight just now, its only a small hole on the left side of my belly, hardly bleeding. i feel alright just want to know if i can patch it up at home',
      age: 22,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'pres-torso-injury-03',
    source: 'coverage',
    category: 'torso-injury',
    description: 'Older woman with COPD, rib injury 2 days ago, now increasing breathlessness, haemoptysis and 37.9 °C.',
    input: {
      symptoms: [
        { name: 'rib pain', severity: 6, durationHours: 48 },
        { name: 'getting more breathless', severity: 6, durationHours: 6 },
      ],
      freeText: 'fell onto the arm of a chair 2 days ago, ribs sore. today much more short of breath and coughed up a bit of blood. temp 37.9',
      age: 71,
      sex: 'female',
      conditions: ['COPD'],
    },
    min: 'E',
  },

  // ── unwell-adult ────────────────────────────────────────────────────────────────────────────
  // NICE NG51 sepsis: new confusion, raised respiratory rate, no urine for > 18 h, mottled skin →
  // high risk, 999. NICE NG151 neutropenic sepsis: fever ≥ 38 °C within weeks of chemotherapy →
  // ED immediately even if feeling well (mild-first-hours). Common cold → self-care. Three months
  // of fatigue with hypothyroid-type features, no red flags → routine GP bloods.
  {
    id: 'pres-unwell-adult-01',
    source: 'coverage',
    category: 'unwell-adult',
    description: 'Older man with chest infection: rigors, tachypnoea, new confusion, anuric since last night, mottled skin: sepsis.',
    input: {
      symptoms: [
        { name: 'very unwell', severity: 7, durationHours: 24 },
        { name: 'shivering', severity: 6 },
        { name: 'confused', severity: 5 },
      ],
      freeText:
        'my husband has had a chest infection, today hes shaking, breathing fast, not making sense and hasnt had a wee since last night. skin looks blotchy',
      age: 69,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'pres-unwell-adult-02',
    source: 'coverage',
    category: 'unwell-adult',
    description: 'Mild-first-hours: 38.3 °C twice, 9 days after chemotherapy, feels fairly well: suspected neutropenic sepsis.',
    input: {
      symptoms: [{ name: 'temperature', severity: 2, durationHours: 1 }],
      freeText: 'temp 38.3 twice an hour apart. i feel ok honestly just a bit tired. had my second cycle of chemo for breast cancer 9 days ago',
      age: 47,
      sex: 'female',
      conditions: ['breast cancer', 'on chemotherapy'],
    },
    min: 'E',
  },
  {
    id: 'pres-unwell-adult-03',
    source: 'coverage',
    category: 'unwell-adult',
    description: 'Common cold for 3 days, eating and drinking, no breathing problems.',
    input: {
      symptoms: [
        { name: 'cold', severity: 3, durationHours: 72 },
        { name: 'tired', severity: 3 },
      ],
      freeText: 'blocked nose, sneezing, scratchy throat, tired. eating and drinking, no breathing problems',
      age: 35,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-unwell-adult-04',
    source: 'coverage',
    category: 'unwell-adult',
    description: 'Three months of fatigue, cold intolerance, weight gain, hair thinning: possible hypothyroidism, routine GP bloods.',
    input: {
      symptoms: [{ name: 'tired all the time', severity: 4, durationHours: 2160, onset: 'gradual' }],
      freeText:
        'exhausted for about 3 months, no energy, feel the cold more, put on a bit of weight, hair thinning. periods stopped last year. no other problems',
      age: 50,
      sex: 'female',
    },
    min: 'C',
    max: 'C',
  },

  // ── unwell-child ────────────────────────────────────────────────────────────────────────────
  // NICE NG143 traffic-light system: mottled, floppy, hard to rouse → red, 999. Age < 3 months
  // with temperature ≥ 38 °C → red on age alone, urgent hospital assessment even if feeding
  // (mild-first-hours; US 100.4 °F rule). Fever ≥ 5 days with Kawasaki features → amber,
  // paediatric assessment within 24 h. Febrile child, interacting and drinking → green, self-care.
  {
    id: 'pres-unwell-child-01',
    source: 'coverage',
    category: 'unwell-child',
    description: 'Nine-month-old, 39.8 °C, floppy, hard to wake, mottled, cold peripheries, tachypnoea: sepsis.',
    input: {
      symptoms: [
        { name: 'floppy', severity: 7, durationHours: 4 },
        { name: 'fever', severity: 6, durationHours: 12 },
      ],
      freeText: '9 month old, temp 39.8, gone really floppy, hard to wake, skin looks blotchy and mottled, hands and feet cold. breathing fast',
      age: 0,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'pres-unwell-child-02',
    source: 'coverage',
    category: 'unwell-child',
    description: 'Five-year-old, 38.3 °C with coryza, plays after paracetamol, drinking and passing urine, no rash.',
    input: {
      symptoms: [{ name: 'temperature', severity: 3, durationHours: 24 }],
      freeText: 'temp 38.3 with a cough and cold, perks up and plays after calpol, drinking well, weeing normal, no rash',
      age: 5,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-unwell-child-03',
    source: 'coverage',
    category: 'unwell-child',
    description: 'Mild-first-hours: 5-week-old, rectal temperature 100.6 °F (38.1 °C), feeding and behaving normally.',
    input: {
      symptoms: [{ name: 'temperature', severity: 2, durationHours: 2 }],
      freeText: 'shes 5 weeks old, felt warm so we checked, rectal temp 100.6. feeding ok and otherwise seems her normal self. do we just give tylenol?',
      age: 0,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'pres-unwell-child-04',
    source: 'coverage',
    category: 'unwell-child',
    description: 'Three-year-old, fever 5 days, non-purulent conjunctivitis, cracked red lips, rash, red swollen hands and feet: Kawasaki disease.',
    input: {
      symptoms: [{ name: 'fever for 5 days', severity: 5, durationHours: 120 }],
      freeText: 'temps every day since friday, red eyes but no gunk, lips red and cracked, rash on his body, hands and feet red and puffy. grumpy',
      age: 3,
      sex: 'male',
    },
    min: 'U',
  },

  // ── urinary-problems ────────────────────────────────────────────────────────────────────────
  // NICE NG109 (lower UTI) / NG111 (pyelonephritis): uncomplicated cystitis in a non-pregnant
  // woman → self-care or pharmacist (Pharmacy First). Loin pain with fever and rigors, tolerating
  // fluids → pyelonephritis, antibiotics within 24 h. Acute urinary retention → ED for catheter.
  // Months of nocturia and poor stream without haematuria → routine GP (NICE CG97 LUTS).
  {
    id: 'pres-urinary-problems-01',
    source: 'coverage',
    category: 'urinary-problems',
    description: 'Uncomplicated cystitis in a non-pregnant woman: dysuria and frequency, afebrile, no loin pain.',
    input: {
      symptoms: [
        { name: 'burning when weeing', severity: 4, durationHours: 48 },
        { name: 'need to go all the time', severity: 4 },
      ],
      freeText: 'classic cystitis, had it before. no temp, no back pain, not pregnant, no blood',
      age: 30,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-urinary-problems-02',
    source: 'coverage',
    category: 'urinary-problems',
    description: 'Cystitis progressing to right loin pain, 38.7 °C, rigors, tolerating fluids, not pregnant: pyelonephritis.',
    input: {
      symptoms: [
        { name: 'pain in side of back', severity: 6, durationHours: 24 },
        { name: 'fever', severity: 5 },
      ],
      freeText: 'had cystitis for a few days, now pain in my right side round the back, temp 38.7 and shivery. keeping drinks down, not pregnant',
      age: 34,
      sex: 'female',
    },
    min: 'U',
  },
  {
    id: 'pres-urinary-problems-03',
    source: 'coverage',
    category: 'urinary-problems',
    description: 'Older man with BPH, unable to pass urine for 10 h, painful distended lower abdomen: acute urinary retention.',
    input: {
      symptoms: [{ name: 'cant pee', severity: 8, durationHours: 10 }],
      freeText: 'havent been able to pass water since last night, bursting, lower tummy swollen and painful. been slow for years',
      age: 76,
      sex: 'male',
      conditions: ['enlarged prostate'],
    },
    min: 'E',
  },
  {
    id: 'pres-urinary-problems-04',
    source: 'coverage',
    category: 'urinary-problems',
    description: 'Months of nocturia x3, weak stream, terminal dribbling, no haematuria or pain: benign prostatic LUTS, routine.',
    input: {
      symptoms: [{ name: 'up at night to wee', severity: 2, durationHours: 4320, onset: 'gradual' }],
      freeText: 'getting up 3 times a night, weak stream, dribble after. been getting slowly worse over the last year. no blood, no pain',
      age: 66,
      sex: 'male',
    },
    min: 'C',
    max: 'C',
  },

  // ── worried-parent ──────────────────────────────────────────────────────────────────────────
  // NICE CG98 / British Liver Trust 'Yellow Alert': jaundice beyond 14 days in a term baby with
  // pale stools and dark urine → biliary atresia until excluded, urgent (within 24 h) bloods.
  // Projectile vomiting after every feed in a hungry 2–8-week-old → pyloric stenosis, same-day
  // paediatric review. Normal developmental variation (bottom-shuffler) and a lingering post-viral
  // cough in a well toddler → self-care/health visitor.
  {
    id: 'pres-worried-parent-01',
    source: 'coverage',
    category: 'worried-parent',
    description: 'Three-week-old still jaundiced with pale putty-coloured stools and dark urine, feeding well: prolonged jaundice, possible biliary atresia.',
    input: {
      symptoms: [{ name: 'still yellow', severity: 2, durationHours: 504 }],
      freeText: '3 weeks old, still yellow in her skin and eyes, her poos look pale like putty and her wee is dark yellow. feeding and gaining well',
      age: 0,
      sex: 'female',
    },
    min: 'U',
  },
  {
    id: 'pres-worried-parent-02',
    source: 'coverage',
    category: 'worried-parent',
    description: 'Ten-month-old bottom-shuffler, not crawling, sitting, babbling, using both hands: normal variation.',
    input: {
      symptoms: [{ name: 'not crawling yet', severity: 1 }],
      freeText:
        '10 months and not crawling, he bum shuffles around and sits up on his own, babbles, reaches for things, uses both hands. everyone elses baby is crawling. should i worry',
      age: 0,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-worried-parent-03',
    source: 'coverage',
    category: 'worried-parent',
    description: 'Five-week-old boy with 2 days of projectile non-bilious vomiting after feeds, hungry afterwards, wet nappies still OK: pyloric stenosis.',
    input: {
      symptoms: [{ name: 'projectile vomiting', severity: 5, durationHours: 48 }],
      freeText: '5 week old, after almost every feed it shoots out across the room, then hes starving again straight away. not green. still having wet nappies',
      age: 0,
      sex: 'male',
    },
    min: 'U',
  },
  {
    id: 'pres-worried-parent-04',
    source: 'coverage',
    category: 'worried-parent',
    description: 'Toddler with post-viral cough for a week, eating, playing, breathing normally, afebrile.',
    input: {
      symptoms: [{ name: 'cough', severity: 2, durationHours: 168 }],
      freeText:
        'cough hanging on for a week after a cold, worse first thing in the morning. shes eating, playing, breathing normally, no temp. just worried as its been a week',
      age: 2,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },

  // ── wounds ──────────────────────────────────────────────────────────────────────────────────
  // MTS wounds / NHS: uncontrolled (spurting) haemorrhage → 999. Pain out of proportion to a
  // trivial wound with dusky skin, tachycardia and rigors → necrotising fasciitis, ED now. Small
  // gaping laceration with bleeding controlled and intact function → closure within hours (urgent
  // treatment centre, within 24 h). Clean superficial graze, tetanus current → self-care.
  {
    id: 'pres-wounds-01',
    source: 'coverage',
    category: 'wounds',
    description: 'Gaping 1.5 cm kitchen-knife laceration to finger, bleeding controlled, tendon and sensation intact: needs closure.',
    input: {
      symptoms: [{ name: 'cut finger', severity: 4, durationHours: 1 }],
      freeText:
        'kitchen knife slipped, cut about 1.5cm on the side of my finger, gaping open a bit, bleeding stopped with pressure. can bend and straighten the finger and feel the tip',
      age: 30,
      sex: 'male',
    },
    min: 'U',
  },
  {
    id: 'pres-wounds-02',
    source: 'coverage',
    category: 'wounds',
    description: 'Arm through glass door: spurting forearm bleeding soaking through towels despite pressure: arterial haemorrhage.',
    input: {
      symptoms: [{ name: 'cut arm on glass', severity: 9, durationHours: 0.1, onset: 'sudden' }],
      freeText: 'put his arm through a glass door, blood spurting out of his forearm, soaked through 2 towels, pressing hard',
      age: 45,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'pres-wounds-03',
    source: 'coverage',
    category: 'wounds',
    description: 'Superficial grazes to knee and palm after bike fall, cleaned, tetanus up to date.',
    input: {
      symptoms: [{ name: 'grazed knee', severity: 2, durationHours: 2 }],
      freeText: 'came off my bike, grazed my knee and palm, cleaned the grit out, not deep. tetanus up to date',
      age: 25,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'pres-wounds-04',
    source: 'coverage',
    category: 'wounds',
    description: 'Diabetic, trivial bramble scratch 2 days ago, now pain out of proportion, dusky skin, tachycardia, rigors: necrotising fasciitis.',
    input: {
      symptoms: [
        { name: 'leg pain', severity: 9, durationHours: 18 },
        { name: 'small cut on shin', severity: 2, durationHours: 48 },
      ],
      freeText:
        'tiny cut from a bramble 2 days ago, now my lower leg is agony, way worse than it looks, skin going purple and dusky round it and i feel really ill, heart going fast, shivery',
      age: 58,
      sex: 'female',
      conditions: ['type 2 diabetes'],
    },
    min: 'E',
  },
];
