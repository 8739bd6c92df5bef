import type { ClinicalCase } from './case';

/*
 * Published symptom-checker vignettes, restated as a patient (or parent / carer) would enter them.
 *
 * WHERE EACH SET WAS READ
 * - semigran2015 (45 of 45): the vignette texts and gold triage categories were read from the GitHub
 *   repository medaks/symptomcheck-bench, file triage_bench/vignettes/semigran_vignettes.jsonl
 *   (commit c07f24731cfc23de85f91bdf1b7410279fdf3f0a), which reproduces Supplemental Table 2 of the
 *   BMJ appendix (fields: urgency_level em/ne/sc, correct_diagnosis, case_description; 15 of each).
 *   The appendix itself is stored at https://documents.pub/document/appendix-appendix-this-appendix-includes-more-details-on-study-sample-exclusion.html
 *   and https://info.5y1.org/ahn-doctor-finder_1_92b182.html, but the search tool only returned the
 *   opening paragraph of those pages, so the table rows were taken from the repository file. The case
 *   texts there match the BMJ Best Practice case histories Semigran drew on (e.g. the acute liver
 *   failure case, checked against a stored BMJ Best Practice "case history" page).
 *   Numbering: the appendix does not number the vignettes; 01-45 follow the table's order
 *   (emergent 01-15, non-emergent 16-30, self-care 31-45), which is the order of the file.
 *   Schmieding et al., J Med Internet Res 2022;24(5):e31810 (5-year follow-up) and the Kopka /
 *   Schmieding laypeople studies evaluated "the same 45 case vignettes as the index study", so these
 *   cases stand for that set too; no separate copy is kept.
 *
 * SETS SEARCHED FOR BUT NOT READABLE IN THE STORED MATERIAL (no case here comes from them)
 * - Hill, Sim, Mills, Med J Aust 2020;212(11):514 (48 vignettes): only the abstract (mja.com.au,
 *   PubMed copies) and part of the methods (fliphtml5 copy of the MJA issue) were found. The methods
 *   say the vignettes came from medical resource websites and training material (including Semigran)
 *   and that the panel graded deep vein thrombosis "urgent", not "emergency". The 48 vignettes
 *   (supporting information) were not found. Queries tried: "Hill Med J Aust 2020 symptom checkers 48
 *   vignettes", "mja2.50600 supporting information vignettes", "Appendix to: Hill MG, Sim M, Mills B",
 *   "48 vignettes 12 emergency 12 urgent ...", Edith Cowan / vignette-list wording; code search and
 *   find_string "mja2.50600" (only a literature table and a self-declared "reconstructed" list).
 * - Gilbert et al., BMJ Open 2020 (200 vignettes), El-Osta et al. BMJ Open 2022 / medRxiv 2021
 *   (139 RCGP vignettes): abstracts only (PMC, medRxiv, UCL Discovery); the vignettes are in
 *   supplementary files that are not stored.
 * - Levine et al. 2024 (48 vignettes, GPT-3), Kopka et al. (RepVig / "kopka" set referenced by
 *   medaks/symptomcheck-bench but the file triage_bench/vignettes/kopka_vignettes.jsonl is not
 *   stored), Ceney et al. PLOS ONE 2021, Fraser et al.: not found in the code or page corpora.
 * - NOT USED: a GitHub file titled "Semigran-45 Clinical Vignettes - Reconstructed from published
 *   literature" (condensed cases such as anaphylaxis, DKA, ectopic pregnancy): its cases do not match
 *   the published Semigran vignettes and are not a published set.
 * - NOT USED: medaks/symptomcheck-bench symptomcheck_bench/vignettes/avey_vignettes.jsonl (400
 *   Avey vignettes) carries diagnoses only, no triage gold standard.
 *
 * MAPPING OF GOLD CATEGORIES TO LEVELS
 *   Semigran 2015 (Schmieding 2022 used the same categories): 'emergent' (call an ambulance, go to
 *   the ED, or see a GP immediately) -> min 'E'; 'A' where the person plainly needs an ambulance
 *   (MI, stroke, pulmonary embolism with near-faint, drowsy/confused patient, tetanus with
 *   breathing pauses). 'non-emergent' (see/call a GP, urgent care, specialist) -> min 'C', max 'U'.
 *   'self care' -> min 'S', max 'S'.
 *
 * HOW THE VIGNETTES WERE RESTATED
 *   Main complaints -> structured symptoms with a self-rated severity and a duration from the
 *   vignette; the rest of the history -> plain first-person freeText (parent or carer for children
 *   and for adults who could not type themselves). Examination findings, test results and the
 *   diagnosis are left out of the input (the diagnosis is only in `description`); where the vignette
 *   gives a vital sign a patient could know it is kept as a home reading (thermometer; pulse and
 *   finger oxygen-meter readings in #11 and #12 only, so that the vignette's severity survives). Known pre-existing
 *   conditions go to `conditions`. Durations not given in the vignette are left out.
 *   Words that name a disease and do appear in inputs are history the patient knows, not the
 *   vignette's diagnosis: known asthma (#03, #26) and COPD (#04), a past pneumonia admission (#05),
 *   stopped antimalarial tablets (#09), incomplete tetanus shots (#15), no flu jab (#23), hay fever
 *   and asthma in the history or family (#41); "mouth ulcers" (#38) is the lay name of the symptom.
 *
 * DISAGREEMENTS WITH THE SOURCE'S GOLD LEVEL (kept as published, never lowered; see each case)
 *   semigran2015-05 DVT: Hill 2020's panel called DVT "urgent"; kept at the source's emergent (E).
 *   semigran2015-20 back pain with a new foot drop: non-emergent looks lenient (new motor deficit
 *     usually warrants same-day assessment).
 *   semigran2015-26 child with 5 days' cough and fever despite paracetamol: arguably same-day.
 *   semigran2015-40 5-month-old with blood on the stool: self-care looks lenient for an infant.
 *   semigran2015-45 2-year-old with fever who vomits every drink: self-care is borderline.
 */

export const PUBLISHED_SOURCES: Readonly<Record<string, string>> = {
  semigran2015:
    'Semigran HL, Linder JA, Gidengil C, Mehrotra A. Evaluation of symptom checkers for self diagnosis and triage: audit study. BMJ 2015;351:h3480. Appendix, supplemental table 2 (45 standardized patient vignettes), read from github.com/medaks/symptomcheck-bench triage_bench/vignettes/semigran_vignettes.jsonl. The same 45 vignettes were re-used by Schmieding ML et al., J Med Internet Res 2022;24(5):e31810.',
};

export const PUBLISHED_CASES: readonly ClinicalCase[] = [
  // ───────────── Semigran 2015 · emergent (min E, or A where an ambulance is plainly needed) ─────────────
  {
    id: 'semigran2015-01',
    source: 'semigran2015',
    category: 'poisoning-medicine',
    description:
      'Semigran #01: 48-year-old woman, hours of confusion and drowsiness, yellow eyes, days of extra acetaminophen on top of other painkillers (acute liver failure, acetaminophen poisoning) · gold emergent; A because she is drowsy and disoriented',
    input: {
      symptoms: [
        { name: 'confused and getting very drowsy', severity: 8, durationHours: 6, onset: 'sudden' },
        { name: 'yellow whites of the eyes', severity: 5 },
      ],
      freeText:
        "I'm writing for my wife. I found her this morning muddled and she keeps dozing off, worse over the last few hours. Her eyes look yellow. She takes painkillers all the time, and a few days ago she started taking extra 500 mg acetaminophen (paracetamol) tablets for her lower back. Several of her other medicines also contain acetaminophen.",
      age: 48,
      sex: 'female',
      conditions: ['migraine'],
    },
    min: 'A',
  },
  {
    id: 'semigran2015-02',
    source: 'semigran2015',
    category: 'abdominal-pain',
    description: 'Semigran #02: 12-year-old girl, sudden severe abdominal pain, vomiting, 40 °C, rigid tender belly (appendicitis) · gold emergent',
    input: {
      symptoms: [
        { name: 'severe tummy pain all over', severity: 9, onset: 'sudden' },
        { name: 'vomiting', severity: 6 },
        { name: 'diarrhoea', severity: 4 },
        { name: 'high fever', severity: 8 },
      ],
      freeText:
        "My daughter's tummy pain came on suddenly and it's really bad, all over. She feels sick, has been throwing up and has diarrhoea. Her temperature is 40 °C. Her tummy feels hard and she can't bear me touching it. She looks really ill.",
      age: 12,
      sex: 'female',
    },
    min: 'E',
  },
  {
    id: 'semigran2015-03',
    source: 'semigran2015',
    category: 'asthma',
    description:
      'Semigran #03: 27-year-old woman with asthma, 3 days of worsening breathlessness and wheeze, reliever not helping (acute asthma exacerbation) · gold emergent',
    input: {
      symptoms: [
        { name: 'short of breath', severity: 7, durationHours: 72, onset: 'gradual' },
        { name: 'wheezing', severity: 6, durationHours: 72 },
        { name: 'cough', severity: 5, durationHours: 72 },
      ],
      freeText:
        "My breathing has got steadily worse over 3 days after I was around someone with a runny nose and a hacking cough. I'm using my blue reliever inhaler much more but it's barely helping. I take my steroid inhaler and montelukast every day as prescribed. The cough wakes me at night and I'm falling asleep at work.",
      age: 27,
      sex: 'female',
      conditions: ['asthma'],
    },
    min: 'E',
  },
  {
    id: 'semigran2015-04',
    source: 'semigran2015',
    category: 'copd-exacerbation',
    description:
      'Semigran #04: 67-year-old woman with COPD, 3 days of worse breathlessness, green sputum, low fever, more rescue inhaler (severe COPD exacerbation) · gold emergent',
    input: {
      symptoms: [
        { name: 'more short of breath than usual', severity: 7, durationHours: 72, onset: 'gradual' },
        { name: 'coughing up green phlegm', severity: 6, durationHours: 72 },
        { name: 'low fever', severity: 3, durationHours: 72 },
      ],
      freeText:
        "For 3 days my breathing has been getting worse and I'm coughing much more; the phlegm has turned green. My temperature goes up to about 37.7 °C on and off. I've no appetite. I've needed my rescue inhaler a lot more on top of my usual inhalers. I have smoked heavily for most of my life (about 100 pack-years).",
      age: 67,
      sex: 'female',
      conditions: ['COPD'],
    },
    min: 'E',
  },
  {
    // Hill 2020's panel graded DVT 'urgent' rather than 'emergency'; kept at Semigran's emergent.
    id: 'semigran2015-05',
    source: 'semigran2015',
    category: 'dvt',
    description:
      'Semigran #05: 65-year-old woman, 5 days of one swollen painful calf after a recent hospital stay for pneumonia (deep vein thrombosis) · gold emergent',
    input: {
      symptoms: [{ name: 'right leg pain and swelling', severity: 6, durationHours: 120, onset: 'gradual' }],
      freeText:
        "I was in hospital recently with pneumonia and had been resting at home. When I started getting up and walking about, my right calf became painful, tender and swollen. It's visibly bigger than the left, a bit redder, and the veins on that foot stand out more. It's also sore behind the knee.",
      age: 65,
      sex: 'female',
      conditions: ['high blood pressure', 'mild heart failure'],
    },
    min: 'E',
  },
  {
    id: 'semigran2015-06',
    source: 'semigran2015',
    category: 'chest-pain',
    description:
      'Semigran #06: 64-year-old man, 24 h of 8/10 central chest pressure with sweating and breathlessness, worsening (acute myocardial infarction) · gold emergent; A',
    input: {
      symptoms: [
        { name: 'pressure in the middle of my chest', severity: 8, durationHours: 24 },
        { name: 'sweating', severity: 6, durationHours: 24 },
        { name: 'short of breath', severity: 6, durationHours: 24 },
      ],
      freeText:
        "Since yesterday I've had a pressing pain behind my breastbone, about 8 out of 10, not spreading anywhere. I've been sweating and short of breath with it. Tylenol helped at first but over the last day it has got worse.",
      age: 64,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'semigran2015-07',
    source: 'semigran2015',
    category: 'bloody-diarrhoea',
    description:
      'Semigran #07: 4-year-old boy, 7 days of abdominal pain and diarrhoea, bloody after day 1, after a fair hamburger (haemolytic uraemic syndrome) · gold emergent',
    input: {
      symptoms: [
        { name: 'tummy pain', severity: 6, durationHours: 168 },
        { name: 'diarrhoea with blood in it', severity: 7, durationHours: 168 },
      ],
      freeText:
        'My 4-year-old son has had tummy ache and watery diarrhoea for a week; from the second day there has been blood in it. Three days before it started we went to the county fair and he ate a hamburger there.',
      age: 4,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'semigran2015-08',
    source: 'semigran2015',
    category: 'renal-colic',
    description: 'Semigran #08: 45-year-old man, 1 h of sudden severe left flank pain to the groin, writhing, vomiting (ureteric stone) · gold emergent',
    input: {
      symptoms: [
        { name: 'severe pain in left side going down to groin', severity: 10, durationHours: 1, onset: 'sudden' },
        { name: 'nausea and vomiting', severity: 6, durationHours: 1 },
      ],
      freeText:
        "It started suddenly an hour ago in my left side and shoots down towards my groin. I can't keep still, no position makes it any better. I feel sick and have been throwing up.",
      age: 45,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'semigran2015-09',
    source: 'semigran2015',
    category: 'fever-returned-traveller',
    description:
      'Semigran #09: 28-year-old man, 5 days of fever, chills and rigors, back from Central America 8 weeks, stopped prophylaxis (malaria) · gold emergent',
    input: {
      symptoms: [
        { name: 'fever with chills and shaking', severity: 7, durationHours: 120 },
        { name: 'diarrhoea', severity: 4, durationHours: 120 },
      ],
      freeText:
        "I've had fevers, chills and bouts of violent shivering for 5 days and paracetamol isn't bringing it down. I got back 8 weeks ago from 3 months travelling in Central America where I was bitten by mosquitoes many times. I started antimalarial tablets but stopped because they made me a bit sick; I don't know which ones they were. Temperature 38 °C today and my heart feels a bit fast.",
      age: 28,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'semigran2015-10',
    source: 'semigran2015',
    category: 'meningitis',
    description: 'Semigran #10: 18-year-old male student, 3 days of severe headache and fever with neck stiffness and photophobia (meningitis) · gold emergent',
    input: {
      symptoms: [
        { name: 'severe headache', severity: 8, durationHours: 72 },
        { name: 'fever', severity: 7, durationHours: 72 },
        { name: 'stiff neck', severity: 7 },
        { name: 'light hurts my eyes', severity: 6 },
      ],
      freeText: "I'm a student. I've had a really bad headache and a fever for 3 days. My neck is stiff and bright light hurts my eyes.",
      age: 18,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'semigran2015-11',
    source: 'semigran2015',
    category: 'pneumonia',
    description: 'Semigran #11: 65-year-old man, 3 days of productive cough and 38.3 °C, tachypnoea, SpO2 92 % (community-acquired pneumonia) · gold emergent',
    input: {
      symptoms: [
        { name: 'cough bringing up phlegm', severity: 6, durationHours: 72 },
        { name: 'fever', severity: 6, durationHours: 72 },
      ],
      freeText:
        "Three days of a chesty cough and fever; my temperature is 38.3 °C. I'm breathing faster than normal and the finger oxygen monitor reads 92 %. I have high blood pressure and arthritis in my joints.",
      age: 65,
      sex: 'male',
      conditions: ['high blood pressure', 'osteoarthritis'],
    },
    min: 'E',
  },
  {
    id: 'semigran2015-12',
    source: 'semigran2015',
    category: 'pulmonary-embolism',
    description:
      'Semigran #12: 65-year-old man, 30 min of sudden breathlessness and pleuritic chest pain, near-faint, a week after hip replacement with a swollen calf (pulmonary embolism) · gold emergent; A',
    input: {
      symptoms: [
        { name: 'sudden shortness of breath', severity: 9, durationHours: 0.5, onset: 'sudden' },
        { name: 'left chest pain worse when breathing in', severity: 7, durationHours: 0.5, onset: 'sudden' },
        { name: 'felt faint', severity: 6, durationHours: 0.5, onset: 'sudden' },
        { name: 'swollen sore left calf', severity: 4 },
      ],
      freeText:
        "Half an hour ago I suddenly got very short of breath and nearly passed out. The left side of my chest hurts when I breathe in deeply. I had my left hip replaced a week ago and was stuck in bed for 3 days after going home because of the pain; since then my left calf has been swollen and sore. Temperature 38 °C, pulse about 112, and my oxygen monitor says 91 %. I've never had heart or lung problems.",
      age: 65,
      sex: 'male',
    },
    min: 'A',
  },
  {
    id: 'semigran2015-13',
    source: 'semigran2015',
    category: 'fever-with-rash',
    description:
      'Semigran #13: 8-year-old boy in Oklahoma in July, fever, chills, aches, headache, spotty rash on wrists and ankles (Rocky Mountain spotted fever) · gold emergent',
    input: {
      symptoms: [
        { name: 'fever and chills', severity: 7 },
        { name: 'headache', severity: 5 },
        { name: 'aching joints', severity: 4 },
        { name: 'red spotty rash on wrists and ankles', severity: 4 },
      ],
      freeText:
        "My 8-year-old son has a fever with chills, feels generally awful, his joints ache and he has a headache. He has a rash of small flat and raised red spots, mostly on his wrists and ankles. We live in Oklahoma and it's the Fourth of July weekend.",
      age: 8,
      sex: 'male',
    },
    min: 'E',
  },
  {
    id: 'semigran2015-14',
    source: 'semigran2015',
    category: 'stroke',
    description:
      'Semigran #14: 70-year-old man on warfarin with AF, speech slurring progressing over minutes to aphasia and right arm paralysis, vomiting (stroke) · gold emergent; A',
    input: {
      symptoms: [
        { name: "can't speak or understand what we say", severity: 9, durationHours: 0.25, onset: 'sudden' },
        { name: "right arm won't move", severity: 9, durationHours: 0.25, onset: 'sudden' },
        { name: 'nausea and vomiting', severity: 5, durationHours: 0.25 },
      ],
      freeText:
        "My husband's speech became a little slurred and within a few minutes he couldn't talk or understand us, and now he can't move his right arm at all. He has been sick too. He takes warfarin.",
      age: 70,
      sex: 'male',
      conditions: ['high blood pressure', 'atrial fibrillation'],
    },
    min: 'A',
  },
  {
    id: 'semigran2015-15',
    source: 'semigran2015',
    category: 'tetanus',
    description:
      'Semigran #15: 63-year-old man, hand cut while gardening, incomplete immunisation, lockjaw, generalised painful spasms with breathing pauses (generalised tetanus) · gold emergent; A',
    input: {
      symptoms: [
        { name: 'violent painful muscle spasms', severity: 10 },
        { name: "jaw locked, can't open mouth", severity: 8 },
        { name: 'trouble swallowing', severity: 7 },
        { name: 'stops breathing during the spasms', severity: 10 },
      ],
      freeText:
        "Writing for my husband. He cut his hand gardening, and he never had the full course of tetanus shots. Now his jaw is clamped shut and his face is pulled into a fixed grin. He gets agonising spasms lasting minutes: his back arches, his legs go straight, his fists clench and his stomach goes rigid, and he stops breathing during some of them. Noise, light, a draught or touching him sets them off. He's awake through it, sweating, restless and his heart is racing.",
      age: 63,
      sex: 'male',
    },
    min: 'A',
  },

  // ───────────── Semigran 2015 · non-emergent (min C, max U) ─────────────
  {
    id: 'semigran2015-16',
    source: 'semigran2015',
    category: 'ear-infection',
    description:
      'Semigran #16: 18-month-old girl, a week of cold symptoms then fever overnight, irritable, poor sleep and feeding (acute otitis media) · gold non-emergent',
    input: {
      symptoms: [
        { name: 'runny nose, cough and congestion', severity: 3, durationHours: 168 },
        { name: 'fever', severity: 5, durationHours: 12 },
        { name: 'irritable and unsettled', severity: 4 },
      ],
      freeText:
        "Our 18-month-old daughter has had a runny nose, cough and blocked nose for a week. She's grumpy, sleeping badly and not eating well, and last night she got a fever. She goes to day care and both of us smoke.",
      age: 1,
      sex: 'female',
    },
    min: 'C',
    max: 'U',
  },
  {
    id: 'semigran2015-17',
    source: 'semigran2015',
    category: 'sore-throat',
    description:
      'Semigran #17: 7-year-old girl, abrupt fever 38.5 °C, vomiting and sore throat, no cough, exudates and neck glands (streptococcal pharyngitis) · gold non-emergent',
    input: {
      symptoms: [
        { name: 'sore throat', severity: 6, onset: 'sudden' },
        { name: 'fever', severity: 5, onset: 'sudden' },
        { name: 'nausea and vomiting', severity: 5 },
      ],
      freeText:
        'My 7-year-old came down suddenly with a fever of 38.5 °C, feeling sick, vomiting and a sore throat. No cough, runny or blocked nose. There are white patches at the back of her throat and the glands in her neck are up.',
      age: 7,
      sex: 'female',
    },
    min: 'C',
    max: 'U',
  },
  {
    id: 'semigran2015-18',
    source: 'semigran2015',
    category: 'sore-throat',
    description:
      'Semigran #18: 24-year-old man, 2 days of sore throat, fever 39 °C, headache, no cough, tonsillar exudate, tender nodes (acute pharyngitis, Centor 4) · gold non-emergent',
    input: {
      symptoms: [
        { name: 'sore throat', severity: 7, durationHours: 48, onset: 'sudden' },
        { name: 'fever', severity: 6, durationHours: 48, onset: 'sudden' },
        { name: 'headache', severity: 4, durationHours: 48 },
      ],
      freeText:
        "Started 2 days ago with a sudden sore throat and a temperature up to 39 °C (102.2 °F). No cough. I can see white stuff on my tonsils and the front of my neck has tender lumps. I'm healthy, only taking ibuprofen for the fever, no allergies.",
      age: 24,
      sex: 'male',
    },
    min: 'C',
    max: 'U',
  },
  {
    id: 'semigran2015-19',
    source: 'semigran2015',
    category: 'sinusitis',
    description:
      'Semigran #19: 35-year-old woman, 15 days of nasal congestion, 12 days of facial pain and green discharge, afebrile (acute sinusitis) · gold non-emergent',
    input: {
      symptoms: [
        { name: 'blocked nose', severity: 4, durationHours: 360 },
        { name: 'pain in my face', severity: 5, durationHours: 288 },
        { name: 'green discharge from nose', severity: 3, durationHours: 288 },
      ],
      freeText:
        "My nose has been blocked for just over 2 weeks, and for the last 12 days I've had pain in my face and green snot. No fever. My cheekbones are sore when I press on them. I'm using a decongestant from the pharmacy. Otherwise healthy, a bit overweight, no allergies to medicines.",
      age: 35,
      sex: 'female',
    },
    min: 'C',
    max: 'U',
  },
  {
    // The source's gold is non-emergent, but a new foot drop is a new motor deficit that usually
    // warrants assessment the same day (consultation_24 or sooner). Kept at the published min.
    id: 'semigran2015-20',
    source: 'semigran2015',
    category: 'back-pain-red-flag',
    description:
      'Semigran #20: 35-year-old man, low back pain for 3 weeks after shovelling snow, now a new left foot drop (back pain / sciatica with radiculopathy) · gold non-emergent (looks lenient, see comment)',
    input: {
      symptoms: [
        { name: 'low back pain', severity: 6, durationHours: 504 },
        { name: "can't lift the front of my left foot", severity: 6 },
      ],
      freeText:
        "I hurt my lower back shovelling snow 3 weeks ago. Now I've noticed my left foot slaps down and drags when I walk; I can't pull the front of it up properly. That's new.",
      age: 35,
      sex: 'male',
    },
    min: 'C',
    max: 'U',
  },
  {
    id: 'semigran2015-21',
    source: 'semigran2015',
    category: 'skin-infection',
    description: 'Semigran #21: 45-year-old man, acute painful red swollen shin with low-grade fever (cellulitis) · gold non-emergent',
    input: {
      symptoms: [
        { name: 'red painful swollen skin on lower leg', severity: 6, onset: 'sudden' },
        { name: 'slight fever', severity: 3 },
      ],
      freeText: 'The skin over the front of my shin has suddenly become red, puffy, painful and tender to touch, and I have a slight temperature.',
      age: 45,
      sex: 'male',
    },
    min: 'C',
    max: 'U',
  },
  {
    id: 'semigran2015-22',
    source: 'semigran2015',
    category: 'chest-infection',
    description:
      'Semigran #22: 56-year-old woman, heavy smoker, a few days of more breathlessness and more white sputum, similar every winter (COPD flare) · gold non-emergent',
    input: {
      symptoms: [
        { name: 'short of breath', severity: 4, durationHours: 72 },
        { name: 'cough with white phlegm, worse than usual', severity: 4, durationHours: 48 },
        { name: 'runny nose', severity: 2, durationHours: 72 },
      ],
      freeText:
        "It started 3 days ago with a runny nose. I always cough up white phlegm in the mornings, but for 2 days it's been much more, and I'm more breathless. I've had a bout like this every winter for the last 4 years. I smoke 1 to 2 packs a day and have for 40 years. No blood in the phlegm, no chills, no weight loss. Cough medicine from the shop hasn't helped.",
      age: 56,
      sex: 'female',
    },
    min: 'C',
    max: 'U',
  },
  {
    id: 'semigran2015-23',
    source: 'semigran2015',
    category: 'influenza',
    description:
      'Semigran #23: 30-year-old woman in January, 2 days of abrupt fever, cough, headache, weakness, unvaccinated, sick contacts (influenza) · gold non-emergent',
    input: {
      symptoms: [
        { name: 'fever', severity: 6, durationHours: 48, onset: 'sudden' },
        { name: 'cough', severity: 5, durationHours: 48 },
        { name: 'headache', severity: 5, durationHours: 48 },
        { name: 'weak all over', severity: 6, durationHours: 48 },
      ],
      freeText:
        "I was fine until 2 days ago when it hit me all at once. I've had a few colds this winter but none this bad. People at work are off sick. I didn't get the flu jab this year.",
      age: 30,
      sex: 'female',
    },
    min: 'C',
    max: 'U',
  },
  {
    id: 'semigran2015-24',
    source: 'semigran2015',
    category: 'sore-throat',
    description:
      'Semigran #24: 16-year-old girl, a week of worsening fever, sore throat, exhaustion, painful swallowing, neck nodes, faint rash (infectious mononucleosis) · gold non-emergent',
    input: {
      symptoms: [
        { name: 'sore throat', severity: 7, durationHours: 168, onset: 'gradual' },
        { name: 'fever every day', severity: 6, durationHours: 168 },
        { name: 'exhausted', severity: 7, durationHours: 168 },
        { name: 'hard to swallow', severity: 5 },
      ],
      freeText:
        "I started feeling ill a week ago and it's getting worse. Fever every day, sore throat, it hurts to swallow, and this morning I could hardly get out of bed. The glands in my neck are swollen, there are white patches on my tonsils and I have a faint pink rash on my chest and arms. I don't know anyone who's had the same.",
      age: 16,
      sex: 'female',
    },
    min: 'C',
    max: 'U',
  },
  {
    id: 'semigran2015-25',
    source: 'semigran2015',
    category: 'dyspepsia',
    description:
      'Semigran #25: 40-year-old man, 2 months of gnawing epigastric pain, wakes him at night, eased by food, milk and ranitidine (peptic ulcer disease) · gold non-emergent',
    input: {
      symptoms: [{ name: 'gnawing pain in upper tummy', severity: 4, durationHours: 1440, onset: 'gradual' }],
      freeText:
        "For 2 months I've had a dull gnawing ache high in my tummy that comes and goes. Sometimes it wakes me at night. Eating or drinking milk eases it and ranitidine helps a bit. I had a similar but milder spell about 5 years ago that got better with omeprazole. Otherwise I'm fit and well.",
      age: 40,
      sex: 'male',
    },
    min: 'C',
    max: 'U',
  },
  {
    // Non-emergent per the source; 5 days of fever that does not respond to paracetamol in a child
    // with asthma arguably needs a same-day review. Kept at the published min.
    id: 'semigran2015-26',
    source: 'semigran2015',
    category: 'pneumonia',
    description:
      'Semigran #26: 6-year-old boy with mild asthma, 5 days of cough with yellow sputum and persisting fever 38.7 °C, no distress (pneumonia) · gold non-emergent (arguably same-day, see comment)',
    input: {
      symptoms: [
        { name: 'cough with yellow phlegm', severity: 5, durationHours: 120 },
        { name: 'fever', severity: 6, durationHours: 120 },
      ],
      freeText:
        "My 6-year-old has had a cough for 5 days and is bringing up yellowish phlegm. His temperature is still high, 38.7 °C, even with paracetamol. He's missed school for 3 days and a boy in his class is off with a bad chest infection. He's eating well and isn't struggling to breathe.",
      age: 6,
      sex: 'male',
      conditions: ['asthma'],
    },
    min: 'C',
    max: 'U',
  },
  {
    id: 'semigran2015-27',
    source: 'semigran2015',
    category: 'gastroenteritis',
    description:
      'Semigran #27: 14-year-old boy, vomiting and 6 non-bloody stools a day after undercooked chicken 18 h earlier, low fever, drinking (Salmonella gastroenteritis) · gold non-emergent',
    input: {
      symptoms: [
        { name: 'diarrhoea', severity: 5 },
        { name: 'nausea and vomiting', severity: 5 },
        { name: 'stomach cramps', severity: 3 },
        { name: 'low fever', severity: 3 },
      ],
      freeText:
        "About 18 hours ago I ate undercooked chicken at a picnic. Since then I feel sick, I've thrown up, and I'm having runny poos about 6 times a day, no blood. Mild cramps and a temperature of 37.8 °C. I can keep drinks down.",
      age: 14,
      sex: 'male',
    },
    min: 'C',
    max: 'U',
  },
  {
    id: 'semigran2015-28',
    source: 'semigran2015',
    category: 'shingles',
    description:
      'Semigran #28: 77-year-old man, 5 days of burning right chest-wall pain then a rash evolving to clustered vesicles, headache, malaise (herpes zoster) · gold non-emergent',
    input: {
      symptoms: [
        { name: 'burning pain on right side of chest', severity: 6, durationHours: 120 },
        { name: 'rash with clusters of blisters', severity: 5 },
        { name: 'headache', severity: 3 },
        { name: 'feeling unwell', severity: 4 },
      ],
      freeText:
        'For 5 days I have had a burning, aching pain on the right side of my chest. Then a red bumpy rash came up in exactly that spot, and it has turned into groups of clear blisters, some now crusting over. I also have a headache and feel run down.',
      age: 77,
      sex: 'male',
    },
    min: 'C',
    max: 'U',
  },
  {
    id: 'semigran2015-29',
    source: 'semigran2015',
    category: 'urinary',
    description:
      'Semigran #29: 26-year-old newly married woman, 2 days of dysuria, urgency and frequency, no fever or loin pain (uncomplicated cystitis) · gold non-emergent',
    input: {
      symptoms: [
        { name: 'burning when I pee', severity: 5, durationHours: 48 },
        { name: 'need to pee urgently', severity: 4, durationHours: 48 },
        { name: 'peeing more often', severity: 4, durationHours: 48 },
      ],
      freeText: 'I got married recently. No fever, chills, nausea, vomiting, back pain, vaginal discharge or itching.',
      age: 26,
      sex: 'female',
    },
    min: 'C',
    max: 'U',
  },
  {
    id: 'semigran2015-30',
    source: 'semigran2015',
    category: 'dizziness',
    description:
      'Semigran #30: 65-year-old woman, a month of brief positional spinning on rolling to the right or looking up, no neuro or hearing symptoms (benign positional vertigo) · gold non-emergent',
    input: {
      symptoms: [{ name: 'room spinning when I move my head', severity: 6, durationHours: 720, onset: 'sudden' }],
      freeText:
        'Every night for the past month, when I roll onto my right side in bed, the room suddenly spins violently for less than 30 seconds. Sometimes it happens in the day when I tip my head back to look up. Nothing set it off. No hearing loss, no ringing in the ears, no weakness, numbness or trouble speaking.',
      age: 65,
      sex: 'female',
    },
    min: 'C',
    max: 'U',
  },

  // ───────────── Semigran 2015 · self care (min S, max S) ─────────────
  {
    id: 'semigran2015-31',
    source: 'semigran2015',
    category: 'respiratory-minor',
    description: 'Semigran #31: 34-year-old woman, 12-day productive cough after a cold, afebrile, no distress (acute bronchitis) · gold self-care',
    input: {
      symptoms: [{ name: 'cough bringing up phlegm', severity: 3, durationHours: 288 }],
      freeText:
        "I've had a cough for 12 days. It started with a blocked nose and a mild sore throat, which have gone; now it's just a chesty cough, no coughing fits. No fever, not short of breath. I don't have any lung problems and I haven't been around anyone ill.",
      age: 34,
      sex: 'female',
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'semigran2015-32',
    source: 'semigran2015',
    category: 'respiratory-minor',
    description: 'Semigran #32: 61-year-old woman, 4 days of cough with yellow sputum after a cold, fever settled (acute bronchitis) · gold self-care',
    input: {
      symptoms: [
        { name: 'cough with yellow phlegm', severity: 3, durationHours: 96 },
        { name: 'runny nose', severity: 2, durationHours: 96 },
      ],
      freeText:
        'It started 4 days ago with a runny nose and a chesty cough. I had a temperature up to about 38.3 °C (101 °F) for the first 2 days but that has gone now. I have high cholesterol and take atorvastatin; no drug allergies.',
      age: 61,
      sex: 'female',
      conditions: ['high cholesterol'],
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'semigran2015-33',
    source: 'semigran2015',
    category: 'eye-minor',
    description:
      'Semigran #33: 14-year-old boy, 3 days of red watery eye spreading to the other, crusted shut in the mornings, after a cold, no pain or photophobia (acute viral conjunctivitis) · gold self-care',
    input: {
      symptoms: [
        { name: 'red irritated eyes', severity: 3, durationHours: 72 },
        { name: 'watery discharge from eyes', severity: 2, durationHours: 72 },
      ],
      freeText:
        "My right eye went red and irritated 3 days ago and today the left one started too. They're watery and stuck together when I wake up. I've just had a cold, and several kids at my day camp have had red, sticky eyes. It doesn't really hurt, light doesn't bother me, and I don't wear contact lenses. There's a tender little lump in front of my right ear.",
      age: 14,
      sex: 'male',
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'semigran2015-34',
    source: 'semigran2015',
    category: 'respiratory-minor',
    description: 'Semigran #34: 26-year-old man, 2 days of sore throat, headache, dry cough, afebrile (viral pharyngitis) · gold self-care',
    input: {
      symptoms: [
        { name: 'sore throat', severity: 4, durationHours: 48, onset: 'sudden' },
        { name: 'headache', severity: 3, durationHours: 48 },
        { name: 'dry cough', severity: 2, durationHours: 48 },
      ],
      freeText: "The sore throat came on suddenly 2 days ago. No fever. I'm healthy, taking acetaminophen for the throat, no allergies.",
      age: 26,
      sex: 'male',
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'semigran2015-35',
    source: 'semigran2015',
    category: 'allergy-minor',
    description:
      'Semigran #35: 22-year-old male student, 5 years of year-round congestion and sneezing, worse in spring with itchy eyes and palate (allergic rhinitis) · gold self-care',
    input: {
      symptoms: [
        { name: 'blocked nose', severity: 3, durationHours: 43800, onset: 'gradual' },
        { name: 'sneezing', severity: 3 },
        { name: 'itchy nose', severity: 3 },
      ],
      freeText:
        "For about 5 years my nose has been stuffy, sneezy and itchy, and it's getting worse. It's there all year but worst in spring, when my eyes also get itchy, red and watery and the roof of my mouth and throat itch. My mum says I had itchy skin problems as a baby.",
      age: 22,
      sex: 'male',
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'semigran2015-36',
    source: 'semigran2015',
    category: 'musculoskeletal-minor',
    description:
      'Semigran #36: 38-year-old man, 2 weeks of mechanical left low back pain after lifting, no leg symptoms or red flags (acute low back pain) · gold self-care',
    input: {
      symptoms: [
        { name: 'aching low back pain on the left', severity: 5, durationHours: 336 },
        { name: 'back spasms', severity: 4, durationHours: 336 },
      ],
      freeText:
        "Hurt my lower back lifting boxes 2 weeks ago. It aches on the left and goes into spasm; bending forwards and backwards hurts. I had similar episodes years ago that cleared up without seeing anyone. No pain or weakness in my legs, no fever, chills, weight loss or recent infections. Ibuprofen helps a bit, but I've only been taking it twice a day for 3 days because I don't want to get dependent on painkillers.",
      age: 38,
      sex: 'male',
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'semigran2015-37',
    source: 'semigran2015',
    category: 'insect-sting-local',
    description:
      'Semigran #37: 9-year-old boy stung by a bee, swollen tender upper lip, no tongue swelling, drooling, stridor or rash (local bee-sting reaction) · gold self-care',
    input: {
      symptoms: [{ name: 'swollen sore upper lip', severity: 4, durationHours: 0.5, onset: 'sudden' }],
      freeText:
        "My 9-year-old was stung by a bee at a picnic. He was screaming and it took 15 minutes to calm him. His upper lip is swollen and sore. His tongue isn't swollen, he's not drooling, his breathing is normal with no noisy breathing, there's no rash and nothing else is wrong.",
      age: 9,
      sex: 'male',
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'semigran2015-38',
    source: 'semigran2015',
    category: 'mouth-ulcer',
    description:
      'Semigran #38: 17-year-old male, mouth ulcers recurring since early school years, five small ulcers, systemically well (recurrent aphthous ulcers) · gold self-care',
    input: {
      symptoms: [{ name: 'mouth ulcers', severity: 3 }],
      freeText:
        "I've had mouth ulcers that keep coming back ever since I was little. Right now I have five small round ones inside my cheeks. My mum had the same as a teenager. No fever, no swollen glands, no sores anywhere else (eyes, skin, genitals), no stomach or breathing problems. I don't smoke, hardly drink and haven't taken any new medicines.",
      age: 17,
      sex: 'male',
    },
    min: 'S',
    max: 'S',
  },
  {
    // Self-care per the source (the appendix notes about half of clinicians in its source study
    // advised a visit); kept.
    id: 'semigran2015-39',
    source: 'semigran2015',
    category: 'vaginal-discharge',
    description:
      'Semigran #39: 40-year-old married woman, 2 days of vaginal itching and thick white discharge, no pain or fever (vulvovaginal candidiasis) · gold self-care',
    input: {
      symptoms: [
        { name: 'vaginal itching', severity: 4, durationHours: 48 },
        { name: 'thick white vaginal discharge', severity: 3, durationHours: 48 },
      ],
      freeText: "I'm married and we're only with each other. No tummy pain and no fever.",
      age: 40,
      sex: 'female',
    },
    min: 'S',
    max: 'S',
  },
  {
    // Self-care per the source; blood on an infant's stool would lead many clinicians to advise a
    // routine GP visit. Kept at the published level.
    id: 'semigran2015-40',
    source: 'semigran2015',
    category: 'infant-constipation',
    description:
      "Semigran #40: 5-month-old boy, hard stools with straining and flecks of fresh blood since switching to cows' milk formula, thriving (constipation) · gold self-care (looks lenient, see comment)",
    input: {
      symptoms: [
        { name: 'hard poos and straining', severity: 4 },
        { name: 'spots of fresh blood on poo or nappy', severity: 3 },
      ],
      freeText:
        "My 5-month-old son has trouble passing hard poos. He strains for hours, sometimes misses a day, then screams as it comes out, and now and then there are small spots of bright blood on the poo or nappy. We recently moved him from breastfeeding to a cows' milk formula, which he didn't want at first, but he's feeding normally now and growing well. He had no trouble pooing as a newborn, hasn't been vomiting a lot and his tummy isn't swollen.",
      age: 0,
      sex: 'male',
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'semigran2015-41',
    source: 'semigran2015',
    category: 'skin-chronic',
    description:
      'Semigran #41: 12-year-old girl with hay fever and food allergy, dry itchy flexural skin and scaly cheeks, atopic family (eczema) · gold self-care',
    input: {
      symptoms: [{ name: 'dry itchy skin', severity: 4, onset: 'gradual' }],
      freeText:
        'My 12-year-old daughter has dry, itchy skin in the creases in front of her elbows, behind her knees and at the front of her ankles, and dry scaly patches on her cheeks. She gets hay fever and was recently found to be allergic to egg and milk. Her brother has asthma, and her uncle and several cousins have had the same kind of skin problem.',
      age: 12,
      sex: 'female',
      conditions: ['hay fever', 'egg allergy', 'milk allergy'],
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'semigran2015-42',
    source: 'semigran2015',
    category: 'eye-minor',
    description:
      'Semigran #42: 30-year-old man, 1 day of a painful swollen lower eyelid with a tender red spot at the lid margin, vision normal (stye / hordeolum) · gold self-care',
    input: {
      symptoms: [{ name: 'painful swollen right eyelid', severity: 3, durationHours: 24 }],
      freeText:
        "Since yesterday my right eye has been swollen and sore. There's a tender red spot in the middle of the lower eyelid, right at the edge. No injury, no crusting, my vision is fine. No allergies or eye problems and I haven't used any new soaps, lotions or creams.",
      age: 30,
      sex: 'male',
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'semigran2015-43',
    source: 'semigran2015',
    category: 'respiratory-minor',
    description:
      'Semigran #43: 56-year-old man, 6 days of dry cough, congestion, green nasal discharge, intermittent fever to 38.2 °C (viral upper respiratory infection) · gold self-care',
    input: {
      symptoms: [
        { name: 'dry cough', severity: 3, durationHours: 144 },
        { name: 'blocked nose with green snot', severity: 3, durationHours: 144 },
        { name: 'fever on and off', severity: 2, durationHours: 144 },
      ],
      freeText:
        'Six days of a dry cough, blocked nose and green discharge. My temperature has gone up to 38.2 °C (100.8 °F) now and then. Otherwise healthy apart from long-standing arthritis in my right knee; no drug allergies.',
      age: 56,
      sex: 'male',
      conditions: ['osteoarthritis of the right knee'],
    },
    min: 'S',
    max: 'S',
  },
  {
    id: 'semigran2015-44',
    source: 'semigran2015',
    category: 'respiratory-minor',
    description:
      'Semigran #44: 30-year-old smoker, 2 days of runny nose, sore throat, clear sputum, myalgia, wants antibiotics (viral upper respiratory infection) · gold self-care',
    input: {
      symptoms: [
        { name: 'runny nose', severity: 3, durationHours: 48 },
        { name: 'sore throat', severity: 3, durationHours: 48 },
        { name: 'cough with clear phlegm', severity: 2, durationHours: 48 },
        { name: 'aching muscles', severity: 3, durationHours: 48 },
        { name: 'mild headache', severity: 2, durationHours: 48 },
      ],
      freeText:
        "Two days of a runny nose and sore throat. I feel hot and sweaty. Cough medicine from the chemist hasn't helped. I smoke about 10 a day. I'd like antibiotics because I got some last year for something similar.",
      age: 30,
      sex: 'male',
    },
    min: 'S',
    max: 'S',
  },
  {
    // Self-care per the source; a toddler with fever who brings back every drink is borderline for
    // pure self-care (dehydration risk). Kept at the published level.
    id: 'semigran2015-45',
    source: 'semigran2015',
    category: 'child-vomiting',
    description:
      'Semigran #45: 2-year-old boy, fever 38.1 °C, vomited twice and then vomited a drink of juice (vomiting with fever) · gold self-care (borderline, see comment)',
    input: {
      symptoms: [
        { name: 'vomiting', severity: 5 },
        { name: 'fever', severity: 4 },
      ],
      freeText:
        "My 2-year-old son has a temperature of 100.5 °F (38.1 °C) and has been sick twice. I was worried he'd get dehydrated so I gave him some apple juice, and he brought it straight back up. I'm not sure whether to call his doctor or take him to the emergency department.",
      age: 2,
      sex: 'male',
    },
    min: 'S',
    max: 'S',
  },
];
