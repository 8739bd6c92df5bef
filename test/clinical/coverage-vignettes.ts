/**
 * Coverage vignettes: an independent clinical test set for the triage rules, written from the
 * coverage categories without reading the rules or their phrase lists. Patients and carers write
 * the way they do in the app: plain words, typos, abbreviations, third person for a child or a
 * parent, the key fact sometimes only in the free text and sometimes behind a mild slider.
 *
 * `min` is the least urgent disposition a telephone triage standard (NHS 111 / NHS Pathways,
 * Manchester Triage System, Schmitt-Thompson) would still accept as safe; non-urgent cases also
 * carry `max`, the most urgent answer that is still appropriate. Levels: A ambulance · E emergency
 * department now · U clinician within 24 h · C routine appointment · S self-care.
 *
 * Data only.
 */
import type { ClinicalCase } from './case';

export const COVERAGE_SOURCE = 'coverage';

export const COVERAGE_CASES: readonly ClinicalCase[] = [
  // ─── poisoning-medicine ─────────────────────────────────────────────────────────────────────
  // MTS "Overdose and poisoning": a significant ingestion is at least orange whatever the symptoms;
  // NHS 111 sends any paracetamol overdose above the treatment threshold, any staggered overdose and
  // any child who has swallowed an adult's prescription medicine to A&E at once: the patient feels
  // well for the first hours while the liver or heart damage is already under way. Reduced
  // consciousness or slow breathing after opioids is a 999 call (red).
  {
    id: 'poisoning-medicine-01',
    source: 'coverage',
    category: 'poisoning-medicine',
    description: 'Deliberate paracetamol overdose (~20 tablets) 2 h ago, asymptomatic apart from nausea',
    input: {
      symptoms: [{ name: 'feel a bit sick', severity: 2, durationHours: 1 }],
      freeText:
        'took about 20 paracetemol 2 hours ago after a row with my boyfriend. feel fine tbh just a bit sick. dont want to make a fuss just wanted to check',
      age: 24,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'poisoning-medicine-02',
    source: 'coverage',
    category: 'poisoning-medicine',
    description: "Toddler ate several of grandmother's amlodipine tablets, currently well",
    input: {
      symptoms: [{ name: 'ate some tablets', severity: 3, durationHours: 0.5, onset: 'sudden' }],
      freeText:
        'my son got into his nans handbag and ate some of her tablets, think theyre her blood pressure ones (amlodipine). 4 or 5 gone from the strip. hes running around and seems ok',
      age: 2,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'poisoning-medicine-03',
    source: 'coverage',
    category: 'poisoning-medicine',
    description: 'Elderly man double-dosed oral morphine, now very drowsy with slow breathing (opioid toxicity)',
    input: {
      symptoms: [
        { name: 'very sleepy', severity: 5, durationHours: 2 },
        { name: 'breathing slow', severity: 4 },
      ],
      freeText: 'dad took his morphine twice by accident, 30mg instead of 15. now we can barely keep him awake and his breathing is really slow and snory',
      age: 81,
      sex: 'male',
      conditions: ['lung cancer', 'on morphine for pain'],
    },
    min: 'A',
  },
  {
    id: 'poisoning-medicine-04',
    source: 'coverage',
    category: 'poisoning-medicine',
    description: 'Teenager took a whole strip (16) of ibuprofen for toothache, now epigastric pain',
    input: {
      symptoms: [{ name: 'stomach hurts', severity: 4, durationHours: 3, onset: 'gradual' }],
      freeText: 'i took a whole strip of ibuprofen like 16 of them coz my tooth was killing me and now my stomach really hurts',
      age: 16,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'poisoning-medicine-05',
    source: 'coverage',
    category: 'poisoning-medicine',
    description: 'Preschooler ate most of a bottle of iron-containing multivitamin gummies, vomited once',
    input: {
      symptoms: [{ name: 'vomited once', severity: 3, durationHours: 1 }],
      freeText:
        'she climbed up and ate nearly the whole bottle of the kids vitamin gummies, the ones with iron in. about an hour ago. been sick once but now watching tv',
      age: 3,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'poisoning-medicine-06',
    source: 'coverage',
    category: 'poisoning-medicine',
    description: 'Type 1 diabetic injected a large dose of rapid-acting insulin instead of basal insulin',
    input: {
      symptoms: [{ name: 'wrong insulin', severity: 2, durationHours: 0.25 }],
      freeText: 'injected 40 units of novorapid instead of my lantus by mistake, pens look the same. sugar is 9 right now and i feel ok',
      age: 45,
      sex: 'male',
      conditions: ['type 1 diabetes'],
    },
    min: 'E',
  },
  {
    id: 'poisoning-medicine-07',
    source: 'coverage',
    category: 'poisoning-medicine',
    description: "Woman with dementia took a whole week's dosette box (including digoxin and bisoprolol) at once",
    input: {
      symptoms: [
        { name: 'took too many tablets', severity: 3 },
        { name: 'dizzy', severity: 3, durationHours: 1 },
      ],
      freeText:
        'carer here. mrs J has emptied her whole week of the dosette box this morning, all the compartments are empty. shes on digoxin, bisoprolol, ramipril, furosemide. says shes a bit dizzy',
      age: 86,
      sex: 'female',
      conditions: ['dementia', 'atrial fibrillation', 'heart failure'],
    },
    min: 'E',
  },
  {
    id: 'poisoning-medicine-08',
    source: 'coverage',
    category: 'poisoning-medicine',
    description: 'Co-codamol overdose (30 tablets) 10 h ago, now vomiting',
    input: {
      symptoms: [
        { name: 'vomiting', severity: 5, durationHours: 4 },
        { name: 'tummy ache', severity: 4 },
      ],
      freeText: 'i took 30 co codamol last night about 10 hours ago, i was in a bad place. ive been throwing up all morning',
      age: 34,
      sex: 'male',
      conditions: ['depression'],
    },
    min: 'E',
  },
  {
    id: 'poisoning-medicine-09',
    source: 'coverage',
    category: 'poisoning-medicine',
    description: 'Staggered acetaminophen overdose: ~12 extra-strength Tylenol plus NyQuil over one day for back pain',
    input: {
      symptoms: [
        { name: 'back pain', severity: 6, durationHours: 72 },
        { name: 'nausea', severity: 3, durationHours: 5 },
      ],
      freeText:
        "I've taken like 12 extra strength tylenol today (500mg each) for my back plus a couple doses of nyquil for sleep. kinda nauseous now, is that ok?",
      age: 41,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'poisoning-medicine-10',
    source: 'coverage',
    category: 'poisoning-medicine',
    description: "Four-year-old drank most of a 100 ml bottle of children's paracetamol suspension",
    input: {
      symptoms: [{ name: 'drank calpol', severity: 2, durationHours: 0.5 }],
      freeText: 'my 4 yo drank most of a bottle of calpol (100ml one) while i was in the shower, its nearly empty. he seems totally fine',
      age: 4,
      sex: 'male',
    },
    min: 'E',
  },

  // ─── poisoning-chemical ─────────────────────────────────────────────────────────────────────
  // MTS "Overdose and poisoning" and NHS 111 poisoning: a swallowed corrosive, hydrocarbon, toxic
  // alcohol, pesticide, button battery or more than one magnet goes to emergency care now (toxbase
  // / poisons advice is given in the department); drooling, burns in the mouth, stridor or breathing
  // trouble after a corrosive, or cholinergic signs after a pesticide, is a 999 call.
  {
    id: 'poisoning-chemical-01',
    source: 'coverage',
    category: 'poisoning-chemical',
    description: 'Toddler swallowed a mouthful of bleach, coughing',
    input: {
      symptoms: [{ name: 'coughing', severity: 3, durationHours: 0.25, onset: 'sudden' }],
      freeText: 'my son drank some of the bleech from under the sink, only a mouthful i think. hes coughing a bit and crying',
      age: 2,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'poisoning-chemical-02',
    source: 'coverage',
    category: 'poisoning-chemical',
    description: 'Toddler put drain cleaner in her mouth: drooling, white lips, distressed (corrosive ingestion)',
    input: {
      symptoms: [
        { name: 'drooling', severity: 6, onset: 'sudden', durationHours: 0.25 },
        { name: 'crying', severity: 7 },
      ],
      freeText: 'she got the drain unblocker bottle open and had some in her mouth. shes screaming and drooling loads and her lips look white',
      age: 3,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'poisoning-chemical-03',
    source: 'coverage',
    category: 'poisoning-chemical',
    description: 'One-year-old bit into a laundry liquid capsule, vomiting and coughing',
    input: {
      symptoms: [
        { name: 'being sick', severity: 5, durationHours: 0.5 },
        { name: 'cough', severity: 4 },
      ],
      freeText: 'baby bit into one of those washing tabs, the squishy gel pods. got it all round her mouth, been sick twice and coughing',
      age: 1,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'poisoning-chemical-04',
    source: 'coverage',
    category: 'poisoning-chemical',
    description: 'Man drank antifreeze from an unlabelled drinks bottle, currently feels well (ethylene glycol)',
    input: {
      symptoms: [{ name: 'swallowed something from garage', severity: 2, durationHours: 1 }],
      freeText:
        'drank from a lucozade bottle in the garage thinking it was mine but it was antifreeze my brother had put in it. one big mouthful. feel ok at the moment',
      age: 45,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'poisoning-chemical-05',
    source: 'coverage',
    category: 'poisoning-chemical',
    description: 'Swallowed weedkiller from a mislabelled bottle, mouth burning',
    input: {
      symptoms: [{ name: 'burning mouth', severity: 4, durationHours: 0.5 }],
      freeText: 'swallowed some weed killer, it was in an old squash bottle in the shed. spat most out but mouth and throat burning',
      age: 62,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'poisoning-chemical-06',
    source: 'coverage',
    category: 'poisoning-chemical',
    description: 'Farm worker after crop spraying: sweating, drooling, vomiting, tiny pupils (organophosphate toxicity)',
    input: {
      symptoms: [
        { name: 'sweating a lot', severity: 6 },
        { name: 'vomiting', severity: 6 },
        { name: 'drooling', severity: 5 },
        { name: 'blurry vision', severity: 5 },
      ],
      freeText:
        'my husband was spraying the fields with pesticide this morning without the mask. now sweating buckets, dribbling, being sick and his pupils are tiny',
      age: 39,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'poisoning-chemical-07',
    source: 'coverage',
    category: 'poisoning-chemical',
    description: 'Toddler drank lamp oil (paraffin), now coughing and breathing faster (hydrocarbon aspiration risk)',
    input: {
      symptoms: [
        { name: 'cough', severity: 4, durationHours: 1 },
        { name: 'breathing a bit fast', severity: 3 },
      ],
      freeText: 'he drank some of the lamp oil from the garden torch, paraffin. was gagging and now coughing on and off',
      age: 2,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'poisoning-chemical-08',
    source: 'coverage',
    category: 'poisoning-chemical',
    description: 'Toddler probably swallowed a button battery from a car key, no symptoms',
    input: {
      symptoms: [{ name: 'swallowed battery', severity: 1 }],
      freeText:
        'think she swallowed one of those flat round batteries from the car key fob, the cover was off and i cant find it anywhere. shes not showing any signs, eating fine',
      age: 1,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'poisoning-chemical-09',
    source: 'coverage',
    category: 'poisoning-chemical',
    description: 'Child swallowed two small magnets from a toy set, now tummy ache',
    input: {
      symptoms: [{ name: 'tummy ache', severity: 3, durationHours: 3, onset: 'gradual' }],
      freeText: 'my son told me he swallowed 2 of the little magnet balls from his building set at lunch. now says his tummy hurts',
      age: 7,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'poisoning-chemical-10',
    source: 'coverage',
    category: 'poisoning-chemical',
    description: 'Mixed bleach with an ammonia cleaner in a small bathroom: cough and chest tightness (chloramine inhalation)',
    input: {
      symptoms: [
        { name: 'chest feels tight', severity: 5, onset: 'sudden', durationHours: 0.5 },
        { name: 'coughing', severity: 5 },
      ],
      freeText:
        "cleaning the bathroom and mixed bleach with another cleaner, massive smell. cough and my chest is tight, eyes streaming. breathing ok now i'm outside",
      age: 39,
      sex: 'female',
      conditions: ['asthma'],
    },
    min: 'E',
  },
  {
    id: 'poisoning-chemical-11',
    source: 'coverage',
    category: 'poisoning-chemical',
    description: 'Solvent fumes at work in an enclosed space: dizzy, headache, slurred speech',
    input: {
      symptoms: [
        { name: 'dizzy', severity: 5, durationHours: 1 },
        { name: 'headache', severity: 5 },
      ],
      freeText: 'colleague was painting inside a tank with solvent based stuff all morning, came out dizzy, talking slurred and says his heads pounding',
      age: 28,
      sex: 'male',
    },
    min: 'E',
  },

  // ─── alcohol-reduced-consciousness ───────────────────────────────────────────────────────────
  // NHS alcohol poisoning: call 999 if someone cannot be woken, has slow or irregular breathing, or
  // is being sick while not fully awake (airway). A child who has drunk spirits is at risk of
  // hypoglycaemia and coma: emergency department now at least.
  {
    id: 'alcohol-reduced-consciousness-01',
    source: 'coverage',
    category: 'alcohol-reduced-consciousness',
    description: 'Young man very drunk, cannot be woken properly',
    input: {
      symptoms: [{ name: 'drunk', severity: 6, durationHours: 2 }],
      freeText: 'cant wake him up properly hes had loads to drink. he just groans when we shake him. is it ok to let him sleep it off',
      age: 19,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'alcohol-reduced-consciousness-02',
    source: 'coverage',
    category: 'alcohol-reduced-consciousness',
    description: 'Fifteen-year-old drank half a bottle of vodka, barely responsive, has vomited',
    input: {
      symptoms: [
        { name: 'been sick', severity: 5, durationHours: 1 },
        { name: 'not really answering', severity: 7 },
      ],
      freeText: 'my daughter came back from a party, she drank half a bottle of vodka. been sick on herself and shes barely responding, eyes keep rolling',
      age: 15,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'alcohol-reduced-consciousness-03',
    source: 'coverage',
    category: 'alcohol-reduced-consciousness',
    description: 'Six-year-old drank several mouthfuls of vodka, wobbly and sleepy (risk of hypoglycaemia)',
    input: {
      symptoms: [
        { name: 'wobbly', severity: 3, durationHours: 0.5 },
        { name: 'sleepy', severity: 3 },
      ],
      freeText: 'found my 6 year old had been at the vodka bottle after our party, few mouthfuls maybe. shes wobbly on her feet and sleepy',
      age: 6,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'alcohol-reduced-consciousness-04',
    source: 'coverage',
    category: 'alcohol-reduced-consciousness',
    description: 'Friend passed out after drinking, vomiting while unconscious and breathing noisily',
    input: {
      symptoms: [
        { name: 'passed out', severity: 8 },
        { name: 'sick', severity: 6 },
      ],
      freeText:
        'mate passed out on the floor after a night out, hes being sick while hes out of it and making a gurgly snoring noise. we rolled him on his side',
      age: 22,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'alcohol-reduced-consciousness-05',
    source: 'coverage',
    category: 'alcohol-reduced-consciousness',
    description: 'Middle-aged man drinking all day, only grunting, breathing slowly',
    input: {
      symptoms: [{ name: 'wont wake up', severity: 4 }],
      freeText: 'dads been drinking since lunchtime, now on the sofa and we can only get grunts out of him. breathing seems really slow, like 6 a minute',
      age: 52,
      sex: 'male',
      conditions: ['alcohol dependence'],
    },
    min: 'A',
  },

  // ─── carbon-monoxide ────────────────────────────────────────────────────────────────────────
  // NHS carbon monoxide poisoning: anyone with symptoms after suspected exposure should get into
  // fresh air and go to A&E (oxygen, carboxyhaemoglobin level); confusion, collapse or unconsciousness
  // is a 999 call. The clue is several people (or pets) ill in the same building, better outside.
  {
    id: 'carbon-monoxide-01',
    source: 'coverage',
    category: 'carbon-monoxide',
    description: 'Whole household with headaches and nausea, better away from home, old boiler with yellow flame',
    input: {
      symptoms: [
        { name: 'headache', severity: 4, durationHours: 72, onset: 'gradual' },
        { name: 'feeling sick', severity: 3 },
      ],
      freeText:
        'me my husband and the kids have all had headaches and felt sick for 3 days, all better when we are out. the boilers been making a weird noise and the flame looks yellow',
      age: 36,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'carbon-monoxide-02',
    source: 'coverage',
    category: 'carbon-monoxide',
    description: 'CO alarm sounding, dizzy and headache',
    input: {
      symptoms: [
        { name: 'dizzy', severity: 4, durationHours: 2 },
        { name: 'head ache', severity: 4 },
      ],
      freeText: 'the co alarm keeps beeping and i feel dizzy with a headache, thought the alarm was just the battery',
      age: 29,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'carbon-monoxide-03',
    source: 'coverage',
    category: 'carbon-monoxide',
    description: 'Two campers after a charcoal barbecue inside the tent: one confused and hard to rouse',
    input: {
      symptoms: [
        { name: 'headache', severity: 6 },
        { name: 'confused', severity: 6 },
      ],
      freeText:
        'we brought the bbq into the tent to keep warm last night. woke up with banging heads and my girlfriend is confused and keeps falling back asleep',
      age: 26,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'carbon-monoxide-04',
    source: 'coverage',
    category: 'carbon-monoxide',
    description: 'Elderly woman with new confusion and headache, old gas fire, her cat also lethargic',
    input: {
      symptoms: [
        { name: 'muddled', severity: 3, durationHours: 24 },
        { name: 'headache', severity: 3 },
      ],
      freeText: "mum's been muddled and headachey since the cold snap, shes had the old gas fire on full all day. even the cat is lying about not eating",
      age: 84,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'carbon-monoxide-05',
    source: 'coverage',
    category: 'carbon-monoxide',
    description: 'Generator in garage during power cut, father and son vomiting with headache',
    input: {
      symptoms: [
        { name: 'vomiting', severity: 5, durationHours: 3 },
        { name: 'headache', severity: 5 },
      ],
      freeText: 'running a petrol generator in the garage during the power cut, door to the house open. me and my son both throwing up with bad heads',
      age: 47,
      sex: 'male',
    },
    min: 'E',
  },

  // ─── self-harm ──────────────────────────────────────────────────────────────────────────────
  // NHS Pathways / NICE NG225: a deliberate act needing medical treatment (overdose, deep wound,
  // burn) or a stated intent with a plan and means goes to emergency care now; a ligature or
  // dying-message situation is a 999 call. Superficial healing injuries without suicidal intent still
  // need an urgent (same-day) mental health assessment.
  {
    id: 'self-harm-01',
    source: 'coverage',
    category: 'self-harm',
    description: 'Deep self-inflicted razor cut to forearm, fat visible, still bleeding',
    input: {
      symptoms: [{ name: 'cut on arm', severity: 5, durationHours: 0.5 }],
      freeText: 'i cut myself with a razor, its deeper than usual, i can see yellowy fatty stuff and it keeps bleeding through the towel',
      age: 16,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'self-harm-02',
    source: 'coverage',
    category: 'self-harm',
    description: 'Deliberate iron burn, blistered, with expressed wish not to be alive',
    input: {
      symptoms: [{ name: 'burn on arm', severity: 4, durationHours: 12 }],
      freeText: 'burnt my arm with the iron on purpose last night. its blistered and weeping. honestly i dont really want to be here anymore',
      age: 27,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'self-harm-03',
    source: 'coverage',
    category: 'self-harm',
    description: 'Deliberate sertraline overdose (~28 tablets) 1 h ago with intent to die',
    input: {
      symptoms: [{ name: 'shaky', severity: 3, durationHours: 1 }],
      freeText: 'i took all my sertraline about 28 an hour ago. i just wanted to sleep and not wake up. feel shaky',
      age: 21,
      sex: 'female',
      conditions: ['depression', 'anxiety'],
    },
    min: 'E',
  },
  {
    id: 'self-harm-04',
    source: 'coverage',
    category: 'self-harm',
    description: 'Stated plan with means: stockpiled tablets to take tonight',
    input: {
      symptoms: [{ name: 'low mood', severity: 8, durationHours: 2000 }],
      freeText: 'ive been saving up my tablets for weeks. im going to take them all tonight when everyone is asleep. i just wanted someone to know',
      age: 38,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'self-harm-05',
    source: 'coverage',
    category: 'self-harm',
    description: 'Parent found superficial healing self-inflicted leg cuts in a 14-year-old, denies suicidal intent',
    input: {
      symptoms: [{ name: 'cuts on legs', severity: 2, durationHours: 336 }],
      freeText:
        'we found out today our daughter has been cutting her thighs. theyre shallow lines and healing. she says she doesnt want to die it just helps her cope. what do we do',
      age: 14,
      sex: 'female',
    },
    min: 'U',
  },
  {
    id: 'self-harm-06',
    source: 'coverage',
    category: 'self-harm',
    description: 'Partner found with a ligature, removed, now breathing with a neck mark and withdrawn',
    input: {
      symptoms: [{ name: 'red mark on neck', severity: 3, durationHours: 0.25, onset: 'sudden' }],
      freeText:
        'found my partner in the bathroom with a belt tied round his neck, i got it off him. hes breathing and talking a bit but very quiet, red mark all round his neck',
      age: 31,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'self-harm-07',
    source: 'coverage',
    category: 'self-harm',
    description: 'Husband sent a goodbye text after taking unknown pills with a bottle of wine',
    input: {
      symptoms: [{ name: 'took pills and alcohol', severity: 5 }],
      freeText:
        'my husband has text me saying goodbye and sorry. he said he took a load of pills and a bottle of wine, dont know which pills. hes at home, im on my way',
      age: 45,
      sex: 'male',
    },
    min: 'A',
  },

  // ─── suicidal-ideation ──────────────────────────────────────────────────────────────────────
  // NHS Pathways mental health: passive suicidal thoughts without plan or intent need an urgent
  // mental health / GP assessment the same day or within 24 h; a plan, intent, timing or available
  // means is an emergency (crisis team / A&E now).
  {
    id: 'suicidal-ideation-01',
    source: 'coverage',
    category: 'suicidal-ideation',
    description: 'Passive suicidal thoughts, no plan',
    input: {
      symptoms: [{ name: 'feeling low', severity: 7, durationHours: 1500, onset: 'gradual' }],
      freeText: 'been having thoughts that everyone would be better off without me. i havent got a plan and i wouldnt actually do anything i dont think',
      age: 33,
      sex: 'male',
    },
    min: 'U',
  },
  {
    id: 'suicidal-ideation-02',
    source: 'coverage',
    category: 'suicidal-ideation',
    description: 'Months of low mood, sometimes wishes not to wake up',
    input: {
      symptoms: [
        { name: 'depressed', severity: 6, durationHours: 4000 },
        { name: 'cant sleep', severity: 5 },
      ],
      freeText: 'low for months. sometimes i go to bed hoping i just wont wake up. not going to do anything but its getting worse',
      age: 58,
      sex: 'female',
    },
    min: 'U',
  },
  {
    id: 'suicidal-ideation-03',
    source: 'coverage',
    category: 'suicidal-ideation',
    description: 'Suicidal thoughts with a method and means ready (rope in garage)',
    input: {
      symptoms: [{ name: 'dark thoughts', severity: 9, durationHours: 300 }],
      freeText: 'i know how id do it. the rope is in the garage. i keep going out there',
      age: 47,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'suicidal-ideation-04',
    source: 'coverage',
    category: 'suicidal-ideation',
    description: "Teenager with access to mother's tablets, thinking of taking them tonight",
    input: {
      symptoms: [{ name: 'sad all the time', severity: 8, durationHours: 2000 }],
      freeText: 'ive got a load of my mums pills in my room and i think about taking them every night. thinking maybe tonight',
      age: 17,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'suicidal-ideation-05',
    source: 'coverage',
    category: 'suicidal-ideation',
    description: 'Postnatal woman with thoughts that her family would be better off without her, no plan',
    input: {
      symptoms: [
        { name: 'tearful', severity: 6, durationHours: 500 },
        { name: 'not bonding with baby', severity: 5 },
      ],
      freeText: 'baby is 6 weeks. i keep thinking they would all be better off without me. no plan, i just feel useless and numb',
      age: 29,
      sex: 'female',
      pregnant: false,
    },
    min: 'U',
  },

  // ─── burns ──────────────────────────────────────────────────────────────────────────────────
  // MTS "Burns and scalds" / NHS burns: a burn larger than the patient's palm (1 % TBSA), any full-
  // thickness burn, any burn to the face, hands, feet or genitals, electrical and chemical burns,
  // and any child's scald bigger than their hand go to emergency care; inhalation signs after a fire
  // (hoarse voice, soot in sputum, singed nasal hair) are a 999 call for the airway.
  {
    id: 'burns-01',
    source: 'coverage',
    category: 'burns',
    description: "Toddler scalded by kettle on chest, area larger than the child's hand",
    input: {
      symptoms: [{ name: 'scald', severity: 7, durationHours: 0.25, onset: 'sudden' }],
      freeText: 'he pulled the kettle cord and it went down his front. red and blistering on his chest, bigger than his hand. its under the cold tap now',
      age: 2,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'burns-02',
    source: 'coverage',
    category: 'burns',
    description: 'Facial burn from lighter-fluid flare-up: blistered lips, singed eyebrows',
    input: {
      symptoms: [{ name: 'burnt face', severity: 6, durationHours: 0.5, onset: 'sudden' }],
      freeText: 'bbq went whoosh when i put lighter fluid on. face is burning, lips blistering and my eyebrows and fringe are singed off',
      age: 35,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'burns-03',
    source: 'coverage',
    category: 'burns',
    description: 'Smoke inhalation after house fire: hoarse voice, black sputum, singed nostril hairs',
    input: {
      symptoms: [
        { name: 'hoarse voice', severity: 4, durationHours: 1 },
        { name: 'cough', severity: 4 },
      ],
      freeText:
        'got out of a kitchen fire at home an hour ago. didnt get burnt but my voice is going hoarse, coughing up black stuff and the hairs in my nose are singed',
      age: 51,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'burns-04',
    source: 'coverage',
    category: 'burns',
    description: 'Electrical burn with entry wound on hand and exit mark on foot',
    input: {
      symptoms: [{ name: 'small burn on hand', severity: 3, durationHours: 1 }],
      freeText: 'electrician, touched a live cable at work. small black burn on my palm and a red mark on the sole of my foot. feel alright otherwise',
      age: 40,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'burns-05',
    source: 'coverage',
    category: 'burns',
    description: 'Wet cement burns to both knees after kneeling in concrete (alkali chemical burn)',
    input: {
      symptoms: [{ name: 'sore knees', severity: 4, durationHours: 6, onset: 'gradual' }],
      freeText: 'was kneeling in wet concrete laying a patio all afternoon in my shorts. now both knees red raw and blistering, getting more painful',
      age: 44,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'burns-06',
    source: 'coverage',
    category: 'burns',
    description: 'Oven cleaner splashed on forearm, skin white and painful after washing',
    input: {
      symptoms: [{ name: 'arm stinging', severity: 5, durationHours: 1, onset: 'sudden' }],
      freeText: 'oven cleaner spray went all over my forearm. washed it for ages but the skin has gone white and leathery and really stings',
      age: 57,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'burns-07',
    source: 'coverage',
    category: 'burns',
    description: 'Hot oil spilled over thigh, area of a dinner plate, blistered',
    input: {
      symptoms: [{ name: 'hot oil burn on leg', severity: 8, durationHours: 0.5, onset: 'sudden' }],
      freeText: 'chip pan oil went over my thigh. the burnt bit is about the size of a dinner plate, big blisters coming up',
      age: 60,
      sex: 'female',
      conditions: ['type 2 diabetes'],
    },
    min: 'E',
  },
  {
    id: 'burns-08',
    source: 'coverage',
    category: 'burns',
    description: 'Eight-month-old pulled a hot cup of tea over arm, blistered wrist to elbow',
    input: {
      symptoms: [{ name: 'scald on arm', severity: 3, durationHours: 0.25 }],
      freeText: 'my 8 month old grabbed my cup of tea off the table. her arm is red and blistered from the wrist to the elbow. shes stopped crying now',
      age: 0,
      sex: 'female',
    },
    min: 'E',
  },

  // ─── electric-shock ─────────────────────────────────────────────────────────────────────────
  // NHS / MTS: a mains-voltage shock with any symptom (palpitations, burn, tingling, loss of
  // consciousness), any high-voltage or lightning injury, and a child's shock from a socket need an
  // ECG and assessment in an emergency department; unconsciousness or confusion is a 999 call.
  {
    id: 'electric-shock-01',
    source: 'coverage',
    category: 'electric-shock',
    description: 'Mains shock from a faulty plug, thrown back, arm tingling and palpitations',
    input: {
      symptoms: [
        { name: 'arm tingling', severity: 4, durationHours: 0.5, onset: 'sudden' },
        { name: 'heart fluttering', severity: 3 },
      ],
      freeText: 'got a belt off a dodgy plug, threw me backwards. my arm is still tingling and my heart feels fluttery',
      age: 32,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'electric-shock-02',
    source: 'coverage',
    category: 'electric-shock',
    description: 'Lightning strike nearby on golf course, confused with burn marks',
    input: {
      symptoms: [
        { name: 'confused', severity: 6, onset: 'sudden' },
        { name: 'burn marks', severity: 5 },
      ],
      freeText: 'lightning hit right next to my friend on the golf course. hes got fern like marks on his chest and keeps asking what happened',
      age: 55,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'electric-shock-03',
    source: 'coverage',
    category: 'electric-shock',
    description: 'Four-year-old poked a fork into a socket, cried, small finger burn, seems well',
    input: {
      symptoms: [{ name: 'finger burn', severity: 2, durationHours: 0.5, onset: 'sudden' }],
      freeText: 'my 4 year old stuck a fork in the plug socket. big bang, he screamed, little black mark on his finger. seems fine now playing',
      age: 4,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'electric-shock-04',
    source: 'coverage',
    category: 'electric-shock',
    description: 'High-voltage shock at a substation with brief loss of consciousness',
    input: {
      symptoms: [{ name: 'electric shock', severity: 7, onset: 'sudden', durationHours: 0.25 }],
      freeText: 'workmate got zapped at the substation, knocked out for maybe 30 seconds. awake now but pale and says his chest feels funny',
      age: 50,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'electric-shock-05',
    source: 'coverage',
    category: 'electric-shock',
    description: 'Shock from a phone charger in the bath, arm numb and chest feels odd',
    input: {
      symptoms: [{ name: 'numb arm', severity: 3, durationHours: 1 }],
      freeText: 'was on my phone charging in the bath and got a shock. arm went dead and still numb, chest feels weird kind of skippy',
      age: 17,
      sex: 'female',
    },
    min: 'E',
  },

  // ─── drowning ───────────────────────────────────────────────────────────────────────────────
  // NHS / Resuscitation Council: everyone who needed rescue from water and has any symptom
  // (cough, breathlessness, drowsiness) must be assessed in hospital, because secondary lung injury
  // develops over hours; breathing difficulty, blue colour or altered consciousness is a 999 call.
  {
    id: 'drowning-01',
    source: 'coverage',
    category: 'drowning',
    description: 'Child pulled from pool after ~30 s under water, coughing and breathing fast',
    input: {
      symptoms: [
        { name: 'coughing', severity: 6, durationHours: 0.5, onset: 'sudden' },
        { name: 'breathing fast', severity: 6 },
      ],
      freeText: 'pulled my son out of the pool, he was under maybe 30 secs. coughed up loads of water, now keeps coughing and breathing really fast',
      age: 5,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'drowning-02',
    source: 'coverage',
    category: 'drowning',
    description: 'Surfer inhaled water after wipeout, now persistent cough and breathlessness 3 h later',
    input: {
      symptoms: [
        { name: 'cough', severity: 4, durationHours: 3 },
        { name: 'short of breath', severity: 4 },
      ],
      freeText:
        'got held under by a big wave surfing and swallowed and breathed in a load of water. 3 hrs later still coughing and a bit out of breath walking',
      age: 27,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'drowning-03',
    source: 'coverage',
    category: 'drowning',
    description: 'Toddler found face down in paddling pool, cried straight away, now small cough',
    input: {
      symptoms: [{ name: 'little cough', severity: 2, durationHours: 0.5 }],
      freeText:
        'found my daughter face down in the paddling pool, dont know how long. she cried straight away when i picked her up. seems fine now, just the odd cough',
      age: 1,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'drowning-04',
    source: 'coverage',
    category: 'drowning',
    description: 'Older man fell into a river, cold, coughing frothy sputum',
    input: {
      symptoms: [
        { name: 'coughing froth', severity: 6 },
        { name: 'freezing', severity: 6 },
      ],
      freeText: 'my dad fell in the river fishing, we pulled him out. hes shivering, coughing up pink frothy stuff and struggling for breath',
      age: 72,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'drowning-05',
    source: 'coverage',
    category: 'drowning',
    description: 'Teenager nearly drowned in the sea, chest pain on breathing 4 h later',
    input: {
      symptoms: [{ name: 'chest hurts when breathing', severity: 4, durationHours: 4 }],
      freeText:
        'got dragged out by a rip at the beach and lifeguard pulled me out. swallowed loads of sea water. 4 hours later my chest hurts when i breathe in and i keep coughing',
      age: 15,
      sex: 'female',
    },
    min: 'E',
  },

  // ─── bites-stings-systemic ──────────────────────────────────────────────────────────────────
  // NHS insect bites / anaphylaxis: a sting followed by dizziness, vomiting, spreading swelling,
  // wheeze or throat symptoms is anaphylaxis until proven otherwise (999). Every snake bite
  // (UK adder included) goes to A&E whatever the symptoms: envenoming can be delayed.
  {
    id: 'bites-stings-systemic-01',
    source: 'coverage',
    category: 'bites-stings-systemic',
    description: 'Wasp sting followed by generalised hives, dizziness and tight throat',
    input: {
      symptoms: [
        { name: 'wasp sting', severity: 3, durationHours: 0.25 },
        { name: 'itchy all over', severity: 5 },
      ],
      freeText: 'got stung by a wasp on my neck 15 mins ago. now lumps coming up all over, feel dizzy and my throat feels tight',
      age: 45,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'bites-stings-systemic-02',
    source: 'coverage',
    category: 'bites-stings-systemic',
    description: 'Bee sting on hand, swelling spreading up to shoulder, vomited and feels faint',
    input: {
      symptoms: [
        { name: 'bee sting hand', severity: 4, durationHours: 1 },
        { name: 'swelling', severity: 5 },
      ],
      freeText: 'bee sting on my hand, now the swelling is going right up my arm to my shoulder. been sick and feel like im going to pass out',
      age: 61,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'bites-stings-systemic-03',
    source: 'coverage',
    category: 'bites-stings-systemic',
    description: 'Adder bite on ankle on a heath walk, minimal swelling, feels fine',
    input: {
      symptoms: [{ name: 'bite on ankle', severity: 2, durationHours: 0.5, onset: 'sudden' }],
      freeText: 'think i got bitten by an adder walking through heather, 2 little puncture marks on my ankle. bit swollen. otherwise feel fine',
      age: 38,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'bites-stings-systemic-04',
    source: 'coverage',
    category: 'bites-stings-systemic',
    description: 'Dog-walker bitten by snake on leg, nausea, swelling tracking up the leg',
    input: {
      symptoms: [
        { name: 'snake bit me', severity: 5, durationHours: 2 },
        { name: 'feel sick', severity: 4 },
      ],
      freeText: 'snake bite on my calf while out with the dog, leg swelling up towards my knee and bruising. feel sick and sweaty',
      age: 66,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'bites-stings-systemic-05',
    source: 'coverage',
    category: 'bites-stings-systemic',
    description: 'Child stung by jellyfish, now wheezy and struggling to breathe',
    input: {
      symptoms: [
        { name: 'jelly fish sting', severity: 6, durationHours: 0.5 },
        { name: 'wheezing', severity: 6 },
      ],
      freeText: 'my 10 yr old got stung by a jellyfish on holiday, big red lines on his legs and now hes wheezing and cant get his breath',
      age: 10,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'bites-stings-systemic-06',
    source: 'coverage',
    category: 'bites-stings-systemic',
    description: 'Scorpion sting in a child abroad with vomiting, drooling and agitation',
    input: {
      symptoms: [
        { name: 'sting on foot', severity: 6, durationHours: 1 },
        { name: 'vomiting', severity: 5 },
      ],
      freeText: 'we are on holiday, my daughter got stung by a scorpion in her shoe. shes vomiting, dribbling and really restless, cant keep still',
      age: 6,
      sex: 'female',
    },
    min: 'E',
  },

  // ─── anaphylaxis ────────────────────────────────────────────────────────────────────────────
  // Resuscitation Council UK / NHS: airway, breathing or circulation problems after an allergen
  // (throat tightness, hoarseness, wheeze, faintness) with skin or gut signs is anaphylaxis: use the
  // adrenaline pen and call 999, and still call 999 after the pen even if better (biphasic reactions).
  {
    id: 'anaphylaxis-01',
    source: 'coverage',
    category: 'anaphylaxis',
    description: 'Child with peanut allergy ate a cookie: lip swelling, hives, wheeze',
    input: {
      symptoms: [
        { name: 'lips swelling', severity: 6, durationHours: 0.25, onset: 'sudden' },
        { name: 'wheezy', severity: 6 },
        { name: 'rash', severity: 5 },
      ],
      freeText: 'hes allergic to peanuts and had a cookie at a party, didnt know it had nuts. lips puffing up, hives and wheezing',
      age: 8,
      sex: 'male',
      conditions: ['peanut allergy'],
    },
    min: 'A',
  },
  {
    id: 'anaphylaxis-02',
    source: 'coverage',
    category: 'anaphylaxis',
    description: 'Adult after first dose of amoxicillin: widespread rash, throat tightness, dizziness',
    input: {
      symptoms: [
        { name: 'rash everywhere', severity: 6, durationHours: 0.5 },
        { name: 'throat tight', severity: 7 },
        { name: 'dizzy', severity: 5 },
      ],
      freeText: 'started amoxicillin today for a chest infection. 30 mins after, blotchy rash everywhere, throat feels tight and i feel faint',
      age: 42,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'anaphylaxis-03',
    source: 'coverage',
    category: 'anaphylaxis',
    description: 'Used adrenaline auto-injector for a reaction, now feels better',
    input: {
      symptoms: [{ name: 'allergic reaction', severity: 3, durationHours: 0.5 }],
      freeText:
        'used my epipen 10 mins ago after eating prawns, i was wheezy and my tongue was tingling. feel loads better now, do i still need to go anywhere',
      age: 23,
      sex: 'female',
      conditions: ['shellfish allergy'],
    },
    min: 'A',
  },
  {
    id: 'anaphylaxis-04',
    source: 'coverage',
    category: 'anaphylaxis',
    description: 'Shellfish meal followed by vomiting, cramps, hives and near-fainting',
    input: {
      symptoms: [
        { name: 'vomiting', severity: 6, durationHours: 0.5, onset: 'sudden' },
        { name: 'hives', severity: 5 },
        { name: 'feel faint', severity: 6 },
      ],
      freeText: 'ate mussels at a restaurant. within half an hour being sick, bad cramps, itchy lumps all over and i nearly passed out in the loo',
      age: 28,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'anaphylaxis-05',
    source: 'coverage',
    category: 'anaphylaxis',
    description: 'Child with sesame allergy: hoarse voice and cough after hummus, parent thinks it is mild',
    input: {
      symptoms: [
        { name: 'cough', severity: 3, durationHours: 0.25, onset: 'sudden' },
        { name: 'voice gone croaky', severity: 3 },
      ],
      freeText:
        'she had some hummus by mistake, shes allergic to sesame. now coughing and her voice has gone hoarse and croaky. not too bad though, shall i just give piriton',
      age: 9,
      sex: 'female',
      conditions: ['sesame allergy'],
    },
    min: 'A',
  },
  {
    id: 'anaphylaxis-06',
    source: 'coverage',
    category: 'anaphylaxis',
    description: 'Blotchy skin, thick tongue and faintness after a new medicine',
    input: {
      symptoms: [{ name: 'tongue feels thick', severity: 5, durationHours: 0.3, onset: 'sudden' }],
      freeText: 'took a new tablet the doctor gave me (naproxen). now im all blotchy, my tongue feels thick and i keep going lightheaded when i stand',
      age: 53,
      sex: 'male',
    },
    min: 'A',
  },

  // ─── allergic-swelling ──────────────────────────────────────────────────────────────────────
  // NHS angioedema / anaphylaxis: swelling of the tongue or throat, difficulty swallowing or
  // speaking is a 999 call (airway). Rapidly worsening lip or facial swelling without airway signs
  // still needs emergency assessment now (it can progress; ACE-inhibitor angioedema does not respond
  // to antihistamines).
  {
    id: 'allergic-swelling-01',
    source: 'coverage',
    category: 'allergic-swelling',
    description: 'Upper lip hugely swollen and tongue feels bigger',
    input: {
      symptoms: [{ name: 'swollen lip', severity: 5, durationHours: 1, onset: 'sudden' }],
      freeText: 'top lip has blown up massive in the last hour and my tongue feels like its getting bigger. no idea what caused it',
      age: 31,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'allergic-swelling-02',
    source: 'coverage',
    category: 'allergic-swelling',
    description: 'Man on ramipril with tongue swelling and slurred speech (ACE-inhibitor angioedema)',
    input: {
      symptoms: [{ name: 'tongue swollen', severity: 6, durationHours: 2, onset: 'gradual' }],
      freeText: "my husband's tongue has swollen up and he's talking funny like his mouth is full. hes been on ramipril for years, no new foods",
      age: 66,
      sex: 'male',
      conditions: ['high blood pressure', 'takes ramipril'],
    },
    min: 'A',
  },
  {
    id: 'allergic-swelling-03',
    source: 'coverage',
    category: 'allergic-swelling',
    description: 'Severe facial swelling with eyes closing after hair dye (PPD reaction), breathing fine',
    input: {
      symptoms: [
        { name: 'face swollen', severity: 6, durationHours: 10, onset: 'gradual' },
        { name: 'itchy scalp', severity: 6 },
      ],
      freeText: 'dyed my hair last night, now my whole face is puffed up and my eyes are nearly shut, scalp weeping. breathing ok',
      age: 48,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'allergic-swelling-04',
    source: 'coverage',
    category: 'allergic-swelling',
    description: 'Child with lip swelling after kiwi fruit, getting worse, no breathing trouble yet',
    input: {
      symptoms: [{ name: 'lips swollen', severity: 4, durationHours: 0.5, onset: 'sudden' }],
      freeText: 'had kiwi for the first time, now lips swelling up and getting bigger, mouth itchy. breathing seems fine',
      age: 5,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'allergic-swelling-05',
    source: 'coverage',
    category: 'allergic-swelling',
    description: 'Throat feels swollen and hard to swallow after ibuprofen',
    input: {
      symptoms: [{ name: 'hard to swallow', severity: 5, durationHours: 0.5, onset: 'sudden' }],
      freeText: 'took ibuprofen for a headache and now it feels like my throat is closing up, hard to swallow my spit',
      age: 36,
      sex: 'male',
    },
    min: 'A',
  },

  // ─── head-injury ────────────────────────────────────────────────────────────────────────────
  // NICE NG232 / CG176 and NHS head injury: anticoagulant use, age 65+ with a head injury, a
  // dangerous mechanism, more than one vomit, new confusion or drowsiness, clear fluid from nose or
  // ears, and amnesia all need CT or assessment in an emergency department; a fit, or not waking up,
  // is a 999 call.
  {
    id: 'head-injury-01',
    source: 'coverage',
    category: 'head-injury',
    description: 'Woman on warfarin bumped head in a fall, no symptoms',
    input: {
      symptoms: [{ name: 'bumped head', severity: 2, durationHours: 1, onset: 'sudden' }],
      freeText: 'mum tripped on the rug and bumped the back of her head on the door frame. small lump, says she feels fine. she is on warfarin',
      age: 79,
      sex: 'female',
      conditions: ['atrial fibrillation', 'warfarin'],
    },
    min: 'E',
  },
  {
    id: 'head-injury-02',
    source: 'coverage',
    category: 'head-injury',
    description: 'Child hit head on trampoline and has vomited three times',
    input: {
      symptoms: [
        { name: 'hit head', severity: 3, durationHours: 2 },
        { name: 'been sick', severity: 4 },
      ],
      freeText: 'clashed heads with his friend on the trampoline 2 hrs ago. hes been sick 3 times since',
      age: 8,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'head-injury-03',
    source: 'coverage',
    category: 'head-injury',
    description: 'Rugby player knocked out briefly, now repeating questions (post-traumatic amnesia)',
    input: {
      symptoms: [{ name: 'concusion', severity: 4, durationHours: 1 }],
      freeText: 'got knocked out in a tackle for a few seconds. keeps asking the same questions over and over, doesnt remember the game',
      age: 20,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'head-injury-04',
    source: 'coverage',
    category: 'head-injury',
    description: 'Seizure after a head injury from a fall off a bike',
    input: {
      symptoms: [
        { name: 'head injury', severity: 5, durationHours: 0.5 },
        { name: 'shaking', severity: 7, onset: 'sudden' },
      ],
      freeText: 'came off his bike and hit his head, no helmet. few mins later he went stiff and shaky for about a minute. now hes groggy',
      age: 13,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'head-injury-05',
    source: 'coverage',
    category: 'head-injury',
    description: 'Clear watery fluid dripping from nose after a fall onto the face (CSF leak)',
    input: {
      symptoms: [{ name: 'runny nose', severity: 2, durationHours: 6 }],
      freeText:
        'fell down the stairs yesterday and smacked my face and head. since then clear watery stuff keeps dripping from one side of my nose, tastes salty',
      age: 34,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'head-injury-06',
    source: 'coverage',
    category: 'head-injury',
    description: 'Older man fell from a ladder, hit head, only a headache (age over 65, dangerous mechanism)',
    input: {
      symptoms: [{ name: 'headache', severity: 3, durationHours: 3 }],
      freeText:
        'fell off the ladder clearing the gutters, about 2 metres, landed on my side and hit my head. just got a headache, dont want to waste anyones time',
      age: 68,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'head-injury-07',
    source: 'coverage',
    category: 'head-injury',
    description: 'Toddler fell down the stairs, now unusually drowsy',
    input: {
      symptoms: [
        { name: 'fell down stairs', severity: 4, durationHours: 1 },
        { name: 'sleepy', severity: 5 },
      ],
      freeText: 'she fell down the whole flight of stairs, big bump on her forehead. now shes really sleepy and floppy, its not her nap time',
      age: 2,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'head-injury-08',
    source: 'coverage',
    category: 'head-injury',
    description: 'Man on apixaban hit head on a cupboard door, mild headache',
    input: {
      symptoms: [{ name: 'banged head on cupboard', severity: 2, durationHours: 2 }],
      freeText: "stood up into an open kitchen cupboard door. bit of a headache. i'm on apixaban for a clot",
      age: 49,
      sex: 'male',
      conditions: ['apixaban', 'previous DVT'],
    },
    min: 'E',
  },

  // ─── pregnancy-bleeding ─────────────────────────────────────────────────────────────────────
  // NHS / RCOG: early-pregnancy bleeding with one-sided pain, shoulder-tip pain or dizziness is an
  // ectopic pregnancy until proven otherwise (emergency now); heavy bleeding at any stage, and any
  // bleeding after 24 weeks, goes to the maternity unit / emergency care now. Light painless spotting
  // in the first trimester is referred to an early pregnancy unit within 24 h.
  {
    id: 'pregnancy-bleeding-01',
    source: 'coverage',
    category: 'pregnancy-bleeding',
    description: '7 weeks pregnant: bleeding, one-sided pain and shoulder-tip pain (possible ectopic)',
    input: {
      symptoms: [
        { name: 'bleeding', severity: 3, durationHours: 5 },
        { name: 'pain on left side', severity: 6 },
        { name: 'shoulder pain', severity: 4 },
      ],
      freeText: 'about 7 weeks pregnant. started spotting this morning and now sharp pain low on the left and a weird ache on the tip of my shoulder',
      age: 28,
      sex: 'female',
      pregnant: true,
    },
    min: 'E',
  },
  {
    id: 'pregnancy-bleeding-02',
    source: 'coverage',
    category: 'pregnancy-bleeding',
    description: '32 weeks pregnant with heavy bright red bleeding and dizziness (possible placental abruption / praevia)',
    input: {
      symptoms: [
        { name: 'bleeding down there', severity: 7, durationHours: 0.5, onset: 'sudden' },
        { name: 'dizzy', severity: 5 },
      ],
      freeText: '32 weeks. bright red blood, soaked through a pad in 20 minutes and still going. feel dizzy',
      age: 33,
      sex: 'female',
      pregnant: true,
    },
    min: 'A',
  },
  {
    id: 'pregnancy-bleeding-03',
    source: 'coverage',
    category: 'pregnancy-bleeding',
    description: '10 weeks pregnant, light brown spotting, no pain',
    input: {
      symptoms: [{ name: 'spotting', severity: 2, durationHours: 12, onset: 'gradual' }],
      freeText: '10 weeks pregnant with my first. bit of brown spotting when i wipe since this morning, no pain, no cramps. is this normal?',
      age: 27,
      sex: 'female',
      pregnant: true,
    },
    min: 'U',
  },
  {
    id: 'pregnancy-bleeding-04',
    source: 'coverage',
    category: 'pregnancy-bleeding',
    description: '26 weeks pregnant, small amount of bright red bleeding after sex',
    input: {
      symptoms: [{ name: 'bit of blood', severity: 2, durationHours: 1 }],
      freeText: '26 weeks pregnant, noticed a small amount of bright red blood after sex tonight. no pain. baby moving',
      age: 31,
      sex: 'female',
      pregnant: true,
    },
    min: 'E',
  },
  {
    id: 'pregnancy-bleeding-05',
    source: 'coverage',
    category: 'pregnancy-bleeding',
    description: '14 weeks pregnant, heavy bleeding with clots and light-headedness (possible miscarriage)',
    input: {
      symptoms: [
        { name: 'heavy bleeding with clots', severity: 7, durationHours: 3 },
        { name: 'cramping', severity: 6 },
      ],
      freeText: '14 weeks. bleeding heavily, passing big clots, crampy pains like labour. going lightheaded when i stand up',
      age: 36,
      sex: 'female',
      pregnant: true,
    },
    min: 'E',
  },

  // ─── pregnancy-abdominal-pain ───────────────────────────────────────────────────────────────
  // NHS / RCOG: severe or constant abdominal pain in pregnancy (abruption, ectopic, HELLP, preterm
  // labour) needs the maternity unit or emergency department now. Symptoms of an upper urinary tract
  // infection in pregnancy need a same-day clinician.
  {
    id: 'pregnancy-abdominal-pain-01',
    source: 'coverage',
    category: 'pregnancy-abdominal-pain',
    description: '30 weeks pregnant with constant severe pain and a hard abdomen (possible abruption)',
    input: {
      symptoms: [{ name: 'tummy pain', severity: 8, durationHours: 1, onset: 'sudden' }],
      freeText: '30 weeks. sudden bad pain in my bump that isnt going away, not coming and going. bump feels hard as a rock',
      age: 30,
      sex: 'female',
      pregnant: true,
    },
    min: 'E',
  },
  {
    id: 'pregnancy-abdominal-pain-02',
    source: 'coverage',
    category: 'pregnancy-abdominal-pain',
    description: 'Recent positive test, sharp one-sided lower abdominal pain (possible ectopic)',
    input: {
      symptoms: [{ name: 'sharp pain right side low down', severity: 6, durationHours: 4 }],
      freeText: 'got a positive test last week, period was about 6 weeks ago. sharp stabbing pain low on the right side since lunch',
      age: 25,
      sex: 'female',
      pregnant: true,
    },
    min: 'E',
  },
  {
    id: 'pregnancy-abdominal-pain-03',
    source: 'coverage',
    category: 'pregnancy-abdominal-pain',
    description: '34 weeks pregnant, pain under right ribs and headache (possible HELLP / pre-eclampsia)',
    input: {
      symptoms: [
        { name: 'pain under ribs', severity: 5, durationHours: 6 },
        { name: 'headache', severity: 4 },
      ],
      freeText: '34 weeks, pain under my right ribs, feels like bad indigestion but gaviscon not touching it. got a headache too',
      age: 35,
      sex: 'female',
      pregnant: true,
    },
    min: 'E',
  },
  {
    id: 'pregnancy-abdominal-pain-04',
    source: 'coverage',
    category: 'pregnancy-abdominal-pain',
    description: '28 weeks pregnant with regular tightenings every 5 minutes (threatened preterm labour)',
    input: {
      symptoms: [{ name: 'tightenings', severity: 5, durationHours: 2, onset: 'gradual' }],
      freeText: '28 weeks, getting tightenings every 5 mins for 2 hours with period type pain in my back',
      age: 22,
      sex: 'female',
      pregnant: true,
    },
    min: 'E',
  },
  {
    id: 'pregnancy-abdominal-pain-05',
    source: 'coverage',
    category: 'pregnancy-abdominal-pain',
    description: '20 weeks pregnant with fever, loin pain and dysuria (pyelonephritis)',
    input: {
      symptoms: [
        { name: 'pain when i wee', severity: 4, durationHours: 48 },
        { name: 'back pain one side', severity: 5 },
        { name: 'fever', severity: 5 },
      ],
      freeText: '20 weeks pregnant. stinging when i pee for 2 days and now achey on my right side of my back, hot and shivery',
      age: 26,
      sex: 'female',
      pregnant: true,
    },
    min: 'U',
  },

  // ─── pregnancy-reduced-movements ────────────────────────────────────────────────────────────
  // RCOG Green-top 57 / NHS: reduced or changed fetal movements after 24 weeks need assessment by
  // the maternity unit the same hour ("don't wait until tomorrow"); movements do not slow down
  // towards the end of pregnancy.
  {
    id: 'pregnancy-reduced-movements-01',
    source: 'coverage',
    category: 'pregnancy-reduced-movements',
    description: '34 weeks pregnant, baby moving less than usual today',
    input: {
      symptoms: [{ name: 'baby not moving as much', severity: 3, durationHours: 8 }],
      freeText: '34 weeks, baby is moving a lot less today than normal',
      age: 29,
      sex: 'female',
      pregnant: true,
    },
    min: 'E',
  },
  {
    id: 'pregnancy-reduced-movements-02',
    source: 'coverage',
    category: 'pregnancy-reduced-movements',
    description: '28 weeks pregnant, no kicks since last night despite cold drink',
    input: {
      symptoms: [{ name: 'worried', severity: 4, durationHours: 12 }],
      freeText: 'havent felt her kick since last night. tried a cold drink and lying on my side. im 28 weeks',
      age: 24,
      sex: 'female',
      pregnant: true,
    },
    min: 'E',
  },
  {
    id: 'pregnancy-reduced-movements-03',
    source: 'coverage',
    category: 'pregnancy-reduced-movements',
    description: '39 weeks pregnant, movements slowed, mother believes this is normal near term',
    input: {
      symptoms: [{ name: 'less movements', severity: 2, durationHours: 24 }],
      freeText: "39 weeks, baby has been quieter since yesterday but i read they slow down near the end as there's no room. just checking",
      age: 32,
      sex: 'female',
      pregnant: true,
    },
    min: 'E',
  },
  {
    id: 'pregnancy-reduced-movements-04',
    source: 'coverage',
    category: 'pregnancy-reduced-movements',
    description: '25 weeks pregnant, usual pattern of movement reduced today',
    input: {
      symptoms: [{ name: 'pregnant 25 weeks', severity: 2 }],
      freeText: 'first baby. usually he goes mad after my dinner but tonight barely anything, a couple of little flutters only',
      age: 21,
      sex: 'female',
      pregnant: true,
    },
    min: 'E',
  },

  // ─── pregnancy-headache-vision ──────────────────────────────────────────────────────────────
  // NICE NG133 / NHS pre-eclampsia: a severe headache, visual disturbance (blurring, flashing
  // lights), epigastric pain or sudden swelling of face, hands or feet after 20 weeks or up to 6
  // weeks postpartum needs blood pressure and urine checked at the maternity unit now.
  {
    id: 'pregnancy-headache-vision-01',
    source: 'coverage',
    category: 'pregnancy-headache-vision',
    description: '36 weeks: headache, flashing lights and puffy face and hands (pre-eclampsia)',
    input: {
      symptoms: [
        { name: 'headache', severity: 6, durationHours: 6 },
        { name: 'flashing lights', severity: 4 },
        { name: 'swollen hands', severity: 3 },
      ],
      freeText: '36 weeks, bad headache since this afternoon, seeing flashing lights and my face and hands have gone puffy, rings wont come off',
      age: 34,
      sex: 'female',
      pregnant: true,
    },
    min: 'E',
  },
  {
    id: 'pregnancy-headache-vision-02',
    source: 'coverage',
    category: 'pregnancy-headache-vision',
    description: '31 weeks pregnant, headache unresponsive to paracetamol, blurred vision',
    input: {
      symptoms: [{ name: 'blurry vision', severity: 4, durationHours: 3 }],
      freeText: '31 weeks. headache wont go with paracetamol and things have gone blurry on and off',
      age: 38,
      sex: 'female',
      pregnant: true,
    },
    min: 'E',
  },
  {
    id: 'pregnancy-headache-vision-03',
    source: 'coverage',
    category: 'pregnancy-headache-vision',
    description: 'Ten days postpartum: severe headache and spots in vision (postnatal pre-eclampsia)',
    input: {
      symptoms: [
        { name: 'headache', severity: 7, durationHours: 10, onset: 'gradual' },
        { name: 'spots in eyes', severity: 4 },
      ],
      freeText: 'had my baby 10 days ago. worst headache since last night and seeing little spots and sparkles',
      age: 30,
      sex: 'female',
      pregnant: false,
    },
    min: 'E',
  },
  {
    id: 'pregnancy-headache-vision-04',
    source: 'coverage',
    category: 'pregnancy-headache-vision',
    description: '38 weeks: sudden swelling of feet and face with headache and pain below ribs',
    input: {
      symptoms: [{ name: 'swollen feet', severity: 3, durationHours: 24, onset: 'sudden' }],
      freeText: '38 weeks. feet and face swelled up suddenly since yesterday, got a headache and a pain just below my ribs in the middle',
      age: 41,
      sex: 'female',
      pregnant: true,
    },
    min: 'E',
  },

  // ─── infant-fever ───────────────────────────────────────────────────────────────────────────
  // NICE NG143 traffic light: any infant under 3 months with a temperature of 38 °C or more is
  // RED (high risk of serious bacterial infection) whatever else is seen: emergency assessment now.
  {
    id: 'infant-fever-01',
    source: 'coverage',
    category: 'infant-fever',
    description: 'Seven-week-old with temperature 38.2 °C',
    input: {
      symptoms: [{ name: 'temperature', severity: 3, durationHours: 3 }],
      freeText: 'my baby is 7 weeks old and her temp is 38.2 under the arm. shes feeding ok',
      age: 0,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'infant-fever-02',
    source: 'coverage',
    category: 'infant-fever',
    description: 'Five-week-old with temperature 38.5 °C, feeding normally',
    input: {
      symptoms: [{ name: 'hot', severity: 2, durationHours: 2 }],
      freeText: '5 week old son feels hot, thermometer says 38.5. still feeding and having wet nappies, seems happy enough',
      age: 0,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'infant-fever-03',
    source: 'coverage',
    category: 'infant-fever',
    description: 'Eleven-week-old with 38.1 °C and a bit sleepier than usual',
    input: {
      symptoms: [
        { name: 'fever', severity: 4, durationHours: 5 },
        { name: 'sleepy', severity: 3 },
      ],
      freeText: '11 wk old, temp 38.1 this evening and a bit more sleepy than normal',
      age: 0,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'infant-fever-04',
    source: 'coverage',
    category: 'infant-fever',
    description: 'Three-week-old with temperature exactly 38.0 °C',
    input: {
      symptoms: [{ name: 'temp 38', severity: 2, durationHours: 1 }],
      freeText: 'newborn, 3 weeks old. ear thermometer says 38.0 exactly. is that a fever at this age or just too many blankets',
      age: 0,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'infant-fever-05',
    source: 'coverage',
    category: 'infant-fever',
    description: 'Eight-week-old, fever on two readings, fussy',
    input: {
      symptoms: [{ name: 'grizzly', severity: 4, durationHours: 6 }],
      freeText: '8 weeks old. took his temperature twice, 37.9 then 38.3 half an hour later. grizzly and not settling',
      age: 0,
      sex: 'male',
    },
    min: 'E',
  },

  // ─── child-dehydration ──────────────────────────────────────────────────────────────────────
  // NICE CG84 / NG143: a young child with gastroenteritis and red-flag dehydration (few wet
  // nappies, sunken eyes or fontanelle, no tears, not drinking, drowsy) needs emergency assessment
  // now; a child who is hard to wake is a 999 call.
  {
    id: 'child-dehydration-01',
    source: 'coverage',
    category: 'child-dehydration',
    description: 'Eleven-month-old with 3 days of diarrhoea, one wet nappy today, sunken eyes',
    input: {
      symptoms: [{ name: 'diarrhoea', severity: 5, durationHours: 72 }],
      freeText: 'runny poos for 3 days. only had 1 wet nappy today and her eyes look sunken. drinking a little bit',
      age: 0,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'child-dehydration-02',
    source: 'coverage',
    category: 'child-dehydration',
    description: 'Two-year-old vomiting everything, not drinking, no urine for 12 hours, sleepy',
    input: {
      symptoms: [
        { name: 'sick', severity: 6, durationHours: 24 },
        { name: 'not drinking', severity: 6 },
      ],
      freeText: 'toddler cant keep anything down since yesterday, even water. hasnt had a wee for 12 hours and just wants to lie on the sofa',
      age: 2,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'child-dehydration-03',
    source: 'coverage',
    category: 'child-dehydration',
    description: 'Four-year-old with gastroenteritis, dry lips, very drowsy and hard to wake',
    input: {
      symptoms: [{ name: 'tummy bug', severity: 5, durationHours: 48 }],
      freeText: 'sickness and diarrhoea 2 days. lips really dry and cracked and now hes so drowsy i cant properly wake him',
      age: 4,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'child-dehydration-04',
    source: 'coverage',
    category: 'child-dehydration',
    description: 'Nine-month-old: sunken fontanelle, crying without tears, not keeping feeds down',
    input: {
      symptoms: [{ name: 'not keeping milk down', severity: 5, durationHours: 30 }],
      freeText: '9 month old, bringing up every feed since yesterday. soft spot on his head looks dipped in and hes crying with no tears',
      age: 0,
      sex: 'male',
    },
    min: 'E',
  },

  // ─── testicular-pain ────────────────────────────────────────────────────────────────────────
  // NHS / EAU: sudden testicular pain in a boy or young man is torsion until proven otherwise; the
  // testis is lost within about 6 hours, so emergency department (surgical) now. Boys often report
  // only "tummy pain".
  {
    id: 'testicular-pain-01',
    source: 'coverage',
    category: 'testicular-pain',
    description: 'Fifteen-year-old woken by sudden left testicular pain, vomited',
    input: {
      symptoms: [
        { name: 'pain in testicle', severity: 8, durationHours: 1, onset: 'sudden' },
        { name: 'vomited', severity: 4 },
      ],
      freeText: 'woke up at 5am with really bad pain in my left ball, been sick once',
      age: 15,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'testicular-pain-02',
    source: 'coverage',
    category: 'testicular-pain',
    description: 'Young man with sudden groin and scrotal pain sitting in class',
    input: {
      symptoms: [{ name: 'groin pain', severity: 6, durationHours: 2, onset: 'sudden' }],
      freeText: 'pain in my balls came on all of a sudden an hour or so ago just sitting in a lecture, nothing hit me',
      age: 19,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'testicular-pain-03',
    source: 'coverage',
    category: 'testicular-pain',
    description: 'Thirteen-year-old reports tummy ache; scrotal pain only mentioned in the free text',
    input: {
      symptoms: [{ name: 'tummy ache', severity: 5, durationHours: 3, onset: 'sudden' }],
      freeText: 'my son says his tummy hurts and after a lot of asking admitted its sore down there too, one side is swollen. he was embarrassed to say',
      age: 13,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'testicular-pain-04',
    source: 'coverage',
    category: 'testicular-pain',
    description: 'Young man with sudden testicular pain, one testis riding high, low slider score',
    input: {
      symptoms: [{ name: 'sore nut', severity: 3, durationHours: 2, onset: 'sudden' }],
      freeText: 'sudden pain in right nut 2hrs ago. one side looks higher than the other and its worse when i walk',
      age: 22,
      sex: 'male',
    },
    min: 'E',
  },

  // ─── vision-loss ────────────────────────────────────────────────────────────────────────────
  // NHS / Royal College of Ophthalmologists: sudden loss of vision, a curtain or shadow, or new
  // flashes with floaters and a shadow (retinal detachment, artery occlusion, giant cell arteritis)
  // needs same-day emergency eye care now; a sudden loss of half the visual field in both eyes is a
  // stroke (999).
  {
    id: 'vision-loss-01',
    source: 'coverage',
    category: 'vision-loss',
    description: 'Curtain coming down over vision in left eye',
    input: {
      symptoms: [{ name: 'eye problem', severity: 3, durationHours: 2, onset: 'sudden' }],
      freeText: 'like a dark curtain has come down over the top half of my left eye since this morning. no pain',
      age: 67,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'vision-loss-02',
    source: 'coverage',
    category: 'vision-loss',
    description: 'Woke unable to see out of right eye (possible retinal artery occlusion)',
    input: {
      symptoms: [{ name: 'cant see out of right eye', severity: 6, durationHours: 3, onset: 'sudden' }],
      freeText: 'woke up and everything out of my right eye is dark grey. left eye fine',
      age: 55,
      sex: 'male',
      conditions: ['high blood pressure', 'high cholesterol'],
    },
    min: 'E',
  },
  {
    id: 'vision-loss-03',
    source: 'coverage',
    category: 'vision-loss',
    description: 'Sudden loss of the left half of vision in both eyes (homonymous hemianopia, stroke)',
    input: {
      symptoms: [{ name: 'half vision gone', severity: 5, durationHours: 1, onset: 'sudden' }],
      freeText: 'keep bumping into things on my left, like the left half of everything has vanished in both eyes. started an hour ago',
      age: 72,
      sex: 'male',
      conditions: ['atrial fibrillation'],
    },
    min: 'A',
  },
  {
    id: 'vision-loss-04',
    source: 'coverage',
    category: 'vision-loss',
    description: 'New flashes and floaters then a shadow in the vision',
    input: {
      symptoms: [
        { name: 'floaters', severity: 3, durationHours: 20 },
        { name: 'flashes', severity: 3 },
      ],
      freeText: 'yesterday loads of new floaters like a swarm and flashing at the edge of my eye. today theres a shadow coming in from the side',
      age: 40,
      sex: 'female',
      conditions: ['short sighted'],
    },
    min: 'E',
  },
  {
    id: 'vision-loss-05',
    source: 'coverage',
    category: 'vision-loss',
    description: 'Elderly woman: temple headache, jaw pain on chewing, blurred vision in one eye (giant cell arteritis)',
    input: {
      symptoms: [
        { name: 'headache', severity: 5, durationHours: 120, onset: 'gradual' },
        { name: 'blurred vision', severity: 4, durationHours: 6 },
      ],
      freeText: 'headache at my temples all week, scalp sore when i brush my hair, jaw aches when i chew. today the vision in my right eye has gone misty',
      age: 78,
      sex: 'female',
      conditions: ['polymyalgia'],
    },
    min: 'E',
  },

  // ─── hypothermia ────────────────────────────────────────────────────────────────────────────
  // NHS hypothermia: confusion, slurred speech, drowsiness, stopped shivering, or a cold, quiet
  // baby is a 999 call; a cold, wet person who is still alert and shivering still needs urgent
  // warming and emergency assessment.
  {
    id: 'hypothermia-01',
    source: 'coverage',
    category: 'hypothermia',
    description: 'Elderly woman found on the floor overnight, cold and confused',
    input: {
      symptoms: [
        { name: 'found on floor', severity: 5 },
        { name: 'cold', severity: 6 },
      ],
      freeText: 'found nan on the kitchen floor this morning, think shes been there all night. freezing cold to touch and not making sense',
      age: 88,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'hypothermia-02',
    source: 'coverage',
    category: 'hypothermia',
    description: 'Hiker in the cold, stopped shivering, mumbling',
    input: {
      symptoms: [{ name: 'very cold', severity: 7, durationHours: 4 }],
      freeText: 'we got caught out on the hill in the rain, my friend was shivering loads but now hes stopped and hes mumbling and stumbling',
      age: 34,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'hypothermia-03',
    source: 'coverage',
    category: 'hypothermia',
    description: 'Seven-month-old in a freezing room, cold to touch, very quiet, not feeding',
    input: {
      symptoms: [{ name: 'cold hands and feet', severity: 3 }],
      freeText: 'heating broke overnight, 7 month old is cold to touch all over, bright pink cheeks, really quiet and wont feed',
      age: 0,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'hypothermia-04',
    source: 'coverage',
    category: 'hypothermia',
    description: 'Rough sleeper, soaked clothes, violent shivering, alert',
    input: {
      symptoms: [{ name: 'shivering', severity: 7, durationHours: 6 }],
      freeText: 'sleeping outside, got soaked through last night, cant stop shaking, fingers white and numb. i can talk fine',
      age: 45,
      sex: 'male',
    },
    min: 'E',
  },

  // ─── heat-stroke ────────────────────────────────────────────────────────────────────────────
  // NHS heat exhaustion and heatstroke: confusion, a seizure, loss of consciousness, hot dry skin
  // or no improvement after 30 minutes of cooling is heatstroke (999); vomiting and stopped
  // sweating in the heat needs emergency care now.
  {
    id: 'heat-stroke-01',
    source: 'coverage',
    category: 'heat-stroke',
    description: 'Marathon runner collapsed, confused, hot and dry',
    input: {
      symptoms: [{ name: 'collapsed', severity: 8, onset: 'sudden' }],
      freeText: 'runner collapsed at mile 23 in the heat, hes burning hot, skin dry, talking rubbish',
      age: 31,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'heat-stroke-02',
    source: 'coverage',
    category: 'heat-stroke',
    description: 'Elderly woman in heatwave, confused, hot, not sweating',
    input: {
      symptoms: [{ name: 'confused', severity: 5, durationHours: 4, onset: 'gradual' }],
      freeText: "mum's flat is like an oven in this heatwave. shes confused, really hot to touch but not sweating at all",
      age: 80,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'heat-stroke-03',
    source: 'coverage',
    category: 'heat-stroke',
    description: 'Builder working in the sun: headache, vomiting, stopped sweating, not better after rest',
    input: {
      symptoms: [
        { name: 'headache', severity: 6, durationHours: 2 },
        { name: 'vomiting', severity: 5 },
      ],
      freeText: 'been roofing all day in 32 degrees. banging head, been sick twice, stopped sweating. sat in the shade with water for 40 mins, no better',
      age: 30,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'heat-stroke-04',
    source: 'coverage',
    category: 'heat-stroke',
    description: 'Toddler left in a hot car for 20 minutes, now floppy and very hot',
    input: {
      symptoms: [{ name: 'floppy', severity: 6, onset: 'sudden' }],
      freeText: 'toddler was in the car in the sun for about 20 mins, hes red hot, floppy and not really responding to me',
      age: 2,
      sex: 'male',
    },
    min: 'A',
  },

  // ─── diabetes-high ──────────────────────────────────────────────────────────────────────────
  // NICE NG17/NG18 and NHS DKA: high glucose with ketones ≥ 3 or vomiting, abdominal pain or
  // fast deep breathing is DKA (emergency now); drowsiness or Kussmaul breathing is a 999 call. New
  // thirst/weight loss with vomiting in a child is DKA until proven otherwise.
  {
    id: 'diabetes-high-01',
    source: 'coverage',
    category: 'diabetes-high',
    description: 'Type 1 teenager: meter reads HI, ketones 3.8, vomiting',
    input: {
      symptoms: [
        { name: 'vomiting', severity: 5, durationHours: 6 },
        { name: 'high sugar', severity: 6 },
      ],
      freeText: 'my meter just says HI, blood ketones 3.8. been throwing up since this morning',
      age: 16,
      sex: 'female',
      conditions: ['type 1 diabetic'],
    },
    min: 'E',
  },
  {
    id: 'diabetes-high-02',
    source: 'coverage',
    category: 'diabetes-high',
    description: 'Type 1 diabetic breathing deep and fast, drowsy (DKA)',
    input: {
      symptoms: [
        { name: 'breathing funny', severity: 6 },
        { name: 'drowsy', severity: 6 },
      ],
      freeText: 'my brother is type 1, been poorly with a bug, now hes breathing really deep and fast and hard to keep awake. breath smells like pear drops',
      age: 24,
      sex: 'male',
      conditions: ['type 1 diabetes'],
    },
    min: 'A',
  },
  {
    id: 'diabetes-high-03',
    source: 'coverage',
    category: 'diabetes-high',
    description: 'Child with weeks of thirst, polyuria and weight loss, now vomiting with abdominal pain (new-onset DKA)',
    input: {
      symptoms: [
        { name: 'thirsty all the time', severity: 4, durationHours: 500, onset: 'gradual' },
        { name: 'tummy pain', severity: 5, durationHours: 10 },
        { name: 'being sick', severity: 5 },
      ],
      freeText: 'for a few weeks hes been drinking loads and weeing all the time, wetting the bed again and lost weight. today tummy pain and sick',
      age: 8,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'diabetes-high-04',
    source: 'coverage',
    category: 'diabetes-high',
    description: 'Older type 2 diabetic with sugars in the 30s for days, now drowsy and confused (HHS)',
    input: {
      symptoms: [
        { name: 'sugars high', severity: 5, durationHours: 96 },
        { name: 'confused', severity: 5 },
      ],
      freeText: 'dads sugars have been 30 plus for days, hes been weeing loads and drinking. now hes really drowsy and muddled',
      age: 79,
      sex: 'male',
      conditions: ['type 2 diabetes', 'metformin'],
    },
    min: 'E',
  },

  // ─── diabetes-low ───────────────────────────────────────────────────────────────────────────
  // NHS / JBDS hypoglycaemia: a hypo that leaves someone unable to swallow, confused or not
  // responding after sugar, or fitting, is a 999 call (glucagon if available). Recurrent hypos on a
  // sulphonylurea need emergency admission: the drug outlasts the sugar given.
  {
    id: 'diabetes-low-01',
    source: 'coverage',
    category: 'diabetes-low',
    description: 'Hypo not responding to Lucozade after 20 minutes, still confused and sweaty',
    input: {
      symptoms: [{ name: 'diabetic hypo', severity: 6, durationHours: 0.5 }],
      freeText: 'husband having a hypo, gave him lucozade 20 mins ago, still sweaty and confused and sugar only 2.6',
      age: 56,
      sex: 'male',
      conditions: ['type 1 diabetes'],
    },
    min: 'A',
  },
  {
    id: 'diabetes-low-02',
    source: 'coverage',
    category: 'diabetes-low',
    description: 'Type 1 diabetic found sweaty, unable to swallow, incoherent',
    input: {
      symptoms: [
        { name: 'sweaty', severity: 5 },
        { name: 'talking nonsense', severity: 6 },
      ],
      freeText: 'mums a type 1, found her sweaty and she cant swallow the juice i gave her, dribbling it out, not making sense',
      age: 62,
      sex: 'female',
      conditions: ['type 1 diabetes'],
    },
    min: 'A',
  },
  {
    id: 'diabetes-low-03',
    source: 'coverage',
    category: 'diabetes-low',
    description: 'Glucose 2.1 and aggressive, refusing food',
    input: {
      symptoms: [{ name: 'low blood sugar', severity: 5 }],
      freeText: "my husband's sugar is 2.1, hes being aggressive and swearing and wont eat or drink anything i give him",
      age: 40,
      sex: 'male',
      conditions: ['insulin'],
    },
    min: 'A',
  },
  {
    id: 'diabetes-low-04',
    source: 'coverage',
    category: 'diabetes-low',
    description: 'Elderly woman on gliclazide with repeated hypos today despite eating',
    input: {
      symptoms: [{ name: 'shaky', severity: 4, durationHours: 10 }],
      freeText: 'nan keeps having hypos today, 3.1 then 2.8 then 3.0 even after toast and biscuits each time. she takes gliclazide. shes with it but shaky',
      age: 80,
      sex: 'female',
      conditions: ['type 2 diabetes', 'gliclazide', 'kidney disease'],
    },
    min: 'E',
  },

  // ─── sepsis ─────────────────────────────────────────────────────────────────────────────────
  // NICE NG51 / UK Sepsis Trust and NHS: an infection with new confusion, mottled or blue skin,
  // very fast breathing, no urine for a day, a rash that does not fade or "I've never felt this ill"
  // is possible sepsis: 999 or A&E now; neutropenic fever after chemotherapy is an emergency whatever
  // the patient looks like.
  {
    id: 'sepsis-01',
    source: 'coverage',
    category: 'sepsis',
    description: 'Elderly woman with new confusion and smelly urine (urosepsis)',
    input: {
      symptoms: [{ name: 'confused', severity: 4, durationHours: 12, onset: 'sudden' }],
      freeText: "mum's gone really confused since last night and her wee smells. she feels hot and shes shaky, not herself at all",
      age: 84,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'sepsis-02',
    source: 'coverage',
    category: 'sepsis',
    description: 'Young man after flu: rigors, mottled knees, "never felt this ill"',
    input: {
      symptoms: [
        { name: 'fever', severity: 8, durationHours: 36 },
        { name: 'shivering', severity: 8 },
      ],
      freeText: "had flu for a few days, now i've never felt this ill in my life. uncontrollable shaking, my knees look blotchy purple and my heart is racing",
      age: 35,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'sepsis-03',
    source: 'coverage',
    category: 'sepsis',
    description: 'Post-operative wound infection with fever, fast breathing and tachycardia',
    input: {
      symptoms: [
        { name: 'wound red', severity: 5, durationHours: 48 },
        { name: 'temperature', severity: 6 },
        { name: 'breathing fast', severity: 5 },
      ],
      freeText: 'had my gallbladder out 5 days ago. wound gone red and oozy, temp 39.4, heart pounding and i cant stop breathing fast',
      age: 52,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'sepsis-04',
    source: 'coverage',
    category: 'sepsis',
    description: 'Older man with chest infection, breathless and no urine all day',
    input: {
      symptoms: [
        { name: 'chesty cough', severity: 5, durationHours: 96 },
        { name: 'short of breath', severity: 6 },
      ],
      freeText: "dad's had a chest infection for 4 days, now more breathless and he hasnt passed any water at all today",
      age: 70,
      sex: 'male',
      conditions: ['COPD'],
    },
    min: 'E',
  },
  {
    id: 'sepsis-05',
    source: 'coverage',
    category: 'sepsis',
    description: 'Chemotherapy patient with temperature 38 °C, feels only slightly unwell (neutropenic sepsis)',
    input: {
      symptoms: [{ name: 'temp 38', severity: 2, durationHours: 1 }],
      freeText: 'had my chemo 8 days ago. temp is 38.0, bit achy, otherwise ok. the leaflet says ring but its late so thought id check here first',
      age: 47,
      sex: 'female',
      conditions: ['breast cancer on chemotherapy'],
    },
    min: 'E',
  },
  {
    id: 'sepsis-06',
    source: 'coverage',
    category: 'sepsis',
    description: 'Three-year-old with fever, cold mottled hands and feet, very sleepy',
    input: {
      symptoms: [{ name: 'high temperature', severity: 6, durationHours: 12 }],
      freeText: "she's burning up but her hands and feet are freezing and her legs look mottled. very sleepy, barely opens her eyes",
      age: 3,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'sepsis-07',
    source: 'coverage',
    category: 'sepsis',
    description: 'Spreading leg cellulitis with fever and dizziness on standing',
    input: {
      symptoms: [
        { name: 'red hot leg', severity: 6, durationHours: 48, onset: 'gradual' },
        { name: 'dizzy when standing', severity: 5 },
      ],
      freeText: 'my shin went red and hot 2 days ago and its spreading fast past the pen line. now shivery, temp 38.9 and nearly fainted getting up',
      age: 63,
      sex: 'male',
      conditions: ['type 2 diabetes'],
    },
    min: 'E',
  },

  // ─── chest-pain ─────────────────────────────────────────────────────────────────────────────
  // NHS / NICE CG95 and MTS "Chest pain": possible cardiac pain (central, tight, spreading to arm or
  // jaw, sweating, breathlessness, lasting over 15 minutes) is a 999 call, including atypical
  // presentations in women, diabetics and after cocaine. Sudden pleuritic pain with breathlessness is
  // an emergency (pneumothorax / PE).
  {
    id: 'chest-pain-01',
    source: 'coverage',
    category: 'chest-pain',
    description: 'Crushing central chest pain radiating to left arm, sweating',
    input: {
      symptoms: [
        { name: 'chest pain', severity: 9, durationHours: 0.5, onset: 'sudden' },
        { name: 'sweating', severity: 6 },
      ],
      freeText: 'crushing pain in the middle of my chest going down my left arm, sweating buckets',
      age: 58,
      sex: 'male',
      conditions: ['smoker', 'high cholesterol'],
    },
    min: 'A',
  },
  {
    id: 'chest-pain-02',
    source: 'coverage',
    category: 'chest-pain',
    description: 'Diabetic woman with "heartburn", jaw ache and breathlessness (atypical ACS)',
    input: {
      symptoms: [
        { name: 'heartburn', severity: 4, durationHours: 1 },
        { name: 'jaw ache', severity: 3 },
      ],
      freeText: 'bad indigestion that gaviscon isnt helping, my jaw aches and i get out of breath just walking to the kitchen. feel clammy',
      age: 64,
      sex: 'female',
      conditions: ['type 2 diabetes'],
    },
    min: 'A',
  },
  {
    id: 'chest-pain-03',
    source: 'coverage',
    category: 'chest-pain',
    description: 'Older man with tight chest for 30 minutes, low slider score',
    input: {
      symptoms: [{ name: 'tight chest', severity: 3, durationHours: 0.5 }],
      freeText: 'chest feels tight like a band, been half an hour. not going down my arm or anything. probably nothing',
      age: 70,
      sex: 'male',
      conditions: ['angina'],
    },
    min: 'A',
  },
  {
    id: 'chest-pain-04',
    source: 'coverage',
    category: 'chest-pain',
    description: 'Tall thin young man with sudden sharp one-sided chest pain and breathlessness (pneumothorax)',
    input: {
      symptoms: [
        { name: 'sharp pain in chest', severity: 6, durationHours: 1, onset: 'sudden' },
        { name: 'breathless', severity: 5 },
      ],
      freeText: 'sudden stabbing pain right side of my chest sat at my desk, worse breathing in, cant take a full breath. im 6ft4 and skinny if that matters',
      age: 21,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'chest-pain-05',
    source: 'coverage',
    category: 'chest-pain',
    description: 'Chest pain after cocaine use',
    input: {
      symptoms: [
        { name: 'pain in chest', severity: 7, durationHours: 1 },
        { name: 'heart racing', severity: 6 },
      ],
      freeText: 'took some coke at a party, now chest is hurting and heart going like the clappers. sweaty',
      age: 28,
      sex: 'male',
    },
    min: 'A',
  },

  // ─── stroke ─────────────────────────────────────────────────────────────────────────────────
  // NHS / NICE NG128 FAST and BE-FAST: face, arm or speech symptoms, sudden loss of balance with
  // vision change, or symptoms that have resolved (TIA) are a 999 call; "call 999 even if the
  // symptoms go away". A resolved TIA at least needs emergency assessment now.
  {
    id: 'stroke-01',
    source: 'coverage',
    category: 'stroke',
    description: 'Facial droop and slurred speech',
    input: {
      symptoms: [{ name: 'face dropped', severity: 5, durationHours: 0.5, onset: 'sudden' }],
      freeText: 'dads face has dropped on one side and his words are slurry, started 30 mins ago',
      age: 74,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'stroke-02',
    source: 'coverage',
    category: 'stroke',
    description: 'Arm weakness for 20 minutes, now resolved (TIA)',
    input: {
      symptoms: [{ name: 'arm went weak', severity: 3, durationHours: 0.3, onset: 'sudden' }],
      freeText: 'my right arm went weak and heavy for about 20 mins, couldnt hold my cup. completely back to normal now so probably nothing',
      age: 64,
      sex: 'female',
      conditions: ['high blood pressure'],
    },
    min: 'E',
  },
  {
    id: 'stroke-03',
    source: 'coverage',
    category: 'stroke',
    description: 'Sudden inability to find words',
    input: {
      symptoms: [{ name: 'confused', severity: 5, durationHours: 1, onset: 'sudden' }],
      freeText: 'my husband suddenly cant get his words out, says wrong words like fork for phone. he knows whats happening',
      age: 80,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'stroke-04',
    source: 'coverage',
    category: 'stroke',
    description: 'Sudden vertigo, unable to walk straight, double vision, vomiting (posterior circulation stroke)',
    input: {
      symptoms: [
        { name: 'dizzy', severity: 7, durationHours: 1, onset: 'sudden' },
        { name: 'double vision', severity: 5 },
        { name: 'vomiting', severity: 5 },
      ],
      freeText: 'suddenly the room started spinning, i cant walk without falling to one side, seeing double and been sick',
      age: 50,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'stroke-05',
    source: 'coverage',
    category: 'stroke',
    description: 'Woke with a numb, clumsy hand',
    input: {
      symptoms: [{ name: 'numb hand', severity: 3, durationHours: 2 }],
      freeText: 'woke up with my left hand numb and clumsy, cant do my buttons up, thought id slept on it but its not wearing off',
      age: 69,
      sex: 'male',
      conditions: ['type 2 diabetes'],
    },
    min: 'A',
  },

  // ─── breathing-adult ────────────────────────────────────────────────────────────────────────
  // NHS / BTS-SIGN asthma and MTS "Shortness of breath in adults": unable to complete sentences,
  // blue lips, or an inhaler not helping is a 999 call; worsening breathlessness at rest, or
  // orthopnoea with new oedema, needs emergency assessment now.
  {
    id: 'breathing-adult-01',
    source: 'coverage',
    category: 'breathing-adult',
    description: 'COPD patient unable to finish sentences, lips blue',
    input: {
      symptoms: [{ name: 'cant breath', severity: 8, durationHours: 6 }],
      freeText: 'husband has copd, cant finish a sentence, lips going blue, his inhalers and nebuliser not working',
      age: 70,
      sex: 'male',
      conditions: ['COPD'],
    },
    min: 'A',
  },
  {
    id: 'breathing-adult-02',
    source: 'coverage',
    category: 'breathing-adult',
    description: 'Asthma attack not relieved by reliever inhaler',
    input: {
      symptoms: [{ name: 'asthma attack', severity: 7, durationHours: 1 }],
      freeText: 'had 10 puffs of my blue inhaler, its not helping, really struggling and chest tight',
      age: 25,
      sex: 'female',
      conditions: ['asthma'],
    },
    min: 'A',
  },
  {
    id: 'breathing-adult-03',
    source: 'coverage',
    category: 'breathing-adult',
    description: 'Chest infection with breathlessness getting worse through the day',
    input: {
      symptoms: [
        { name: 'cough', severity: 5, durationHours: 96 },
        { name: 'breathless', severity: 6, durationHours: 12 },
      ],
      freeText: 'chest infection since the weekend, today getting more and more breathless even sitting still, struggling to walk upstairs',
      age: 40,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'breathing-adult-04',
    source: 'coverage',
    category: 'breathing-adult',
    description: 'Breathless lying flat, waking gasping, swollen ankles (acute heart failure)',
    input: {
      symptoms: [
        { name: 'breathless lying down', severity: 6, durationHours: 72, onset: 'gradual' },
        { name: 'swollen ankles', severity: 4 },
      ],
      freeText: 'cant lie flat any more, have to sleep sat up on 4 pillows, woke up twice gasping. ankles like balloons',
      age: 76,
      sex: 'female',
      conditions: ['heart attack 2019'],
    },
    min: 'E',
  },
  {
    id: 'breathing-adult-05',
    source: 'coverage',
    category: 'breathing-adult',
    description: 'Breathless at rest with bluish lips, no known lung disease',
    input: {
      symptoms: [{ name: 'short of breath', severity: 3, durationHours: 5 }],
      freeText: 'sat on the sofa and cant catch my breath, my partner says my lips look a bit blue',
      age: 35,
      sex: 'male',
    },
    min: 'A',
  },

  // ─── breathing-child ────────────────────────────────────────────────────────────────────────
  // NICE NG143 / Schmitt-Thompson croup and asthma: stridor at rest, recession, nasal flaring,
  // grunting or inability to drink needs emergency assessment; reliever every few hours with no
  // effect, exhaustion, drooling and tripod sitting (epiglottitis) or grunting in an infant is 999.
  {
    id: 'breathing-child-01',
    source: 'coverage',
    category: 'breathing-child',
    description: 'Croup with barking cough and noisy breathing at rest',
    input: {
      symptoms: [
        { name: 'barking cough', severity: 5, durationHours: 8 },
        { name: 'noisy breathing', severity: 5 },
      ],
      freeText: 'barky seal cough and hes making a squeaky noise when he breathes in, even sitting still watching telly',
      age: 2,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'breathing-child-02',
    source: 'coverage',
    category: 'breathing-child',
    description: 'Asthmatic child needing reliever every 2 hours without effect, recession',
    input: {
      symptoms: [{ name: 'asthma', severity: 6, durationHours: 10 }],
      freeText: 'given her blue inhaler 10 puffs every 2 hours since this morning, not helping. her tummy is sucking in under her ribs when she breathes',
      age: 7,
      sex: 'female',
      conditions: ['asthma'],
    },
    min: 'A',
  },
  {
    id: 'breathing-child-03',
    source: 'coverage',
    category: 'breathing-child',
    description: 'Ten-month-old with bronchiolitis: recession, grunting, not feeding',
    input: {
      symptoms: [{ name: 'cold and cough', severity: 5, durationHours: 72 }],
      freeText: '10 month old, snotty cold for 3 days. now you can see his ribs when he breathes, grunting noise with each breath and wont take his bottle',
      age: 0,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'breathing-child-04',
    source: 'coverage',
    category: 'breathing-child',
    description: 'Four-year-old working hard to breathe with flaring nostrils',
    input: {
      symptoms: [{ name: 'breathing hard', severity: 4, durationHours: 5 }],
      freeText: 'my daughter is working really hard to breathe, nostrils flaring in and out, breathing fast. she had a cold',
      age: 4,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'breathing-child-05',
    source: 'coverage',
    category: 'breathing-child',
    description: 'Drooling, unable to swallow, sitting forward, high fever (possible epiglottitis)',
    input: {
      symptoms: [
        { name: 'sore throat', severity: 8, durationHours: 6, onset: 'sudden' },
        { name: 'fever', severity: 7 },
      ],
      freeText: 'he cant swallow his own spit, drooling everywhere, sitting leaning forward and wont lie down, very high temp and muffled voice',
      age: 5,
      sex: 'male',
    },
    min: 'A',
  },

  // ─── choking-foreign-body ───────────────────────────────────────────────────────────────────
  // Resuscitation Council UK / NHS: ineffective cough (cannot cough, cry or speak) is a 999 call;
  // after a choking episode, a persistent cough, wheeze or gurgling suggests an inhaled object
  // (emergency now); a swallowed object with drooling or inability to swallow is stuck in the
  // oesophagus (emergency). A fish bone with swallowing intact can wait for a same-day clinician.
  {
    id: 'choking-foreign-body-01',
    source: 'coverage',
    category: 'choking-foreign-body',
    description: 'Child choking on a grape, cannot cough or cry',
    input: {
      symptoms: [{ name: 'choking', severity: 10, onset: 'sudden' }],
      freeText: 'hes choking on a grape, cant cough or cry, going red',
      age: 3,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'choking-foreign-body-02',
    source: 'coverage',
    category: 'choking-foreign-body',
    description: 'Choked on a peanut, now persistent cough and wheeze (inhaled foreign body)',
    input: {
      symptoms: [
        { name: 'coughing', severity: 4, durationHours: 2 },
        { name: 'wheeze', severity: 4 },
      ],
      freeText: 'she choked on a peanut at her brothers party, went purple then coughed and seemed ok. but 2 hrs later still coughing and wheezy on one side',
      age: 3,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'choking-foreign-body-03',
    source: 'coverage',
    category: 'choking-foreign-body',
    description: 'Swallowed a coin, drooling and unable to swallow (oesophageal foreign body)',
    input: {
      symptoms: [{ name: 'swallowed a coin', severity: 4, durationHours: 1 }],
      freeText: 'swallowed a 2p coin, now dribbling and wont swallow anything, says it hurts in his chest',
      age: 6,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'choking-foreign-body-04',
    source: 'coverage',
    category: 'choking-foreign-body',
    description: 'Older man with dementia choked on meat, now gurgling breathing',
    input: {
      symptoms: [{ name: 'gurgly breathing', severity: 6, durationHours: 0.25, onset: 'sudden' }],
      freeText: 'dad choked on a bit of steak, we slapped his back and some came out but hes still making gurgling noises and struggling to breathe',
      age: 87,
      sex: 'male',
      conditions: ['dementia'],
    },
    min: 'A',
  },
  {
    id: 'choking-foreign-body-05',
    source: 'coverage',
    category: 'choking-foreign-body',
    description: 'Fish bone sensation in throat for 10 hours, swallowing and breathing normal',
    input: {
      symptoms: [{ name: 'fish bone stuck', severity: 3, durationHours: 10 }],
      freeText: 'think a fish bone is stuck in my throat since dinner, scratchy when i swallow. can eat and drink ok, breathing fine',
      age: 44,
      sex: 'female',
    },
    min: 'U',
  },

  // ─── collapse ───────────────────────────────────────────────────────────────────────────────
  // NHS / MTS "Collapsed adult": unresponsive or not breathing normally is a 999 call (CPR);
  // collapse during exercise or without warning (possible arrhythmia) needs emergency assessment
  // now even after recovery.
  {
    id: 'collapse-01',
    source: 'coverage',
    category: 'collapse',
    description: 'Man collapsed in a shop, not breathing properly',
    input: {
      symptoms: [{ name: 'collapsed', severity: 10, onset: 'sudden' }],
      freeText: 'man just collapsed in the shop, hes on the floor, eyes open but not breathing properly, making gasping noises',
      age: 65,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'collapse-02',
    source: 'coverage',
    category: 'collapse',
    description: 'Teenager collapsed while playing football, now awake',
    input: {
      symptoms: [{ name: 'fainted', severity: 4, onset: 'sudden', durationHours: 0.5 }],
      freeText: 'my son collapsed in the middle of a football match, just dropped while running. came round after a minute and says hes fine',
      age: 16,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'collapse-03',
    source: 'coverage',
    category: 'collapse',
    description: 'Elderly woman collapsed and not fully come round',
    input: {
      symptoms: [{ name: 'passed out', severity: 7 }],
      freeText: 'nan collapsed in the hallway 10 mins ago. shes breathing but not properly come round, just moaning',
      age: 78,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'collapse-04',
    source: 'coverage',
    category: 'collapse',
    description: 'Blackout without warning while sitting at traffic lights, recovered',
    input: {
      symptoms: [{ name: 'blacked out', severity: 3, durationHours: 2, onset: 'sudden' }],
      freeText: 'blacked out at the wheel at traffic lights, no warning, came round with horns going. feel ok now, bit shaken',
      age: 50,
      sex: 'male',
      conditions: ['high blood pressure'],
    },
    min: 'E',
  },

  // ─── seizure ────────────────────────────────────────────────────────────────────────────────
  // NHS epilepsy / NICE NG217: a first fit, a fit lasting over 5 minutes, repeated fits without
  // recovery between, not waking afterwards, or a first febrile convulsion is a 999 call.
  {
    id: 'seizure-01',
    source: 'coverage',
    category: 'seizure',
    description: 'First-ever tonic-clonic seizure in a young adult, now drowsy',
    input: {
      symptoms: [{ name: 'had a fit', severity: 7, durationHours: 0.25, onset: 'sudden' }],
      freeText: 'my flatmate just had a fit, shaking all over about 3 mins, bit his tongue. never had one before. now very sleepy',
      age: 19,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'seizure-02',
    source: 'coverage',
    category: 'seizure',
    description: 'Known epileptic, seizure still going after 6 minutes',
    input: {
      symptoms: [{ name: 'seizure', severity: 9, onset: 'sudden' }],
      freeText: 'my son has epilepsy, hes fitting now and its been 6 minutes, usually stops after 2',
      age: 12,
      sex: 'male',
      conditions: ['epilepsy'],
    },
    min: 'A',
  },
  {
    id: 'seizure-03',
    source: 'coverage',
    category: 'seizure',
    description: 'Toddler with fever had a first febrile convulsion',
    input: {
      symptoms: [
        { name: 'fever', severity: 5, durationHours: 6 },
        { name: 'eyes rolled and shaking', severity: 8, onset: 'sudden' },
      ],
      freeText: 'she had a temp and then went stiff, eyes rolled back and jerking for about a minute. never happened before. now crying',
      age: 2,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'seizure-04',
    source: 'coverage',
    category: 'seizure',
    description: 'Not waking properly 10 minutes after a fit',
    input: {
      symptoms: [{ name: 'wont wake up', severity: 7 }],
      freeText: 'had a fit and its been 10 mins, not waking up properly, breathing noisy',
      age: 38,
      sex: 'female',
      conditions: ['epilepsy'],
    },
    min: 'A',
  },
  {
    id: 'seizure-05',
    source: 'coverage',
    category: 'seizure',
    description: 'Clusters of seizures without waking between them',
    input: {
      symptoms: [{ name: 'fitting', severity: 8, durationHours: 0.5 }],
      freeText: 'wife keeps having seizures one after another, 3 in half an hour and she doesnt come round in between',
      age: 40,
      sex: 'female',
      conditions: ['epilepsy'],
    },
    min: 'A',
  },

  // ─── meningitis ─────────────────────────────────────────────────────────────────────────────
  // NICE NG240 / NHS meningitis: fever with a non-blanching rash, neck stiffness, photophobia, a
  // bulging fontanelle or rapidly worsening illness with cold hands and leg pain is a 999 call.
  {
    id: 'meningitis-01',
    source: 'coverage',
    category: 'meningitis',
    description: 'Student with headache, stiff neck, photophobia, fever and rash',
    input: {
      symptoms: [
        { name: 'headache', severity: 8, durationHours: 10 },
        { name: 'stiff neck', severity: 6 },
        { name: 'light hurts my eyes', severity: 6 },
      ],
      freeText: 'student flat, my friend has a really bad head, cant bend her neck, cant stand the light and shes boiling. theres a few spots on her legs',
      age: 18,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'meningitis-02',
    source: 'coverage',
    category: 'meningitis',
    description: 'Toddler with fever and a rash that does not fade under a glass',
    input: {
      symptoms: [
        { name: 'rash', severity: 4, durationHours: 2 },
        { name: 'temperature', severity: 5 },
      ],
      freeText: 'feverish and now tiny purple dots on his tummy, i did the glass test and they dont go away',
      age: 2,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'meningitis-03',
    source: 'coverage',
    category: 'meningitis',
    description: 'Nine-month-old with fever, bulging fontanelle and high-pitched cry',
    input: {
      symptoms: [{ name: 'fever', severity: 6, durationHours: 8 }],
      freeText: '9 month old, high temp, the soft spot on his head is bulging up and hes got a strange high pitched cry, doesnt want to be touched',
      age: 0,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'meningitis-04',
    source: 'coverage',
    category: 'meningitis',
    description: 'Young man rapidly unwell with fever, cold hands and severe leg pain (early meningococcal sepsis)',
    input: {
      symptoms: [
        { name: 'leg pain', severity: 7, durationHours: 6, onset: 'sudden' },
        { name: 'fever', severity: 6 },
      ],
      freeText: 'went from fine to awful in a few hours. legs ache so much i cant walk, hands and feet ice cold but im burning up',
      age: 20,
      sex: 'male',
    },
    min: 'A',
  },

  // ─── thunderclap-headache ───────────────────────────────────────────────────────────────────
  // NICE / NHS: a sudden, severe headache peaking within a minute ("worst ever"), at rest or on
  // exertion, is subarachnoid haemorrhage until proven otherwise: emergency department now even if
  // improving; with vomiting, neck stiffness, collapse or confusion, a 999 call.
  {
    id: 'thunderclap-headache-01',
    source: 'coverage',
    category: 'thunderclap-headache',
    description: 'Sudden worst-ever headache during sex',
    input: {
      symptoms: [{ name: 'headache', severity: 9, durationHours: 1, onset: 'sudden' }],
      freeText: 'sudden explosive headache during sex, worst ive ever had, came on in seconds. its easing a bit now',
      age: 39,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'thunderclap-headache-02',
    source: 'coverage',
    category: 'thunderclap-headache',
    description: 'Headache like being hit on the back of the head, vomiting, stiff neck',
    input: {
      symptoms: [
        { name: 'back of head pain', severity: 10, durationHours: 0.5, onset: 'sudden' },
        { name: 'vomited', severity: 5 },
      ],
      freeText: 'felt like someone hit me round the back of the head with a bat, came on in seconds. been sick and my neck is stiff',
      age: 46,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'thunderclap-headache-03',
    source: 'coverage',
    category: 'thunderclap-headache',
    description: 'Sudden headache peaking within a minute while lifting, moderate slider score',
    input: {
      symptoms: [{ name: 'headache', severity: 6, durationHours: 3 }],
      freeText: 'lifting a box and a headache came on like a thunderclap, peaked within a minute. never get headaches',
      age: 55,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'thunderclap-headache-04',
    source: 'coverage',
    category: 'thunderclap-headache',
    description: 'Sudden-onset headache two days ago, still present (possible sentinel bleed)',
    input: {
      symptoms: [{ name: 'head ache', severity: 5, durationHours: 48 }],
      freeText: '2 days ago i had a sudden horrendous headache out of nowhere, like a bang. its still there but duller. paracetamol not doing much',
      age: 42,
      sex: 'male',
    },
    min: 'E',
  },

  // ─── abdominal-pain-severe ──────────────────────────────────────────────────────────────────
  // MTS "Abdominal pain in adults": severe pain, peritonism, vomiting with distension (obstruction),
  // jaundice with pain, or pain with collapse is orange/red; sudden tearing abdominal or back pain
  // with a known aneurysm or dizziness is a 999 call.
  {
    id: 'abdominal-pain-severe-01',
    source: 'coverage',
    category: 'abdominal-pain-severe',
    description: 'Right lower quadrant pain, worse on moving, fever (appendicitis)',
    input: {
      symptoms: [
        { name: 'stomach pain', severity: 7, durationHours: 18, onset: 'gradual' },
        { name: 'temperature', severity: 4 },
      ],
      freeText: 'started round my belly button yesterday and moved to the bottom right. hurts to walk or cough, off my food, bit of a temp',
      age: 30,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'abdominal-pain-severe-02',
    source: 'coverage',
    category: 'abdominal-pain-severe',
    description: 'Sudden severe abdominal and back pain with dizziness in a man with known aortic aneurysm',
    input: {
      symptoms: [
        { name: 'back pain', severity: 8, durationHours: 0.5, onset: 'sudden' },
        { name: 'dizzy', severity: 6 },
      ],
      freeText: 'dad has an aneurysm they were watching. sudden awful pain in his tummy going through to his back, grey and sweaty, dizzy',
      age: 72,
      sex: 'male',
      conditions: ['abdominal aortic aneurysm'],
    },
    min: 'A',
  },
  {
    id: 'abdominal-pain-severe-03',
    source: 'coverage',
    category: 'abdominal-pain-severe',
    description: 'Severe upper abdominal pain after fatty meal, vomiting, yellow eyes (cholangitis / pancreatitis)',
    input: {
      symptoms: [
        { name: 'upper tummy pain', severity: 8, durationHours: 8 },
        { name: 'vomiting', severity: 5 },
      ],
      freeText: 'awful pain top of my stomach after a takeaway, going into my back, keep vomiting and my husband says my eyes look yellow',
      age: 45,
      sex: 'female',
      conditions: ['gallstones'],
    },
    min: 'E',
  },
  {
    id: 'abdominal-pain-severe-04',
    source: 'coverage',
    category: 'abdominal-pain-severe',
    description: 'Vomiting, swollen abdomen, no wind or stool (bowel obstruction)',
    input: {
      symptoms: [
        { name: 'bloated', severity: 6, durationHours: 36 },
        { name: 'being sick', severity: 6 },
      ],
      freeText: 'tummy swollen like a drum, being sick green stuff and havent passed any wind or poo for 2 days. had bowel surgery years ago',
      age: 60,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'abdominal-pain-severe-05',
    source: 'coverage',
    category: 'abdominal-pain-severe',
    description: 'Severe abdominal pain, unable to stand, lying still',
    input: {
      symptoms: [{ name: 'belly pain', severity: 10, durationHours: 3, onset: 'sudden' }],
      freeText: 'worst pain of my life in my stomach, cant stand up straight, lying dead still because moving makes it worse',
      age: 25,
      sex: 'female',
    },
    min: 'E',
  },

  // ─── gi-bleeding ────────────────────────────────────────────────────────────────────────────
  // NICE CG141 / MTS "GI bleeding": haematemesis or melaena needs emergency assessment now; large
  // fresh bleeding with dizziness, collapse or known varices is a 999 call.
  {
    id: 'gi-bleeding-01',
    source: 'coverage',
    category: 'gi-bleeding',
    description: 'Vomiting blood while taking ibuprofen',
    input: {
      symptoms: [{ name: 'sick with blood', severity: 5, durationHours: 1 }],
      freeText: 'been taking ibuprofen for my back for weeks, just been sick and there was blood in it, some dark bits like coffee granules',
      age: 57,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'gi-bleeding-02',
    source: 'coverage',
    category: 'gi-bleeding',
    description: 'Black tarry stools and dizziness (melaena)',
    input: {
      symptoms: [
        { name: 'black poo', severity: 3, durationHours: 24 },
        { name: 'dizzy', severity: 4 },
      ],
      freeText: 'my poo has been black and sticky like tar since yesterday and i keep going dizzy. not taking iron tablets',
      age: 68,
      sex: 'female',
      conditions: ['on aspirin'],
    },
    min: 'E',
  },
  {
    id: 'gi-bleeding-03',
    source: 'coverage',
    category: 'gi-bleeding',
    description: 'Heavy drinker vomiting large amounts of bright red blood (variceal bleed)',
    input: {
      symptoms: [{ name: 'vomiting blood', severity: 8, durationHours: 0.5, onset: 'sudden' }],
      freeText: 'brother drinks heavily, hes thrown up loads of bright red blood, like a cupful, twice. pale and shaky',
      age: 49,
      sex: 'male',
      conditions: ['liver cirrhosis'],
    },
    min: 'A',
  },
  {
    id: 'gi-bleeding-04',
    source: 'coverage',
    category: 'gi-bleeding',
    description: 'Elderly woman passing large amounts of blood rectally, near fainting',
    input: {
      symptoms: [{ name: 'bleeding from bottom', severity: 6, durationHours: 2 }],
      freeText: 'mum passed a load of blood from her back passage, the toilet bowl was full of it, and she nearly fainted getting off',
      age: 80,
      sex: 'female',
      conditions: ['diverticular disease'],
    },
    min: 'A',
  },

  // ─── major-trauma ───────────────────────────────────────────────────────────────────────────
  // MTS "Major trauma" / NICE NG39: a high-energy mechanism (vehicle collision, pedestrian struck,
  // fall from height over 2-3 m, penetrating injury to the trunk) is a 999 call whatever the
  // patient says: internal injuries are silent at first.
  {
    id: 'major-trauma-01',
    source: 'coverage',
    category: 'major-trauma',
    description: 'Motorcyclist after a crash with an obviously deformed leg',
    input: {
      symptoms: [{ name: 'leg pain', severity: 9, durationHours: 0.25, onset: 'sudden' }],
      freeText: 'came off my motorbike at about 40mph, my leg is bent the wrong way. im talking ok',
      age: 26,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'major-trauma-02',
    source: 'coverage',
    category: 'major-trauma',
    description: 'Fall from a roof (~4 m) with back pain',
    input: {
      symptoms: [{ name: 'back pain', severity: 6, durationHours: 0.5, onset: 'sudden' }],
      freeText: 'fell off the roof of the extension about 4 metres onto the patio, landed on my back. can move my legs',
      age: 48,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'major-trauma-03',
    source: 'coverage',
    category: 'major-trauma',
    description: 'Stab wound to the chest',
    input: {
      symptoms: [{ name: 'stabbed', severity: 8, onset: 'sudden' }],
      freeText: 'my friend got stabbed in the chest, its not bleeding much but hes struggling to breathe',
      age: 18,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'major-trauma-04',
    source: 'coverage',
    category: 'major-trauma',
    description: 'Child pedestrian hit by a car, says he is fine but has tummy pain',
    input: {
      symptoms: [{ name: 'tummy hurts', severity: 3, durationHours: 0.25 }],
      freeText: 'my son got knocked over by a car reversing out of a drive, went under the bumper. he got up and says hes fine but his tummy hurts',
      age: 9,
      sex: 'male',
    },
    min: 'A',
  },

  // ─── severe-bleeding ────────────────────────────────────────────────────────────────────────
  // MTS "Wounds" / NHS: uncontrollable or spurting (arterial) bleeding is red: 999 with direct
  // pressure; a nosebleed over 20-30 minutes despite pressure, especially on anticoagulants, needs
  // emergency care now.
  {
    id: 'severe-bleeding-01',
    source: 'coverage',
    category: 'severe-bleeding',
    description: 'Leg cut on glass with spurting blood',
    input: {
      symptoms: [{ name: 'cut leg', severity: 7, durationHours: 0.1, onset: 'sudden' }],
      freeText: 'fell through the glass door, cut on the back of my thigh and its spurting blood every heartbeat',
      age: 23,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'severe-bleeding-02',
    source: 'coverage',
    category: 'severe-bleeding',
    description: 'Nosebleed for 45 minutes on warfarin despite pressure',
    input: {
      symptoms: [{ name: 'nose bleed', severity: 5, durationHours: 0.75 }],
      freeText: 'nose bleed wont stop, been pinching it 45 mins, its going down the back of my throat. im on warfarin',
      age: 73,
      sex: 'male',
      conditions: ['warfarin', 'mechanical heart valve'],
    },
    min: 'E',
  },
  {
    id: 'severe-bleeding-03',
    source: 'coverage',
    category: 'severe-bleeding',
    description: 'Chainsaw injury to forearm with heavy bleeding',
    input: {
      symptoms: [{ name: 'chainsaw cut', severity: 9, onset: 'sudden' }],
      freeText: 'chainsaw kicked back into my arm, deep gash and blood pouring through the towel',
      age: 55,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'severe-bleeding-04',
    source: 'coverage',
    category: 'severe-bleeding',
    description: 'Burst varicose vein on the leg, blood everywhere',
    input: {
      symptoms: [{ name: 'vein burst on leg', severity: 4, onset: 'sudden', durationHours: 0.1 }],
      freeText: "mum's varicose vein on her ankle has burst in the shower, theres blood everywhere, pooling on the floor",
      age: 82,
      sex: 'female',
      conditions: ['varicose veins'],
    },
    min: 'A',
  },

  // ─── fracture-limb ──────────────────────────────────────────────────────────────────────────
  // MTS "Limb problems": obvious deformity or a suspected long-bone fracture needs emergency care
  // now; an open fracture, or a hip fracture in an older person who cannot get up, is a 999 call.
  // An ankle that cannot bear weight (Ottawa rules) but is not deformed can be X-rayed the same or
  // next day (minor injuries unit).
  {
    id: 'fracture-limb-01',
    source: 'coverage',
    category: 'fracture-limb',
    description: 'Fall on outstretched hand, wrist deformed like a dinner fork',
    input: {
      symptoms: [{ name: 'wrist pain', severity: 8, durationHours: 1, onset: 'sudden' }],
      freeText: 'slipped on ice and landed on my hand, wrist is bent funny like a fork and really swollen',
      age: 66,
      sex: 'female',
      conditions: ['osteoporosis'],
    },
    min: 'E',
  },
  {
    id: 'fracture-limb-02',
    source: 'coverage',
    category: 'fracture-limb',
    description: 'Elderly woman fell, cannot get up, leg shortened and turned out (hip fracture)',
    input: {
      symptoms: [{ name: 'hip pain', severity: 8, durationHours: 1, onset: 'sudden' }],
      freeText: 'nan fell in the kitchen, cant get up, her right leg looks shorter and her foot is turned out',
      age: 85,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'fracture-limb-03',
    source: 'coverage',
    category: 'fracture-limb',
    description: 'Open tibial fracture, bone through skin',
    input: {
      symptoms: [{ name: 'broken leg', severity: 10, onset: 'sudden' }],
      freeText: 'bad tackle at football, you can see bone poking through the skin on his shin',
      age: 29,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'fracture-limb-04',
    source: 'coverage',
    category: 'fracture-limb',
    description: 'Child fell from climbing frame, forearm visibly bent',
    input: {
      symptoms: [{ name: 'sore arm', severity: 6, durationHours: 0.5, onset: 'sudden' }],
      freeText: 'fell off the climbing frame at school, her forearm has a bend in it halfway down, shes holding it and crying',
      age: 6,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'fracture-limb-05',
    source: 'coverage',
    category: 'fracture-limb',
    description: 'Twisted ankle, cannot bear weight, swollen, no deformity (Ottawa positive)',
    input: {
      symptoms: [{ name: 'twisted ankle', severity: 6, durationHours: 3, onset: 'sudden' }],
      freeText: 'went over on my ankle coming off a kerb, cant put any weight on it at all, swollen and tender on the bony bit on the outside',
      age: 34,
      sex: 'female',
    },
    min: 'U',
  },

  // ─── back-pain-red-flags ────────────────────────────────────────────────────────────────────
  // NICE NG59 / GIRFT cauda equina pathway: back pain with saddle numbness, new bladder or bowel
  // dysfunction or bilateral leg symptoms needs an emergency MRI now; new back pain with leg weakness
  // in someone with cancer is metastatic cord compression (emergency).
  {
    id: 'back-pain-red-flags-01',
    source: 'coverage',
    category: 'back-pain-red-flags',
    description: 'Back pain with numbness in the saddle area',
    input: {
      symptoms: [{ name: 'back ache', severity: 5, durationHours: 120 }],
      freeText: 'lower back pain all week, today i cant feel the toilet paper when i wipe, numb round my bum',
      age: 41,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'back-pain-red-flags-02',
    source: 'coverage',
    category: 'back-pain-red-flags',
    description: 'Back pain with difficulty passing urine and weakness in both legs',
    input: {
      symptoms: [
        { name: 'sciatica', severity: 6, durationHours: 300 },
        { name: 'trouble peeing', severity: 4, durationHours: 12 },
      ],
      freeText: 'sciatica both legs now, legs feel weak and since this morning i cant get my wee started properly',
      age: 47,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'back-pain-red-flags-03',
    source: 'coverage',
    category: 'back-pain-red-flags',
    description: 'Back pain and urinary incontinence without awareness',
    input: {
      symptoms: [{ name: 'bad back', severity: 4, durationHours: 72 }],
      freeText: 'slipped disc type pain 3 days. this afternoon i wet myself and didnt even feel it happening',
      age: 45,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'back-pain-red-flags-04',
    source: 'coverage',
    category: 'back-pain-red-flags',
    description: 'History of prostate cancer, new back pain and legs going weak (cord compression)',
    input: {
      symptoms: [
        { name: 'back pain', severity: 6, durationHours: 240, onset: 'gradual' },
        { name: 'legs weak', severity: 5, durationHours: 24 },
      ],
      freeText: 'new pain in the middle of my back for 10 days, worse lying down at night. since yesterday my legs feel wobbly and weak',
      age: 71,
      sex: 'male',
      conditions: ['prostate cancer'],
    },
    min: 'E',
  },

  // ─── eye-injury-chemical ────────────────────────────────────────────────────────────────────
  // NHS / Royal College of Ophthalmologists: a chemical in the eye is an emergency: irrigate for
  // 20-30 minutes and go to emergency care now; alkalis (bleach, cement, lime, oven cleaner, dishwasher
  // products) penetrate and keep burning.
  {
    id: 'eye-injury-chemical-01',
    source: 'coverage',
    category: 'eye-injury-chemical',
    description: 'Bleach splashed in the eye',
    input: {
      symptoms: [{ name: 'eye stinging', severity: 6, durationHours: 0.25, onset: 'sudden' }],
      freeText: 'bleach splashed in my eye while cleaning the loo, rinsed it, still burning and cant open it',
      age: 37,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'eye-injury-chemical-02',
    source: 'coverage',
    category: 'eye-injury-chemical',
    description: 'Cement dust and lime in the eye on a building site',
    input: {
      symptoms: [{ name: 'something in eye', severity: 5, durationHours: 1 }],
      freeText: 'mixing cement and a load blew in my eye, gritty, red and watering. washed it at the tap',
      age: 33,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'eye-injury-chemical-03',
    source: 'coverage',
    category: 'eye-injury-chemical',
    description: 'Child squirted dishwasher gel into the eye',
    input: {
      symptoms: [{ name: 'red eye', severity: 4, durationHours: 0.5, onset: 'sudden' }],
      freeText: 'my little boy squeezed the dishwasher gel bottle and it went in his eye, screaming and wont let me look',
      age: 3,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'eye-injury-chemical-04',
    source: 'coverage',
    category: 'eye-injury-chemical',
    description: 'Car battery acid spray into the eye',
    input: {
      symptoms: [{ name: 'eye burning', severity: 7, onset: 'sudden', durationHours: 0.25 }],
      freeText: 'car battery spat acid at me when i was jump starting it, some got in my eye. vision blurry',
      age: 52,
      sex: 'male',
    },
    min: 'E',
  },

  // ─── pv-bleeding-heavy ──────────────────────────────────────────────────────────────────────
  // NHS / MTS "PV bleeding": heavy bleeding (soaking a pad an hour, large clots) with dizziness,
  // faintness or breathlessness signals haemodynamic compromise: emergency now.
  {
    id: 'pv-bleeding-heavy-01',
    source: 'coverage',
    category: 'pv-bleeding-heavy',
    description: 'Soaking a pad every hour with dizziness',
    input: {
      symptoms: [
        { name: 'heavy period', severity: 6, durationHours: 8 },
        { name: 'dizzy', severity: 5 },
      ],
      freeText: 'not pregnant. period is crazy heavy, soaking a night pad every hour and going dizzy and seeing stars',
      age: 38,
      sex: 'female',
      pregnant: false,
    },
    min: 'E',
  },
  {
    id: 'pv-bleeding-heavy-02',
    source: 'coverage',
    category: 'pv-bleeding-heavy',
    description: 'Flooding with large clots, faint on standing (perimenopausal)',
    input: {
      symptoms: [{ name: 'flooding', severity: 7, durationHours: 5 }],
      freeText: 'flooding through my clothes, clots the size of my fist, nearly fainted when i stood up. i have fibroids',
      age: 48,
      sex: 'female',
      pregnant: false,
      conditions: ['fibroids'],
    },
    min: 'E',
  },
  {
    id: 'pv-bleeding-heavy-03',
    source: 'coverage',
    category: 'pv-bleeding-heavy',
    description: 'Postmenopausal woman with heavy vaginal bleeding, pale and breathless',
    input: {
      symptoms: [
        { name: 'bleeding', severity: 5, durationHours: 10 },
        { name: 'breathless', severity: 4 },
      ],
      freeText: 'havent had a period for 6 years but bleeding heavily since this morning, feel washed out and short of breath',
      age: 58,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'pv-bleeding-heavy-04',
    source: 'coverage',
    category: 'pv-bleeding-heavy',
    description: 'Heavy bleeding a few days after a surgical procedure for miscarriage, dizzy',
    input: {
      symptoms: [{ name: 'bleeding heavy', severity: 6, durationHours: 4, onset: 'sudden' }],
      freeText:
        'had an operation to remove pregnancy tissue on monday after a miscarriage. since this afternoon bleeding way heavier, pad soaked in an hour, feel lightheaded',
      age: 32,
      sex: 'female',
      pregnant: false,
    },
    min: 'E',
  },

  // ─── urinary-retention ──────────────────────────────────────────────────────────────────────
  // NHS / MTS "Urinary problems": acute urinary retention (unable to pass urine for hours with
  // lower abdominal pain or a palpable bladder) needs catheterisation in an emergency department.
  {
    id: 'urinary-retention-01',
    source: 'coverage',
    category: 'urinary-retention',
    description: 'Unable to pass urine for 10 hours, bladder feels like bursting',
    input: {
      symptoms: [{ name: 'cant pee', severity: 8, durationHours: 10 }],
      freeText: 'havent been able to pee since last night, bladder feels like its going to burst',
      age: 75,
      sex: 'male',
      conditions: ['enlarged prostate'],
    },
    min: 'E',
  },
  {
    id: 'urinary-retention-02',
    source: 'coverage',
    category: 'urinary-retention',
    description: 'Only dribbling urine, lower abdomen swollen and painful',
    input: {
      symptoms: [
        { name: 'dribbling', severity: 4, durationHours: 14 },
        { name: 'lower tummy pain', severity: 6 },
      ],
      freeText: 'only a dribble comes out when i try to go, my lower belly is swollen and sore',
      age: 60,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'urinary-retention-03',
    source: 'coverage',
    category: 'urinary-retention',
    description: 'Woman unable to pass urine after recent surgery',
    input: {
      symptoms: [{ name: 'cant wee', severity: 6, durationHours: 9 }],
      freeText: 'had my knee replaced and came home yesterday, havent weed at all today even though i feel i need to, lower tummy hurts',
      age: 67,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'urinary-retention-04',
    source: 'coverage',
    category: 'urinary-retention',
    description: 'Older man unable to urinate after starting a decongestant cold remedy',
    input: {
      symptoms: [{ name: 'blocked up', severity: 5, durationHours: 8 }],
      freeText: 'started some cold and flu tablets yesterday, since this morning i cant go for a wee at all, feels full and painful',
      age: 80,
      sex: 'male',
      conditions: ['prostate problems'],
    },
    min: 'E',
  },

  // ─── acute-mental-illness ───────────────────────────────────────────────────────────────────
  // NHS Pathways mental health / NICE CG178 and CG103: acute psychosis or mania with risk to self or
  // others, postpartum psychosis, and new acute confusion (delirium, a medical emergency until proven
  // otherwise) need emergency assessment now.
  {
    id: 'acute-mental-illness-01',
    source: 'coverage',
    category: 'acute-mental-illness',
    description: 'Young man hearing voices, paranoid about neighbours, no sleep, threatening',
    input: {
      symptoms: [{ name: 'not sleeping', severity: 6, durationHours: 96 }],
      freeText: 'my son is hearing voices, thinks the neighbours are poisoning his food through the walls. hasnt slept in 4 days and has been threatening them',
      age: 23,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'acute-mental-illness-02',
    source: 'coverage',
    category: 'acute-mental-illness',
    description: 'Elderly man suddenly confused, seeing things, picking at clothes (delirium)',
    input: {
      symptoms: [{ name: 'confused', severity: 5, durationHours: 18, onset: 'sudden' }],
      freeText: 'dad was fine on sunday, since last night hes seeing people in the room who arent there, picking at his clothes and doesnt know where he is',
      age: 86,
      sex: 'male',
      conditions: ['parkinsons'],
    },
    min: 'E',
  },
  {
    id: 'acute-mental-illness-03',
    source: 'coverage',
    category: 'acute-mental-illness',
    description: 'Manic episode: no sleep, rapid speech, reckless, walked into traffic',
    input: {
      symptoms: [{ name: 'hyper', severity: 7, durationHours: 120 }],
      freeText: 'my sister hasnt slept in days, talking a mile a minute, spent thousands, and today she walked out into the road saying cars cant hurt her',
      age: 25,
      sex: 'female',
      conditions: ['bipolar'],
    },
    min: 'E',
  },
  {
    id: 'acute-mental-illness-04',
    source: 'coverage',
    category: 'acute-mental-illness',
    description: 'Wife behaving strangely since yesterday, not recognising her husband',
    input: {
      symptoms: [{ name: 'acting strange', severity: 5, durationHours: 24 }],
      freeText: "my wife's behaving really strangely since yesterday, she doesnt recognise me and keeps saying im an imposter",
      age: 61,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'acute-mental-illness-05',
    source: 'coverage',
    category: 'acute-mental-illness',
    description: 'Woman one week postpartum with bizarre beliefs about her baby (postpartum psychosis)',
    input: {
      symptoms: [{ name: 'not herself', severity: 6, durationHours: 48 }],
      freeText: 'my partner had our baby last week. last 2 days she barely sleeps, says the baby is possessed and talks to the TV',
      age: 27,
      sex: 'female',
      pregnant: false,
    },
    min: 'E',
  },

  // ─── palpitations ───────────────────────────────────────────────────────────────────────────
  // NHS / MTS "Palpitations": palpitations with chest pain, fainting or breathlessness are a 999
  // call; a sustained fast rate (e.g. over 150) or fast irregular rhythm for hours needs an ECG in
  // an emergency department now.
  {
    id: 'palpitations-01',
    source: 'coverage',
    category: 'palpitations',
    description: 'Heart rate 180 with chest pain',
    input: {
      symptoms: [
        { name: 'heart racing', severity: 7, durationHours: 1, onset: 'sudden' },
        { name: 'chest pain', severity: 5 },
      ],
      freeText: "watch says my heart is 180 and i've got pain in my chest, just sat on the sofa",
      age: 44,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'palpitations-02',
    source: 'coverage',
    category: 'palpitations',
    description: 'Palpitations followed by a faint',
    input: {
      symptoms: [{ name: 'pounding heart', severity: 5, durationHours: 0.5 }],
      freeText: 'my heart started pounding and fluttering, then i blacked out for a few seconds. still feel it thudding',
      age: 59,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'palpitations-03',
    source: 'coverage',
    category: 'palpitations',
    description: 'Fast irregular heartbeat for 4 hours with breathlessness (new AF)',
    input: {
      symptoms: [
        { name: 'heart all over the place', severity: 5, durationHours: 4 },
        { name: 'bit breathless', severity: 3 },
      ],
      freeText: 'heart beating fast and irregular for 4 hours, like a drum solo. a bit out of breath',
      age: 71,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'palpitations-04',
    source: 'coverage',
    category: 'palpitations',
    description: 'Known SVT not terminating after vagal manoeuvres for 2 hours',
    input: {
      symptoms: [{ name: 'svt', severity: 5, durationHours: 2, onset: 'sudden' }],
      freeText: 'i get svt, normally it stops with the syringe blowing trick but its been 2 hours at about 190 and not stopping',
      age: 31,
      sex: 'female',
      conditions: ['SVT'],
    },
    min: 'E',
  },

  // ─── unwell-baby ────────────────────────────────────────────────────────────────────────────
  // NICE NG143 red features in infants: floppy, not feeding, grunting, bulging fontanelle, weak or
  // continuous high-pitched cry, not waking, or a jaundiced sleepy newborn need emergency care now;
  // grunting or floppiness is a 999 call.
  {
    id: 'unwell-baby-01',
    source: 'coverage',
    category: 'unwell-baby',
    description: 'Floppy infant not feeding',
    input: {
      symptoms: [{ name: 'not feeding', severity: 5, durationHours: 8 }],
      freeText: 'my 2 month old is really floppy like a rag doll and hasnt fed since this morning',
      age: 0,
      sex: 'female',
    },
    min: 'A',
  },
  {
    id: 'unwell-baby-02',
    source: 'coverage',
    category: 'unwell-baby',
    description: 'Infant with grunting breathing',
    input: {
      symptoms: [{ name: 'noisy breathing', severity: 4, durationHours: 3 }],
      freeText: 'baby 5 weeks old, every breath he makes a little grunt and his tummy is going in and out fast',
      age: 0,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'unwell-baby-03',
    source: 'coverage',
    category: 'unwell-baby',
    description: 'Infant with bulging fontanelle and vomiting',
    input: {
      symptoms: [{ name: 'being sick', severity: 4, durationHours: 10 }],
      freeText: '4 month old being sick a lot today and the soft spot on top of her head is raised and tense, not her normal',
      age: 0,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'unwell-baby-04',
    source: 'coverage',
    category: 'unwell-baby',
    description: 'Non-stop high-pitched crying in an infant',
    input: {
      symptoms: [{ name: 'crying', severity: 6, durationHours: 4 }],
      freeText: '3 month old has been screaming non stop for 4 hours, a weird high pitched cry ive never heard before, nothing settles him',
      age: 0,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'unwell-baby-05',
    source: 'coverage',
    category: 'unwell-baby',
    description: 'Three-week-old jaundiced, sleepy, not waking for feeds',
    input: {
      symptoms: [
        { name: 'yellow skin', severity: 3, durationHours: 200 },
        { name: 'sleepy', severity: 4 },
      ],
      freeText: '3 wks old, still yellow, even the whites of her eyes, and so sleepy i have to wake her for feeds and she doesnt finish them. poo is pale',
      age: 0,
      sex: 'female',
    },
    min: 'E',
  },

  // ─── dvt-pe ─────────────────────────────────────────────────────────────────────────────────
  // NICE NG158 / NHS DVT: a swollen painful calf with risk factors needs same-day assessment (Wells
  // score, D-dimer, scan within 24 h with interim anticoagulation); breathlessness, pleuritic chest
  // pain or haemoptysis (possible PE) is a 999 call.
  {
    id: 'dvt-pe-01',
    source: 'coverage',
    category: 'dvt-pe',
    description: 'Swollen red calf after a long-haul flight',
    input: {
      symptoms: [{ name: 'calf pain', severity: 4, durationHours: 48, onset: 'gradual' }],
      freeText: 'flew back from australia 3 days ago. left calf is swollen, red and tender, hurts more when i walk. breathing is fine',
      age: 54,
      sex: 'female',
    },
    min: 'U',
  },
  {
    id: 'dvt-pe-02',
    source: 'coverage',
    category: 'dvt-pe',
    description: 'Swollen leg then sudden breathlessness and pleuritic chest pain (PE)',
    input: {
      symptoms: [
        { name: 'leg swollen', severity: 3, durationHours: 96 },
        { name: 'out of breath', severity: 7, durationHours: 1, onset: 'sudden' },
      ],
      freeText: 'leg has been swollen for a few days, i ignored it. now all of a sudden im breathless and a sharp pain in my chest when i breathe in',
      age: 47,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'dvt-pe-03',
    source: 'coverage',
    category: 'dvt-pe',
    description: 'Postpartum woman coughing blood and breathless',
    input: {
      symptoms: [
        { name: 'coughing blood', severity: 5, durationHours: 3 },
        { name: 'breathless', severity: 5 },
      ],
      freeText: 'had a c section 2 weeks ago, now coughing up bits of blood and out of breath walking to the bathroom',
      age: 33,
      sex: 'female',
      pregnant: false,
    },
    min: 'A',
  },
  {
    id: 'dvt-pe-04',
    source: 'coverage',
    category: 'dvt-pe',
    description: 'On the combined pill: calf pain and swelling for 3 days',
    input: {
      symptoms: [{ name: 'sore calf', severity: 3, durationHours: 72 }],
      freeText: 'on the pill, right calf aching and puffier than the left for 3 days, no injury i can think of',
      age: 27,
      sex: 'female',
      conditions: ['combined contraceptive pill'],
    },
    min: 'U',
  },

  // ─── dental-swelling ────────────────────────────────────────────────────────────────────────
  // NHS / SDCEP dental emergencies: facial swelling spreading to the eye or neck, trismus or
  // difficulty swallowing needs emergency (hospital) care now; swelling with breathing difficulty is
  // a 999 call; a localised abscess with fever can be seen by an urgent dentist within 24 h.
  {
    id: 'dental-swelling-01',
    source: 'coverage',
    category: 'dental-swelling',
    description: 'Dental abscess with swelling spreading to the eye and fever',
    input: {
      symptoms: [
        { name: 'toothache', severity: 7, durationHours: 96 },
        { name: 'swollen face', severity: 6, durationHours: 24 },
      ],
      freeText: 'bad tooth at the top for days, now my cheek has swelled right up to my eye and its closing, feel hot and shivery',
      age: 36,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'dental-swelling-02',
    source: 'coverage',
    category: 'dental-swelling',
    description: 'Swelling under the jaw, unable to open mouth, difficulty swallowing',
    input: {
      symptoms: [{ name: 'wisdom tooth pain', severity: 6, durationHours: 72 }],
      freeText: 'wisdom tooth infection, swelling under my jaw going down my neck, can only open my mouth a finger width and it hurts to swallow',
      age: 24,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'dental-swelling-03',
    source: 'coverage',
    category: 'dental-swelling',
    description: 'Dental swelling under tongue and neck with breathing difficulty (Ludwig angina)',
    input: {
      symptoms: [{ name: 'swollen neck', severity: 7, durationHours: 24 }],
      freeText: 'tooth infection, now under my tongue and the front of my neck is swollen hard, tongue pushed up, struggling to breathe and talk',
      age: 52,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'dental-swelling-04',
    source: 'coverage',
    category: 'dental-swelling',
    description: 'Localised gum abscess with mild fever, no spreading swelling',
    input: {
      symptoms: [{ name: 'gum abscess', severity: 5, durationHours: 48 }],
      freeText: 'lump on my gum above a back tooth with pus, throbbing, temp 37.9. face not swollen, swallowing fine',
      age: 31,
      sex: 'female',
    },
    min: 'U',
  },

  // ════════════════════════════════════════════════════════════════════════════════════════════
  // Non-urgent cases (over-triage). Long durations are deliberate: a stable, harmless complaint
  // must not become urgent through its duration alone. `max` is C where a routine appointment is a
  // reasonable next step, S where the standard disposes to self-care / pharmacy only.
  // ════════════════════════════════════════════════════════════════════════════════════════════

  // ─── skin-chronic ───────────────────────────────────────────────────────────────────────────
  // NHS / NICE CKS eczema, acne, psoriasis, warts: long-standing stable skin conditions are managed
  // with self-care or pharmacy, and a routine GP appointment if treatment is not working; none has a
  // feature that makes it urgent.
  {
    id: 'skin-chronic-01',
    source: 'coverage',
    category: 'skin-chronic',
    description: 'Hand eczema for 3 years, dry and cracked, partly helped by emollients',
    input: {
      symptoms: [{ name: 'eczema on hands', severity: 4, durationHours: 26280, onset: 'gradual' }],
      freeText: 'had eczema on my hands for about 3 years, dry and cracked especially in winter. moisturiser helps a bit. any other ideas?',
      age: 32,
      sex: 'female',
      conditions: ['eczema'],
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'skin-chronic-02',
    source: 'coverage',
    category: 'skin-chronic',
    description: 'Teenage acne for 2 years on face and back',
    input: {
      symptoms: [{ name: 'spots', severity: 3, durationHours: 17520 }],
      freeText: 'spots on my face and back for like 2 years, tried the stuff from boots. its getting me down a bit',
      age: 17,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'skin-chronic-03',
    source: 'coverage',
    category: 'skin-chronic',
    description: 'Known psoriasis, elbow plaques flaring for 2 months',
    input: {
      symptoms: [{ name: 'psoriasis flare', severity: 3, durationHours: 1460 }],
      freeText: 'my psoriasis on my elbows and knees has been worse for a couple of months, scaly and itchy. no joint pains. cream running out',
      age: 44,
      sex: 'male',
      conditions: ['psoriasis'],
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'skin-chronic-04',
    source: 'coverage',
    category: 'skin-chronic',
    description: 'Common wart on a finger for 6 months',
    input: {
      symptoms: [{ name: 'wart on finger', severity: 1, durationHours: 4380 }],
      freeText: 'wart on my finger for about 6 months, doesnt hurt, just annoying. tried freezing spray once',
      age: 26,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'skin-chronic-05',
    source: 'coverage',
    category: 'skin-chronic',
    description: 'Eight-month-old with dry eczema patches on cheeks for 6 weeks, thriving',
    input: {
      symptoms: [{ name: 'dry red cheeks', severity: 2, durationHours: 1000 }],
      freeText: 'my 8 month old has dry rough red patches on his cheeks and in his elbow creases for about 6 weeks. feeding well, happy, no temperature',
      age: 0,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'skin-chronic-06',
    source: 'coverage',
    category: 'skin-chronic',
    description: 'Verruca on the sole of the foot in a child for months',
    input: {
      symptoms: [{ name: 'verruca', severity: 2, durationHours: 2900 }],
      freeText: 'my daughter has had a verruca on the bottom of her foot for about 4 months, she can still do swimming with a sock',
      age: 10,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },

  // ─── scalp ──────────────────────────────────────────────────────────────────────────────────
  // NHS dandruff / seborrhoeic dermatitis / head lice / cradle cap: self-care and pharmacy; hair
  // thinning and hair loss are for a routine GP appointment at most.
  {
    id: 'scalp-01',
    source: 'coverage',
    category: 'scalp',
    description: 'Dandruff for years',
    input: {
      symptoms: [{ name: 'dandruff', severity: 2, durationHours: 43800 }],
      freeText: 'had dandruff for years, white flakes on my shoulders, embarrassing at work. what shampoo actually works',
      age: 29,
      sex: 'male',
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'scalp-02',
    source: 'coverage',
    category: 'scalp',
    description: 'Itchy flaky scalp for several weeks (seborrhoeic dermatitis)',
    input: {
      symptoms: [{ name: 'itchy flaky scalp', severity: 3, durationHours: 840, onset: 'gradual' }],
      freeText: 'itchy flaky scalp for about 5 weeks, a bit greasy with yellowish flakes, also round my eyebrows. no hair falling out',
      age: 38,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'scalp-03',
    source: 'coverage',
    category: 'scalp',
    description: 'Gradual hair thinning over a year in a middle-aged woman',
    input: {
      symptoms: [{ name: 'hair thinning', severity: 3, durationHours: 8760, onset: 'gradual' }],
      freeText: 'my hair has been getting thinner on top over the last year, ponytail much thinner. otherwise well, periods getting irregular',
      age: 49,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'scalp-04',
    source: 'coverage',
    category: 'scalp',
    description: 'Cradle cap in a two-month-old',
    input: {
      symptoms: [{ name: 'cradle cap', severity: 1, durationHours: 500 }],
      freeText: '2 month old has crusty yellow scales on his head for a few weeks, doesnt seem to bother him. feeding and sleeping normally',
      age: 0,
      sex: 'male',
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'scalp-05',
    source: 'coverage',
    category: 'scalp',
    description: 'Receding hairline in a young man (male-pattern hair loss)',
    input: {
      symptoms: [{ name: 'hair loss', severity: 2, durationHours: 17520, onset: 'gradual' }],
      freeText: 'hairline receding at the temples for a couple of years, my dad went bald. can i get anything for it',
      age: 28,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'scalp-06',
    source: 'coverage',
    category: 'scalp',
    description: 'Head lice in a school-age child',
    input: {
      symptoms: [{ name: 'itchy head', severity: 3, durationHours: 168 }],
      freeText: 'school letter about nits and now ive found live lice in my daughters hair, shes been scratching all week',
      age: 7,
      sex: 'female',
    },
    min: 'S',
    max: 'S',
  },

  // ─── musculoskeletal-minor ──────────────────────────────────────────────────────────────────
  // NICE NG59 / CKS: non-specific low back pain, osteoarthritic stiffness, shoulder and elbow
  // tendinopathy without red flags are managed with self-care and activity, routine GP or physio if
  // not settling.
  {
    id: 'musculoskeletal-minor-01',
    source: 'coverage',
    category: 'musculoskeletal-minor',
    description: 'Mild low back ache after gardening a week ago, improving, no red flags',
    input: {
      symptoms: [{ name: 'back ache', severity: 3, durationHours: 168, onset: 'gradual' }],
      freeText: 'did a lot of digging last weekend and my lower back has ached since. getting a bit better each day. no numbness, legs fine, peeing normally',
      age: 52,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'musculoskeletal-minor-02',
    source: 'coverage',
    category: 'musculoskeletal-minor',
    description: 'Stiff knee in the mornings for months (osteoarthritis)',
    input: {
      symptoms: [{ name: 'stiff knee', severity: 3, durationHours: 4380, onset: 'gradual' }],
      freeText: 'my right knee is stiff first thing for months, loosens up after 10 mins walking. creaks on the stairs. no swelling or redness',
      age: 63,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'musculoskeletal-minor-03',
    source: 'coverage',
    category: 'musculoskeletal-minor',
    description: 'Sore shoulder for 3 weeks after painting a ceiling',
    input: {
      symptoms: [{ name: 'sore shoulder', severity: 3, durationHours: 504 }],
      freeText: 'painted the ceiling 3 weeks ago and my shoulder still aches lifting my arm above my head. fine otherwise',
      age: 46,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'musculoskeletal-minor-04',
    source: 'coverage',
    category: 'musculoskeletal-minor',
    description: 'Tennis elbow for 2 months',
    input: {
      symptoms: [{ name: 'elbow pain', severity: 4, durationHours: 1460 }],
      freeText: 'outside of my elbow hurts when i grip things or lift the kettle, about 2 months. i use a mouse all day',
      age: 41,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'musculoskeletal-minor-05',
    source: 'coverage',
    category: 'musculoskeletal-minor',
    description: 'Stiff neck after sleeping awkwardly, no fever',
    input: {
      symptoms: [{ name: 'stiff neck', severity: 3, durationHours: 36 }],
      freeText: 'slept funny and woke up with a crick in my neck, cant turn my head fully to the left. no temperature, no headache, just sore',
      age: 35,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'musculoskeletal-minor-06',
    source: 'coverage',
    category: 'musculoskeletal-minor',
    description: 'Heel pain first thing in the morning for 4 months (plantar fasciitis)',
    input: {
      symptoms: [{ name: 'heel pain', severity: 4, durationHours: 2900, onset: 'gradual' }],
      freeText: 'bottom of my heel is agony for the first few steps in the morning then eases off, been like this for 4 months',
      age: 50,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },

  // ─── respiratory-minor ──────────────────────────────────────────────────────────────────────
  // NHS / NICE NG120 and CKS: colds, post-viral cough under 3 weeks, sinusitis under 10 days and
  // hay fever in well people are self-care / pharmacy; a routine GP visit at most where treatment is
  // not working.
  {
    id: 'respiratory-minor-01',
    source: 'coverage',
    category: 'respiratory-minor',
    description: 'Common cold with blocked nose for 3 days',
    input: {
      symptoms: [
        { name: 'blocked nose', severity: 3, durationHours: 72 },
        { name: 'sneezing', severity: 2 },
      ],
      freeText: 'stinking cold, blocked nose and sneezing for 3 days, bit of a sore throat. eating and drinking fine',
      age: 30,
      sex: 'male',
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'respiratory-minor-02',
    source: 'coverage',
    category: 'respiratory-minor',
    description: 'Mild cough for 5 days after a cold, no breathlessness',
    input: {
      symptoms: [{ name: 'cough', severity: 3, durationHours: 120 }],
      freeText: 'tickly cough for 5 days after a cold. no shortness of breath, no chest pain, no temp. just annoying at night',
      age: 45,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'respiratory-minor-03',
    source: 'coverage',
    category: 'respiratory-minor',
    description: 'Hay fever every summer for 10 years',
    input: {
      symptoms: [
        { name: 'hay fever', severity: 4, durationHours: 336 },
        { name: 'itchy eyes', severity: 3 },
      ],
      freeText: 'get hay fever every summer for about 10 years, sneezing and itchy eyes. the cheap antihistamines arent cutting it this year',
      age: 24,
      sex: 'female',
      conditions: ['hay fever'],
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'respiratory-minor-04',
    source: 'coverage',
    category: 'respiratory-minor',
    description: 'Four-year-old with a runny green nose, playing normally',
    input: {
      symptoms: [{ name: 'snotty nose', severity: 2, durationHours: 120 }],
      freeText: 'my 4 year old has had green snot for 5 days, bit of a cough. running around, eating fine, no temperature',
      age: 4,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'respiratory-minor-05',
    source: 'coverage',
    category: 'respiratory-minor',
    description: 'Blocked sinuses and facial pressure for 6 days',
    input: {
      symptoms: [{ name: 'sinus pressure', severity: 4, durationHours: 144 }],
      freeText: 'blocked up and pressure over my cheeks when i bend over, since a cold last week. no swelling round my eyes',
      age: 39,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'respiratory-minor-06',
    source: 'coverage',
    category: 'respiratory-minor',
    description: 'Nocturnal tickly cough for 2 weeks in a well non-smoker',
    input: {
      symptoms: [{ name: 'tickly cough at night', severity: 2, durationHours: 336 }],
      freeText: 'had a tickle in my throat making me cough at night for 2 weeks. no phlegm, no blood, feel well otherwise. dont smoke',
      age: 30,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },

  // ─── ent-minor ──────────────────────────────────────────────────────────────────────────────
  // NHS / NICE NG84 and CKS: earwax, mild sore throat (FeverPAIN 0-1), otitis externa and a child's
  // earache without fever are self-care or pharmacy; long-standing unchanged tinnitus is a routine
  // appointment at most.
  {
    id: 'ent-minor-01',
    source: 'coverage',
    category: 'ent-minor',
    description: 'Ear blocked with wax for 2 weeks',
    input: {
      symptoms: [{ name: 'blocked ear', severity: 3, durationHours: 336 }],
      freeText: 'right ear feels blocked and muffled for a couple of weeks, i always get wax. no pain, no discharge',
      age: 67,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'ent-minor-02',
    source: 'coverage',
    category: 'ent-minor',
    description: 'Mild sore throat for 2 days, eating and drinking normally',
    input: {
      symptoms: [{ name: 'sore throat', severity: 3, durationHours: 48 }],
      freeText: 'scratchy sore throat 2 days, eating and drinking ok, no temperature',
      age: 22,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'ent-minor-03',
    source: 'coverage',
    category: 'ent-minor',
    description: 'Long-standing bilateral tinnitus, unchanged for years',
    input: {
      symptoms: [{ name: 'ringing in ears', severity: 2, durationHours: 43800 }],
      freeText: 'had ringing in both ears for about 5 years since going to loads of gigs. hasnt changed, just noticed it more lately when its quiet',
      age: 42,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'ent-minor-04',
    source: 'coverage',
    category: 'ent-minor',
    description: 'Itchy ear after swimming (mild otitis externa)',
    input: {
      symptoms: [{ name: 'itchy ear', severity: 3, durationHours: 96 }],
      freeText: 'swimmers ear i think, itchy and a bit sore when i pull the earlobe since my holiday. hearing fine',
      age: 19,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'ent-minor-05',
    source: 'coverage',
    category: 'ent-minor',
    description: 'Seven-year-old with earache for a day, no fever, playing',
    input: {
      symptoms: [{ name: 'ear ache', severity: 4, durationHours: 20 }],
      freeText: 'my 7 year old says her ear hurts since last night, had calpol and shes playing and eating fine. no temperature',
      age: 7,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },

  // ─── gut-minor ──────────────────────────────────────────────────────────────────────────────
  // NICE CG184 / CKS: dyspepsia in someone under 55 without alarm features, simple constipation,
  // a single vomit and short-lived diarrhoea in a well adult are self-care; a routine GP appointment
  // if persistent.
  {
    id: 'gut-minor-01',
    source: 'coverage',
    category: 'gut-minor',
    description: 'Mild heartburn after big meals for months, under 55, no alarm features',
    input: {
      symptoms: [{ name: 'heartburn', severity: 3, durationHours: 2900 }],
      freeText: 'heartburn after big meals and curry for a few months, rennie helps. no trouble swallowing, no weight loss, no black poo',
      age: 30,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'gut-minor-02',
    source: 'coverage',
    category: 'gut-minor',
    description: 'Constipated for 5 days, otherwise well',
    input: {
      symptoms: [{ name: 'constipation', severity: 3, durationHours: 120 }],
      freeText: 'havent been for a poo for 5 days, bit bloated. passing wind fine, not being sick',
      age: 40,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'gut-minor-03',
    source: 'coverage',
    category: 'gut-minor',
    description: 'Vomited once after a late takeaway, fine now',
    input: {
      symptoms: [{ name: 'vomited', severity: 2, durationHours: 8 }],
      freeText: 'threw up once last night after a dodgy kebab, feel fine this morning, had some toast',
      age: 27,
      sex: 'male',
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'gut-minor-04',
    source: 'coverage',
    category: 'gut-minor',
    description: 'Bloating after dairy for months',
    input: {
      symptoms: [{ name: 'bloating', severity: 3, durationHours: 4380, onset: 'gradual' }],
      freeText: 'get bloated and windy after milk or ice cream for ages, maybe 6 months. wondering if im lactose intolerant',
      age: 33,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'gut-minor-05',
    source: 'coverage',
    category: 'gut-minor',
    description: 'Six-year-old with recurrent mild tummy aches before school, growing and eating well',
    input: {
      symptoms: [{ name: 'tummy ache', severity: 2, durationHours: 2000 }],
      freeText: 'my son gets tummy aches most school mornings for a few months, goes away by lunch. eating loads, growing, normal poos, no vomiting',
      age: 6,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'gut-minor-06',
    source: 'coverage',
    category: 'gut-minor',
    description: 'Diarrhoea for one day in a well adult, drinking fine',
    input: {
      symptoms: [{ name: 'diarrhea', severity: 3, durationHours: 24 }],
      freeText: 'runs since yesterday, 4 times. drinking plenty, no blood, no temp. think its something i ate',
      age: 35,
      sex: 'female',
    },
    min: 'S',
    max: 'S',
  },

  // ─── minor-injury ───────────────────────────────────────────────────────────────────────────
  // NHS burns, cuts, bruises, insect bites and stings: small superficial injuries without spreading
  // redness, numbness or deep wounds are self-care (first aid).
  {
    id: 'minor-injury-01',
    source: 'coverage',
    category: 'minor-injury',
    description: 'Small superficial kitchen burn on a finger, no blister',
    input: {
      symptoms: [{ name: 'burnt finger', severity: 3, durationHours: 0.5, onset: 'sudden' }],
      freeText: 'touched the hot pan, small red patch on my fingertip, no blister. had it under the cold tap',
      age: 34,
      sex: 'female',
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'minor-injury-02',
    source: 'coverage',
    category: 'minor-injury',
    description: 'Paper cut',
    input: {
      symptoms: [{ name: 'paper cut', severity: 2, durationHours: 1, onset: 'sudden' }],
      freeText: 'paper cut on my finger from an envelope, stings like mad but stopped bleeding',
      age: 28,
      sex: 'male',
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'minor-injury-03',
    source: 'coverage',
    category: 'minor-injury',
    description: 'Bruise on shin from the coffee table',
    input: {
      symptoms: [{ name: 'bruise', severity: 2, durationHours: 48 }],
      freeText: 'walked into the coffee table, big purple bruise on my shin. walking fine',
      age: 45,
      sex: 'female',
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'minor-injury-04',
    source: 'coverage',
    category: 'minor-injury',
    description: 'Local insect bite with small itchy swelling',
    input: {
      symptoms: [{ name: 'insect bite', severity: 2, durationHours: 12 }],
      freeText: 'bitten by something in the garden, little red itchy lump on my arm about the size of a 10p. no other symptoms',
      age: 38,
      sex: 'male',
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'minor-injury-05',
    source: 'coverage',
    category: 'minor-injury',
    description: "Nettle sting on a child's legs",
    input: {
      symptoms: [{ name: 'nettle rash', severity: 2, durationHours: 1 }],
      freeText: 'he fell in a patch of nettles, little white bumps on his legs, crying because it stings. otherwise fine',
      age: 5,
      sex: 'male',
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'minor-injury-06',
    source: 'coverage',
    category: 'minor-injury',
    description: 'Stubbed toe, bruised, walking normally',
    input: {
      symptoms: [{ name: 'stubbed toe', severity: 3, durationHours: 24 }],
      freeText: 'stubbed my little toe on the door last night, bit bruised and sore but i can walk on it fine',
      age: 31,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'minor-injury-07',
    source: 'coverage',
    category: 'minor-injury',
    description: 'Splinter in the palm',
    input: {
      symptoms: [{ name: 'splinter', severity: 2, durationHours: 3 }],
      freeText: 'got a wood splinter in my palm from the fence, can see the end of it',
      age: 55,
      sex: 'male',
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'minor-injury-08',
    source: 'coverage',
    category: 'minor-injury',
    description: 'Small knife cut on a finger, bleeding stopped, edges together',
    input: {
      symptoms: [{ name: 'cut finger', severity: 2, durationHours: 0.5, onset: 'sudden' }],
      freeText: 'nicked my finger chopping onions, small cut, stopped bleeding after pressing on it, edges stay together. can move and feel it fine',
      age: 40,
      sex: 'female',
    },
    min: 'S',
    max: 'S',
  },

  // ─── eye-minor ──────────────────────────────────────────────────────────────────────────────
  // NHS / CKS: sticky eye (infective conjunctivitis), stye, dry eyes and allergic itchy eyes with
  // normal vision and no pain are self-care / pharmacy; long-standing unchanged floaters are benign
  // (a routine optician check at most).
  {
    id: 'eye-minor-01',
    source: 'coverage',
    category: 'eye-minor',
    description: 'Three-year-old with a sticky red eye (conjunctivitis)',
    input: {
      symptoms: [{ name: 'sticky eye', severity: 2, durationHours: 36 }],
      freeText: 'her eye was stuck shut with yellow gunk this morning, bit pink. not bothering her, playing normally',
      age: 3,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'eye-minor-02',
    source: 'coverage',
    category: 'eye-minor',
    description: 'Stye on the eyelid',
    input: {
      symptoms: [{ name: 'stye', severity: 2, durationHours: 72 }],
      freeText: 'little red lump on the edge of my eyelid, sore to touch, vision fine',
      age: 24,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'eye-minor-03',
    source: 'coverage',
    category: 'eye-minor',
    description: 'Dry gritty eyes from screen work for years',
    input: {
      symptoms: [{ name: 'dry eyes', severity: 3, durationHours: 17520 }],
      freeText: 'eyes feel dry and gritty by the end of the work day, been like this a couple of years, computer job. vision ok',
      age: 44,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'eye-minor-04',
    source: 'coverage',
    category: 'eye-minor',
    description: 'Itchy watery eyes in hay fever season',
    input: {
      symptoms: [{ name: 'itchy eyes', severity: 3, durationHours: 240 }],
      freeText: 'itchy watery eyes with the pollen, every spring. no pain, can see fine',
      age: 15,
      sex: 'male',
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'eye-minor-05',
    source: 'coverage',
    category: 'eye-minor',
    description: 'Long-standing floaters unchanged for years, no flashes or shadow',
    input: {
      symptoms: [{ name: 'floaters', severity: 1, durationHours: 43800 }],
      freeText: 'ive had a few little squiggly floaters for years, they havent changed. no flashes, no shadow, just noticed them against the sky and wondered',
      age: 36,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },

  // ─── mouth ──────────────────────────────────────────────────────────────────────────────────
  // NHS / CKS: a mouth ulcer under 3 weeks, cold sores, teething and bleeding gums are self-care,
  // pharmacy or a routine dentist visit.
  {
    id: 'mouth-01',
    source: 'coverage',
    category: 'mouth',
    description: 'Mouth ulcer for 4 days',
    input: {
      symptoms: [{ name: 'mouth ulcer', severity: 3, durationHours: 96 }],
      freeText: 'painful ulcer on the inside of my cheek, think i bit it. 4 days',
      age: 29,
      sex: 'female',
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'mouth-02',
    source: 'coverage',
    category: 'mouth',
    description: 'Cold sore starting on the lip',
    input: {
      symptoms: [{ name: 'cold sore', severity: 2, durationHours: 12 }],
      freeText: 'tingly lip, cold sore coming again, i get them a couple of times a year',
      age: 33,
      sex: 'male',
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'mouth-03',
    source: 'coverage',
    category: 'mouth',
    description: 'Gums bleed when brushing for months',
    input: {
      symptoms: [{ name: 'bleeding gums', severity: 2, durationHours: 2000 }],
      freeText: 'gums bleed a bit when i brush for a few months, havent been to the dentist in ages. no other bleeding or bruising',
      age: 37,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'mouth-04',
    source: 'coverage',
    category: 'mouth',
    description: 'Map-like patches on the tongue for years (geographic tongue)',
    input: {
      symptoms: [{ name: 'patchy tongue', severity: 1, durationHours: 26280 }],
      freeText: 'my tongue has smooth red patches like a map that move around, had it for years. sometimes stings with spicy food',
      age: 40,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'mouth-05',
    source: 'coverage',
    category: 'mouth',
    description: 'Six-month-old teething: dribbling, chewing, red cheek',
    input: {
      symptoms: [{ name: 'teething', severity: 3, durationHours: 96 }],
      freeText: '6 month old, dribbling loads, chewing everything and one red cheek, bit grumpy. feeding fine, no temperature',
      age: 0,
      sex: 'female',
    },
    min: 'S',
    max: 'S',
  },

  // ─── period-pain ────────────────────────────────────────────────────────────────────────────
  // NHS / CKS dysmenorrhoea: cramping period pain relieved by simple analgesia is self-care; a
  // routine GP appointment if it stops normal life (possible endometriosis).
  {
    id: 'period-pain-01',
    source: 'coverage',
    category: 'period-pain',
    description: 'Teenager with day-one period cramps, as every month',
    input: {
      symptoms: [{ name: 'period pain', severity: 5, durationHours: 6 }],
      freeText: 'period started this morning, cramps like every month. hot water bottle helps a bit',
      age: 16,
      sex: 'female',
      pregnant: false,
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'period-pain-02',
    source: 'coverage',
    category: 'period-pain',
    description: 'Painful periods for years helped by ibuprofen',
    input: {
      symptoms: [{ name: 'cramps', severity: 4, durationHours: 48 }],
      freeText: 'ive had painful periods for years, first 2 days are rough but ibuprofen sorts it. just wondering if theres anything better',
      age: 25,
      sex: 'female',
      pregnant: false,
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'period-pain-03',
    source: 'coverage',
    category: 'period-pain',
    description: 'Period pain with slightly heavier periods over a few months, no dizziness',
    input: {
      symptoms: [{ name: 'period pain', severity: 4, durationHours: 24 }],
      freeText: 'periods a bit heavier and crampier the last few months, changing pad every 3-4 hours, no flooding, no dizziness, no bleeding between',
      age: 34,
      sex: 'female',
      pregnant: false,
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'period-pain-04',
    source: 'coverage',
    category: 'period-pain',
    description: "Mother asking about her 14-year-old daughter's cramps with early periods",
    input: {
      symptoms: [{ name: 'tummy cramps', severity: 4, durationHours: 10 }],
      freeText: 'my daughter started her periods a few months ago and gets tummy cramps the first day. what can she take',
      age: 14,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'period-pain-05',
    source: 'coverage',
    category: 'period-pain',
    description: 'Mid-cycle one-sided twinge every month (mittelschmerz)',
    input: {
      symptoms: [{ name: 'twinge low down one side', severity: 2, durationHours: 8 }],
      freeText: 'get a little twinge on one side low down mid cycle every month for a day, been happening for ages. not pregnant, period regular',
      age: 29,
      sex: 'female',
      pregnant: false,
    },
    min: 'S',
    max: 'C',
  },

  // ─── headache-mild ──────────────────────────────────────────────────────────────────────────
  // NICE CG150 / CKS headache: tension-type, hangover, caffeine-withdrawal and a known migraine
  // with its usual pattern are self-care; a routine appointment if frequent.
  {
    id: 'headache-mild-01',
    source: 'coverage',
    category: 'headache-mild',
    description: 'Tension headache at the end of workdays for months',
    input: {
      symptoms: [{ name: 'headache', severity: 3, durationHours: 2160, onset: 'gradual' }],
      freeText: 'get a tight band round my head most afternoons at work, been months. goes with paracetamol or a walk. sleeping badly and stressed',
      age: 38,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'headache-mild-02',
    source: 'coverage',
    category: 'headache-mild',
    description: 'Hangover headache',
    input: {
      symptoms: [{ name: 'headache', severity: 4, durationHours: 6 }],
      freeText: 'heavy night out, banging head this morning and a bit queasy. self inflicted i know',
      age: 23,
      sex: 'male',
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'headache-mild-03',
    source: 'coverage',
    category: 'headache-mild',
    description: 'Twelve-year-old with occasional headaches after long screen time',
    input: {
      symptoms: [{ name: 'head ache', severity: 2, durationHours: 3 }],
      freeText: 'my son gets a headache sometimes after hours on his xbox, goes after a drink and a rest. no sickness, not waking him at night',
      age: 12,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'headache-mild-04',
    source: 'coverage',
    category: 'headache-mild',
    description: 'Known migraine, usual attack, responding to usual treatment',
    input: {
      symptoms: [{ name: 'migraine', severity: 5, durationHours: 5 }],
      freeText: 'one of my usual migraines, same as always for 20 years, zig zags then headache. took my sumatriptan and its easing',
      age: 40,
      sex: 'female',
      conditions: ['migraine'],
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'headache-mild-05',
    source: 'coverage',
    category: 'headache-mild',
    description: 'Caffeine-withdrawal headache after stopping coffee',
    input: {
      symptoms: [{ name: 'dull headache', severity: 3, durationHours: 30 }],
      freeText: 'stopped drinking coffee 2 days ago (was on 5 a day), dull headache and tired since',
      age: 36,
      sex: 'male',
    },
    min: 'S',
    max: 'S',
  },

  // ─── sleep-stress ───────────────────────────────────────────────────────────────────────────
  // NICE CKS insomnia / stress: short-term insomnia and stress without risk features are self-care
  // (sleep hygiene), with a routine GP appointment if persisting.
  {
    id: 'sleep-stress-01',
    source: 'coverage',
    category: 'sleep-stress',
    description: 'Trouble sleeping for a week due to work stress',
    input: {
      symptoms: [{ name: 'cant sleep', severity: 4, durationHours: 168 }],
      freeText: 'struggling to get to sleep for about a week, mind racing about a deadline at work. otherwise ok, mood fine',
      age: 31,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'sleep-stress-02',
    source: 'coverage',
    category: 'sleep-stress',
    description: 'Insomnia for several months, waking early',
    input: {
      symptoms: [{ name: 'insomnia', severity: 4, durationHours: 4380 }],
      freeText: 'wake up at 4am most nights for about 6 months and cant get back off. tried no screens and camomile tea. not depressed, just knackered',
      age: 55,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'sleep-stress-03',
    source: 'coverage',
    category: 'sleep-stress',
    description: 'Stressed and tired during exams',
    input: {
      symptoms: [
        { name: 'stressed', severity: 4, durationHours: 500 },
        { name: 'tired', severity: 3 },
      ],
      freeText: 'a levels in 3 weeks, stressed all the time and tired. eating ok. no dark thoughts or anything just fed up',
      age: 17,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'sleep-stress-04',
    source: 'coverage',
    category: 'sleep-stress',
    description: 'Jet lag after a long-haul flight',
    input: {
      symptoms: [{ name: 'jet lag', severity: 3, durationHours: 72 }],
      freeText: 'back from thailand 3 days, wide awake at 3am and falling asleep at my desk. any tips',
      age: 42,
      sex: 'male',
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'sleep-stress-05',
    source: 'coverage',
    category: 'sleep-stress',
    description: 'Loud snoring for years reported by partner, no daytime sleepiness',
    input: {
      symptoms: [{ name: 'snoring', severity: 2, durationHours: 43800 }],
      freeText: 'wife says i snore like a train, been years. i dont feel sleepy in the day. is there anything that helps',
      age: 50,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },

  // ─── worried-well ───────────────────────────────────────────────────────────────────────────
  // No symptom needing care: information, reassurance or a routine appointment at most. Negated
  // alarming words ("no chest pain") must not drive the answer up.
  {
    id: 'worried-well-01',
    source: 'coverage',
    category: 'worried-well',
    description: 'Feels own heartbeat when lying on the left side, no other symptoms',
    input: {
      symptoms: [{ name: 'can feel heartbeat', severity: 1, durationHours: 8760 }],
      freeText:
        'feel fine tbh just wanted to check. when i lie on my left side at night i can hear and feel my heartbeat in my ear. no chest pain, no dizziness, not racing',
      age: 27,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'worried-well-02',
    source: 'coverage',
    category: 'worried-well',
    description: 'Mole unchanged for many years, asking for reassurance',
    input: {
      symptoms: [{ name: 'mole on arm', severity: 1, durationHours: 87600 }],
      freeText: 'had this mole on my arm since i was a kid, it hasnt changed size or colour, doesnt bleed or itch. my friend had skin cancer so just checking',
      age: 35,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'worried-well-03',
    source: 'coverage',
    category: 'worried-well',
    description: 'Medicine question: ibuprofen with blood pressure tablets',
    input: {
      symptoms: [{ name: 'question about tablets', severity: 1 }],
      freeText: 'can i take ibuprofen for a sore knee while im on my blood pressure tablets (amlodipine)? no other problems',
      age: 61,
      sex: 'male',
      conditions: ['high blood pressure'],
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'worried-well-04',
    source: 'coverage',
    category: 'worried-well',
    description: 'Wants a cholesterol check because father had high cholesterol',
    input: {
      symptoms: [{ name: 'no symptoms', severity: 1 }],
      freeText: 'no symptoms, dad has high cholesterol and im 45, should i get mine checked? feel well',
      age: 45,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'worried-well-05',
    source: 'coverage',
    category: 'worried-well',
    description: 'Travel vaccine question before a trip',
    input: {
      symptoms: [{ name: 'travel advice', severity: 1 }],
      freeText: 'going to kenya in 2 months, what jabs do i need and do i need malaria tablets',
      age: 30,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'worried-well-06',
    source: 'coverage',
    category: 'worried-well',
    description: 'Health anxiety about cancer with no symptoms',
    input: {
      symptoms: [{ name: 'worried about cancer', severity: 3, durationHours: 720 }],
      freeText: 'keep googling and convincing myself ive got cancer but i have no actual symptoms, no lumps, weight steady, eating fine. its taking over a bit',
      age: 35,
      sex: 'female',
    },
    min: 'S',
    max: 'C',
  },
  {
    id: 'worried-well-07',
    source: 'coverage',
    category: 'worried-well',
    description: 'Breastfed four-month-old who poos every 3 days, happy and feeding',
    input: {
      symptoms: [{ name: 'infrequent poos', severity: 1, durationHours: 336 }],
      freeText:
        'my 4 month old breastfed baby only poos every 3 days, when it comes its soft and yellow. hes happy, feeding well, lots of wet nappies. is that normal',
      age: 0,
      sex: 'male',
    },
    min: 'S',
    max: 'C',
  },
];
