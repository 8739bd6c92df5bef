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
 * context flag (age_0, age_1_2, under_5, under_16, age_50, age_65, pregnancy), optionally qualified:
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
    'palpitations_not_stopping E palpitations&not_stopping', // sustained tachycardia
    'U palpitations&-palpitations~',
    'C palpitations~',
  ],
  // Severe (can't speak in sentences, blue lips, choking) by ambulance; other new breathlessness
  // within the hour; only mild, self-rated breathlessness waits a day.
  breathing: [
    'breathing_difficulty_severe A severe_breathlessness|breathlessness!|exertional_breathlessness!',
    'asthma_not_responding_to_inhaler A inhaler_not_working&breathlessness|wheeze|exertional_breathlessness', // life-threatening asthma
    'reliever_without_relief A reliever_used&not_helping', // puffs that do not help: life-threatening asthma
    'stridor_with_airway_signs A stridor&drooling|severe_breathlessness|recession|voice_change', // upper airway closing
    'child_breathing_distress A recession|grunting&under_5', // NICE red features: grunting, moderate or severe recession
    'breathing_with_reduced_consciousness A slow_breathing&drowsiness|unrousable|loss_of_consciousness', // respiratory depression
    'breathing_difficulty E breathlessness&-breathlessness?',
    'breathing_difficulty_mild U breathlessness?&-breathlessness~',
    'breathing_difficulty_mild_long_standing C breathlessness~', // weeks of mild, stable breathlessness: a routine review
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
    'E stridor', // croup or an airway narrowing at rest
    'E recession',
    'E slow_breathing',
    'E low_oxygen', // saturation ≤ 92 % (NICE sepsis and NHS pulse oximetry advice)
    'wheeze U wheeze&-wheeze?',
    'wheeze_mild C wheeze', // mild wheeze (self-rated) waits for a routine asthma review
    'C croup', // without stridor at rest: home care with a routine check
    'E coughing_blood&breathlessness|chest_pain|calf_swelling|exertional_breathlessness', // pulmonary embolism
    'E coughing_blood!',
    'U coughing_blood',
  ],
  // Breathlessness explained by exertion, without warning signs (those are in `breathing`).
  exertion: ['exertional_breathlessness_with_risk U exertional_breathlessness&cough|c_lung_disease|age_65', 'C exertional_breathlessness'],
  clot: [
    'leg_swelling_with_breathlessness E calf_swelling&breathlessness|exertional_breathlessness', // DVT with PE
    'leg_swelling_with_clot_risk E calf_swelling&clot_risk|pregnancy', // high pre-test probability: scan today
    'pulmonary_embolism_high_risk A coughing_blood|breathlessness|chest_pain&clot_risk|pregnancy&coughing_blood|chest_pain|rapid_breathing',
    'U calf_swelling', // DVT needs a scan within 24 h
  ],
  respiratory: [
    'C cough>504', // chest X-ray territory
    'S+ cough',
    'C cold_or_flu>240',
    'S+ cold_or_flu',
  ],
  ent: [
    'drooling_with_fever_or_stridor A drooling&fever|high_fever|stridor|voice_change|severe_breathlessness', // epiglottitis
    'E drooling', // epiglottitis, quinsy: airway threat
    'U swallowing_difficulty', // food bolus, oesophageal obstruction
    'S+ sore_throat',
    'C sore_throat&tonsil_exudate', // bacterial tonsillitis scores (FeverPAIN, Centor)
    'C sore_throat>168',
    'S+ earache',
    'C+ earache&fever|high_fever',
  ],
  dental: [
    'S teething',
    'dental_infection_airway A neck_swelling|dental_abscess|toothache&breathlessness|severe_breathlessness|drooling|stridor|airway_swelling', // Ludwig angina
    'dental_infection_spreading E toothache|dental_abscess&face_swelling|facial_swelling_severe|neck_swelling|drooling|swallowing_difficulty&fever|high_fever|rigors|facial_swelling_severe|neck_swelling|drooling|swallowing_difficulty',
    'E neck_swelling&fever|high_fever|swallowing_difficulty|sore_throat|toothache', // deep neck infection
    'dental_swelling_or_fever U toothache|dental_abscess&face_swelling|fever', // spreading dental abscess
    'U dental_abscess',
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
    'double_vision_with_dizziness A vision_loss&lightheadedness|loss_of_balance', // posterior circulation stroke, vertebral dissection
  ],
  neuro: [
    'E loss_of_balance^',
    'E vision_loss', // retinal artery occlusion, TIA, detachment
    'sudden_vision_loss_vascular_risk A vision_loss^&age_65|c_heart_disease', // a stroke of the eye or brain
    'E blurred_vision^',
    'E confusion&-confusion~', // delirium is a medical emergency
    'E headache&confusion',
    'E headache&vision_loss', // giant cell arteritis, raised pressure
    'temporal_arteritis_signs E headache&age_50&blurred_vision|jaw_pain', // giant cell arteritis: sight can go within hours
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
  // Emergency level with crisis-line advice, whether or not a plan is stated: the standards send
  // ideation without a plan to same-day care, but free text cannot reliably tell a plan from its
  // absence, so the rules answer every mention at the level a plan would need.
  crisis: [
    'E suicidal_thoughts',
    'E self_harm',
    'E harm_to_others',
    'attempted_hanging_or_strangulation A ligature', // airway, neck vessels and spine: whatever the state now
  ],
  // Paracetamol and others harm hours later, even when the person feels well: every standard sends
  // a significant ingestion to emergency care at once, whatever the symptoms.
  overdose: [
    'A overdose',
    'extra_dose_high_risk_medicine E extra_dose&high_risk_medicine', // insulin, opioids, heart and psychiatric medicines harm at small excess
    'extra_dose_small_child E extra_dose&under_5',
  ],
  extra_dose: ['U extra_dose'], // poisons advice now; most single extra doses need no treatment
  mental: [
    'psychosis_with_risk E psychosis&harm_to_others|risk_behaviour|pregnancy|confusion', // mania or psychosis with risk; postpartum psychosis
    'E risk_behaviour',
    'U psychosis',
    'C low_mood',
    'C anxiety',
    'S insomnia',
    'C insomnia>336',
  ],
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
    'E fever|high_fever|rigors&c_chemotherapy|c_neutropenia_risk', // neutropenic sepsis: antibiotics within the hour
    'fever_after_tropical_travel E fever|high_fever|rigors&tropical_travel', // malaria: a blood film today
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
    'U headache&vomiting&-c_migraine&-hangover',
    'U headache!&-c_migraine',
    'headache_new_after_50 U headache&age_50&-headache?&-headache~&-c_migraine', // temporal arteritis, tumour
    'C headache&-headache?&-hangover',
    'S headache?',
    'S hangover',
  ],
  // Airway swelling, or breathing trouble after an exposure, is anaphylaxis.
  anaphylaxis: [
    'A airway_swelling',
    'A anaphylaxis',
    'anaphylaxis_breathing_after_exposure A breathlessness|wheeze|severe_breathlessness|exertional_breathlessness&allergen_exposure|allergic_reaction|hives|face_swelling|stung', // exercise can trigger it
    'anaphylaxis_hives_with_collapse A hives|allergic_reaction&lightheadedness|fainting|mottled_skin', // circulatory involvement
    'allergic_face_swelling E face_swelling|facial_swelling_severe&hives|allergen_exposure|allergic_reaction',
    'anaphylaxis_voice_change A voice_change|stridor&allergen_exposure|allergic_reaction|hives|stung', // the larynx is swelling
    'E facial_swelling_severe', // eyes swelling shut: allergy, orbital or dental infection
  ],
  allergy: [
    'allergic_reaction U allergic_reaction|hives&allergen_exposure',
    'U face_swelling',
    'sting_swelling_spreading U swelling_spreading&stung|insect_bite',
    'S hives',
    'S hay_fever',
  ],
  bleeding: ['A severe_bleeding', 'U bleeding|nosebleed&c_blood_thinners'],
  gi_bleed: [
    'gi_bleeding_with_shock A vomiting_blood|black_stools|rectal_bleeding&lightheadedness|fainting|mottled_skin|very_unwell',
    'A vomiting_blood!', // a large haematemesis
    'E vomiting_blood',
    'E black_stools', // upper GI bleed (iron tablets mimic it; examine anyway)
    'E rectal_bleeding!',
    'bloody_diarrhoea_young_child E rectal_bleeding&under_5', // haemolytic uraemic syndrome, intussusception
    'E heavy_period&lightheadedness|fainting',
    'U rectal_bleeding',
  ],
  nosebleed: ['nosebleed_prolonged E nosebleed>0.5|nosebleed!', 'S nosebleed'], // over 30 min despite pressure
  pregnancy: [
    'pregnancy_abdominal_pain_with_collapse A pregnancy&abdominal_pain|flank_pain|right_lower_pain&fainting|loss_of_consciousness|lightheadedness|shoulder_tip_pain', // ruptured ectopic
    'E pregnancy&bleeding|severe_bleeding', // miscarriage, ectopic, abruption
    'E pregnancy&abdominal_pain&-abdominal_pain?',
    'E pregnancy&abdominal_pain!|abdominal_pain^|rigid_abdomen|shoulder_tip_pain',
    'pregnancy_headache_with_warning_signs E headache&pregnancy&blurred_vision|vision_loss|face_swelling|hand_swelling|abdominal_pain|pregnancy_headache_signs', // pre-eclampsia
    'pregnancy_visual_disturbance E pregnancy&pregnancy_headache_signs|blurred_vision|vision_loss',
    'pregnancy_breathlessness E pregnancy&breathlessness|chest_pain|calf_swelling', // pulmonary embolism, peripartum cardiomyopathy
    'E labour',
    'E pregnancy&movement_less',
    'pregnancy_one_sided_pain E pregnancy&flank_pain|right_lower_pain', // ectopic pregnancy
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
    'floppy_infant A floppy&age_0|under_5', // NICE red: appears ill, floppy, no response
    'infant_jaundice_unwell E age_0&jaundice&drowsiness|not_feeding|pale_stool', // kernicterus, biliary atresia
    'E age_0&not_feeding&drowsiness|vomiting|fever|high_fever',
    'U age_1_2&high_fever',
    'U under_5&dehydration|dehydration_signs|not_feeding',
    'U age_0&vomiting',
    'U age_0&crying',
    'U age_0&jaundice',
    'U under_5&head_injury',
    'infant_head_injury E age_0&head_injury', // NICE: any significant head injury under one year is assessed in hospital
    'U under_5&burn',
  ],
  abdominal: [
    'abdominal_pain_severe_with_faintness_older_adult A abdominal_pain!&lightheadedness|fainting|radiating&age_50', // aneurysm, perforation
    'abdominal_and_back_pain_older_adult A abdominal_pain&back_pain&age_50&abdominal_pain!|abdominal_pain^|fainting|lightheadedness', // ruptured aneurysm
    'E rigid_abdomen', // peritonitis
    'E abdominal_pain!',
    'abdominal_pain_with_peritonism E abdominal_pain|right_lower_pain&peritonism',
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
  testicular: [
    'E testicular_pain^|testicular_pain!',
    'E sudden_testicular_pain', // woke with it: torsion often starts in sleep
    'testicular_pain_with_vomiting E testicular_pain&vomiting|nausea',
    'testicular_pain_boy E testicular_pain&under_16|abdominal_pain', // torsion in boys often presents as tummy ache
    'U testicular_pain&-testicular_pain~',
    'C testicular_pain~', // weeks of a dull ache: varicocele, cyst
  ], // torsion: surgery within 6 h
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
    'csf_leak E clear_fluid_nose_or_ear&head_injury|fall|road_accident|major_trauma', // a fracture of the skull base
    'head_injury_with_red_flags E head_injury&confusion|vomiting|drowsiness|loss_of_balance|blurred_vision|vision_loss|headache!|c_blood_thinners|slurred_speech', // NICE CT criteria
    'head_injury_with_headache_or_older_age U head_injury&headache&-headache?|age_65',
    'C head_injury&-head_injury?',
    'S head_injury?',
  ],
  trauma: [
    'A neck_or_spine_injury',
    'A major_trauma',
    'A hip_fracture', // an older person who cannot get up, with a shortened turned-out leg
    'E deformity', // a bent limb needs reduction and a check of the pulses
    'U fracture',
    'U road_accident',
    'U fall&age_65',
    'spinal_injury_signs A road_accident|major_trauma|fall|neck_or_spine_injury&neck_pain&tingling|arm_weakness',
    'septic_joint E hot_joint|refusing_to_walk&fever|high_fever', // septic arthritis
    'U hot_joint',
    'U refusing_to_walk&under_16', // a child who will not walk: infection, fracture
    'child_limp_persistent U limping&under_16&muscle_or_joint_pain~|limping>48', // slipped epiphysis, Perthes, infection
    'C limping',
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
  poison: [
    'poisoning_with_reduced_consciousness A poisoning|carbon_monoxide|overdose|extra_dose&drowsiness|loss_of_consciousness|unrousable|seizure|severe_breathlessness|slow_breathing|confusion',
    'poisoning_with_airway_signs A poisoning|chemical_agent|corrosive_agent&drooling|airway_swelling|stridor|voice_change', // corrosive burns of the mouth and throat; organophosphates
    'carbon_monoxide_with_reduced_consciousness A fuel_source|carbon_monoxide&confusion|drowsiness|unrousable|loss_of_consciousness|seizure',
    'E snake_bite',
    'E venomous_bite',
    'E poisoning',
    'E carbon_monoxide',
    'carbon_monoxide_suspected E fuel_source|household&headache|nausea|vomiting|lightheadedness|drowsiness|confusion&fuel_source|household', // CO: headache and sickness around a burning fuel, or in the whole household
  ],
  // Alcohol with reduced consciousness can stop breathing or choke on vomit; in a small child any
  // alcohol risks a dangerously low blood sugar.
  alcohol: [
    'alcohol_with_reduced_consciousness A alcohol&unrousable|loss_of_consciousness|drowsiness|seizure|severe_breathlessness',
    'airway_noise_unconscious A airway_noise&unrousable|loss_of_consciousness|fainting|drowsiness', // snoring or gurgling while out of it: the airway is blocking
    'alcohol_child E alcohol&under_16', // low blood sugar, and a child's intoxication is itself a safeguarding emergency
    'alcohol_with_head_injury E alcohol&head_injury', // intoxication hides the signs of a bleed
  ],
  burns: [
    'burn_airway A airway_burn', // swelling closes the airway over hours
    'E severe_burn', // large, deep, facial, genital or chemical
    'burn_blistered_hand_foot_or_limb E limb_burn&blistered',
    'burn_large_area E burn|limb_burn&large_area', // larger than the person's hand: fluid loss
    'burn_blistered_young_child E burn|limb_burn&blistered&under_5',
    'smoke_inhalation_with_airway_signs A fire_exposure&voice_change|sore_throat|breathlessness|severe_breathlessness|stridor|drowsiness|confusion', // airway burn, carbon monoxide, cyanide
    'smoke_inhalation E fire_exposure&cough|headache|nausea|lightheadedness',
    'E electric_shock', // arrhythmia and deep injury that the skin does not show
  ],
  water: [
    'near_drowning_with_breathing_signs A near_drowning&breathlessness|severe_breathlessness|cough|rapid_breathing|drowsiness|confusion|vomiting|coughing_blood',
    'E near_drowning', // lung injury shows hours later
  ],
  // A sting or bite with signs beyond its site is systemic: anaphylaxis, envenomation.
  stings: [
    'sting_in_mouth_or_throat A sting_in_mouth',
    'sting_with_faintness A stung|insect_bite|venomous_bite&fainting|lightheadedness|loss_of_consciousness|mottled_skin', // anaphylaxis with circulatory involvement
    'sting_with_systemic_signs E stung|insect_bite|venomous_bite&lightheadedness|fainting|vomiting|nausea|confusion|drowsiness|sweating|palpitations|swelling_spreading|hives|abdominal_pain',
  ],
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
    'U+ fever>120&under_16', // Kawasaki disease, occult infection
    'C+ fever>120',
    'C+ fever>72',
    'U+ fever|high_fever&rigors', // rigors suggest bacteraemia
    'C+ high_fever',
    'S+ fever',
  ],
  infection: [
    'U+ back_pain&fever|high_fever', // spinal infection, pyelonephritis
    'infection_with_systemic_signs E spreading_redness|infection|mastoiditis&rigors&palpitations|sweating|rapid_breathing|high_fever', // local infection going systemic
    'E pain_out_of_proportion', // necrotising fasciitis
    'E gangrene',
    'E mastoiditis',
    'U+ spreading_redness', // cellulitis
    'U c_diabetes&infection|spreading_redness|fever|high_fever',
    'C+ infection',
  ],
  skin: [
    'E skin_blistering', // Stevens-Johnson syndrome / toxic epidermal necrolysis
    'stevens_johnson_signs E rash|blistered&mouth_ulcers&red_eye|fever|high_fever',
    'shingles_near_eye U rash|blistered|shingles&red_eye|eye_pain|blurred_vision', // zoster ophthalmicus
    'C shingles',
    'U pregnancy&palm_sole_itch', // obstetric cholestasis
    'rash_fever_systemic E rash&fever|high_fever|rigors&headache|very_unwell|drowsiness&muscle_or_joint_pain|very_unwell|vomiting', // meningococcal, rickettsial, dengue
    'U+ rash&fever|high_fever',
    'C rash',
    'S skin_complaint',
    'S scalp',
  ],
  dehydration: [
    'dehydration_older_adult_or_diabetes E dehydration_signs|not_passing_urine&age_65|c_diabetes',
    'U dehydration_signs|not_passing_urine',
    'S+ dehydration',
  ],
  safety: [
    'U sexual_assault', // emergency contraception, HIV prevention and forensic care within hours
    'U hiv_exposure', // post-exposure prophylaxis: best within 24 hours, at most 72
  ],
  gynae: [
    'vaginal_symptoms_with_pain_or_fever U vaginal_symptoms&abdominal_pain|fever|high_fever|period_pain', // pelvic inflammatory disease
    'U vaginal_symptoms&pregnancy',
    'S vaginal_symptoms', // thrush: a pharmacist
  ],
  urinary: [
    'E flank_pain!', // renal colic: analgesia, exclude obstruction
    'U+ urinary_symptoms|flank_pain&fever|high_fever|rigors|vomiting', // pyelonephritis
    'U flank_pain',
    'E urinary_retention', // acute retention: a catheter, now
    'blood_in_urine_with_pain U blood_in_urine&fever|flank_pain|abdominal_pain',
    'C+ urinary_symptoms',
    'C blood_in_urine',
  ],
  ent_other: [
    'U hearing_loss^', // sudden hearing loss: steroids within days
    'C hearing_loss',
    'U foreign_body',
    'button_battery_or_magnets E battery_or_magnet&swallowed_something|poisoning', // a button battery burns the oesophagus within hours
  ],
  diabetes: [
    'low_blood_sugar_unresponsive A low_blood_sugar&loss_of_consciousness|unrousable|seizure|confusion|drowsiness|slurred_speech|behaviour_change', // cannot safely take sugar by mouth
    'diabetes_reduced_consciousness A c_diabetes|high_blood_sugar&unrousable|loss_of_consciousness|drowsiness|seizure', // DKA or hypoglycaemia
    'diabetic_confused_and_sweating A c_diabetes&confusion|behaviour_change&sweating|swallowing_difficulty', // hypoglycaemia, not treatable by mouth
    'recurrent_hypo_long_acting E recurrent_hypo&high_risk_medicine|age_65|c_diabetes', // sulfonylurea hypoglycaemia returns for a day
    'hypo_on_long_acting_medicine U low_blood_sugar&high_risk_medicine|age_65',
    'new_diabetes_with_ketosis E polyuria_thirst&vomiting|abdominal_pain|drowsiness|rapid_breathing|breathlessness',
    'new_diabetes U polyuria_thirst&weight_loss|tiredness|under_16', // NICE: a child with possible type 1 diabetes is seen the same day
    'diabetes_vomiting_or_drowsy E c_diabetes&vomiting|dehydration_signs|rapid_breathing|drowsiness|confusion', // DKA, hypoglycaemia
    'high_blood_sugar_with_ketosis_signs E high_blood_sugar&vomiting|abdominal_pain|rapid_breathing|drowsiness|confusion|nausea|dehydration_signs|breathlessness',
    'low_blood_sugar_with_neuro_signs E low_blood_sugar&loss_of_balance|fainting|sweating|not_helping', // not recovering on sugar
    'U high_blood_sugar&-high_blood_sugar?',
    'C high_blood_sugar?',
    'U low_blood_sugar',
  ],
  eye: [
    'E eye_chemical', // alkali and acid keep burning: rinse for 20 minutes, then emergency care
    'chemical_and_eye_symptoms E chemical_agent|corrosive_agent&eye_injury|red_eye|eye_pain|blurred_vision',
    'eye_pain_with_vision_change E eye_pain&blurred_vision|vision_loss|vomiting', // acute glaucoma
    'U eye_injury',
    'U eye_pain',
    'S red_eye',
    'eyelid_swelling_with_fever E stye&fever|high_fever|spreading_redness|vision_loss|blurred_vision', // orbital cellulitis
    'S stye',
  ],
  environment: [
    'E heatstroke',
    'E hypothermia',
    'heat_illness_with_neuro_signs E heat_exposure&confusion|drowsiness|fainting|seizure|loss_of_balance|slurred_speech', // heatstroke: cooling cannot wait
    'cold_exposure_with_neuro_signs A cold_exposure|hypothermia&confusion|drowsiness|slurred_speech|loss_of_balance|unrousable', // moderate to severe hypothermia
    'cold_exposure_infant A cold_exposure|hypothermia&age_0', // infants cannot rewarm themselves
    'cold_exposure_shivering E cold_exposure&rigors|lightheadedness|age_65',
    'U heat_exhaustion',
    'heat_exposure_with_symptoms U heat_exposure&headache|nausea|vomiting|lightheadedness|high_fever|fever',
  ],
  general: [
    'U very_unwell',
    'U jaundice', // hepatitis, biliary obstruction
    'C heavy_period',
    'C tiredness>336', // two weeks: a routine check; shorter is usually rest, sleep or a virus
    'S tiredness',
    'C weight_loss', // unexplained: malignancy work-up
    'C lump&-insect_bite&-stung', // a lump at a bite is its local reaction
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
  cardiac:
    'these can be signs of a heart attack|Heart attack;Angina;Pulmonary embolism;Aortic dissection|Does exertion bring it on?||Pain that returns or spreads|cardiology|Rest; chew a 300 mg aspirin unless allergic or told not to.|t',
  heart_rhythm:
    'a racing or irregular heartbeat needs an ECG|Atrial fibrillation;Anxiety;Overactive thyroid|How long do episodes last?|Less caffeine and alcohol|Fainting or chest pain|cardiology||',
  breathing:
    'breathing trouble can quickly become dangerous|Asthma or COPD attack;Pneumonia;Pulmonary embolism|Any fever or wheeze?||Blue lips or unable to speak|respiratory medicine|Sit upright; use your reliever inhaler if you have one.|',
  exertion:
    'being out of breath after exertion is usually normal when it settles within minutes|Normal response to exertion;Low fitness;Exercise-induced asthma|Does it settle within a few minutes of stopping?|Build up activity gradually|Breathlessness at rest or that does not settle, chest pain or fainting|general practice||',
  clot: 'a swollen, painful calf can be a blood clot|Deep vein thrombosis;Muscle strain;Cellulitis|Any breathlessness?||Breathlessness or chest pain|vascular medicine||t',
  respiratory:
    'this sounds like a common respiratory infection|Cold or flu;Viral cough;Sinusitis|Any breathlessness?|Honey and lemon for a cough (not under age 1)|Breathlessness, or fever over 3 days|general practice||',
  ent: 'most throat and ear problems are minor, but some need a prompt check|Viral sore throat;Tonsillitis;Ear infection|Any trouble swallowing?|Warm drinks and soft food|Trouble breathing or swallowing saliva|ENT||',
  dental:
    'tooth pain needs a dentist|Tooth decay;Dental abscess|Any facial swelling?|Salt-water mouth rinses|Swelling spreading to the eye or neck|dentistry||',
  stroke:
    'these are warning signs of a stroke (FAST)|Stroke;Mini-stroke (TIA);Low blood sugar|||Symptoms that return||Note when symptoms started; do not eat or drink.|t',
  neuro:
    'new neurological symptoms need prompt assessment|Stroke or TIA;Low blood sugar;Infection|When exactly did it start?|Sit or lie down; get up slowly|Face drooping, arm weakness or slurred speech|neurology||t',
  consciousness:
    'losing consciousness needs urgent assessment|Faint;Heart rhythm problem;Seizure|||Another blackout||If breathing, turn them on their side; if not, start CPR.|t',
  seizure:
    'a seizure needs emergency assessment|Epileptic seizure;Febrile seizure;Low blood sugar|||A seizure over 5 minutes||Do not restrain them or put anything in their mouth; after it stops, turn them on their side.|t',
  crisis:
    'you deserve support right now|Mental health crisis|||Urges to act on these thoughts||Call or text 988 (Suicide & Crisis Lifeline) in the US, or your local emergency number, now, and stay with someone you trust.|tc',
  overdose:
    'an overdose can harm even if you feel well|Poisoning or overdose|||Drowsiness, vomiting or breathing changes|emergency medicine|Do not wait for symptoms: some medicines, like paracetamol, harm the liver hours later while you feel well. Call a poisons information service now (US Poison Control 1-800-222-1222; in the UK NHS 111; elsewhere your emergency number) and take the packets with you; do not drive yourself. If it was on purpose, you can also call or text 988 (US) or Samaritans on 116 123 (UK).|t',
  extra_dose:
    'an extra dose is often harmless, but some medicines are dangerous even a little over the dose|Extra dose of a medicine|Which medicine, how much, and when?|Call a poisons information service now (US Poison Control 1-800-222-1222; in the UK NHS 111; elsewhere your emergency number): tell them the medicine, the amount and the time;Keep the packet and do not take the next dose until you are told|Drowsiness, vomiting, a racing or slow heartbeat, or confusion: emergency care|general practice||',
  mental:
    'mental health deserves care like any other|Depression;Anxiety;Stress|Is it affecting daily life?|Keep a routine; talk to someone you trust|Thoughts of self-harm: call or text 988 (US) or your local emergency number|mental health||',
  meningitis: 'these can be signs of meningitis or sepsis|Meningitis;Meningococcal sepsis|||A rash that does not fade under a glass||Do not wait for a rash.|t',
  sepsis: 'these can be signs of sepsis|Sepsis;Severe infection|||Confusion or mottled skin||Say you are worried about sepsis.|t',
  thunderclap: 'a sudden severe headache can mean bleeding in the brain|Subarachnoid haemorrhage;Severe migraine|||Confusion or weakness|||t',
  headache:
    'most headaches are not serious, but some need a prompt check|Tension headache;Migraine;Dehydration|Is it unlike your usual headaches?|Rest in a dark room; drink water|A sudden or worst-ever headache, or fever with a stiff neck|neurology||',
  anaphylaxis:
    'these are signs of anaphylaxis|Anaphylaxis;Angioedema|||Swelling of lips, tongue or throat||Use an adrenaline auto-injector (EpiPen) now if you have one; lie down, or sit up if breathing is hard.|t',
  allergy:
    'allergic reactions can worsen, so watch closely|Allergic reaction;Hives;Hay fever|What might have triggered it?|A non-drowsy antihistamine;Avoid the trigger|Swelling of lips or throat, or wheezing|allergy||',
  bleeding:
    'heavy bleeding is an emergency|Major blood loss|Do you take blood thinners?||Bleeding despite pressure|general practice|Press firmly on the wound and keep pressing.|t',
  gi_bleed:
    'bleeding from the gut needs prompt assessment|Stomach ulcer;Haemorrhoids;Bowel inflammation|How much blood?||Dizziness or black stools|gastroenterology|Lie down if you feel faint.|t',
  nosebleed:
    'most nosebleeds stop with pressure|Nosebleed|Do you take blood thinners?|Lean forward and pinch the soft nose for 10 to 15 minutes|Bleeding over 20 minutes|ENT|Lean forward and pinch the soft nose.|',
  pregnancy:
    'in pregnancy this needs same-day maternity care|Miscarriage or ectopic pregnancy;Pre-eclampsia;Labour|How many weeks pregnant?||Bleeding, severe pain or reduced movements|obstetrics|Call your maternity unit on the way.|',
  child:
    'young children can become seriously ill quickly|Viral infection;Serious bacterial infection;Dehydration|Is the child drinking and alert?||Drowsy, floppy or fewer wet nappies|paediatrics|Bring any medicines given.|t',
  abdominal:
    'this abdominal pain needs examining|Appendicitis;Gallstones or kidney stones;Gastroenteritis|Where is the pain, and could you be pregnant?|Sip fluids; eat light food|Severe or constant pain|general surgery|Do not eat or drink until assessed.|t',
  testicular:
    'sudden testicle pain can be torsion, which needs surgery within hours|Testicular torsion;Epididymitis|||Sudden severe pain or swelling|urology|Do not eat or drink.|t',
  gut: 'most gut upsets are short-lived, but some need a prompt check|Gastroenteritis;Reflux;Constipation|Can you keep fluids down?|Sip fluids often; oral rehydration for vomiting or diarrhoea|Blood in vomit or stool, or black stools|gastroenterology||',
  head_injury:
    'some signs after a head injury need a scan|Concussion;Bleeding inside the skull|Did you lose consciousness?|Have someone stay with you for 24 hours|Vomiting, worsening headache or drowsiness|general practice|Keep still if the neck may be hurt.|t',
  trauma:
    'this injury needs prompt care|Fracture;Internal injury|Can you bear weight on it?||Numbness or cold skin beyond the injury|orthopaedics|Do not move anyone who may have a neck or back injury.|t',
  minor_injury:
    'most wounds, burns and bites heal well with the right care|Minor wound;Superficial burn;Bite|Is your tetanus up to date?|Rinse wounds and cover;Cool burns under running water for 20 minutes|Spreading redness, pus or fever|general practice||',
  poison:
    'poisoning needs emergency care, even if they seem well|Poisoning;Carbon monoxide poisoning|||Drowsiness, vomiting, burns around the mouth or breathing changes|emergency medicine|Do not wait for symptoms. Call a poisons information service now (US Poison Control 1-800-222-1222; in the UK NHS 111; elsewhere your emergency number); do not make them vomit; rinse the mouth; take the container with you. For fumes or carbon monoxide, get everyone into fresh air and leave the appliance off.|t',
  alcohol:
    'too much alcohol can stop breathing or cause choking|Alcohol poisoning;Low blood sugar;Head injury|||Slow or irregular breathing, being impossible to wake, fits|emergency medicine|Do not leave them alone; lie them on their side so they cannot choke on vomit; no coffee, cold showers or more alcohol.|t',
  burns:
    'this burn needs emergency care|Deep or extensive burn;Airway burn;Electrical injury|||Hoarse voice, noisy breathing or swelling of the face|burns and plastic surgery|Cool the burn under cool running water for 20 minutes; remove clothing and jewellery near it unless stuck; cover loosely with cling film and keep the person warm. For chemicals, brush off any powder, remove contaminated clothing and rinse with running water for 20 minutes. After an electric shock, do not touch them until the power is off.|t',
  water:
    'after nearly drowning, lung problems can appear hours later|Near drowning;Aspiration;Hypothermia|||Cough, fast breathing or drowsiness|emergency medicine|Keep them warm and dry; if they are not breathing normally, start CPR.|t',
  stings:
    'a sting or bite with signs elsewhere in the body needs emergency care|Allergic reaction;Anaphylaxis;Envenomation|||Swelling of lips or throat, wheezing, or feeling faint|emergency medicine|Use an adrenaline auto-injector now if you have one. After a snake or spider bite keep the limb still and below the heart; do not cut or suck the wound.|t',
  musculoskeletal:
    'this sounds like a muscle or joint problem|Muscle strain;Back strain;Sprain|Any numbness or weakness?|Keep gently active;Heat or ice|Numbness in the groin or bladder changes|physiotherapy||',
  spine: 'these can be signs of cauda equina syndrome|Cauda equina syndrome;Spinal cord compression|||Worsening numbness|||t',
  fever:
    'a fever is usually viral but needs watching|Viral infection;Flu;Bacterial infection|What is the highest temperature?|Light clothing; do not over-wrap|Drowsiness, stiff neck, or a rash that does not fade|general practice||',
  infection:
    'infection may need antibiotics|Cellulitis;Wound infection;Abscess|Is the redness spreading?|Keep it clean and raised|Fast-spreading redness or chills|general practice||',
  skin: 'most rashes are not serious, but a rash with fever needs a prompt check|Eczema;Viral rash;Allergic reaction|Does the rash fade under a pressed glass?|Fragrance-free moisturiser|A rash that does not fade, or blistering|dermatology||',
  dehydration:
    'dehydration can become serious|Dehydration;Gastroenteritis|When did you last pass urine?|Sip oral rehydration solution often|No urine for 12 hours, or confusion|general practice||t',
  safety:
    'this needs care within hours, not an emergency department|Sexual assault;Possible HIV exposure|Do you need emergency contraception or HIV prevention medicine?|Keep clothing and do not wash if you may report an assault|Any injury, bleeding or severe pain: emergency care|sexual health||',
  ent_other:
    'this needs a prompt check|Sudden hearing loss;Foreign body;Button battery|When did it start?||Pain, bleeding, or trouble breathing or swallowing|ENT|Do not try to make them vomit; do not give food or drink until assessed.|t',
  gynae:
    'vaginal itching or discharge is usually thrush or an imbalance, treatable at a pharmacy|Thrush;Bacterial vaginosis;Sexually transmitted infection|Any pelvic pain, fever, or a chance of a sexually transmitted infection?|A pharmacist can advise on thrush treatment;Avoid perfumed soaps|Pelvic pain, fever, or symptoms that come back|sexual health||',
  urinary:
    'this is often an infection needing antibiotics|Urinary tract infection;Kidney infection;Kidney stones|Any fever or back pain?|Drink plenty of water|Fever, or pain in the back or side|urology||',
  diabetes:
    'with diabetes this needs prompt care|Diabetic ketoacidosis;High blood sugar;Low blood sugar|What are your sugar and ketone readings?||Vomiting, fast breathing or drowsiness|endocrinology|If sugar is low and they can swallow, give fast sugar.|',
  eye: 'eye problems affecting vision need prompt care|Conjunctivitis;Corneal injury;Glaucoma|Is your vision affected?|Clean sticky eyes with cooled boiled water|Vision changes or severe pain|ophthalmology|Rinse the eye under running water for 20 minutes, holding it open; remove contact lenses.|',
  environment:
    'extreme heat or cold can be dangerous|Heatstroke;Heat exhaustion;Hypothermia|Any confusion?|Rest somewhere cool and drink water|Confusion or fainting|general practice|Heat: move somewhere cool, remove outer clothing, cool the skin with water and fanning, give sips of water only if fully awake. Cold: move somewhere warm, replace wet clothing, warm gradually with blankets; do not rub the skin or use a hot bath.|',
  general: 'this needs checking by a doctor|Several common causes are possible||||general practice||',
};

/**
 * Concepts that are long-standing by nature (chronic skin and scalp conditions, hay fever): a
 * structured duration of four weeks or more does not by itself call for a doctor when every
 * finding of that symptom is one of these. Escalation needs a reason: a rule (worsening, a
 * red-flag companion, a risk group), a severity of 8 or more, or a sudden onset.
 */
export const LONG_STANDING_EXPECTED: readonly string[] = ['skin_complaint', 'scalp', 'hay_fever'];

const NUMBERS = '(911 in the US, 999 in the UK, 112 in the EU)';
/**
 * What each level tells the patient to do (at emergency levels, before the families' own
 * emergency advice), and what every answer shares: generic follow-up questions, self-care and
 * warning signs (`;` lists), the summary when nothing specific was recognised, and the answer
 * if the engine itself fails.
 */
export const GENERAL_ADVICE: Readonly<Record<string, string>> = {
  emergency_ambulance: `Call emergency services now ${NUMBERS}. Do not drive yourself.`,
  emergency: `Go to an emergency department now, or call emergency services ${NUMBERS} if you cannot get there safely or it gets worse.`,
  consultation_24: 'Speak to a doctor or urgent care service within 24 hours.',
  consultation: 'Book an appointment with a doctor; it does not look urgent.',
  self_care: 'This can usually be looked after at home.',
  questions:
    'How long has it lasted, and is it getting worse?;Any other symptoms, such as fever or pain elsewhere?;Any long-term conditions, pregnancy or regular medicines?',
  self_care_list: 'Rest and drink plenty of fluids;Paracetamol or ibuprofen if suitable for you, following the label',
  watch_for: 'Chest pain, trouble breathing, confusion, fainting or severe pain: get emergency care',
  nothing_recognised: 'No specific warning signs were recognised in what was described, but it is worth a check by a doctor.',
  fail_safe: 'The symptom check could not be completed. Speak to a doctor within 24 hours, sooner if you are worried.',
};
