/**
 * The red-flag rules, by advice family; one string per rule: `[id] LEVEL expression`. Without an
 * id a rule is named after the first alternative of each positive term, `a_with_b_and_c`, with
 * qualifiers spelled out (`chest_pain_persistent`, `high_fever_over_72h`, `infant_with_fever`).
 * Ids are stable: they are recorded with every result, so rename one only with RULES_VERSION.
 *
 * LEVEL: A emergency_ambulance · E emergency · U consultation_24 · C consultation · S self_care;
 * a trailing `+` marks an infection rule, raised one step at age ≥ 65 or with a weak immune system.
 * expression: terms joined by `&` must all hold; a term's alternatives joined by `|` (any holds);
 * a leading `-` means none of them holds. An alternative is a concept from `concepts.ts` or a
 * context flag (age_0, age_1_2, under_5, age_50, age_65, pregnancy), optionally qualified:
 *   `!` severe: structured severity ≥ 8, or "severe", "worst", "10/10"… beside it
 *   `^` sudden: onset 'sudden', or "suddenly", "out of nowhere"… in its sentence
 *   `?` mild: only structured severities, all ≤ 3, and nothing says severe
 *   `~` mild and long-standing: structured severity ≤ 4 for ≥ 168 h, not sudden or severe
 *   `>N` lasting ≥ N hours (structured duration, or "for 3 days" in its sentence)
 * `?` and `~` need structured severities, so free text can only ever raise a level.
 * Each comment gives the clinical reason.
 */
export const RULES: Readonly<Record<string, readonly string[]>> = {
  // Acute coronary syndrome is the under-triage that kills: chest pain with any autonomic,
  // respiratory or radiating feature, or simply severe, goes by ambulance.
  cardiac: [
    'A chest_pain&sweating', // sympathetic surge of myocardial ischaemia
    'A chest_pain&breathlessness|severe_breathlessness|rapid_breathing|exertional_breathlessness', // ACS, PE, pneumothorax
    'chest_pain_radiating A chest_pain&radiating|arm_pain|jaw_pain|back_pain', // ischaemic radiation; to the back: dissection
    'chest_pain_with_nausea_or_faintness A chest_pain&nausea|vomiting|lightheadedness|fainting|palpitations', // atypical ACS, arrhythmia
    'A chest_pain!',
    'chest_pain_known_heart_disease A chest_pain&c_heart_disease', // ischaemic until proven otherwise
    'tearing_pain_chest_or_back A tearing_pain&chest_pain|back_pain|abdominal_pain', // aortic dissection
    'A heart_attack', // the person's own suspicion is taken at face value
    'heartburn_with_cardiac_features A heartburn&sweating|breathlessness|radiating|arm_pain|jaw_pain|fainting|lightheadedness|exertional_breathlessness', // MI masquerading as indigestion
    'E chest_pain&-chest_pain~', // any new chest pain needs an ECG within the hour
    'U chest_pain~', // weeks of mild pain: same-day review, not an ambulance
  ],
  heart_rhythm: [
    'palpitations_with_collapse A palpitations&fainting|loss_of_consciousness|severe_breathlessness', // unstable arrhythmia
    'E palpitations&breathlessness|lightheadedness|chest_pain|exertional_breathlessness',
    'U palpitations&-palpitations~',
    'C palpitations~',
  ],
  // Severe (can't speak in sentences, blue lips, choking) by ambulance; other new breathlessness
  // within the hour; only mild, self-rated breathlessness waits a day.
  breathing: [
    'breathing_difficulty_severe A severe_breathlessness|breathlessness!|exertional_breathlessness!',
    'asthma_not_responding_to_inhaler A inhaler_not_working&breathlessness|wheeze|exertional_breathlessness', // life-threatening asthma
    'breathing_difficulty E breathlessness&-breathlessness?',
    'breathing_difficulty_mild U breathlessness?',
    // Out of breath after running or climbing stairs is expected and settles: a routine check at
    // most. It stays a red flag when sudden or lasting, new or worse than before, at rest, with
    // wheeze, fever, faintness or sweating (and beside chest pain, palpitations, a swollen calf…
    // above), and in heart disease or pregnancy (heart failure, PE). With a cough, lung disease
    // or at 65+ it is often deconditioning, asthma or early heart failure: seen within a day
    // (`exertion`, below).
    'exertional_breathlessness_with_warning_signs E exertional_breathlessness&breathing_change|wheeze|fever|high_fever|rigors|lightheadedness|sweating|ankle_swelling|c_heart_disease|pregnancy',
    'E exertional_breathlessness^',
    'E exertional_breathlessness>2',
    'E inhaler_not_working',
    'E rapid_breathing', // tachypnoea: sepsis, asthma, acidosis
    'U wheeze',
    'E coughing_blood&breathlessness|chest_pain|calf_swelling|exertional_breathlessness', // pulmonary embolism
    'E coughing_blood!',
    'U coughing_blood',
  ],
  // Breathlessness explained by exertion, without warning signs (those are in `breathing`).
  exertion: [
    'exertional_breathlessness_with_risk U exertional_breathlessness&cough|c_lung_disease|age_65',
    'C exertional_breathlessness',
  ],
  clot: [
    'leg_swelling_with_breathlessness E calf_swelling&breathlessness|exertional_breathlessness', // DVT with PE
    'U calf_swelling', // DVT needs a scan within 24 h
  ],
  respiratory: [
    'C cough>504', // chest X-ray territory
    'S+ cough',
    'C cold_or_flu>240',
    'S+ cold_or_flu',
  ],
  ent: [
    'E drooling', // epiglottitis, quinsy: airway threat
    'U swallowing_difficulty', // food bolus, oesophageal obstruction
    'S+ sore_throat',
    'C sore_throat>168',
    'S+ earache',
    'C+ earache&fever|high_fever',
  ],
  dental: [
    'dental_swelling_or_fever U toothache&face_swelling|fever', // spreading dental abscess
    'C toothache',
  ],
  // Any one FAST sign (face, arm, speech) is a stroke until proven otherwise: time is brain.
  stroke: [
    'stroke_face_droop A face_droop',
    'stroke_arm_weakness A arm_weakness',
    'stroke_speech_difficulty A slurred_speech',
    'stroke_suspected A stroke',
    'A confusion^', // stroke, hypoglycaemia, sepsis
    'sudden_dizziness_with_neuro_signs A lightheadedness^|loss_of_balance^&headache|blurred_vision|vision_loss', // posterior circulation
    'sudden_dizziness_cannot_walk A lightheadedness^&loss_of_balance', // cerebellar stroke
  ],
  neuro: [
    'E loss_of_balance^',
    'E vision_loss', // retinal artery occlusion, TIA, detachment
    'E blurred_vision^',
    'E confusion&-confusion~', // delirium is a medical emergency
    'E headache&confusion',
    'E headache&vision_loss', // giant cell arteritis, raised pressure
    'E drowsiness&fever|high_fever', // altered consciousness with infection
    'U blurred_vision',
    'U loss_of_balance',
    'U confusion~',
    'U drowsiness',
    'U lightheadedness&age_65', // falls, arrhythmia, postural hypotension
    'C lightheadedness&-lightheadedness?',
    'S lightheadedness?',
  ],
  consciousness: [
    'A loss_of_consciousness',
    'fainting_with_injury A fainting&head_injury|fall|minor_cut|deep_cut|fracture|severe_bleeding',
    'fainting_with_cardiac_features A fainting&chest_pain|palpitations|breathlessness|c_heart_disease|age_65|pregnancy|exertional_breathlessness', // arrhythmia, PE, ectopic
    'E fainting', // transient loss of consciousness: an ECG today
  ],
  seizure: [
    'A seizure&-c_epilepsy', // first or unexplained
    'seizure_first_or_prolonged A first_or_long_seizure', // status epilepticus risk
    'seizure_with_risk A seizure&head_injury|pregnancy|breathlessness|c_diabetes|fever|exertional_breathlessness', // injury, eclampsia, hypoglycaemia
    'E seizure&c_epilepsy',
  ],
  // Emergency level with crisis-line advice; an overdose is also a poisoning, so an ambulance.
  crisis: [
    'E suicidal_thoughts',
    'E self_harm',
    'E harm_to_others',
  ],
  overdose: ['A overdose'], // paracetamol and others harm hours later, even when the person feels well
  mental: ['U psychosis', 'C low_mood', 'C anxiety', 'S insomnia', 'C insomnia>336'],
  meningitis: [
    'meningitis_fever_stiff_neck A fever|high_fever&stiff_neck',
    'meningitis_non_blanching_rash A non_blanching_rash&fever|high_fever|drowsiness|headache|very_unwell|vomiting|stiff_neck|under_5', // meningococcal disease
    'meningitis_headache_light_sensitivity A headache&light_sensitivity&fever|high_fever|stiff_neck',
    'E non_blanching_rash',
    'E headache&stiff_neck', // meningitis or subarachnoid blood
  ],
  sepsis: [
    'sepsis_signs A fever|high_fever|rigors|infection|spreading_redness|urinary_symptoms|sepsis&confusion|mottled_skin|rapid_breathing|very_unwell|not_passing_urine|severe_breathlessness',
    'E sepsis',
    'E fever|high_fever|rigors&c_chemotherapy', // neutropenic sepsis: antibiotics within the hour
    'sickle_cell_crisis E c_sickle_cell&fever|high_fever|chest_pain|breathlessness|exertional_breathlessness', // acute chest syndrome, sepsis
  ],
  // A sudden "worst ever" headache is bleeding until proven otherwise.
  thunderclap: [
    'thunderclap_headache_with_neuro_signs A worst_headache|headache^&confusion|drowsiness|loss_of_consciousness|fainting|seizure|stiff_neck|vomiting|vision_loss|blurred_vision',
    'E worst_headache',
    'sudden_severe_headache E headache^&headache!',
  ],
  headache: [
    'U headache&light_sensitivity&-c_migraine',
    'U headache&vomiting&-c_migraine',
    'U headache!&-c_migraine',
    'headache_new_after_50 U headache&age_50&-headache?&-headache~&-c_migraine', // temporal arteritis, tumour
    'C headache&-headache?',
    'S headache?',
  ],
  // Airway swelling, or breathing trouble after an exposure, is anaphylaxis.
  anaphylaxis: [
    'A airway_swelling',
    'A anaphylaxis',
    'anaphylaxis_breathing_after_exposure A breathlessness|wheeze|severe_breathlessness|exertional_breathlessness&allergen_exposure|allergic_reaction|hives|face_swelling', // exercise can trigger it
    'anaphylaxis_hives_with_collapse A hives|allergic_reaction&lightheadedness|fainting|mottled_skin', // circulatory involvement
    'allergic_face_swelling E face_swelling&hives|allergen_exposure|allergic_reaction',
  ],
  allergy: ['allergic_reaction U allergic_reaction|hives&allergen_exposure', 'U face_swelling', 'S hives', 'S hay_fever'],
  bleeding: [
    'A severe_bleeding',
    'U bleeding|nosebleed&c_blood_thinners',
  ],
  gi_bleed: [
    'gi_bleeding_with_shock A vomiting_blood|black_stools|rectal_bleeding&lightheadedness|fainting|mottled_skin|very_unwell',
    'E vomiting_blood',
    'E black_stools', // upper GI bleed (iron tablets mimic it; examine anyway)
    'E rectal_bleeding!',
    'E heavy_period&lightheadedness|fainting',
    'U rectal_bleeding',
  ],
  nosebleed: ['nosebleed_prolonged E nosebleed>0.5|nosebleed!', 'S nosebleed'], // over 30 min despite pressure
  pregnancy: [
    'pregnancy_abdominal_pain_with_collapse A pregnancy&abdominal_pain&fainting|loss_of_consciousness', // ruptured ectopic
    'E pregnancy&bleeding|severe_bleeding', // miscarriage, ectopic, abruption
    'E pregnancy&abdominal_pain&-abdominal_pain?',
    'E pregnancy&abdominal_pain!|abdominal_pain^|rigid_abdomen|shoulder_tip_pain',
    'pregnancy_headache_with_warning_signs E headache&pregnancy&blurred_vision|vision_loss|face_swelling|hand_swelling|abdominal_pain', // pre-eclampsia
    'E labour',
    'E reduced_fetal_movements',
    'U pregnancy&abdominal_pain?',
    'U headache&pregnancy',
    'U pregnancy&fever|high_fever|rigors',
    'U pregnancy&dehydration_signs', // hyperemesis
    'U pregnancy&urinary_symptoms', // pyelonephritis risk
  ],
  // Age is in whole years: 0 is under 12 months.
  child: [
    'infant_fever_with_red_flags A age_0&fever|high_fever&drowsiness|breathlessness|rapid_breathing|non_blanching_rash|mottled_skin|abnormal_cry|exertional_breathlessness',
    'E age_0&fever|high_fever|rigors', // serious infection until proven otherwise
    'toddler_fever_with_lethargy E age_1_2&high_fever|fever&drowsiness',
    'E drowsiness&under_5',
    'E under_5&abnormal_cry', // weak, high-pitched, grunting: NICE red features
    'E under_5&not_passing_urine',
    'E under_5&green_vomit', // malrotation, obstruction
    'E fontanelle', // raised pressure or severe dehydration
    'U age_1_2&high_fever',
    'U under_5&dehydration|dehydration_signs|not_feeding',
    'U age_0&vomiting',
    'U age_0&crying',
    'U age_0&jaundice',
    'U under_5&head_injury',
    'U under_5&burn',
  ],
  abdominal: [
    'abdominal_and_back_pain_older_adult A abdominal_pain&back_pain&age_50&abdominal_pain!|abdominal_pain^|fainting|lightheadedness', // ruptured aneurysm
    'E rigid_abdomen', // peritonitis
    'E abdominal_pain!',
    'E bowel_obstruction&abdominal_pain|vomiting',
    'appendicitis_signs E right_lower_pain&fever|high_fever|vomiting',
    'U abdominal_pain^',
    'U bowel_obstruction',
    'U right_lower_pain',
    'U+ abdominal_pain&fever|high_fever|rigors',
    'U abdominal_pain&vomiting&-abdominal_pain?',
    'U abdominal_pain&age_65',
    'U green_vomit',
    'C abdominal_pain&-abdominal_pain?',
  ],
  testicular: ['E testicular_pain^|testicular_pain!', 'U testicular_pain'], // torsion: surgery within 6 h
  gut: [
    'U vomiting>48',
    'C diarrhoea>168',
    'C constipation>336',
    'C heartburn~',
    'S abdominal_pain?',
    'S+ vomiting',
    'S+ diarrhoea',
    'S nausea',
    'S constipation',
    'S heartburn',
  ],
  head_injury: [
    'A head_injury&loss_of_consciousness|seizure|fainting',
    'head_injury_with_red_flags E head_injury&confusion|vomiting|drowsiness|loss_of_balance|blurred_vision|vision_loss|headache!|c_blood_thinners|slurred_speech', // NICE CT criteria
    'head_injury_with_headache_or_older_age U head_injury&headache|age_65',
    'C head_injury&-head_injury?',
    'S head_injury?',
  ],
  trauma: [
    'A neck_or_spine_injury',
    'A major_trauma',
    'E severe_burn', // large, deep, facial, electrical or chemical
    'U fracture',
    'U road_accident',
    'U fall&age_65',
    'U cant_get_up',
  ],
  minor_injury: [
    'U deep_cut', // needs closing within hours
    'U animal_bite', // antibiotics, tetanus, rabies
    'burn_painful U burn!',
    'S minor_cut',
    'S burn',
    'S insect_bite',
  ],
  poison: ['E snake_bite', 'E poisoning'],
  musculoskeletal: [
    'C back_pain!',
    'C back_pain~',
    'C muscle_or_joint_pain~',
    'S back_pain',
    'S stiff_neck', // alone, without fever or headache: muscular
    'S muscle_or_joint_pain',
  ],
  spine: ['cauda_equina_signs E saddle_numbness|new_incontinence|urinary_retention&back_pain', 'E saddle_numbness'],
  fever: [
    'U+ high_fever>72|fever!>72',
    'U+ fever>120', // occult infection; Kawasaki disease in children
    'C+ fever>72',
    'U+ fever|high_fever&rigors', // rigors suggest bacteraemia
    'C+ high_fever',
    'S+ fever',
  ],
  infection: [
    'U+ back_pain&fever|high_fever', // spinal infection, pyelonephritis
    'U+ spreading_redness', // cellulitis
    'U c_diabetes&infection|spreading_redness|fever|high_fever',
    'C+ infection',
  ],
  skin: [
    'E skin_blistering', // Stevens-Johnson syndrome / toxic epidermal necrolysis
    'U+ rash&fever|high_fever',
    'C rash',
    'S skin_complaint',
  ],
  dehydration: [
    'dehydration_older_adult_or_diabetes E dehydration_signs|not_passing_urine&age_65|c_diabetes',
    'U dehydration_signs|not_passing_urine',
    'S+ dehydration',
  ],
  urinary: [
    'E flank_pain!', // renal colic: analgesia, exclude obstruction
    'U+ urinary_symptoms|flank_pain&fever|high_fever|rigors|vomiting', // pyelonephritis
    'U flank_pain',
    'U urinary_retention',
    'blood_in_urine_with_pain U blood_in_urine&fever|flank_pain|abdominal_pain',
    'C+ urinary_symptoms',
    'C blood_in_urine',
  ],
  diabetes: [
    'diabetes_vomiting_or_drowsy E c_diabetes&vomiting|dehydration_signs|rapid_breathing|drowsiness|confusion', // DKA, hypoglycaemia
    'high_blood_sugar_with_ketosis_signs E high_blood_sugar&vomiting|abdominal_pain|rapid_breathing|drowsiness|confusion',
    'U high_blood_sugar',
    'U low_blood_sugar',
  ],
  eye: [
    'E eye_chemical',
    'eye_pain_with_vision_change E eye_pain&blurred_vision|vision_loss|vomiting', // acute glaucoma
    'U eye_injury',
    'U eye_pain',
    'S red_eye',
  ],
  environment: ['E heatstroke', 'E hypothermia', 'U heat_exhaustion'],
  general: [
    'U very_unwell',
    'U jaundice', // hepatitis, biliary obstruction
    'C heavy_period',
    'C tiredness',
    'C weight_loss', // unexplained: malignancy work-up
    'C lump',
    'C ankle_swelling', // heart failure, kidney disease, medicines
    'S period_pain',
  ],
};

/**
 * Advice per family, `|`-separated: summary | possible conditions | a specific question |
 * self-care | watch for | specialist | emergency advice | flags (`t`: no teleconsultation at
 * consultation_24; `c`: crisis line first). Lists inside a field use `;`. Generic questions,
 * self-care and a generic red-flag warning are added by the engine.
 */
export const FAMILIES: Readonly<Record<string, string>> = {
  cardiac: 'these can be signs of a heart attack|Heart attack;Angina;Pulmonary embolism;Aortic dissection|Does exertion bring it on?||Pain that returns or spreads|cardiology|Rest; chew a 300 mg aspirin unless allergic or told not to.|t',
  heart_rhythm: 'a racing or irregular heartbeat needs an ECG|Atrial fibrillation;Anxiety;Overactive thyroid|How long do episodes last?|Less caffeine and alcohol|Fainting or chest pain|cardiology||',
  breathing: 'breathing trouble can quickly become dangerous|Asthma or COPD attack;Pneumonia;Pulmonary embolism|Any fever or wheeze?||Blue lips or unable to speak|respiratory medicine|Sit upright; use your reliever inhaler if you have one.|',
  exertion: 'being out of breath after exertion is usually normal when it settles within minutes|Normal response to exertion;Low fitness;Exercise-induced asthma|Does it settle within a few minutes of stopping?|Build up activity gradually|Breathlessness at rest or that does not settle, chest pain or fainting|general practice||',
  clot: 'a swollen, painful calf can be a blood clot|Deep vein thrombosis;Muscle strain;Cellulitis|Any breathlessness?||Breathlessness or chest pain|vascular medicine||t',
  respiratory: 'this sounds like a common respiratory infection|Cold or flu;Viral cough;Sinusitis|Any breathlessness?|Honey and lemon for a cough (not under age 1)|Breathlessness, or fever over 3 days|general practice||',
  ent: 'most throat and ear problems are minor, but some need a prompt check|Viral sore throat;Tonsillitis;Ear infection|Any trouble swallowing?|Warm drinks and soft food|Trouble breathing or swallowing saliva|ENT||',
  dental: 'tooth pain needs a dentist|Tooth decay;Dental abscess|Any facial swelling?|Salt-water mouth rinses|Swelling spreading to the eye or neck|dentistry||',
  stroke: 'these are warning signs of a stroke (FAST)|Stroke;Mini-stroke (TIA);Low blood sugar|||Symptoms that return||Note when symptoms started; do not eat or drink.|t',
  neuro: 'new neurological symptoms need prompt assessment|Stroke or TIA;Low blood sugar;Infection|When exactly did it start?|Sit or lie down; get up slowly|Face drooping, arm weakness or slurred speech|neurology||t',
  consciousness: 'losing consciousness needs urgent assessment|Faint;Heart rhythm problem;Seizure|||Another blackout||If breathing, turn them on their side; if not, start CPR.|t',
  seizure: 'a seizure needs emergency assessment|Epileptic seizure;Febrile seizure;Low blood sugar|||A seizure over 5 minutes||Do not restrain them or put anything in their mouth; after it stops, turn them on their side.|t',
  crisis: 'you deserve support right now|Mental health crisis|||Urges to act on these thoughts||Call or text 988 (Suicide & Crisis Lifeline) in the US, or your local emergency number, now, and stay with someone you trust.|tc',
  overdose: 'an overdose can harm even if you feel well|Poisoning or overdose|||Drowsiness or breathing changes||Keep the packets. US Poison Control: 1-800-222-1222. If intentional, you can also call or text 988.|t',
  mental: 'mental health deserves care like any other|Depression;Anxiety;Stress|Is it affecting daily life?|Keep a routine; talk to someone you trust|Thoughts of self-harm: call or text 988 (US) or your local emergency number|mental health||',
  meningitis: 'these can be signs of meningitis or sepsis|Meningitis;Meningococcal sepsis|||A rash that does not fade under a glass||Do not wait for a rash.|t',
  sepsis: 'these can be signs of sepsis|Sepsis;Severe infection|||Confusion or mottled skin||Say you are worried about sepsis.|t',
  thunderclap: 'a sudden severe headache can mean bleeding in the brain|Subarachnoid haemorrhage;Severe migraine|||Confusion or weakness|||t',
  headache: 'most headaches are not serious, but some need a prompt check|Tension headache;Migraine;Dehydration|Is it unlike your usual headaches?|Rest in a dark room; drink water|A sudden or worst-ever headache, or fever with a stiff neck|neurology||',
  anaphylaxis: 'these are signs of anaphylaxis|Anaphylaxis;Angioedema|||Swelling of lips, tongue or throat||Use an adrenaline auto-injector (EpiPen) now if you have one; lie down, or sit up if breathing is hard.|t',
  allergy: 'allergic reactions can worsen, so watch closely|Allergic reaction;Hives;Hay fever|What might have triggered it?|A non-drowsy antihistamine;Avoid the trigger|Swelling of lips or throat, or wheezing|allergy||',
  bleeding: 'heavy bleeding is an emergency|Major blood loss|Do you take blood thinners?||Bleeding despite pressure|general practice|Press firmly on the wound and keep pressing.|t',
  gi_bleed: 'bleeding from the gut needs prompt assessment|Stomach ulcer;Haemorrhoids;Bowel inflammation|How much blood?||Dizziness or black stools|gastroenterology|Lie down if you feel faint.|t',
  nosebleed: 'most nosebleeds stop with pressure|Nosebleed|Do you take blood thinners?|Lean forward and pinch the soft nose for 10 to 15 minutes|Bleeding over 20 minutes|ENT|Lean forward and pinch the soft nose.|',
  pregnancy: 'in pregnancy this needs same-day maternity care|Miscarriage or ectopic pregnancy;Pre-eclampsia;Labour|How many weeks pregnant?||Bleeding, severe pain or reduced movements|obstetrics|Call your maternity unit on the way.|',
  child: 'young children can become seriously ill quickly|Viral infection;Serious bacterial infection;Dehydration|Is the child drinking and alert?||Drowsy, floppy or fewer wet nappies|paediatrics|Bring any medicines given.|t',
  abdominal: 'this abdominal pain needs examining|Appendicitis;Gallstones or kidney stones;Gastroenteritis|Where is the pain, and could you be pregnant?|Sip fluids; eat light food|Severe or constant pain|general surgery|Do not eat or drink until assessed.|t',
  testicular: 'sudden testicle pain can be torsion, which needs surgery within hours|Testicular torsion;Epididymitis|||Sudden severe pain or swelling|urology|Do not eat or drink.|t',
  gut: 'most gut upsets are short-lived, but some need a prompt check|Gastroenteritis;Reflux;Constipation|Can you keep fluids down?|Sip fluids often; oral rehydration for vomiting or diarrhoea|Blood in vomit or stool, or black stools|gastroenterology||',
  head_injury: 'some signs after a head injury need a scan|Concussion;Bleeding inside the skull|Did you lose consciousness?|Have someone stay with you for 24 hours|Vomiting, worsening headache or drowsiness|general practice|Keep still if the neck may be hurt.|t',
  trauma: 'this injury needs prompt care|Fracture;Internal injury|Can you bear weight on it?||Numbness or cold skin beyond the injury|orthopaedics|Do not move anyone who may have a neck or back injury.|t',
  minor_injury: 'most wounds, burns and bites heal well with the right care|Minor wound;Superficial burn;Bite|Is your tetanus up to date?|Rinse wounds and cover;Cool burns under running water for 20 minutes|Spreading redness, pus or fever|general practice||',
  poison: 'poisoning needs emergency care|Poisoning|||Drowsiness or breathing changes||US Poison Control: 1-800-222-1222. Do not make them vomit; keep the container.|t',
  musculoskeletal: 'this sounds like a muscle or joint problem|Muscle strain;Back strain;Sprain|Any numbness or weakness?|Keep gently active;Heat or ice|Numbness in the groin or bladder changes|physiotherapy||',
  spine: 'these can be signs of cauda equina syndrome|Cauda equina syndrome;Spinal cord compression|||Worsening numbness|||t',
  fever: 'a fever is usually viral but needs watching|Viral infection;Flu;Bacterial infection|What is the highest temperature?|Light clothing; do not over-wrap|Drowsiness, stiff neck, or a rash that does not fade|general practice||',
  infection: 'infection may need antibiotics|Cellulitis;Wound infection;Abscess|Is the redness spreading?|Keep it clean and raised|Fast-spreading redness or chills|general practice||',
  skin: 'most rashes are not serious, but a rash with fever needs a prompt check|Eczema;Viral rash;Allergic reaction|Does the rash fade under a pressed glass?|Fragrance-free moisturiser|A rash that does not fade, or blistering|dermatology||',
  dehydration: 'dehydration can become serious|Dehydration;Gastroenteritis|When did you last pass urine?|Sip oral rehydration solution often|No urine for 12 hours, or confusion|general practice||t',
  urinary: 'this is often an infection needing antibiotics|Urinary tract infection;Kidney infection;Kidney stones|Any fever or back pain?|Drink plenty of water|Fever, or pain in the back or side|urology||',
  diabetes: 'with diabetes this needs prompt care|Diabetic ketoacidosis;High blood sugar;Low blood sugar|What are your sugar and ketone readings?||Vomiting, fast breathing or drowsiness|endocrinology|If sugar is low and they can swallow, give fast sugar.|',
  eye: 'eye problems affecting vision need prompt care|Conjunctivitis;Corneal injury;Glaucoma|Is your vision affected?|Clean sticky eyes with cooled boiled water|Vision changes or severe pain|ophthalmology|Rinse chemicals out with running water for 20 minutes.|',
  environment: 'extreme heat or cold can be dangerous|Heatstroke;Heat exhaustion;Hypothermia|Any confusion?|Rest somewhere cool and drink water|Confusion or fainting|general practice|Cool with water and fanning, or warm gradually.|',
  general: 'this needs checking by a doctor|Several common causes are possible||||general practice||',
};
