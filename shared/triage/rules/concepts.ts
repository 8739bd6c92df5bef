/**
 * What people write → clinical concepts: concept id → `|`-separated phrases; `{a,b}` expands
 * to alternatives ("took too many {pills,tablets}").
 *
 * `text.ts` normalises phrases exactly like input, so write each idea once, plainly:
 * - word endings fold ("vomited", "vomiting" → vomit; "breathe", "breathing" → breath; plurals,
 *   -ness: "stiffness" → stiff);
 * - "can't", "cannot", "unable to" → cant; "doesn't", "won't", "isn't"… → not;
 * - filler words ("my", "is", "very", "in", "of", "feels like"…) may sit between phrase words;
 * - a two-word phrase also matches reversed ("chest pain" finds "pain in my chest");
 * - every PAIN_SITES word with every PAIN_WORDS word is a phrase ("tummy ache", "sore throat").
 * At each position the longest phrase wins, so benign phrases shadow alarming fragments
 * ("hay fever", "heat stroke", "can't breathe through my nose", "coughing fit", "fit and healthy",
 * "I'm confused about my meds"), and a phrase can make a finding milder in its own concept
 * ("out of breath after running"), which the rules read with what makes it unexplained. Words
 * that explain a finding away are never typo-matched (NO_FUZZ in text.ts).
 * A phrase may belong to several concepts. Ids double as the words a summary uses.
 * Ids starting `c_` are background conditions: the only concepts read from `conditions`.
 */
export const PAIN_SITES: Readonly<Record<string, string>> = {
  chest_pain: 'chest breastbone sternum',
  arm_pain: 'arm',
  jaw_pain: 'jaw',
  back_pain: 'back',
  abdominal_pain: 'abdominal abdomen abdo stomach tummy belly gut pelvic',
  headache: 'head',
  eye_pain: 'eye',
  earache: 'ear',
  toothache: 'tooth teeth dental gum',
  testicular_pain: 'testicle testicular scrotum scrotal ball',
  flank_pain: 'flank kidney loin side',
  calf_swelling: 'calf',
  sore_throat: 'throat',
  period_pain: 'period menstrual',
  muscle_or_joint_pain: 'joint knee shoulder neck wrist ankle hip elbow muscle foot leg body',
};
export const PAIN_WORDS = 'pain ache hurt sore tender tight pressure discomfort cramp throbbing pounding heavy';

/** What "I'm confused about …" is about when it means unsure, not disoriented (benign_context). */
const UNSURE_ABOUT = '{about,by,over} {my,the,this,that,these,those,which,how,whether,why,if,what to,when to,what the,what you,what it}';

export const CONCEPTS: Readonly<Record<string, string>> = {
  // Heart and circulation
  chest_pain: 'crushing chest|{elephant,sitting,weight} on chest|heart pain|burning chest|chest squeezing|angina {attack,pain}',
  heart_attack: 'heart attack|myocardial infarction|cardiac arrest',
  sweating: 'sweat|sweaty|clammy|diaphoresis|perspiring',
  radiating: 'radiating|radiation|spreading|{down,into,to} {arm,jaw,back,shoulder}',
  tearing_pain: 'tearing {pain,feeling}|ripping pain',
  palpitations: 'palpitation|heart {racing,pounding,fluttering,skipping}|irregular heartbeat|skipped beat|{fast,rapid} heartbeat|tachycardia',
  calf_swelling: 'calf {swelling,swollen}|leg {swelling,swollen}|dvt|blood clot',
  ankle_swelling: 'ankle swelling|swollen {ankle,feet}',

  // Breathing
  breathlessness:
    'short of breath|sob|breathless|{difficulty,trouble,struggling} breathing|{difficult,hard,struggling} to breathe|breathing {problem,hard,difficult}|laboured breathing|dyspnea|dyspnoea|out of breath|cant catch breath',
  severe_breathlessness:
    'cant breathe|{not,stopped} breathing|gasping|fighting for breath|cant {speak,finish,talk} in sentences|cant finish sentence|too breathless to {speak,talk}|blue lips|{turning,gone,going} blue|cyanosis|grey lips|choking|cant get air|suffocating|drowning',
  // Breathlessness explained by vigorous exertion ("out of breath after running for the bus",
  // "breathless climbing stairs") is physiological on its own: a phrase of its own, so the longer
  // match shadows plain breathlessness. Only straight after the breathless words, never "walking"
  // or a few steps (minimal exertion), and never "can't catch my breath". The rules still read it
  // beside chest pain, palpitations, fainting, a swollen calf… and with `breathing_change`.
  exertional_breathlessness:
    '{out of breath,breathless,short of breath} {after,from,when,while,during,with,} {running,jogging,sprinting,exercise,exercising,working out,workout,gym,sport,football,cycling,swimming,dancing,hiking,climbing stairs,climbing hill,going up stairs,going up hill,walking up stairs,walking up hill,running up stairs,running up hill}',
  // What makes exertional breathlessness unexplained: new or worse than before, at rest or lying
  // flat, not settling (reduced exercise tolerance, heart failure, PE, anaemia, asthma).
  breathing_change:
    'new|newly|unusual|not normal for me|worse|worsening|than {before,usual}|used to|recently|lately|{have,had,need} to stop|cant keep up|at rest|{even,while,when} {resting,sitting,lying,talking}|lying flat|{sitting,lying} {still,down}|not {settle,settling,settled,ease,easing,go away,going away,stop,stopping,improve,improving,recover}|still|hours later|hour later|for hours',
  rapid_breathing: '{rapid,fast} breathing|breathing {quickly,rapidly}|tachypnoea|panting',
  wheeze: 'wheeze|wheezy|asthma {attack,flare}',
  inhaler_not_working: '{inhaler,reliever} not {helping,working}',
  cough: 'cough|coughing fit|fit of coughing|phlegm|mucus|chest cold|bronchitis',
  coughing_blood: 'cough blood|cough up blood|blood in {sputum,phlegm}|haemoptysis|hemoptysis',

  // Brain and nerves
  face_droop: 'face {droop,dropped,numb,weak}|facial {droop,numb,weak,palsy}|droopy {face,mouth}|{crooked,uneven} smile|lopsided|mouth droop|droop|bells palsy',
  arm_weakness:
    'arm {weak,numb}|cant {lift,raise,move,feel} arm|cant {move,feel} leg|arm {went numb,gone dead}|weak on one side|one side {weak,numb}|side weak|weak on side|numb on one side|leg {weak,gave way}|paralysis|paralysed|paralyzed|cant grip',
  slurred_speech: 'slurred|speech {difficulty,changed,problem}|{difficulty,trouble,problem} speaking|cant {speak,talk}|garbled|jumbled words|words coming out wrong|cant find words|aphasia|talking funny',
  stroke: 'stroke|mini stroke|tia',
  vision_loss: 'vision loss|lost {vision,sight}|cant see {out of,properly}|{went,gone} blind|blind in one eye|curtain over eye|double vision|seeing double',
  blurred_vision: '{blurred,blurry} vision|flashing lights|new floaters',
  loss_of_balance: 'balance loss|lost balance|cant walk {straight,properly}|unsteady|staggering|cant stand up|ataxia',
  // "I'm confused about my meds / by the instructions" is uncertainty, said by someone lucid
  // enough to ask (shadowed in benign_context, first person only: "he is confused about his
  // tablets" may be cognitive and stays confusion). Not being sure where or who one is, what day
  // or time it is, or what happened (amnesia after a head injury or fit) is disorientation.
  // Sudden or worsening confusion is delirium however it is phrased: these outrank the benign
  // "I'm confused about my…" ("suddenly" and "getting" are filler words the benign phrase skips).
  confusion: `{im,i am} {suddenly,increasingly,getting,becoming,more and more} confused ${UNSURE_ABOUT}|{im,i am} confused {about,by,over} {where,who,what day,what time,what year,what month,what date,what happening,what happened,what going on,how i got,time,date,day,year,place,surroundings,name,everything,everyone,anything,people,things}|confused|confusion|disoriented|disorientated|not making sense|talking nonsense|delirious|delirium|not {recognise,recognize,themselves}|acting strange|muddled`,
  drowsiness: 'drowsy|{very,unusually} sleepy|{hard,difficult} to wake|lethargic|lethargy|listless|floppy|not alert|dazed|cant stay awake',
  loss_of_consciousness: 'unconscious|unresponsive|not responding|cant wake|not waking|collapsed|no pulse|coma|{lost,loss of} consciousness|knocked out|cardiac arrest',
  fainting: 'fainted|fainting|pass out|black out|blackout|syncope',
  lightheadedness: 'lightheaded|light headed|faint|{feel,felt,going to} faint|dizzy|vertigo|room spinning|spinning|woozy',
  seizure: 'seizure|seizing|convulsion|convulsing|fitting|{had,having,another,epileptic} fit|shaking uncontrollably|tonic clonic|status epilepticus',
  first_or_long_seizure: 'still {seizing,fitting}|{seizure,fit} not stopping|seizure lasting|{repeated,second,first} seizure|first fit',
  headache: 'headache|migraine|head killing me|splitting headache',
  worst_headache: 'worst headache|worst pain of life|thunderclap|like being hit on head|explosive headache|sudden {,severe }headache',
  light_sensitivity: 'photophobia|sensitive to light|light sensitivity|light hurt|cant {stand,look at} light',
  stiff_neck: 'stiff neck|rigid neck|neck rigidity|cant bend neck|cant {touch,put} chin {to,on} chest|neck pain and stiff|stiff and sore neck',
  head_injury: 'head {injury,trauma,wound}|{hit,bumped,banged,knocked,struck} head|bump on head|blow to head|concussion|concussed|fell on head|skull fracture',
  neck_or_spine_injury: '{neck,spinal,spine} injury|{broke,broken} {neck,back}',

  // Mental health
  suicidal_thoughts:
    'suicidal|suicide|kill myself|end my life|end it all|take my own life|{want,wanna} to die|wanna die|wish i {was,were} dead|better off dead|not want to {live,be alive,be here,wake up}|no reason to live|nothing to live for|hang myself|jump off bridge',
  self_harm: 'self harm|selfharm|harm myself|cutting myself|cut myself {on purpose,deliberately}|{want,going,urge} to hurt myself|hurt myself on purpose',
  overdose: 'overdose|od|{took,taken} too many {pills,tablets,painkillers,paracetamol}|took all {pills,tablets}|swallowed pills|{swallowed,took} bottle of|too much {paracetamol,tylenol,acetaminophen,medication,medicine}',
  harm_to_others: '{kill,hurt,harm} someone|homicidal',
  psychosis: 'hearing voices|hallucinating|hallucination|paranoid|psychosis|psychotic|manic',
  low_mood: 'low mood|sad|depressed|depression|feeling {down,low}|hopeless',
  anxiety: 'anxiety|anxious|panic|stress|stressed|nervous',
  insomnia: 'insomnia|cant sleep|{trouble,not} sleeping|sleepless',

  // Fever, infection, sepsis
  fever: 'fever|feverish|temperature|temp|pyrexia|febrile|hot to touch|burning up|hot and cold',
  high_fever: 'high {fever,temperature,temp}|{raging,spiking} fever',
  rigors: 'chill|shiver|rigor|teeth chattering',
  infection: 'infection|infected|pus|abscess|pneumonia',
  sepsis: 'sepsis|septic|blood poisoning',
  spreading_redness: 'cellulitis|spreading redness|red streak|wound {infected,oozing}',
  mottled_skin: 'mottled|blotchy skin|{blue,grey,gray} skin|ashen|pale and clammy|{very,deathly} pale|cold hands and feet',
  very_unwell: '{very,extremely,really} {unwell,ill}|seriously ill|feel like dying|im dying|going to die|impending doom|something very wrong|deteriorating|rapidly getting worse',
  not_passing_urine: 'not {peed,peeing,passing urine,urinated,weeing}|no {urine,wee}|{no wet,dry,fewer wet} {nappy,diaper}',
  dehydration: 'dehydrated|dehydration|very thirsty',
  dehydration_signs:
    'cant keep {fluids,anything,water,drinks} down|not keeping {anything,fluids} down|not drinking|refusing to drink|sunken eyes|no tears|very dark urine|cant stop {vomiting,throwing up}|{constant,nonstop,projectile} vomiting|vomiting everything',
  fontanelle: '{sunken,bulging} {fontanelle,soft spot}',
  not_feeding: 'not feeding|refusing {feeds,bottle,breast}|not eating or drinking|poor feeding',
  abnormal_cry: 'high pitched cry|weak cry|grunting|moaning',
  crying: 'inconsolable|crying nonstop|not stop crying|colic',
  rash: 'rash|red spots|blotches',
  non_blanching_rash:
    'non blanching|nonblanching|not fade|not blanch|{glass,tumbler} test|purple {rash,spots}|purpura|petechiae|petechial|pinprick {rash,spots}|tiny red dots|rash like bruises',
  skin_blistering: 'skin {peeling off,coming off}|blisters all over|blistering rash|sores in mouth and eyes|stevens johnson',

  // Allergy
  airway_swelling: 'swollen {lips,tongue,throat}|{lip,tongue,throat,mouth} swelling|throat {closing,tight}|angioedema',
  anaphylaxis: 'anaphylaxis|anaphylactic|{used,gave} epipen|epipen used|used auto injector',
  face_swelling: 'face {swelling,swollen}|facial swelling|puffy face|swollen cheek|eye swelling',
  hand_swelling: 'hand swelling|swollen {hands,fingers}|sudden swelling',
  hives: 'hives|urticaria|welts|wheals|nettle rash|itchy bumps|allergic rash',
  allergic_reaction: 'allergic reaction|reaction to|having reaction',
  allergen_exposure: 'allergic|allergy|after {eating,taking}|peanut|nut|shellfish|prawn|stung|sting|new {medicine,medication}|penicillin|latex|epipen',
  hay_fever: 'hay fever|hayfever|seasonal allergies|pollen|allergic rhinitis|{itchy,watery} eyes|itchy nose|sneezing fit',

  // Bleeding
  severe_bleeding:
    'bleeding {heavily,a lot,lots,profusely,badly,out,through,not stopping}|{heavy,uncontrolled,severe,arterial} bleeding|{lot,pool} of blood|so much blood|blood everywhere|{pouring,gushing,spurting,pumping} blood|{cant,not} stop bleeding|hemorrhage|haemorrhage|soaked through',
  bleeding: 'bleed|blood|bloody|bled|spotting',
  vomiting_blood: '{vomit,throw up,threw up} blood|bloody vomit|coffee ground|hematemesis|haematemesis',
  black_stools: 'black {stool,poo}|tarry stool|tarry|melena|melaena',
  rectal_bleeding: 'blood in {stool,poo}|bloody {stool,poo,diarrhea,diarrhoea}|rectal bleeding|bleeding from {bottom,back passage}|blood when wiping',
  blood_in_urine: 'blood in {urine,pee}|bloody urine|hematuria|haematuria|peeing blood',
  nosebleed: 'nosebleed|nose bleed|epistaxis',
  heavy_period: 'heavy {period,menstrual,flow}|heavy bleeding {during,on} period|bleeding {heavily,lot} {during,on} period|menorrhagia',

  // Pregnancy
  pregnancy: 'pregnant|pregnancy|expecting baby|trimester|antenatal|positive pregnancy test',
  labour: 'contractions|in {labour,labor}|waters {broke,broken}|{labour,labor} pains|bloody show',
  reduced_fetal_movements: 'baby {not moving,moving less,stopped moving}|reduced movements|fewer kicks|not felt baby move|cant feel baby',
  shoulder_tip_pain: 'shoulder tip',

  // Belly, bowel and bladder
  abdominal_pain: 'stomachache|tummyache|bellyache|cramp',
  rigid_abdomen: 'rigid {abdomen,stomach,belly,tummy}|board like|{stomach,abdomen,belly,tummy} {hard,rock hard}|abdominal guarding|rebound tenderness|peritonitis',
  right_lower_pain: 'right lower|lower right|right side of {stomach,tummy,abdomen}|appendix|appendicitis',
  bowel_obstruction: 'cant pass wind|bowel obstruction|distended {abdomen,stomach}',
  vomiting: 'vomit|{throw,threw,thrown} up|being sick|puke|retching',
  green_vomit: 'green {vomit,bile}|bile vomit',
  nausea: 'nausea|nauseous|nauseated|{feel,felt} sick|queasy|want to vomit|upset stomach|morning sickness',
  diarrhoea: 'diarrhea|diarrhoea|{loose,watery} stool|runny poo|gastro|gastroenteritis|{stomach,tummy} bug|food poisoning|stomach flu',
  constipation: 'constipation|constipated|cant poo|hard stool|bunged up',
  heartburn: 'heartburn|heart burn|acid reflux|reflux|indigestion|gerd|gord|sour taste|dyspepsia|burping',
  jaundice: 'jaundice|yellow {skin,eyes}|yellowing',
  drooling: 'drooling|cant swallow {saliva,spit}|muffled voice|cant open mouth|lockjaw',
  swallowing_difficulty: 'cant swallow|{difficulty,trouble} swallowing|food stuck|stuck in throat|dysphagia',
  urinary_symptoms: 'uti|{urine,urinary,bladder} infection|cystitis|{burning,stings,pain} when {peeing,urinating}|painful {urination,peeing}|dysuria|peeing a lot|frequent urination|{cloudy,smelly} urine',
  flank_pain: 'renal colic|kidney stone',
  urinary_retention: 'cant {pee,urinate,wee,pass urine}|urinary retention',
  new_incontinence: '{lost control,loss} of {bladder,bowel}|{wet,soiled} myself|incontinence|incontinent|cant control {bladder,bowel}',
  saddle_numbness: 'saddle {numb,anaesthesia,anesthesia}|numb {groin,bottom,bum,buttock,genitals}|numb {around bottom,between legs}|cant feel {bottom,bum,when wiping}',
  testicular_pain: 'torsion',

  // Diabetes
  high_blood_sugar: 'high {blood sugar,sugar,glucose}|blood sugar high|hyperglycemia|hyperglycaemia|ketones|ketoacidosis|dka',
  low_blood_sugar: 'low {blood sugar,sugar,glucose}|blood sugar low|hypo|hypoglycemia|hypoglycaemia',

  // Injuries, poisoning, environment
  major_trauma:
    '{been,got,was} stabbed|{stab,knife,bullet} wound|gunshot|been shot|hit by car|run over|fell {from height,off roof,off ladder}|crush injury|crushed by|impaled|amputated|bone sticking out|{open,compound} fracture|{serious,motorbike} accident',
  road_accident: '{car,bike} accident|car crash|fell off bike',
  fall: 'fall|fell|fallen|tripped|slipped',
  cant_get_up: 'cant get {up,off floor}|lying on floor',
  fracture: '{broken,broke} {bone,arm,leg,wrist,ankle,hip,finger,toe,nose,rib}|fracture|cant {bear weight,put weight on,walk on}|deformed|wrong angle|dislocated',
  deep_cut: 'deep cut|gaping|wound not close|need stitches|can see bone',
  minor_cut: 'blister|cut|graze|scrape|scratch|laceration',
  burn: 'burn|burnt|scald|sunburn|sunburnt',
  severe_burn: '{severe,bad,large,deep,electrical,chemical} burn|electric shock|electrocuted|burn{, on} face|burned all over|smoke inhalation',
  insect_bite: 'bite',
  animal_bite: '{dog,cat,animal,bat,human} bite|bitten by {dog,cat,animal,bat,someone}',
  snake_bite: 'snake bite|snakebite|bitten by snake',
  poisoning: 'poison|{swallowed,drank} bleach|swallowed {chemical,battery,magnet,tablets}|button battery|ate {tablets,pills}|ingested|carbon monoxide|antifreeze',
  eye_chemical: '{chemical,bleach,acid} in eye|splashed in eye',
  eye_injury: 'eye injury|{hit,poked,something,metal} in eye|scratched eye|black eye',
  red_eye: '{red,pink,sticky} eye|conjunctivitis|eye discharge|bloodshot|subconjunctival {haemorrhage,hemorrhage}',
  heatstroke: 'heatstroke|heat stroke|sunstroke',
  heat_exhaustion: 'heat exhaustion|overheated',
  hypothermia: 'hypothermia|hypothermic',

  // Everyday complaints
  cold_or_flu: 'cold|{runny,blocked,stuffy} nose|congestion|congested|sniffles|sneeze|sinus|sinusitis|cant breathe through nose|flu|influenza|covid|virus|viral',
  sore_throat: 'strep throat|tonsillitis|swollen tonsils|{hurts,painful} to swallow|lost voice|hoarse|laryngitis',
  earache: 'earache|ear infection|ear wax',
  toothache: 'toothache|dental abscess|wisdom tooth',
  muscle_or_joint_pain: 'sprain|strain|pulled muscle|muscle spasm|ache|achy|stiffness|tennis elbow|whiplash|bruise|arthritis|twisted {ankle,knee}',
  skin_complaint: 'eczema|dermatitis|acne|pimple|spot|wart|mole|{dry,itchy} skin|itch|cold sore|athletes foot|fungal|psoriasis',
  tiredness: 'tired|fatigue|exhausted|{no,low} energy|weak|run down|worn out',
  weight_loss: 'weight loss|{losing,lost} weight',
  lump: 'lump|swelling|swollen {gland,lymph node}',
  // Age told in words ("my 3 month old", "newborn") when no age was given.
  age_0: 'newborn|infant|baby|{week,month} old',
  age_1_2: 'toddler|{1,2,one,two} year old',
  // Shadows alarming fragments; no rule reads it.
  benign_context: `{im,i am} confused ${UNSURE_ABOUT}|fit and {well,healthy}|keep fit|normal temperature|negative pregnancy test|blood {test,pressure}|{back,brush} stroke|stroke of luck|{fell,fall} asleep`,

  // Background conditions (also recognised in free text: "I'm diabetic", "on warfarin")
  c_diabetes: 'diabetes|diabetic|insulin|metformin',
  c_immunosuppressed:
    'immunocompromised|immunosuppressed|{weak,weakened} immune system|chemotherapy|chemo|neutropenia|transplant|hiv|leukemia|leukaemia|lymphoma|myeloma|cancer treatment|on steroids|methotrexate|no spleen|sickle cell',
  c_chemotherapy: 'chemotherapy|chemo|neutropenia|cancer treatment',
  c_blood_thinners: 'warfarin|apixaban|eliquis|rivaroxaban|xarelto|dabigatran|edoxaban|heparin|blood thinner|anticoagulant|anticoagulated|haemophilia|hemophilia',
  c_heart_disease: 'heart {disease,condition,failure}|coronary|angina{, attack, pain}|heart attack|stent|bypass|atrial fibrillation|afib|pacemaker',
  c_lung_disease: 'asthma|asthmatic|copd|emphysema|lung disease',
  c_epilepsy: 'epilepsy|epileptic',
  c_migraine: 'migraine',
  c_sickle_cell: 'sickle cell',
};
