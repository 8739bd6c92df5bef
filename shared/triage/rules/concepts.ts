/**
 * What people write, mapped to clinical concepts: concept id → `|`-separated phrases.
 *
 * Phrases are written plainly; `text.ts` normalises them exactly as it normalises input
 * (lower case, contractions such as "can't"/"unable to" → `cant` and "doesn't"/"won't" → `not`,
 * plurals stripped), so "bleeding won't stop" and "bleeding doesn't stop" are one phrase.
 * Filler words ("my", "the", "is", "very", "left" ...) may sit between a phrase's words in the
 * input, so write phrases without them. At each position the longest phrase wins, which is how
 * benign phrases shadow alarming fragments ("hay fever" is not a fever, "heat stroke" is not a
 * stroke, "can't breathe through my nose" is a blocked nose, "coughing fit" is not a seizure).
 * A phrase may belong to several concepts. Ids are also the words a summary uses for a finding.
 * Ids starting `c_` are background conditions: the only concepts read from `conditions`.
 */
export const CONCEPTS: Readonly<Record<string, string>> = {
  // ── Heart and circulation
  chest_pain:
    'chest pain|chest pian|chest ache|chest hurts|chest hurting|chest tight|chest tightness|tight chest|tightness in chest|chest pressure|pressure in chest|pain in chest|ache in chest|chest discomfort|discomfort in chest|heavy chest|chest heaviness|heaviness in chest|crushing chest|chest squeezing|squeezing in chest|elephant on chest|heart pain|pain in heart|breastbone pain|burning in chest|chest burning|burning chest',
  heart_attack: 'heart attack|having heart attack|myocardial infarction|cardiac arrest',
  sweating: 'sweating|sweaty|sweat|cold sweat|clammy|cold and clammy|diaphoresis|diaphoretic|perspiring|drenched in sweat',
  radiating:
    'radiating|radiates|radiate|radiation|spreading to|spreads to|spreading into|spreads into|going down arm|goes down arm|down arm|into arm|to arm|into jaw|to jaw|up to jaw|into back|through to back|to back|into shoulder|to shoulder',
  arm_pain: 'arm pain|pain in arm|arm hurts|arm ache|aching arm|arm aching|heavy arm|arm heavy',
  jaw_pain: 'jaw pain|pain in jaw|jaw hurts|jaw ache|aching jaw|jaw tightness',
  back_pain: 'back pain|backache|back ache|pain in back|back hurts|sore back|back spasm|lumbago|sciatica|pulled back|tweaked back',
  tearing_pain: 'tearing pain|tearing|ripping pain|ripping|tearing sensation',
  palpitations:
    'palpitation|heart racing|racing heart|heart pounding|pounding heart|heart fluttering|fluttering in chest|irregular heartbeat|irregular heart beat|skipped beat|skipping beat|heart skipping|fast heartbeat|fast heart rate|rapid heartbeat|heart beating fast|tachycardia',
  calf_swelling:
    'calf pain|pain in calf|calf swelling|swollen calf|calf swollen|calf tender|tender calf|leg swelling|swollen leg|leg swollen|one leg swollen|one leg bigger|leg red and swollen|dvt|deep vein thrombosis|blood clot|clot in leg',

  // ── Breathing
  breathlessness:
    'short of breath|shortness of breath|sob|breathless|breathlessness|difficulty breathing|difficult to breathe|trouble breathing|hard to breathe|hard time breathing|breathing difficulty|breathing difficulties|breathing problem|struggling to breathe|struggling for breath|labored breathing|laboured breathing|dyspnea|dyspnoea|out of breath|cant catch breath|winded|breathing hard|short breath|heavy breathing|puffed out',
  severe_breathing_difficulty:
    'cant breathe|not breathing|stopped breathing|gasping|gasping for air|gasping for breath|fighting for breath|cant speak in sentences|cant finish sentences|cant talk in full sentences|too breathless to speak|too breathless to talk|breathless at rest|blue lips|lips blue|lips turning blue|blue around lips|turning blue|gone blue|going blue|cyanosis|cyanotic|grey lips|choking|choked|cant get air|suffocating|drowning|near drowning',
  rapid_breathing: 'rapid breathing|breathing fast|fast breathing|breathing quickly|breathing rapidly|rapid breaths|fast breaths|tachypnea|tachypnoea|panting',
  wheeze: 'wheeze|wheezing|wheezy|whistling when breathing|whistling breath|asthma attack|asthma flare',
  inhaler_not_working: 'inhaler not helping|inhaler not working|inhaler not help|reliever not working|reliever not helping|inhaler no help',
  cough: 'cough|coughing|dry cough|chesty cough|tickly cough|hacking cough|coughing fit|fit of coughing|had coughing fit|productive cough|phlegm|mucus|sputum|chest cold|bronchitis',
  coughing_blood:
    'coughing blood|coughing up blood|cough up blood|coughed up blood|blood in sputum|blood in phlegm|bloody sputum|bloody phlegm|haemoptysis|hemoptysis|spitting blood',

  // ── Brain and nerves
  face_droop:
    'face droop|face drooping|facial droop|drooping face|droopy face|face dropped|one side of face drooping|side of face drooping|face numb|face numbness|numb face|facial numbness|facial weakness|face weakness|weak face|crooked smile|uneven smile|lopsided smile|lopsided face|mouth droop|mouth drooping|drooping mouth|droopy mouth|mouth twisted|droop|drooping|droopy|facial palsy|bells palsy',
  arm_weakness:
    'arm weakness|weak arm|arm weak|cant lift arm|cant raise arm|cant move arm|cant move leg|arm numb|numb arm|numbness in arm|arm numbness|arm went numb|arm gone dead|dead arm|weakness on one side|one sided weakness|weak on one side|one side weak|weakness in one side|side weak|weakness side|numbness on one side|one side numb|numb on one side|leg weakness|weak leg|leg weak|leg gave way|paralysis|paralysed|paralyzed|hemiplegia|hemiparesis|cant feel leg|cant feel arm|cant grip',
  slurred_speech:
    'slurred speech|slurring|slurred|speech slurred|speech difficulty|difficulty speaking|trouble speaking|problem speaking|hard to speak|cant speak|cant talk|speech problem|garbled speech|garbled|jumbled words|words jumbled|words coming out wrong|cant get words out|cant find words|aphasia|dysarthria|talking funny|speaking funny|talking strangely|speech changed|cant speak properly',
  stroke: 'stroke|mini stroke|having stroke|tia|transient ischemic attack|transient ischaemic attack',
  vision_loss:
    'vision loss|loss of vision|lost vision|lost sight|cant see out of|cant see properly|cant see anything|went blind|gone blind|blind in one eye|sudden blindness|vision went dark|curtain over eye|dark curtain|double vision|seeing double',
  blurred_vision: 'blurred vision|blurry vision|vision blurry|vision blurred|flashing lights|seeing flashes|new floaters|spots in vision|visual disturbance',
  loss_of_balance:
    'loss of balance|lost balance|cant walk straight|cant walk properly|unsteady on feet|unsteady|staggering|falling to one side|cant stand up|no coordination|lack of coordination|ataxia|veering',
  confusion:
    'confused|confusion|disoriented|disorientated|disorientation|not making sense|talking nonsense|delirious|delirium|not know where|not recognise|not recognize|not recognising|not recognizing|not themselves|not herself|not himself|acting strange|acting strangely|behaving strangely|muddled|altered mental state',
  drowsiness:
    'drowsy|drowsiness|very sleepy|excessively sleepy|unusually sleepy|hard to wake|difficult to wake|hard to rouse|lethargic|lethargy|listless|floppy|limp|not alert|dazed|barely awake|keeps falling asleep|cant stay awake|not stay awake',
  loss_of_consciousness:
    'unconscious|unresponsive|not responding|not responsive|cant wake|cant be woken|not waking|not wake|unrousable|collapsed|collapse|collapsing|no pulse|in coma|coma|lost consciousness|loss of consciousness|knocked out|knocked unconscious|cardiac arrest',
  fainting: 'fainted|fainting|fainting spell|passed out|pass out|passing out|blacked out|blackout|black out|syncope|keeled over|fell unconscious',
  lightheadedness:
    'lightheaded|light headed|lightheadedness|feel faint|feeling faint|felt faint|faint|faintness|about to faint|going to faint|dizzy|dizziness|dizzy spell|vertigo|room spinning|spinning|woozy|giddy|dizzy when standing|presyncope',
  seizure:
    'seizure|seizing|convulsion|convulsing|fitting|had fit|having fit|has had fit|another fit|epileptic fit|epileptic seizure|went into fit|shaking uncontrollably|uncontrollable shaking|jerking uncontrollably|grand mal|tonic clonic|febrile convulsion|febrile seizure|status epilepticus',
  prolonged_or_first_seizure:
    'still seizing|still fitting|seizure not stop|seizure not stopping|fit not stop|fit not stopping|seizure lasting|repeated seizure|seizures one after another|back to back seizure|second seizure|first seizure|first ever seizure|first fit|first ever fit|first time seizure',
  headache:
    'headache|head ache|head pain|head hurts|head hurting|pain in head|head pounding|pounding head|pounding headache|migraine|cephalgia|sore head|throbbing head|head throbbing|head killing me|splitting headache',
  worst_headache:
    'worst headache|worst headache of life|worst headache ever|worst pain of life|thunderclap|thunderclap headache|like being hit on head|hit with bat|hit with hammer|explosive headache|sudden severe headache|sudden headache|headache came on suddenly|headache suddenly',
  light_sensitivity:
    'photophobia|sensitive to light|sensitivity to light|light sensitivity|light hurts eyes|light hurts|bright light hurts|cant stand light|cant look at light|hurts to look at light|avoiding light',
  stiff_neck:
    'stiff neck|neck stiffness|neck stiff|stiffness in neck|rigid neck|neck rigidity|cant bend neck|cant touch chin to chest|cant put chin on chest|cant look down',
  head_injury:
    'head injury|hit head|head hit|bumped head|bump on head|banged head|knocked head|knock to head|knock on head|blow to head|hit on head|struck head|head trauma|concussion|concussed|fell on head|head wound|cut on head|skull fracture|fractured skull',
  neck_or_spine_injury: 'neck injury|spinal injury|spine injury|broke neck|broken neck|broken back|neck trauma',

  // ── Mental health
  suicidal_thoughts:
    'suicidal|suicide|suicidal thoughts|suicidal ideation|kill myself|killing myself|end my life|ending my life|end it all|take my own life|taking my own life|want to die|wanna die|wish i was dead|wish i were dead|better off dead|not want to live|not want to be alive|not want to be here|no reason to live|nothing to live for|thoughts of dying|not want to wake up|hang myself|hanging myself|jump off bridge|jump in front of',
  self_harm:
    'self harm|self harming|selfharm|self injury|harm myself|harming myself|cutting myself|cut myself on purpose|cut myself deliberately|want to hurt myself|going to hurt myself|urge to hurt myself|thoughts of hurting myself|hurt myself on purpose|hurting myself on purpose|burning myself on purpose',
  overdose:
    'overdose|overdosed|overdosing|od|took too many pills|taken too many pills|took too many tablets|taken too many tablets|took all pills|took all tablets|swallowed pills|swallowed bottle of|took bottle of|too much paracetamol|too much tylenol|too much acetaminophen|too many paracetamol|too many painkillers|took too much medication|took too much medicine',
  harm_to_others: 'kill someone|hurt someone|harm someone|hurt others|harm others|homicidal',
  psychosis: 'hearing voices|hallucinating|hallucination|seeing things|paranoid|paranoia|psychosis|psychotic|manic|mania',
  low_mood: 'low mood|sad|sadness|depressed|depression|feeling down|feeling low|sad all the time|hopeless',
  anxiety: 'anxiety|anxious|panic attack|panicking|stress|stressed|nervous|worried sick',
  insomnia: 'insomnia|cant sleep|trouble sleeping|difficulty sleeping|not sleeping|poor sleep|sleepless',

  // ── Fever, infection, sepsis
  fever:
    'fever|feverish|temperature|temp|high temperature|raised temperature|pyrexia|pyrexial|febrile|running temperature|running fever|hot to touch|burning up|hot and cold',
  high_fever: 'high fever|very high fever|very high temperature|raging fever|hyperpyrexia|spiking fever|high temp',
  rigors: 'chills|shivering|shivers|rigors|rigor|shaking chills|uncontrollable shivering|teeth chattering',
  infection: 'infection|infected|pus|abscess|pneumonia|chest infection|kidney infection',
  sepsis: 'sepsis|septic|septic shock|blood poisoning',
  spreading_redness:
    'cellulitis|spreading redness|redness spreading|red streak|red line spreading|hot red swollen|red hot swollen|wound infected|infected wound|wound infection|wound oozing|oozing pus',
  mottled_skin:
    'mottled|mottled skin|blotchy skin|skin blotchy|skin looks blue|blue skin|grey skin|gray skin|ashen|pale and clammy|very pale|deathly pale|cold hands and feet|skin cold and pale|cold clammy skin',
  very_unwell:
    'very unwell|very ill|extremely unwell|extremely ill|seriously ill|really unwell|really ill|feel like dying|im dying|going to die|sense of doom|impending doom|something very wrong|never felt this ill|worst ive ever felt|deteriorating|getting worse rapidly|rapidly getting worse',
  not_passing_urine:
    'not peed|not peeing|no urine|not passing urine|not passed urine|not urinated|not urinating|no wee|not weeing|very little urine|no wet nappy|no wet diaper|dry nappy|dry diaper|fewer wet nappy|fewer wet diaper|not wet nappy',
  dehydration: 'dehydrated|dehydration|very thirsty|extreme thirst',
  cant_keep_fluids_down:
    'cant keep fluids down|cant keep anything down|cant keep water down|cant keep liquids down|cant keep drinks down|not keeping fluids down|not keeping anything down|not drinking|refusing to drink|sunken eyes|no tears|very dark urine|cant stop vomiting|cant stop throwing up|vomiting everything|nonstop vomiting|non stop vomiting|constant vomiting|projectile vomiting',
  fontanelle: 'sunken fontanelle|sunken soft spot|bulging fontanelle|bulging soft spot|soft spot bulging|soft spot sunken',
  not_feeding: 'not feeding|not feed|refusing feed|refusing bottle|refusing breast|not eating or drinking|off feeds|poor feeding|not taking milk|not taking bottle|feeding poorly',
  abnormal_cry: 'high pitched cry|weak cry|grunting|moaning|whimpering',
  crying: 'inconsolable|cant be comforted|crying nonstop|not stop crying|crying all the time|colic',
  rash: 'rash|red spots|skin rash|blotches|red rash|itchy rash|bumpy rash',
  non_blanching_rash:
    'non blanching|nonblanching|non blanching rash|rash not fade|rash not fading|not fade|not fading|not blanch|not blanching|glass test|tumbler test|purple rash|purple spots|purplish rash|purpura|purpuric|petechiae|petechial|pinprick rash|pin prick rash|pinprick spots|tiny red dots|rash like bruises|bruise like rash',
  skin_peeling_or_blistering:
    'skin peeling off|skin coming off|blisters all over|widespread blisters|blistering rash|sores in mouth and eyes|rash with mouth sores|stevens johnson',

  // ── Allergy
  airway_swelling:
    'swollen lips|lip swelling|lips swelling|lips swollen|swelling of lips|swollen tongue|tongue swelling|tongue swollen|swelling of tongue|tongue feels big|throat swelling|swollen throat|throat swollen|throat closing|throat closing up|throat tight|tight throat|throat tightness|tightness in throat|swelling in throat|angioedema|mouth swelling',
  anaphylaxis: 'anaphylaxis|anaphylactic|anaphylactic shock|anaphylactic reaction|allergic shock|used epipen|gave epipen|epipen used|used epi pen|used auto injector',
  face_swelling: 'face swelling|face swollen|swollen face|facial swelling|puffy face|swollen cheek|cheek swollen|eyes swelling shut|eye swelling|face swelling up',
  hand_swelling: 'swollen hands|swelling in hands|hands swollen|swollen fingers|fingers swollen|sudden swelling',
  hives: 'hives|urticaria|welts|wheals|nettle rash|itchy bumps|raised itchy rash|itchy welts|allergic rash|allergic hives',
  allergic_reaction: 'allergic reaction|allergic|allergy|reaction to',
  allergen_exposure:
    'after eating|after taking|peanut|nut|shellfish|shrimp|prawn|bee sting|wasp sting|stung|sting|insect sting|new medicine|new medication|penicillin|latex|epipen|epi pen',
  hay_fever:
    'hay fever|hayfever|seasonal allergies|seasonal allergy|pollen allergy|pollen|allergic rhinitis|allergies acting up|itchy eyes|watery eyes|itchy watery eyes|itchy nose|sneezing fit|dust allergy|pet allergy',

  // ── Bleeding
  severe_bleeding:
    'bleeding heavily|heavy bleeding|bleeding a lot|bleeding lots|lots of blood|lot of blood|so much blood|blood everywhere|pouring blood|blood pouring|gushing blood|blood gushing|spurting blood|blood spurting|pumping blood|bleeding not stop|bleeding not stopping|cant stop bleeding|cant stop the bleeding|not stop bleeding|uncontrolled bleeding|uncontrollable bleeding|severe bleeding|bleeding profusely|profuse bleeding|bleeding badly|hemorrhage|haemorrhage|hemorrhaging|haemorrhaging|bleeding out|bleeding through|soaked through|soaking through|losing lot of blood|lost lot of blood|arterial bleeding|pool of blood',
  bleeding: 'bleeding|bleed|blood|bloody|bled|spotting|vaginal bleeding|bleeding from vagina|bleeding down below|blood loss|losing blood',
  vomiting_blood:
    'vomiting blood|vomited blood|vomit blood|throwing up blood|threw up blood|throw up blood|blood in vomit|bloody vomit|coffee ground vomit|coffee grounds|hematemesis|haematemesis|puking blood|puked blood',
  black_stools: 'black stool|black poo|black poop|black tarry|tarry stool|tar like stool|tarry|melena|melaena|black sticky stool',
  rectal_bleeding:
    'blood in stool|blood in poo|blood in poop|bloody stool|bloody poo|rectal bleeding|bleeding from bottom|bleeding from back passage|blood when wiping|blood on toilet paper|bloody diarrhea|bloody diarrhoea|blood in diarrhea|bright red blood',
  blood_in_urine: 'blood in urine|blood in pee|bloody urine|hematuria|haematuria|pink urine|red urine|peeing blood',
  nosebleed: 'nosebleed|nose bleed|bleeding nose|nose bleeding|bleeding from nose|epistaxis',
  heavy_period:
    'heavy period|heavy menstrual bleeding|heavy menstrual|period heavy|heavy bleeding during period|heavy bleeding on period|bleeding heavily on period|bleeding a lot during period|bleeding a lot on period|menorrhagia|heavy flow',
  period_pain: 'period pain|period cramps|menstrual cramps|menstrual pain|dysmenorrhea|dysmenorrhoea|painful period',

  // ── Pregnancy
  pregnancy: 'pregnant|pregnancy|weeks pregnant|months pregnant|expecting baby|im expecting|trimester|antenatal|prenatal|positive pregnancy test|pregnancy test positive',
  labour: 'contractions|in labour|in labor|waters broke|waters broken|water broke|water broken|waters have broken|going into labour|labour pains|labor pains|baby coming|bloody show',
  reduced_fetal_movements:
    'baby not moving|baby moving less|reduced movements|reduced fetal movements|fewer kicks|less kicking|not felt baby move|no movement from baby|baby stopped moving|cant feel baby move|cant feel baby',
  shoulder_tip_pain: 'shoulder tip pain|shoulder tip',

  // ── Belly, bowel and bladder
  abdominal_pain:
    'abdominal pain|abdomen pain|abdo pain|stomach pain|stomach pian|stomach ache|stomachache|stomach cramps|stomach hurts|tummy pain|tummy ache|tummyache|tummy hurts|belly pain|belly ache|bellyache|belly hurts|pain in stomach|pain in tummy|pain in belly|pain in abdomen|gut pain|abdominal cramps|pelvic pain|lower abdominal pain|cramping|cramps',
  rigid_abdomen:
    'rigid abdomen|rigid stomach|rigid belly|rigid tummy|stomach rigid|abdomen rigid|board like|stomach hard|abdomen hard|belly hard|hard swollen stomach|guarding|rebound tenderness|peritonitis',
  right_lower_abdomen: 'right lower|lower right|right side of stomach|right side of tummy|right side of abdomen|appendix|appendicitis|pain moved to right',
  bowel_obstruction: 'cant pass wind|not passing wind|not farting|bowel obstruction|blocked bowel|distended abdomen|distended stomach|swollen hard belly',
  vomiting:
    'vomiting|vomit|vomited|throwing up|throw up|threw up|thrown up|being sick|puking|puke|puked|emesis|retching|keep being sick',
  green_vomit: 'green vomit|vomiting green|green bile|bile vomit|vomiting bile|bright green vomit|dark green vomit',
  nausea: 'nausea|nauseous|nauseated|feel sick|feeling sick|felt sick|queasy|sick to stomach|want to vomit|going to be sick|upset stomach|morning sickness',
  diarrhoea:
    'diarrhea|diarrhoea|diarhea|diarrea|diahorrea|loose stool|watery stool|watery poo|runny poo|upset tummy|gastro|gastroenteritis|stomach bug|tummy bug|food poisoning|stomach flu',
  constipation: 'constipation|constipated|cant poo|not pooed|hard stool|no bowel movement|bunged up',
  heartburn: 'heartburn|heart burn|acid reflux|reflux|indigestion|acid indigestion|gerd|gord|acid in throat|sour taste|burning in throat|dyspepsia|acidity|burping',
  jaundice: 'jaundice|yellow skin|yellow eyes|yellowing|skin turning yellow|eyes turning yellow|whites of eyes yellow',
  drooling_or_cant_swallow_saliva: 'drooling|cant swallow saliva|cant swallow spit|muffled voice|hot potato voice|cant open mouth|lockjaw|trismus',
  swallowing_difficulty: 'cant swallow|difficulty swallowing|trouble swallowing|hard to swallow|food stuck|food getting stuck|stuck in throat|dysphagia',
  urinary_symptoms:
    'uti|urine infection|urinary tract infection|urinary infection|bladder infection|cystitis|burning when peeing|burning when pee|burning when urinating|burning urination|burns when pee|stings when pee|pain when peeing|pain when urinating|painful urination|painful peeing|dysuria|peeing lot|frequent urination|urgency to pee|cloudy urine|smelly urine',
  flank_pain: 'flank pain|kidney pain|pain in kidney|loin pain|pain in loin|pain in side|side pain|renal colic|kidney stone',
  urinary_retention: 'cant pee|cant urinate|cant wee|cant pass urine|urinary retention',
  new_incontinence:
    'lost control of bladder|lost control of bowel|loss of bladder control|loss of bowel control|wet myself|wetting myself|soiled myself|incontinence|incontinent|cant control bladder|cant control bowel|cant hold urine',
  saddle_numbness:
    'saddle numbness|saddle anaesthesia|saddle anesthesia|numb groin|numbness in groin|numb bottom|numb buttocks|numbness around bottom|numb between legs|numbness between legs|cant feel bottom|cant feel when wiping|numb genitals|numb inner thighs',
  testicular_pain:
    'testicle pain|testicular pain|pain in testicle|testicle hurts|sore testicle|swollen testicle|testicle swollen|scrotal pain|scrotum pain|pain in scrotum|balls hurt|ball pain|pain in balls|testicular torsion|torsion',

  // ── Diabetes
  high_blood_sugar:
    'high blood sugar|high sugar|blood sugar high|sugar high|high glucose|glucose high|hyperglycemia|hyperglycaemia|high ketones|ketones|ketoacidosis|dka|fruity breath',
  low_blood_sugar: 'low blood sugar|low sugar|blood sugar low|sugar low|hypo|hypoglycemia|hypoglycaemia|sugar dropped|glucose low|low glucose',

  // ── Injuries, poisoning, environment
  major_trauma:
    'stabbed|stab wound|knife wound|gunshot|gun shot|gunshot wound|been shot|bullet wound|hit by car|run over|fell from height|fell off roof|fell off ladder|fell from ladder|crushed|crush injury|impaled|amputation|amputated|severed|bone sticking out|open fracture|compound fracture|serious accident|motorbike accident|motorcycle accident',
  road_accident: 'car accident|car crash|road traffic accident|rta|bike accident|bicycle accident|fell off bike',
  fall: 'fall|fell|fallen|tripped|slipped|fell over|fell down|fell down stairs',
  cant_get_up: 'cant get up|cant get off floor|on floor for hours|lying on floor',
  fracture:
    'broken bone|broke bone|broken arm|broken leg|broken wrist|broken ankle|broken hip|broken finger|broken toe|broken nose|broken rib|broke arm|broke leg|broke wrist|broke ankle|fracture|fractured|cant bear weight|cant put weight on|cant walk on|deformed|deformity|wrong angle|dislocated|dislocation',
  deep_cut: 'deep cut|gaping|gaping wound|wound not close|edges apart|needs stitches|need stitches|might need stitches|fat showing|can see bone',
  minor_cut: 'blister|cut|small cut|minor cut|paper cut|cut finger|graze|grazed|scrape|scraped|scratch|scratched|laceration|nick|sliced finger',
  burn: 'burn|burned|burnt|scald|scalded|scalding|sunburn|sunburnt|sunburned',
  severe_burn:
    'severe burn|bad burn|large burn|big burn|deep burn|third degree burn|full thickness burn|electrical burn|electric shock|electrocuted|chemical burn|acid burn|burn on face|burned face|burnt face|burn to face|charred|burned all over|house fire|smoke inhalation|inhaled smoke',
  insect_bite: 'insect bite|bug bite|mosquito bite|spider bite|tick bite|flea bite|bite',
  animal_bite: 'dog bite|bitten by dog|cat bite|bitten by cat|animal bite|bitten by animal|bat bite|bitten by bat|human bite|bitten by someone|fox bite',
  snake_bite: 'snake bite|snakebite|bitten by snake',
  poisoning:
    'poisoning|poisoned|swallowed bleach|drank bleach|swallowed chemical|drank chemical|swallowed cleaning|ate poison|swallowed poison|swallowed battery|button battery|swallowed magnet|ate tablets|swallowed tablets|ate pills|ingested|carbon monoxide|antifreeze|weed killer|rat poison|wild mushrooms',
  eye_chemical: 'chemical in eye|bleach in eye|acid in eye|splashed in eye|cleaning product in eye|alkali in eye|chemical splash',
  eye_injury: 'eye injury|hit in eye|poked in eye|something in eye|scratched eye|eye scratch|object in eye|metal in eye|eye trauma|black eye',
  eye_pain: 'eye pain|painful eye|eye hurts|pain in eye|eye ache',
  red_eye:
    'red eye|eye red|pink eye|conjunctivitis|sticky eye|eye discharge|itchy eye|gritty eye|bloodshot|blood shot eye|subconjunctival haemorrhage|subconjunctival hemorrhage|burst blood vessel in eye',
  heatstroke: 'heatstroke|heat stroke|sunstroke|sun stroke',
  heat_exhaustion: 'heat exhaustion|overheated|overheating',
  hypothermia: 'hypothermia|hypothermic',

  // ── Everyday complaints
  cold_or_flu:
    'cold|common cold|head cold|runny nose|running nose|blocked nose|stuffy nose|stuffed nose|nose blocked|congestion|congested|nasal congestion|sniffles|sniffling|sneezing|sneeze|sinus|sinusitis|sinus pain|sinus pressure|post nasal drip|cant breathe through nose|flu|influenza|flu like|covid|coronavirus|virus|viral|catarrh',
  sore_throat:
    'sore throat|throat pain|throat hurts|scratchy throat|throat sore|painful throat|strep throat|tonsillitis|tonsils swollen|swollen tonsils|hurts to swallow|painful to swallow|pain on swallowing|pharyngitis|lost voice|hoarse|hoarse voice|laryngitis',
  earache: 'earache|ear ache|ear pain|ear hurts|pain in ear|ear infection|sore ear|blocked ear|ear wax|earwax|otitis',
  toothache: 'toothache|tooth ache|tooth pain|sore tooth|dental pain|tooth abscess|dental abscess|gum pain|gum swelling|wisdom tooth',
  muscle_or_joint_pain:
    'sprain|sprained|sprained ankle|twisted ankle|twisted knee|strain|strained|pulled muscle|muscle strain|muscle pain|muscle ache|sore muscle|aching muscle|body aches|stiff muscle|stiffness|joint pain|knee pain|sore knee|shoulder pain|sore shoulder|neck pain|sore neck|neck ache|wrist pain|ankle pain|hip pain|elbow pain|tennis elbow|leg cramp|cramp in leg|muscle cramp|whiplash|tendonitis|bruise|bruised|bruising|arthritis|achy|aches',
  skin_complaint: 'eczema|dermatitis|acne|pimple|spots|wart|mole|dry skin|itchy skin|itching|itch|dandruff|cold sore|athletes foot|fungal|ringworm|psoriasis',
  tiredness: 'tired|tiredness|fatigue|fatigued|exhausted|exhaustion|no energy|low energy|weak|weakness|run down|worn out|lack of energy',
  ankle_swelling: 'swollen ankle|ankle swelling|swollen feet|swelling in feet|feet swollen|ankles swollen|puffy ankle',
  weight_loss: 'weight loss|losing weight|lost weight|unexplained weight loss',
  lump: 'lump|swelling|mass|growth|swollen gland|swollen lymph node|breast lump',
  // Phrases that only exist to shadow alarming fragments; no rule reads this concept.
  benign_context:
    'fit and well|fit and healthy|keep fit|normal temperature|temperature normal|temperature fine|negative pregnancy test|pregnancy test negative|blood test|blood pressure|blood type|blood sugar normal|back stroke',

  // ── Background conditions (also recognised in free text: "I'm diabetic", "on warfarin")
  c_diabetes: 'diabetes|diabetic|type 1 diabetes|type 2 diabetes|t1d|t2d|insulin|on insulin|metformin',
  c_immunocompromised:
    'immunocompromised|immunosuppressed|immune suppressed|weak immune system|weakened immune system|chemotherapy|chemo|neutropenia|neutropenic|transplant|organ transplant|hiv|aids|leukemia|leukaemia|lymphoma|myeloma|cancer treatment|immunotherapy|biologics|methotrexate|long term steroids|on steroids|prednisolone|prednisone|asplenia|no spleen|splenectomy|sickle cell',
  c_chemotherapy: 'chemotherapy|chemo|neutropenia|neutropenic|cancer treatment',
  c_anticoagulated:
    'warfarin|coumadin|apixaban|eliquis|rivaroxaban|xarelto|dabigatran|pradaxa|edoxaban|heparin|enoxaparin|clexane|blood thinner|anticoagulant|anticoagulated|bleeding disorder|haemophilia|hemophilia',
  c_heart_disease:
    'heart disease|heart condition|coronary|coronary artery disease|angina|heart attack|stent|bypass|cabg|heart failure|atrial fibrillation|afib|pacemaker|cardiomyopathy|heart valve',
  c_lung_disease: 'asthma|asthmatic|copd|emphysema|chronic bronchitis|cystic fibrosis|lung disease',
  c_epilepsy: 'epilepsy|epileptic|seizure disorder',
  c_migraine: 'migraine|migraines',
  c_sickle_cell: 'sickle cell|sickle cell disease|sickle cell anemia|sickle cell anaemia',
};

/** Words that one finding alone reads better as in a summary. */
export const DISPLAY: Readonly<Record<string, string>> = {
  c_heart_disease: 'known heart disease',
  radiating: 'pain spreading',
  c_diabetes: 'diabetes',
  c_anticoagulated: 'blood thinners',
  c_epilepsy: 'epilepsy',
  c_chemotherapy: 'cancer treatment',
  c_sickle_cell: 'sickle cell disease',
  c_lung_disease: 'lung condition',
  cant_keep_fluids_down: 'signs of dehydration',
  drooling_or_cant_swallow_saliva: 'cannot swallow saliva',
};
