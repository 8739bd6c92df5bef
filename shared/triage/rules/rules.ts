/**
 * The red-flag rules, one string each: `id LEVEL expression family`.
 *
 * LEVEL: A emergency_ambulance · E emergency · U consultation_24 · C consultation · S self_care.
 * A trailing `+` marks an infection rule, raised one step for age ≥ 65 or a weak immune system.
 * expression: terms joined by `&` (all must hold); a term is alternatives joined by `|` (any may
 * hold), `-` before a term means "none of these". An alternative is a concept id from
 * `concepts.ts`, or a context flag (age_0, age_1_2, under_5, age_50, age_65, pregnancy), with an
 * optional qualifier:
 *   `!` severe (structured severity ≥ 8, or "severe", "worst", "10/10"… beside it)
 *   `^` sudden (onset 'sudden', or "suddenly", "out of nowhere"… in its sentence)
 *   `?` mild (reported only as structured symptoms, all severity ≤ 3, nothing says severe)
 *   `~` mild and long-standing (structured severity ≤ 4 for ≥ 1 week, not sudden or severe)
 *   `>N` lasting at least N hours (structured duration, or "for 3 days" in its sentence)
 * Text can only ever raise: `?` and `~` need structured severities, so free text alone never
 * lowers a level. Every rule states its reason; the family names the advice in FAMILIES.
 */
export const RULES: readonly string[] = [
  // ── Heart. Acute coronary syndrome is the under-triage that kills: chest pain with any
  // autonomic, respiratory or radiating feature, or simply severe, goes by ambulance.
  'chest_pain_with_sweating A chest_pain&sweating cardiac', // sympathetic surge of myocardial ischaemia
  'chest_pain_with_breathlessness A chest_pain&breathlessness|severe_breathing_difficulty|rapid_breathing cardiac', // ACS, PE, pneumothorax
  'chest_pain_radiating A chest_pain&radiating|arm_pain|jaw_pain|back_pain cardiac', // ischaemic radiation; to the back: aortic dissection
  'chest_pain_with_nausea_or_faintness A chest_pain&nausea|vomiting|lightheadedness|fainting|palpitations cardiac', // atypical ACS, arrhythmia
  'chest_pain_severe A chest_pain! cardiac',
  'chest_pain_known_heart_disease A chest_pain&c_heart_disease cardiac', // known coronary disease: pain is ischaemic until proven otherwise
  'tearing_pain_chest_or_back A tearing_pain&chest_pain|back_pain|abdominal_pain cardiac', // aortic dissection
  'heart_attack_suspected A heart_attack cardiac', // the person's own suspicion is taken at face value
  'chest_pain E chest_pain&-chest_pain~ cardiac', // any new chest pain needs an ECG within the hour
  'chest_pain_mild_persistent U chest_pain~ cardiac', // weeks of mild pain: still same-day review, not an ambulance
  'heartburn_with_cardiac_features A heartburn&sweating|breathlessness|radiating|arm_pain|jaw_pain|fainting|lightheadedness cardiac', // MI often masquerades as indigestion
  'palpitations_with_collapse A palpitations&fainting|loss_of_consciousness|severe_breathing_difficulty heart_rhythm', // unstable arrhythmia
  'palpitations_with_breathlessness E palpitations&breathlessness|lightheadedness|chest_pain heart_rhythm',
  'palpitations U palpitations&-palpitations~ heart_rhythm',
  'palpitations_mild_persistent C palpitations~ heart_rhythm',

  // ── Breathing: severe (can't speak in sentences, blue lips, choking) by ambulance; any other
  // new breathlessness the same hour; only mild, self-rated breathlessness waits a day.
  'breathing_difficulty_severe A severe_breathing_difficulty|breathlessness! breathing',
  'asthma_not_responding_to_inhaler A inhaler_not_working&breathlessness|wheeze breathing', // life-threatening asthma
  'breathing_difficulty E breathlessness&-breathlessness? breathing',
  'breathing_difficulty_mild U breathlessness? breathing',
  'inhaler_not_working E inhaler_not_working breathing',
  'rapid_breathing E rapid_breathing breathing', // tachypnoea: sepsis, asthma, acidosis
  'wheeze U wheeze breathing',
  'coughing_blood_with_breathlessness E coughing_blood&breathlessness|chest_pain|calf_swelling breathing', // pulmonary embolism
  'coughing_blood_heavy E coughing_blood! breathing',
  'coughing_blood U coughing_blood breathing',
  'leg_swelling_with_breathlessness E calf_swelling&breathlessness breathing', // DVT with PE
  'calf_swelling_possible_clot U calf_swelling breathing', // DVT needs a scan within 24 h
  'cough_long_lasting C cough>504 respiratory', // over 3 weeks: chest X-ray territory
  'cough S+ cough respiratory',
  'cold_or_flu_long_lasting C cold_or_flu>240 respiratory',
  'cold_or_flu S+ cold_or_flu respiratory',
  'sore_throat S+ sore_throat ent',
  'sore_throat_long_lasting C sore_throat>168 ent',
  'earache S+ earache ent',
  'earache_with_fever C+ earache&fever|high_fever ent',
  'drooling_or_cant_swallow_saliva E drooling_or_cant_swallow_saliva ent', // epiglottitis, quinsy: airway threat
  'swallowing_difficulty U swallowing_difficulty ent', // food bolus, oesophageal obstruction
  'toothache C toothache dental',
  'dental_swelling_with_fever U toothache&face_swelling|fever dental', // spreading dental abscess

  // ── Stroke: any one FAST sign (face, arm, speech) is a stroke until proven otherwise; time is brain.
  'stroke_face_droop A face_droop stroke',
  'stroke_arm_weakness A arm_weakness stroke',
  'stroke_speech_difficulty A slurred_speech stroke',
  'stroke_suspected A stroke stroke',
  'sudden_confusion A confusion^ stroke', // acute onset: stroke, hypoglycaemia, sepsis
  'sudden_dizziness_with_neuro_signs A lightheadedness^|loss_of_balance^&headache|blurred_vision|vision_loss stroke', // posterior circulation stroke
  'sudden_dizziness_cannot_walk A lightheadedness^&loss_of_balance stroke', // vertigo with inability to walk: cerebellar stroke
  'sudden_loss_of_balance E loss_of_balance^ neuro',
  'vision_loss E vision_loss neuro', // retinal artery occlusion, TIA, detachment
  'sudden_blurred_vision E blurred_vision^ neuro',
  'blurred_vision U blurred_vision neuro',
  'loss_of_balance U loss_of_balance neuro',
  'confusion E confusion&-confusion~ neuro', // delirium is a medical emergency
  'confusion_long_standing U confusion~ neuro',
  'drowsiness U drowsiness neuro',
  'drowsiness_with_fever E drowsiness&fever|high_fever neuro', // altered consciousness with infection
  'drowsiness_young_child E drowsiness&under_5 child',

  // ── Consciousness and seizures
  'loss_of_consciousness A loss_of_consciousness consciousness',
  'fainting E fainting consciousness', // transient loss of consciousness: needs an ECG today
  'fainting_with_injury A fainting&head_injury|fall|minor_cut|deep_cut|fracture|severe_bleeding consciousness',
  'fainting_with_cardiac_features A fainting&chest_pain|palpitations|breathlessness|c_heart_disease|age_65|pregnancy consciousness', // arrhythmia, PE, ectopic
  'seizure A seizure&-c_epilepsy seizure', // a first or unexplained seizure
  'seizure_prolonged_or_first A prolonged_or_first_seizure seizure', // status epilepticus risk
  'seizure_with_risk A seizure&head_injury|pregnancy|breathlessness|c_diabetes|fever seizure', // injury, eclampsia, hypoglycaemia
  'seizure_known_epilepsy E seizure&c_epilepsy seizure',

  // ── Mental health: crisis-line advice at emergency level; an overdose is treated as poisoning.
  'suicidal_thoughts E suicidal_thoughts crisis',
  'self_harm E self_harm crisis',
  'overdose A overdose overdose', // paracetamol and others harm hours later, even when the person feels well
  'risk_of_harm_to_others E harm_to_others crisis',
  'psychosis U psychosis mental',
  'low_mood C low_mood mental',
  'anxiety C anxiety mental',
  'insomnia S insomnia mental',
  'insomnia_long_lasting C insomnia>336 mental',

  // ── Meningitis and sepsis
  'meningitis_fever_stiff_neck A fever|high_fever&stiff_neck meningitis',
  'meningitis_non_blanching_rash A non_blanching_rash&fever|high_fever|drowsiness|headache|very_unwell|vomiting|stiff_neck|under_5 meningitis', // meningococcal disease
  'non_blanching_rash E non_blanching_rash meningitis',
  'meningitis_headache_light_sensitivity A headache&light_sensitivity&fever|high_fever|stiff_neck meningitis',
  'headache_with_stiff_neck E headache&stiff_neck meningitis', // meningitis or subarachnoid blood
  'fontanelle_bulging_or_sunken E fontanelle child', // raised pressure or severe dehydration
  'sepsis_signs A fever|high_fever|rigors|infection|spreading_redness|sepsis&confusion|mottled_skin|rapid_breathing|very_unwell|not_passing_urine|drowsiness^|severe_breathing_difficulty sepsis',
  'sepsis_suspected E sepsis sepsis',
  'fever_during_chemotherapy E fever|high_fever|rigors&c_chemotherapy sepsis', // neutropenic sepsis: antibiotics within the hour
  'sickle_cell_crisis E c_sickle_cell&fever|high_fever|chest_pain|breathlessness sepsis', // acute chest syndrome, sepsis
  'very_unwell U very_unwell general',

  // ── Headache: sudden "worst ever" is bleeding until proven otherwise.
  'thunderclap_headache E worst_headache thunderclap',
  'sudden_severe_headache E headache^&headache! thunderclap',
  'thunderclap_headache_with_neuro_signs A worst_headache|headache^&confusion|drowsiness|loss_of_consciousness|fainting|seizure|stiff_neck|vomiting|vision_loss|blurred_vision thunderclap',
  'headache_with_confusion E headache&confusion neuro',
  'headache_with_vision_loss E headache&vision_loss neuro', // giant cell arteritis, raised pressure
  'headache_in_pregnancy_with_warning_signs E headache&pregnancy&blurred_vision|vision_loss|face_swelling|hand_swelling|abdominal_pain pregnancy', // pre-eclampsia
  'headache_in_pregnancy U headache&pregnancy pregnancy',
  'headache_with_light_sensitivity U headache&light_sensitivity&-c_migraine headache',
  'headache_with_vomiting U headache&vomiting&-c_migraine headache',
  'headache_severe U headache!&-c_migraine headache',
  'headache_new_after_50 U headache&age_50&-headache?&-headache~&-c_migraine headache', // temporal arteritis, tumour
  'headache C headache&-headache? headache',
  'headache_mild S headache? headache',

  // ── Allergy: airway swelling or breathing trouble after an exposure is anaphylaxis.
  'anaphylaxis_airway_swelling A airway_swelling anaphylaxis',
  'anaphylaxis A anaphylaxis anaphylaxis',
  'anaphylaxis_breathing_after_exposure A breathlessness|wheeze|severe_breathing_difficulty&allergen_exposure|allergic_reaction|hives|face_swelling anaphylaxis',
  'anaphylaxis_hives_with_collapse A hives|allergic_reaction&lightheadedness|fainting|mottled_skin anaphylaxis', // circulatory involvement
  'allergic_face_swelling E face_swelling&hives|allergen_exposure|allergic_reaction anaphylaxis',
  'allergic_reaction U allergic_reaction|hives&allergen_exposure allergy',
  'face_swelling U face_swelling allergy',
  'hives S hives allergy',
  'hay_fever S hay_fever hay_fever',

  // ── Bleeding
  'severe_bleeding A severe_bleeding bleeding',
  'gi_bleeding_with_shock A vomiting_blood|black_stools|rectal_bleeding&lightheadedness|fainting|mottled_skin|very_unwell gi_bleed', // haemodynamic compromise
  'vomiting_blood E vomiting_blood gi_bleed',
  'black_stools E black_stools gi_bleed', // upper GI bleed (iron tablets can mimic it; examine anyway)
  'rectal_bleeding_heavy E rectal_bleeding! gi_bleed',
  'rectal_bleeding U rectal_bleeding gi_bleed',
  'bleeding_on_blood_thinners U bleeding|nosebleed&c_anticoagulated bleeding',
  'nosebleed_prolonged E nosebleed>0.5|nosebleed! nosebleed', // over 30 minutes despite pressure
  'nosebleed S nosebleed nosebleed',
  'heavy_period_with_faintness E heavy_period&lightheadedness|fainting gi_bleed',
  'heavy_period C heavy_period general',
  'period_pain S period_pain general',

  // ── Pregnancy
  'pregnancy_bleeding E pregnancy&bleeding|severe_bleeding pregnancy', // miscarriage, ectopic, abruption
  'pregnancy_abdominal_pain_with_collapse A pregnancy&abdominal_pain&fainting|loss_of_consciousness pregnancy', // ruptured ectopic
  'pregnancy_abdominal_pain E pregnancy&abdominal_pain&-abdominal_pain? pregnancy',
  'pregnancy_severe_abdominal_pain E pregnancy&abdominal_pain!|abdominal_pain^|rigid_abdomen|shoulder_tip_pain pregnancy',
  'pregnancy_abdominal_pain_mild U pregnancy&abdominal_pain? pregnancy',
  'pregnancy_labour E labour pregnancy',
  'pregnancy_reduced_fetal_movements E reduced_fetal_movements pregnancy',
  'pregnancy_fever U pregnancy&fever|high_fever|rigors pregnancy',
  'pregnancy_vomiting U pregnancy&cant_keep_fluids_down pregnancy', // hyperemesis
  'pregnancy_urinary_symptoms U pregnancy&urinary_symptoms pregnancy', // pyelonephritis risk

  // ── Infants and young children (age is in whole years: 0 is under 12 months)
  'infant_fever E age_0&fever|high_fever|rigors child', // under 1 with fever: serious infection until proven otherwise
  'infant_fever_with_red_flags A age_0&fever|high_fever&drowsiness|breathlessness|rapid_breathing|non_blanching_rash|mottled_skin|abnormal_cry child',
  'toddler_high_fever_with_lethargy E age_1_2&high_fever|fever&drowsiness child',
  'toddler_high_fever U age_1_2&high_fever child',
  'young_child_abnormal_cry E under_5&abnormal_cry child', // weak, high-pitched or grunting: NICE red features
  'young_child_not_passing_urine E under_5&not_passing_urine child',
  'young_child_dehydration U under_5&dehydration|cant_keep_fluids_down|not_feeding child',
  'young_child_green_vomit E under_5&green_vomit child', // malrotation, obstruction
  'infant_vomiting U age_0&vomiting child',
  'infant_crying U age_0&crying child',
  'infant_jaundice U age_0&jaundice child',
  'young_child_head_injury U under_5&head_injury child',
  'young_child_burn U under_5&burn child',

  // ── Abdomen
  'abdominal_pain_rigid E rigid_abdomen abdominal', // peritonitis
  'abdominal_pain_severe E abdominal_pain! abdominal',
  'abdominal_pain_sudden U abdominal_pain^ abdominal',
  'abdominal_and_back_pain_older_adult A abdominal_pain&back_pain&age_50&abdominal_pain!|abdominal_pain^|fainting|lightheadedness abdominal', // ruptured aortic aneurysm
  'bowel_obstruction E bowel_obstruction&abdominal_pain|vomiting abdominal',
  'bowel_obstruction_possible U bowel_obstruction abdominal',
  'appendicitis_signs E right_lower_abdomen&fever|high_fever|vomiting abdominal',
  'appendicitis_possible U right_lower_abdomen abdominal',
  'abdominal_pain_with_fever U+ abdominal_pain&fever|high_fever|rigors abdominal',
  'abdominal_pain_with_vomiting U abdominal_pain&vomiting&-abdominal_pain? abdominal',
  'abdominal_pain_older_adult U abdominal_pain&age_65 abdominal',
  'abdominal_pain C abdominal_pain&-abdominal_pain? abdominal',
  'abdominal_pain_mild S abdominal_pain? gut',
  'green_vomit U green_vomit abdominal',
  'testicular_pain_sudden E testicular_pain^|testicular_pain! testicular', // torsion: surgery within 6 h saves the testis
  'testicular_pain U testicular_pain testicular',
  'jaundice U jaundice gut', // hepatitis, biliary obstruction
  'vomiting_long_lasting U vomiting>48 gut',
  'vomiting S+ vomiting gut',
  'diarrhoea_long_lasting C diarrhoea>168 gut',
  'diarrhoea S+ diarrhoea gut',
  'nausea S nausea gut',
  'constipation S constipation gut',
  'constipation_long_lasting C constipation>336 gut',
  'heartburn S heartburn gut',
  'heartburn_persistent C heartburn~ gut',

  // ── Head, spine, trauma
  'head_injury_with_loss_of_consciousness A head_injury&loss_of_consciousness|seizure|fainting head_injury',
  'head_injury_with_red_flags E head_injury&confusion|vomiting|drowsiness|loss_of_balance|blurred_vision|vision_loss|headache!|c_anticoagulated|slurred_speech head_injury', // NICE CT criteria
  'head_injury_with_headache_or_older_age U head_injury&headache|age_65 head_injury',
  'head_injury C head_injury&-head_injury? head_injury',
  'head_injury_minor S head_injury? head_injury',
  'neck_or_spine_injury A neck_or_spine_injury trauma',
  'major_trauma A major_trauma trauma',
  'fracture_suspected U fracture trauma',
  'road_accident U road_accident trauma',
  'fall_older_adult U fall&age_65 trauma',
  'cant_get_up_after_fall U cant_get_up trauma',
  'deep_cut U deep_cut minor_injury', // needs closing within hours
  'minor_cut S minor_cut minor_injury',
  'burn_severe E severe_burn trauma', // large, deep, facial, electrical or chemical burns
  'burn_painful U burn! minor_injury',
  'burn S burn minor_injury',
  'animal_bite U animal_bite minor_injury', // antibiotics, tetanus, rabies
  'snake_bite E snake_bite poison',
  'insect_bite S insect_bite minor_injury',
  'poisoning E poisoning poison',
  'muscle_or_joint_pain S muscle_or_joint_pain musculoskeletal',
  'muscle_or_joint_pain_persistent C muscle_or_joint_pain~ musculoskeletal',
  'back_pain S back_pain musculoskeletal',
  'stiff_neck S stiff_neck musculoskeletal', // alone, without fever or headache: muscular
  'back_pain_persistent C back_pain~ musculoskeletal',
  'back_pain_severe C back_pain! musculoskeletal',
  'back_pain_with_fever U+ back_pain&fever|high_fever musculoskeletal', // spinal infection, pyelonephritis
  'cauda_equina_signs E saddle_numbness|new_incontinence|urinary_retention&back_pain spine',
  'saddle_numbness E saddle_numbness spine',
  'urinary_retention U urinary_retention urinary',

  // ── Infection and fever
  'high_fever_several_days U+ high_fever>72|fever!>72 fever',
  'fever_five_days U+ fever>120 fever', // prolonged fever: occult infection, Kawasaki disease in children
  'fever_with_rigors U+ fever|high_fever&rigors fever', // rigors suggest bacteraemia
  'high_fever C+ high_fever fever',
  'fever S+ fever fever',
  'spreading_redness U+ spreading_redness infection', // cellulitis
  'infection C+ infection infection',
  'diabetes_with_infection U c_diabetes&infection|spreading_redness|fever|high_fever infection',
  'rash_with_fever U+ rash&fever|high_fever skin',
  'rash C rash skin',
  'skin_peeling_or_blistering E skin_peeling_or_blistering skin', // Stevens-Johnson / toxic epidermal necrolysis
  'skin_complaint S skin_complaint skin',

  // ── Fluids, urine, kidneys
  'dehydration_severe U cant_keep_fluids_down|not_passing_urine dehydration',
  'dehydration_severe_older_adult E cant_keep_fluids_down|not_passing_urine&age_65|c_diabetes dehydration',
  'dehydration S+ dehydration dehydration',
  'urinary_symptoms_with_fever U+ urinary_symptoms|flank_pain&fever|high_fever|rigors|vomiting urinary', // pyelonephritis
  'urinary_symptoms C+ urinary_symptoms urinary',
  'flank_pain_severe E flank_pain! urinary', // renal colic needs analgesia, obstruction excluded
  'flank_pain U flank_pain urinary',
  'blood_in_urine C blood_in_urine urinary',
  'blood_in_urine_with_pain U blood_in_urine&fever|flank_pain|abdominal_pain urinary',

  // ── Diabetes
  'diabetes_vomiting_or_drowsy E c_diabetes&vomiting|cant_keep_fluids_down|rapid_breathing|drowsiness|confusion diabetes', // DKA, hypoglycaemia
  'high_blood_sugar_with_ketosis_signs E high_blood_sugar&vomiting|abdominal_pain|rapid_breathing|drowsiness|confusion diabetes',
  'high_blood_sugar U high_blood_sugar diabetes',
  'low_blood_sugar U low_blood_sugar diabetes',

  // ── Eyes
  'eye_chemical_injury E eye_chemical eye',
  'eye_pain_with_vision_change E eye_pain&blurred_vision|vision_loss|vomiting eye', // acute glaucoma
  'eye_injury U eye_injury eye',
  'eye_pain U eye_pain eye',
  'red_eye S red_eye eye',

  // ── Environment
  'heatstroke E heatstroke environment',
  'heat_exhaustion U heat_exhaustion environment',
  'hypothermia E hypothermia environment',

  // ── General
  'tiredness C tiredness general',
  'weight_loss C weight_loss general', // unexplained weight loss: malignancy work-up
  'lump C lump general',
  'fainting_feeling_older_adult U lightheadedness&age_65 neuro',
  'lightheadedness C lightheadedness&-lightheadedness? neuro',
  'lightheadedness_mild S lightheadedness? neuro',
  'ankle_swelling C ankle_swelling general', // both ankles: heart failure, kidney disease, medicines
];

/**
 * Advice per family, `|`-separated fields: summary sentence | possible conditions | follow-up
 * questions | self-care | watch for | specialist | emergency advice | flags (`t` no
 * teleconsultation below emergency level, `c` crisis line first). Lists inside a field use `;`.
 */
export const FAMILIES: Readonly<Record<string, string>> = {
  cardiac:
    'these can be signs of a heart attack or another heart or lung emergency|Heart attack (acute coronary syndrome);Angina;Pulmonary embolism;Aortic dissection|Does the pain come on with exertion and ease with rest?;Does it change with breathing, movement or pressing on the chest?;Do you have heart disease, diabetes or high blood pressure, or smoke?||Chest pain that returns, worsens or spreads;Breathlessness, sweating or fainting|cardiology|Sit down and rest while you wait. Chew one 300 mg aspirin unless you are allergic to it or have been told not to take it.|t',
  heart_rhythm:
    'a fast or irregular heartbeat needs an ECG, especially with other symptoms|Atrial fibrillation or another rhythm problem;Anxiety or panic;Overactive thyroid|Is the heartbeat regular or irregular, and how fast?;How long do episodes last?;Any fainting, chest pain or breathlessness?|Cut down on caffeine and alcohol;Note when episodes happen and how long they last|Fainting, chest pain or breathlessness|cardiology|Sit or lie down while you wait.|',
  breathing:
    'difficulty breathing can become life-threatening quickly|Asthma or COPD attack;Pneumonia;Pulmonary embolism;Heart failure|Did it start suddenly?;Are you wheezy or coughing, and is there a fever?;Can you speak in full sentences?||Blue or grey lips;Unable to speak in full sentences;Drowsiness or confusion|respiratory medicine|Sit upright. Use your reliever inhaler if you have one, as your asthma plan says.|',
  respiratory:
    'this sounds like a common respiratory infection|Common cold or flu;Viral cough;Sinusitis|How long has it lasted?;Any fever, breathlessness or chest pain?;Do you have asthma, COPD or a weak immune system?|Rest and drink plenty of fluids;Paracetamol or ibuprofen for fever or aches, if suitable for you;Honey and lemon in warm water for a cough (not for babies under 1)|Breathlessness or chest pain;Fever over 39 °C, or lasting more than 3 days;Coughing up blood;A cough lasting over 3 weeks|general practice||',
  ent:
    'this is usually a minor infection that settles by itself|Viral sore throat;Tonsillitis;Ear infection|How long has it lasted?;Any fever, or trouble swallowing or breathing?|Paracetamol or ibuprofen if suitable;Warm drinks, soft foods and rest|Difficulty breathing or swallowing saliva;Swelling of the neck or face;Fever lasting over 3 days|ENT (ear, nose and throat)|Sit upright and do not lie flat.|',
  dental:
    'tooth pain needs a dentist|Tooth decay;Dental abscess|Is there swelling of the face or gum?;Any fever?|Salt-water mouth rinses;Paracetamol or ibuprofen if suitable|Facial swelling spreading towards the eye or neck;Fever or trouble swallowing|dentistry||',
  stroke:
    'these are warning signs of a stroke (FAST: face, arms, speech, time)|Stroke;Transient ischaemic attack (mini-stroke);Low blood sugar|||Face drooping, arm weakness or speech problems||Note the time the symptoms started. Do not eat or drink anything.|t',
  neuro:
    'new neurological symptoms need prompt assessment|Stroke or mini-stroke;Low blood sugar;Infection;Medication side effect|When exactly did it start?;Is it getting worse, or coming and going?;Any headache, weakness, numbness or speech problems?|Sit or lie down until it passes; get up slowly;Drink water and eat regularly|Face drooping, arm weakness or slurred speech;Fainting or a seizure|neurology||t',
  consciousness:
    'a loss of consciousness needs urgent medical assessment|Fainting (vasovagal syncope);Heart rhythm problem;Low blood sugar;Seizure|||Another blackout, chest pain or palpitations||If they are breathing, lay them on their side (recovery position); if they are not breathing normally, start CPR.|t',
  seizure:
    'a seizure needs emergency assessment, especially a first one or one lasting over 5 minutes|Epileptic seizure;Febrile seizure (children);Low blood sugar;Head injury or stroke|||A seizure lasting over 5 minutes or repeating||Do not hold them down or put anything in their mouth. Move hard objects away, time the seizure, and once it stops roll them onto their side.|t',
  crisis:
    'you deserve support right now: thoughts of suicide or self-harm are an emergency|Mental health crisis|||Thoughts of acting on suicidal feelings||Call or text 988 (Suicide & Crisis Lifeline) in the US, or your local emergency number, now. If you might act on these thoughts, call emergency services or go to an emergency department, and stay with someone you trust.|tc',
  overdose:
    'an overdose can cause serious harm even if you feel well now|Poisoning or overdose|||Drowsiness, vomiting or breathing changes||Keep the medicine packets to show the responders. In the US, Poison Control is 1-800-222-1222. If it was intentional, you can also call or text 988 (Suicide & Crisis Lifeline).|t',
  mental:
    'mental health symptoms deserve care like any others|Depression;Anxiety disorder;Stress reaction|How long have you felt this way?;Is it affecting sleep, eating, work or relationships?;Have you had any thoughts of harming yourself?|Keep a regular sleep routine and daily activity;Talk to someone you trust;Limit alcohol and caffeine|Thoughts of suicide or self-harm: call or text 988 in the US, or your local emergency number|mental health (psychiatry or psychology)||',
  meningitis:
    'together these can be signs of meningitis or sepsis|Meningitis;Meningococcal sepsis;Encephalitis|||A rash that does not fade under a glass||Do not wait for a rash to appear or to fade.|t',
  sepsis:
    'these can be signs of sepsis, a life-threatening reaction to infection|Sepsis;Severe infection|||Confusion, mottled skin or fast breathing||Tell the responders you are worried about sepsis.|t',
  thunderclap:
    'a sudden, severe headache can mean bleeding around the brain|Subarachnoid haemorrhage;Other bleeding in the brain;Severe migraine|||Confusion, drowsiness or weakness||Do not drive yourself.|t',
  headache:
    'most headaches are not serious, but some patterns need prompt care|Tension headache;Migraine;Sinusitis;Dehydration|Did it start suddenly or build up?;Is it different from your usual headaches?;Any fever, stiff neck, vision changes, weakness or confusion?|Rest in a quiet, dark room;Drink water;Paracetamol or ibuprofen if suitable (not on more than 10 days a month)|A sudden, severe or worst-ever headache;Fever with a stiff neck or rash;Weakness, confusion or trouble speaking|neurology||',
  anaphylaxis:
    'these are signs of a severe allergic reaction (anaphylaxis)|Anaphylaxis;Angioedema|||Swelling of lips, tongue or throat||Use an adrenaline auto-injector (e.g. EpiPen) now if one is available, and a second after 5 minutes if no better. Lie down with legs raised, or sit up if breathing is hard.|t',
  allergy:
    'an allergic reaction needs watching because it can worsen|Allergic reaction;Hives (urticaria)|What might have triggered it (food, medicine, sting)?;Any swelling of the lips, tongue or throat?;Any breathing difficulty or dizziness?|A non-drowsy antihistamine can ease itching;Avoid the suspected trigger;Cool compresses for itchy skin|Swelling of lips, tongue or throat;Wheezing or difficulty breathing;Feeling faint|allergy and immunology||',
  hay_fever:
    'this sounds like hay fever (allergic rhinitis)|Hay fever (allergic rhinitis);Common cold|Are symptoms worse outdoors or in certain seasons?;Any wheezing or breathlessness?|Antihistamine tablets or a steroid nasal spray from a pharmacy;Shower and change clothes after being outdoors;Keep windows closed when pollen counts are high|Wheezing or breathlessness|allergy and immunology||',
  bleeding:
    'heavy bleeding is an emergency|Major blood loss|How much blood, and for how long?;Do you take blood thinners?||Bleeding that will not stop with firm pressure;Dizziness or fainting|general practice|Press firmly on the wound with a clean cloth and keep pressing; raise the injured part if you can.|t',
  gi_bleed:
    'bleeding from the gut needs prompt assessment|Stomach or duodenal ulcer;Haemorrhoids or fissure;Bowel inflammation|How much blood, and for how long?;Any dizziness, black stools or tummy pain?;Do you take blood thinners or anti-inflammatories?||Dizziness or fainting;Large amounts of blood;Black, tarry stools|gastroenterology|Lie down if you feel faint; keep anything you have vomited or passed to show.|t',
  nosebleed:
    'most nosebleeds stop with firm pressure|Nosebleed (epistaxis)|How long has it bled despite pressure?;Do you take blood thinners?|Sit up, lean forward and pinch the soft part of the nose for 10 to 15 minutes;Breathe through your mouth and do not lie down;Avoid blowing your nose for a day|Bleeding for more than 20 minutes despite pressure;Heavy bleeding or feeling faint|ENT (ear, nose and throat)|Sit up, lean forward and pinch the soft part of the nose.|',
  pregnancy:
    'in pregnancy this needs same-day assessment by a maternity service|Miscarriage or ectopic pregnancy;Pre-eclampsia;Labour or a placental problem|How many weeks pregnant are you?;Any bleeding, fluid leaking or pain?;Is the baby moving as usual?||Bleeding, severe tummy pain or fluid leaking;Severe headache, vision changes or sudden swelling;Reduced baby movements|obstetrics|Call your maternity unit or labour ward on the way.|',
  child:
    'young children can become seriously ill quickly|Viral infection;Serious bacterial infection;Dehydration|Is the child drinking and having wet nappies?;Are they alert and responsive when awake?;Any rash, fast breathing or unusual cry?||Drowsy or hard to wake, floppy, or an unusual cry;A rash that does not fade under a glass;Fast or difficult breathing;Fewer wet nappies or no tears|paediatrics|Bring any medicines the child has been given.|t',
  abdominal:
    'this kind of abdominal pain needs a clinician to examine you|Appendicitis;Gallstones or kidney stones;Gastroenteritis;Bowel obstruction|Where is the pain, and has it moved?;Any fever, vomiting, or blood in stool or vomit?;Could you be pregnant?|Sip fluids and eat light, plain food;A heat pad for cramps;Paracetamol if suitable|Pain becoming severe or constant;A rigid or very tender belly;Vomiting blood or black stools;Fever with the pain|general surgery or gastroenterology|Do not eat or drink until you have been assessed.|t',
  gut:
    'this is usually a short-lived stomach or gut problem|Gastroenteritis;Reflux or indigestion;Constipation|How long has it lasted?;Any blood, black stools or severe pain?;Can you keep fluids down?|Sip fluids often; oral rehydration solution for vomiting or diarrhoea;Small, plain meals;An antacid for heartburn; avoid late, large or fatty meals|Unable to keep fluids down, or signs of dehydration;Blood in vomit or stool, or black stools;Severe or worsening pain|gastroenterology||',
  testicular:
    'sudden testicle pain can be torsion, which needs surgery within hours|Testicular torsion;Epididymitis|Did the pain start suddenly?;Any swelling, fever or urinary symptoms?||Sudden or severe pain, swelling or vomiting|urology|Do not eat or drink in case surgery is needed.|t',
  head_injury:
    'after a head injury, some signs need a scan|Concussion;Bleeding inside the skull|Did you lose consciousness or forget what happened?;Any vomiting, worsening headache or drowsiness?;Do you take blood thinners?|Rest, and have someone stay with you for 24 hours;Paracetamol for headache; avoid alcohol;A cold pack on the bump|Repeated vomiting or a worsening headache;Drowsiness, confusion or unusual behaviour;Fluid from the ears or nose, weakness or a seizure|general practice|Keep still if the neck might be injured.|t',
  trauma:
    'this injury needs prompt medical care|Fracture;Internal injury|Can you move it and bear weight on it?;Is there deformity, numbness or a wound?;How did it happen?||Numbness, or cold or pale skin beyond the injury;Severe or increasing pain|orthopaedics|Keep still, and do not move anyone who may have a neck or back injury.|t',
  minor_injury:
    'this sounds like a minor injury that can usually be treated at home|Minor wound;Superficial burn;Bite or sting|How and when did it happen?;Any numbness, spreading redness or trouble moving it?;When was your last tetanus vaccine?|Clean wounds under running water and cover with a clean dressing;Cool burns under cool running water for 20 minutes;Keep the area clean and watch for infection|Spreading redness, warmth, pus or fever;Bleeding that will not stop;Numbness, or unable to use the part|general practice||',
  musculoskeletal:
    'this sounds like a muscle or joint problem; most settle within a few weeks|Muscle strain;Mechanical back pain;Sprain or arthritis flare|Did an injury cause it?;Any numbness, weakness, or bladder or bowel changes?;Any fever or weight loss?|Keep gently active and avoid bed rest;Heat or ice packs;Paracetamol or ibuprofen if suitable|Numbness around the buttocks or genitals;New bladder or bowel control problems;Leg weakness or fever|physiotherapy or orthopaedics||',
  spine:
    'these can be signs of nerve compression at the base of the spine (cauda equina), an emergency|Cauda equina syndrome;Spinal cord compression|||Worsening numbness or weakness||Tell the emergency team about the numbness and bladder or bowel changes.|t',
  dehydration:
    'dehydration can become serious, especially in children and older adults|Dehydration;Gastroenteritis|When did you last pass urine?;Can you keep any fluids down?;Any dizziness on standing, or confusion?|Sip oral rehydration solution or water often;Rest somewhere cool|No urine for 12 hours;Confusion or drowsiness;Unable to keep any fluids down|general practice||t',
  diabetes:
    'with diabetes this needs prompt care to prevent a dangerous blood sugar problem|Diabetic ketoacidosis;High blood sugar;Low blood sugar (hypoglycaemia)|What are your recent blood sugar readings?;Can you check ketones?;Can you keep fluids down?||Vomiting, deep fast breathing or drowsiness;Confusion|endocrinology|If blood sugar is low and the person can swallow safely, give fast-acting sugar (juice or glucose tablets).|',
  fever:
    'a fever is usually from a viral infection, but it needs watching|Viral infection;Flu;Bacterial infection (chest, urine, ear or throat)|What is the highest temperature measured?;How many days has the fever lasted?;Any cough, urinary symptoms, rash or pain?|Drink plenty of fluids and rest;Paracetamol or ibuprofen if suitable, following the label;Wear light clothing and do not over-wrap|Confusion, drowsiness or a stiff neck;A rash that does not fade under a glass;Fast breathing, or mottled or bluish skin;Fever lasting more than 3 days|general practice||',
  infection:
    'signs of infection may need antibiotics|Cellulitis;Wound infection;Abscess|Is the redness spreading? Mark its edge with a pen.;Any fever or chills?;Do you have diabetes or a weak immune system?|Keep the area clean and raised;Paracetamol for pain if suitable|Redness spreading quickly, or red streaks;Fever, chills or feeling very unwell|general practice||',
  skin:
    'most rashes and skin problems are not serious|Eczema or dermatitis;Viral rash;Allergic reaction|Does the rash fade when you press a glass on it?;Any fever or feeling unwell?;Any new medicine, food or product?|Use a fragrance-free moisturiser;Avoid scratching and known triggers;An antihistamine for itch, if suitable|A rash that does not fade under a glass;Fever, or blistering or peeling skin;Swelling of the lips or face|dermatology|Bring a list of all medicines started recently.|',
  urinary:
    'urinary symptoms often mean an infection that may need antibiotics|Urinary tract infection;Kidney infection;Kidney stones|Any fever, back or side pain, or vomiting?;Any blood in the urine?;Could you be pregnant?|Drink plenty of water;Paracetamol for pain if suitable|Fever, chills, or pain in the back or side;Vomiting;Blood in the urine|urology||',
  eye:
    'eye problems that affect vision or follow an injury need prompt assessment|Conjunctivitis;Corneal injury;Acute glaucoma|Is your vision affected?;Is there pain or sensitivity to light?;Any injury or something in the eye?|Clean sticky eyes with cooled boiled water;Avoid contact lenses until it settles|Vision changes;Severe eye pain or light sensitivity|ophthalmology|For chemicals in the eye, rinse with clean running water for at least 20 minutes.|',
  poison:
    'poisoning needs emergency care now|Poisoning|||Drowsiness, vomiting or breathing changes||In the US, Poison Control is 1-800-222-1222. Do not make the person vomit. Keep the container or packet.|t',
  environment:
    'extreme heat or cold can become life-threatening|Heatstroke;Heat exhaustion;Hypothermia|Are you drinking enough?;Any confusion or fainting?|Rest somewhere cool and drink water;Cool the skin with a damp cloth and fanning|Confusion, fainting, or hot skin without sweating|general practice|Move out of the heat or cold: cool with water and fanning, or warm gradually with blankets.|',
  general:
    'this needs a routine check by a doctor|Several common causes are possible|When did it start, and is it getting worse?;Any fever, weight loss, pain or other symptoms?;Any long-term conditions or regular medicines?|Rest, eat regularly and stay hydrated;Keep a short diary of symptoms|Chest pain, breathlessness, confusion, fainting or severe pain: get emergency care|general practice||',
};
