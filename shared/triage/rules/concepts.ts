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
  testicular_pain: 'testicle testicular scrotum scrotal ball nut bollock',
  flank_pain: 'flank kidney loin side',
  calf_swelling: 'calf',
  sore_throat: 'throat',
  period_pain: 'period menstrual',
  muscle_or_joint_pain: 'joint knee shoulder neck wrist ankle hip elbow muscle foot leg body',
};
export const PAIN_WORDS = 'pain ache hurt sore tender tight pressure discomfort cramp throbbing pounding heavy painful burning stinging';

/** What "I'm confused about …" is about when it means unsure, not disoriented (benign_context). */
const UNSURE_ABOUT = '{about,by,over} {my,the,this,that,these,those,which,how,whether,why,if,what to,when to,what the,what you,what it}';

export const CONCEPTS: Readonly<Record<string, string>> = {
  // Heart and circulation
  chest_pain: 'crushing chest|{elephant,sitting,weight} on chest|heart pain|burning chest|chest squeezing|angina {attack,pain}',
  heart_attack: 'heart attack|myocardial infarction|cardiac arrest',
  sweating: 'sweat|sweaty|clammy|diaphoresis|perspiring',
  radiating: 'radiating|radiation|spreading|{down,into,to} {arm,jaw,back,shoulder}|{through,thru} to {back,my back}|going {through,thru} to {back,my back}',
  tearing_pain: 'tearing {pain,feeling}|ripping pain',
  palpitations:
    'palpitation|heart {racing,pounding,fluttering,skipping}|irregular heartbeat|skipped beat|{fast,rapid} heartbeat|tachycardia|heart {beating,going,racing} {fast,irregular,irregularly,all over the place,funny}|heart all over the place|svt|supraventricular',
  not_stopping: 'not stopping|wont stop|{not,isnt} {going,settling} away|keeps going|still going',
  calf_swelling:
    'calf {swelling,swollen,red,hot,bigger}|leg {swelling,swollen,red and swollen,hot and swollen}|one leg {bigger,swollen,fatter}|leg {bigger,fatter} than other|{swollen,hot,red} calf|dvt|deep vein thrombosis|blood clot',
  // Risks for a clot: with a swollen calf, a DVT is likely and PE possible.
  clot_risk:
    '{recent,recently,after,since} {surgery,operation,op,hospital,hospital stay,admission,flight,long flight,long haul}|{in,out of,discharged from} hospital|long {flight,haul,drive,journey,coach trip}|bed rest|bedbound|bed bound|immobile|{in,leg in} {cast,plaster}|{on,taking} {the pill,hrt}|contraceptive pill|{previous,history of,had} {clot,dvt,blood clot,pe}|cancer|chemo',
  ankle_swelling: 'ankle swelling|swollen {ankle,feet}',

  // Breathing
  breathlessness:
    'short of breath|sob|breathless|{difficulty,trouble,struggling} breathing|{difficult,hard,struggling} to breathe|breathing {problem,hard,difficult}|laboured breathing|dyspnea|dyspnoea|out of breath|cant catch breath|struggling for breath|{struggling,fighting} to breathe|{bit,little} out of breath|{struggling,fighting} for air',
  severe_breathlessness:
    'cant breathe|{not,stopped} breathing|gasping|fighting for breath|cant {speak,finish,talk} in sentences|cant finish sentence|too breathless to {speak,talk}|blue lips|{turning,gone,going} blue|cyanosis|grey lips|choking|cant get air|suffocating|drowning|cant {breathe,talk} properly|{struggling,cant} to {breathe and talk,talk and breathe}|wheez {gone quieter,quieter,stopped}|wheezing {gone quieter,has gone quieter,quieter,stopped}|{silent,quiet} chest|{can,could} only say {few,one,couple of,a couple of,single} {words,word}|only {few,couple of} words at {a,} time|{barely,hardly} {talk,speak}|lips {look,looking,are,gone} {grey,greyish,blue,bluish}',
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
  rapid_breathing:
    '{rapid,fast,quick,heavy} {breathing,breaths}|breathing {quickly,rapidly,fast,faster,quicker,heavily}|{breathing,breaths} {faster,quicker} than {normal,usual}|working hard to breathe|{ribs,tummy,chest} sucking in|sucking in {ribs,tummy,chest}|nostrils flaring|tachypnoea|panting',
  // A saturation of 92 % or less is also read as a number in text.ts.
  slow_breathing:
    'breathing {slow,slowly,shallow,shallowly}|{slow,shallow} {breathing,breaths}|{barely,hardly} breathing|{long,big} {pauses,gaps} between breaths|{keeps,keep} stopping breathing',
  // Noisy breathing in, at rest: the upper airway is narrowing (croup, epiglottitis, anaphylaxis).
  stridor:
    'stridor|squeaky {noise,sound,breathing}|{noisy,whistling,squeaking,squeaky,high pitched,crowing,rasping,raspy} {breathing,breath,breaths,noise} {in,when breathing in,when he breathes in,when she breathes in}|{noise,sound} when {breathes,breathing,breathe} in|{breathing,breathes} in {noisy,squeaky}',
  croup: 'croup|{barking,barky,bark,seal,sea lion} cough|cough {like a seal,like a bark,barking,barky}',
  // The child's chest or tummy pulling in with each breath, grunting, nodding: work of breathing.
  recession:
    'recession|{ribs,tummy,chest,belly} {sucking,pulling,going,sinking} in|sucking in {under,between,below} ribs|see {ribs,his ribs,her ribs} when {breathes,breathing}|{tummy,chest,belly} going in and out|head bobbing|nostrils flaring|flaring nostrils',
  grunting: 'grunting|grunt with {each,every} breath|grunts when {breathing,breathes}|grunting {noise,sound}',
  // A reliever used without relief: life-threatening asthma.
  reliever_used:
    'blue inhaler|reliever|ventolin|salbutamol|albuterol|{numerous,lots of,loads of,several,many} puffs|puffs of {inhaler,blue,ventolin,salbutamol}|nebuliser|nebulizer',
  not_helping:
    'not {helping,working,touching it,doing anything,making difference}|no {help,better,difference,relief}|doing nothing|isnt helping|{hasnt,didnt} helped|{barely,hardly} helping',
  low_oxygen: '{low,dropping} {oxygen,sats,saturation}|{oxygen,sats,saturation} {low,dropping,falling}',
  wheeze: 'wheeze|wheezy|asthma {attack,flare}',
  inhaler_not_working: '{inhaler,reliever} not {helping,working}',
  cough: 'cough|coughing fit|fit of coughing|phlegm|mucus|chest cold|bronchitis',
  coughing_blood: 'cough blood|cough up blood|blood in {sputum,phlegm}|haemoptysis|hemoptysis',

  // Brain and nerves
  face_droop: 'face {droop,dropped,numb,weak}|facial {droop,numb,weak,palsy}|droopy {face,mouth}|{crooked,uneven} smile|lopsided|mouth droop|droop|bells palsy',
  arm_weakness:
    'arm {weak,numb}|cant {lift,raise,move,feel} arm|cant {move,feel} leg|arm {went numb,gone dead}|weak on one side|one side {weak,numb}|side weak|weak on side|numb on one side|leg {weak,gave way}|paralysis|paralysed|paralyzed|cant grip|clumsy hand|hand {clumsy,useless,dead}|{arm,leg} {heavy,useless,dead}|cant do {buttons,my buttons,up buttons,buttons up}|dropping things|cant {hold,grip} {cup,pen,things,anything}',
  slurred_speech:
    'slurred|speech {difficulty,changed,problem}|{difficulty,trouble,problem} speaking|cant {speak,talk}|garbled|jumbled words|words coming out wrong|cant find words|aphasia|talking funny|mumbling|mumbled|not making sense when {talking,speaking}',
  stroke: 'stroke|mini stroke|tia',
  vision_loss:
    'vision loss|lost {vision,sight}|loss of {vision,sight}|cant see {out of,properly,anything,with}|{went,gone,going} blind|blind in one eye|{curtain,shadow,veil,black} {over,across,coming down over,in} {eye,vision}|{curtain,shadow} coming {down,across}|double vision|seeing double|{vision,sight} {gone,went,going} {dark,black,grey,blurry,fuzzy}|half {my,of} vision|{lost,missing} {half,part,side} of {vision,sight}|{sudden,suddenly} {blind,blurred,blurry,dark} {vision,eye,sight}|everything went {black,dark} in {eye,one eye}|{curtain,shadow,veil,cloud} {come,came,comes,coming} {down,over,across,in}|half of {everything,vision,my vision,what i see} {gone,vanished,missing,disappeared,black}|{left,right} half of everything|{bumping,walking} into things on {left,right,one side}|cant see {left,right} side|half {vision,my vision,sight,my sight} {gone,missing,vanished,black}|{vision,sight} {half,partly} gone|seeing {double,doubled}',
  blurred_vision:
    '{blurred,blurry} vision|flashing lights|new floaters|{misty,cloudy,hazy,foggy} vision|vision {misty,cloudy,hazy,foggy,gone misty}|{new,loads of,lots of,sudden,shower of} floaters|{swarm,shower} of {floaters,flies}|flashing|flashes',
  loss_of_balance:
    'balance loss|lost balance|cant walk {straight,properly}|unsteady|staggering|cant stand up|ataxia|stumbling|wobbly|wobbly on {feet,legs}|falling over|{cant,not} walk straight|swaying',
  // "I'm confused about my meds / by the instructions" is uncertainty, said by someone lucid
  // enough to ask (shadowed in benign_context, first person only: "he is confused about his
  // tablets" may be cognitive and stays confusion). Not being sure where or who one is, what day
  // or time it is, or what happened (amnesia after a head injury or fit) is disorientation.
  // Sudden or worsening confusion is delirium however it is phrased: these outrank the benign
  // "I'm confused about my…" ("suddenly" and "getting" are filler words the benign phrase skips).
  confusion: `{im,i am} {suddenly,increasingly,getting,becoming,more and more} confused ${UNSURE_ABOUT}|{im,i am} confused {about,by,over} {where,who,what day,what time,what year,what month,what date,what happening,what happened,what going on,how i got,time,date,day,year,place,surroundings,name,everything,everyone,anything,people,things}|confused|confusion|disoriented|disorientated|not making sense|talking nonsense|delirious|delirium|not {recognise,recognize,themselves}|acting strange|muddled`,
  drowsiness:
    'drowsy|{very,unusually} sleepy|{hard,difficult} to wake|lethargic|lethargy|listless|floppy|not alert|dazed|cant stay awake|groggy|out of it|not with it|spaced out|{hard,difficult} to keep awake|{so,too,really,always} sleepy|{keeps,keep} falling asleep|{wont,cant,not} stay awake|{barely,hardly} keep {eyes,my eyes} open',
  loss_of_consciousness:
    'unconscious|unresponsive|not responding|cant wake|not waking up|collapsed|no pulse|coma|{lost,loss of} consciousness|knocked out|cardiac arrest|cant {wake,rouse} {him,her,them}|not {waking up,coming round}|{doesnt,didnt,not} come round|wont wake up',
  fainting: 'fainted|fainting|pass out|black out|blackout|syncope',
  lightheadedness: 'lightheaded|light headed|faint|{feel,felt,going to} faint|dizzy|vertigo|room spinning|spinning|woozy',
  seizure:
    'seizure|seizing|convulsion|convulsing|fitting|{had,having,another,epileptic} fit|shaking uncontrollably|tonic clonic|status epilepticus|went stiff|{stiff,rigid} and {shaking,shaky,jerking}|{jerking,twitching} {arms,legs,all over,limbs}|eyes rolled {back,up}|jerky movements|{stiffened,went rigid}|shaking all over',
  first_or_long_seizure:
    'still {seizing,fitting}|{seizure,fit} not stopping|seizure lasting|{repeated,second,first} seizure|first fit|fitting now|seizing now|having {a seizure,a fit} now|still {having,shaking}|{wont,not} stop {fitting,seizing,shaking}|keeps {fitting,seizing,having fits,having seizures}|{seizures,fits} one after {another,the other}|back to back {seizures,fits}|{doesnt,not} come round {in between,between}|never {happened,had one} before',
  headache:
    'headache|migraine|head killing me|splitting headache|banging head|banging headache|head {is,} {banging,pounding,throbbing}|hangover|hung over|hangover|hung over',
  worst_headache:
    'worst headache|worst pain of life|thunderclap|like being hit on head|explosive headache|sudden {,severe }headache|sudden {horrendous,terrible,awful,excruciating,massive,blinding,explosive,crashing,violent} headache|headache {like,came on like} {a bang,being hit,an explosion,a thunderclap}|like a bang|like being {hit,kicked,struck} {in head,on head,with bat}',
  light_sensitivity: 'photophobia|sensitive to light|light sensitivity|light hurt|cant {stand,look at} light',
  stiff_neck: 'stiff neck|rigid neck|neck rigidity|cant bend neck|cant {touch,put} chin {to,on} chest|neck pain and stiff|stiff and sore neck',
  head_injury:
    'head {injury,trauma,wound}|{hit,bumped,banged,knocked,struck,smacked,whacked,bashed,cracked,clonked,bonked,hurt} head|{hit,bumped,banged,knocked,struck,smacked,whacked,bashed,cracked} back of head|bump on head|{egg,lump} on {head,forehead}|blow to head|knock to head|concussion|concussed|fell on head|{landed,fell} on {head,back of head}|head {hit,banged,bashed,smacked} {floor,ground,table,wall,concrete,pavement,kerb}|skull fracture|{clear,watery} fluid from {nose,ear}|{clashed,banged,bumped,knocked,cracked} heads|{fell,fallen,landed} {on,off} {trampoline,bed,changing table,sofa} {onto,on} {head,floor}|{smacked,hit,banged,bashed} {face and head,head and face}',
  // Clear fluid from the nose or ear (with a head injury: a fractured skull base). Also made of parts.
  clear_fluid_nose_or_ear: 'csf leak|{clear,watery} {fluid,stuff,liquid} from {nose,ear}',
  cue_clear_fluid: '{clear,watery,salty} {fluid,stuff,liquid,water,drip,drips}',
  cue_nose_or_ear: 'nose|nostril|ear',
  neck_or_spine_injury: '{neck,spinal,spine} injury|{broke,broken} {neck,back}',

  // Mental health
  suicidal_thoughts:
    'suicidal|suicide|kill myself|killing myself|end my life|ending my life|end it all|ending it all|end things|ending things|take my own life|{want,wanna} to die|wanna die|wish i {was,were} dead|better off dead|better off without me|not want to {live,be alive,be here,wake up,exist,go on}|no reason to live|nothing to live for|no point {living,in living,going on}|{cant,not} go on|hang myself|jump off {bridge,building}|{in front of,under} {train,bus,car}|{written,wrote,writing} {note,suicide note,goodbye letter}|{said,saying} goodbye to {everyone,family}|{plan,planning,planned} to {die,end,kill}|{saving,saved,stockpiling,stockpiled,hoarding,collecting} {up,} {tablets,pills,meds,medication,paracetamol}|{going,gonna,planning,plan} to take {them all,all of them,the lot,all my,all the,an overdose,too many}|take them all|{think,thinking,thought} {about,of} taking {them,them all,all,pills,tablets,an overdose,my pills,the pills}|know how {id,i would,i will,i could,i would} do it|{have,got,made,got a} plan|made plans|rope {is,in,ready}|noose',
  self_harm:
    'self harm|selfharm|self harming|harm myself|harmed myself|harming myself|cutting myself|{cut,cutting,burnt,burned,burning,scratched,scratching,hit,hitting,punched,punching,bit,biting,starved,starving,hurt,hurting} myself {on purpose,deliberately,again,intentionally}|{cut,slit,slashed} {wrist,wrists}|{cutting,slashing,slashed,slit} {arm,arms,leg,legs,thigh,thighs,wrist,wrists,skin,stomach,tummy}|{want,going,urge,urges,tempted} to {hurt,harm,cut,burn} myself|hurt myself on purpose|{took,taken,swallowed} {pills,tablets,overdose} {on purpose,to die,to end it,deliberately,to hurt myself}|relapsed {with,into} {cutting,self harm}|{cutting,cut,harming,hurting,burning,scratching} {herself,himself,themselves,yourself}|self harmed|self injury',
  // Also made of parts (TOGETHER): "took" + "a whole strip" / "far too many" / "24" + "pills".
  overdose:
    'overdose|overdosed|od|{took,taken} too many {pills,tablets,painkillers,paracetamol}|took all {pills,tablets}|swallowed pills|{swallowed,took} bottle of|too much {paracetamol,tylenol,acetaminophen,medication,medicine}',
  // A ligature, hanging or strangulation: the airway and the neck vessels, an ambulance whatever the state now.
  ligature:
    'ligature|noose|tried to hang|{hanging,hanged,hang} {himself,herself,themselves,myself}|{belt,rope,cord,scarf,tie,cable,flex,lead,string} {round,around,tied round,tied around} {neck,his neck,her neck,my neck}|strangled|strangling|strangulation|choked {him,her,me} {out,unconscious}',
  harm_to_others:
    '{kill,hurt,harm} someone|homicidal|threatening {them,people,neighbours,us,family}|{been,was,is} threatening|violent towards|{attacked,attacking} {someone,people,us}',
  // What puts someone in a mental health crisis at risk now: walking into traffic, a weapon, no sleep for days.
  risk_behaviour:
    '{walked,walking,walks,ran} {into,in front of,out into} {road,traffic,cars}|{cars,nothing,no one} {cant,can not} hurt|{has,got,holding} {knife,weapon,gun}|{climbing,standing on} {roof,bridge,ledge}|{wandering,wandered} {off,out,the streets} {at night,alone}',
  psychosis:
    'hearing voices|hallucinating|hallucination|paranoid|psychosis|psychotic|manic|possessed|{talks,talking,talked} to {tv,television,walls,radio}|{thinks,believes,convinced} {people,they,neighbours,someone,everyone} {poisoning,watching,following,after,spying}|poisoning {his,her,my} food|through the walls|{hasnt,havent,not} slept {in,for} days|no sleep for days|talking a mile a minute|racing thoughts|{grandiose,invincible}|{cars,nothing,no one} {cant,can not} hurt {him,her,me}|{spending,spent} {thousands,all money}|{not,hasnt,havent} slept for {days,nights,few nights,several nights,2 nights,3 nights,4 nights,5 nights}|{hasnt,havent} slept {in,for} {2,3,4,5,6,few,several} {days,nights}|talking {non stop,nonstop}|going high|spending {spree,sprees,lots,loads}|spent {thousands,grand,3 grand}',
  neck_pain: 'neck pain|{sore,stiff,painful} neck|neck {hurts,ache,aches,sore,really hurts}|pain in {neck,my neck}',
  tingling: 'tingling|pins and needles|tingly',
  low_mood: 'low mood|sad|depressed|depression|feeling {down,low}|hopeless|worthless|{cant,not} cope|{cant,not} coping|dark thoughts|{cant,not} see a way out',
  anxiety: 'anxiety|anxious|panic|stress|stressed|nervous',
  insomnia: 'insomnia|cant sleep|{trouble,not} sleeping|sleepless|jet lag|jetlag|body clock',

  // Fever, infection, sepsis
  // A hot, swollen joint (with fever: septic arthritis) or a child who will not walk.
  hot_joint:
    '{swollen,hot,warm,red} and {hot,warm,swollen,red} {knee,joint,hip,ankle,elbow,wrist}|{knee,joint,hip,ankle,elbow,wrist} {swollen and warm,hot and swollen,red and hot,swollen and hot,warm and swollen,swollen and red}',
  refusing_to_walk:
    '{wont,not,refusing to,refuses to,cant} {walk,weight bear,bear weight,stand,put leg down,put her leg down,put his leg down,put weight on leg}|{wont,not} put {her,his} {left,right,} leg down|stopped walking',
  limping: 'limp|limping|{walking,walks} with {a,} limp|walking funny',
  // Infection spreading through tissue faster than it looks: necrotising fasciitis.
  pain_out_of_proportion:
    'pain out of proportion|{worse,more} than it looks|{way,much} worse than it looks|{skin,leg,arm} {going,gone,turning,turned} {purple,dusky,black,grey}|dusky {skin,colour}',
  gangrene:
    '{toe,toes,foot,finger,fingers} {gone,going,turned,turning} {black,blue,purple}|black {toe,toes,foot,finger}|gangrene|{smelly,smells} {foot,toe,wound}|end of {my,his,her} {toe,finger} {black,gone black}',
  mastoiditis:
    '{swelling,swollen,red,redness,lump} behind {ear,his ear,her ear,my ear}|ear {sticking,pushed,pokes,poking} out|behind {ear,his ear,her ear} {red,swollen,squishy}',
  hearing_loss:
    '{cant,not} hear {in,out of,with}|deaf in {one,right,left} ear|{ear,hearing} {gone,went} {deaf,dead,muffled}|lost {hearing,my hearing}|hearing loss|ear {is,just,} deaf|{right,left} ear {just,} deaf',
  foreign_body:
    '{bead,peanut,pea,toy,stone,lego,button,crayon,object,something,raisin,sweet} {up,in,stuck in,stuck up} {nose,nostril,ear}|{pushed,put,stuck} {bead,peanut,pea,something,toy} up {nose,nostril}|stuck {in,up} {nose,ear,nostril}',
  battery_or_magnet: 'battery|batteries|button cell|coin cell|magnet|magnets',
  swallowed_something:
    'swallowed {it,something,one,object}|{think,might have,may have} {swallowed,eaten}|think {she,he,they} {swallowed,ate,had}|{she,he} {swallowed,ate} it',
  // Events needing action within hours, not an emergency department: sexual assault, HIV exposure.
  sexual_assault: 'raped|rape|sexually assaulted|sexual assault|{forced,made} me have sex|spiked',
  hiv_exposure:
    'condom {split,broke,broken,came off,slipped}|unprotected sex|{hiv,pep,pepse} {exposure,risk,tablet}|worried about hiv|needle stick|needlestick|morning after pill|emergency contraception',
  fever: 'fever|feverish|temperature|temp|pyrexia|febrile|hot to touch|burning up|hot and cold',
  high_fever: 'high {fever,temperature,temp}|{raging,spiking} fever',
  rigors: 'chill|shiver|rigor|teeth chattering|shaking and sweating|shaky and sweaty|{uncontrollable,violent} shivering',
  infection: 'infection|infected|pus|abscess|pneumonia',
  sepsis: 'sepsis|septic|blood poisoning',
  spreading_redness:
    'cellulitis|spreading redness|red streak|wound {infected,oozing}|spreading {past,beyond,outside} {pen,line,mark,the line,the mark}|{red,redness} {spreading,getting bigger,growing,tracking}|red hot swollen|{red,hot} and swollen {patch,area,skin}|{hot,warm} red {patch,area}|red {going,line going,streak going} {down,up} {leg,arm}',
  mottled_skin:
    'mottled|blotchy skin|{blue,grey,gray} skin|ashen|pale and clammy|{very,deathly} pale|cold hands and feet|pale and {shaky,sweaty,cold,faint,dizzy,clammy}|{hands,feet} {and feet,and hands,} {ice cold,freezing,icy,cold}|{ice,icy,freezing} cold {hands,feet}',
  very_unwell:
    '{very,extremely,really} {unwell,ill}|seriously ill|feel like dying|im dying|going to die|impending doom|something very wrong|deteriorating|rapidly getting worse|generally awful|never felt {this,so} {ill,unwell,bad,poorly,rough}|worst ive ever felt|{fine,well} to {awful,terrible,really ill,very ill} in {hours,few hours}|{went,gone,going} downhill {fast,quickly}|{getting,gone,got} worse {fast,quickly,by the hour}',
  // Fever after time in a malaria area: malaria until proven otherwise, even months later.
  tropical_travel:
    'malaria|antimalarial|anti malarial|africa|african|nigeria|ghana|kenya|uganda|tanzania|congo|cameroon|sierra leone|malawi|mozambique|zambia|zimbabwe|ethiopia|sudan|india|pakistan|bangladesh|thailand|vietnam|cambodia|laos|myanmar|indonesia|philippines|papua|central america|south america|brazil|amazon|peru|colombia|guatemala|honduras|tropics|tropical',
  not_passing_urine:
    'not {peed,peeing,passing urine,urinated,weeing,weed,wee,pee}|no {urine,wee,pee}|{no wet,dry,fewer wet,less wet,barely wet,hardly any wet,only one wet,only 1 wet} {nappy,diaper}|not {had,done,made,been} {wet,wee,pee} {nappy,diaper}|{nappy,diaper} {dry,been dry}|not {had,done} {a,} {wee,pee}',
  dehydration: 'dehydrated|dehydration|very thirsty',
  dehydration_signs:
    'cant keep {fluids,anything,water,drinks,milk,feeds} down|not keeping {anything,fluids,milk,feeds} down|not drinking|{wont,refusing to,refuses to} drink|{refusing,refuses} {fluids,drinks,water,milk}|sunken eyes|no tears|crying without tears|{dry,cracked} {lips,mouth,tongue}|very dark urine|cant stop {vomiting,throwing up}|{constant,nonstop,projectile} vomiting|vomiting everything|{throws,throwing,brings,bringing} up everything|{lips,mouth} {really,very,} {dry,cracked}|crying {with,} no tears|no tears when crying',
  cue_soft_spot: 'fontanelle|soft spot',
  cue_fontanelle_change: 'sunken|sunk|dipped|dipping|sinking|caved in|bulging|swollen|raised|tense|pulsing|sticking out|puffed|puffy',
  fontanelle: '{sunken,bulging,swollen,raised} {fontanelle,soft spot}',
  not_feeding:
    'not feeding|refusing {feeds,bottle,breast}|not eating or drinking|poor feeding|{wont,not,refusing,refuses} {feed,feeding,take bottle,take his bottle,take her bottle,take feeds,take breast}|{doesnt,not} finish {feeds,bottle,her feeds,his feeds}|have to wake {her,him} for feeds|{hasnt,not} fed|{off,not taking} {his,her} {milk,feeds,bottle}',
  floppy: 'floppy|rag doll|limp|no muscle tone|like a doll',
  pale_stool: 'pale {poo,stool,stools,poos}|{white,chalky,clay coloured,grey} {poo,stool,stools}|poo {is,looks} {pale,white,grey}',
  abnormal_cry: 'high pitched cry|weak cry|grunting|moaning',
  crying: 'inconsolable|crying nonstop|not stop crying|colic',
  rash: 'rash|red spots|blotches',
  non_blanching_rash:
    'non blanching|nonblanching|not fade|not blanch|{glass,tumbler} test|purple {rash,spots}|purpura|petechiae|petechial|pinprick {rash,spots}|tiny red dots|rash like bruises|{glass,tumbler} over them|{roll,rolled,press,pressed} {a,the} glass|{dont,not} go away {when,under,with} {glass,pressed,pressing}|purple {red,} spots|{purple,dark red} {dots,blotches,marks}',
  skin_blistering: 'skin {peeling off,coming off}|blisters all over|blistering rash|sores in mouth and eyes|stevens johnson',

  // Allergy
  airway_swelling:
    'swollen {lips,tongue,throat}|{lip,tongue,throat,mouth} swelling|throat {closing,tight}|angioedema|{tongue,throat,lips,mouth} {feels,feel,feeling} {thick,big,swollen,tight,fat,funny}|thick tongue|tongue {thick,fat,big,pushed up}|{under,below} {tongue,my tongue} {swollen,swelling}|floor of mouth swollen',
  anaphylaxis: 'anaphylaxis|anaphylactic|{used,gave} epipen|epipen used|used auto injector',
  // Voice change or stridor after an allergen: the larynx is swelling.
  voice_change: 'hoarse|croaky|voice {gone,changed,going,hoarse,croaky,funny,different,strange,muffled}|muffled voice|{cant,not} talk properly',
  facial_swelling_severe:
    '{eye,eyes} {nearly,almost,swollen,swelling,puffed} {shut,closed,closing}|{swelled,swollen,swelling} {up to,to,right up to} {eye,my eye,his eye,her eye}|{eye,eyes} {closing,closed} {up,over}',
  face_swelling: 'face {swelling,swollen}|facial swelling|puffy face|swollen cheek|eye swelling',
  hand_swelling: 'hand swelling|swollen {hands,fingers}|sudden swelling',
  hives: 'hives|urticaria|welts|wheals|nettle rash|itchy bumps|allergic rash',
  allergic_reaction: 'allergic reaction|reaction to|having reaction',
  allergen_exposure:
    'allergic|allergy|after {eating,taking}|peanut|nut|shellfish|prawn|stung|new {medicine,medication}|penicillin|latex|epipen|hair dye|dyed {hair,my hair}|{new,} {cream,lotion,soap,shampoo,make up,makeup,washing powder}|sesame|egg|milk allergy|hummus|by mistake',
  hangover: 'hangover|hung over|heavy night out|self inflicted',
  shingles: 'shingles|zoster|{blistery,blistering} rash on {one side,forehead}',
  mouth_ulcers: 'mouth {ulcer,ulcers,sores,blisters}|ulcers in {mouth,my mouth}|{sore,blistered} mouth',
  palm_sole_itch: 'itchy {palms,soles,hands and feet,palms and soles}|{palms,soles} {itchy,itch,itching}|itch {on,of} {palms,soles}|palms and soles',
  hay_fever: 'hay fever|hayfever|seasonal allergies|pollen|allergic rhinitis|{itchy,watery} eyes|itchy nose|sneezing fit',

  // Bleeding
  severe_bleeding:
    'bleeding {heavily,a lot,lots,profusely,badly,out,through,not stopping}|{heavy,uncontrolled,severe,arterial} bleeding|{lot,pool} of blood|so much blood|blood everywhere|{pouring,gushing,spurting,pumping} blood|{cant,not} stop bleeding|hemorrhage|haemorrhage|soaked through',
  bleeding: 'bleed|blood|bloody|bled|spotting',
  vomiting_blood:
    '{vomit,throw up,threw up} blood|bloody vomit|coffee ground|hematemesis|haematemesis|coffee {granules,grounds,ground}|{sick,vomit,puke} with blood|blood in {sick,vomit}|{thrown,threw,brought} up {blood,loads of blood}',
  black_stools: 'black {stool,poo}|tarry stool|tarry|melena|melaena',
  rectal_bleeding:
    'blood in {stool,poo,diarrhoea,diarrhea,nappy}|bloody {stool,poo,diarrhea,diarrhoea}|{diarrhoea,diarrhea,poo,stool} with blood|{poo,stool,diarrhoea,diarrhea} {has,had,full of} blood|rectal bleeding|bleeding from {bottom,back passage}|blood when wiping',
  blood_in_urine: 'blood in {urine,pee}|bloody urine|hematuria|haematuria|peeing blood',
  nosebleed: 'nosebleed|nose bleed|epistaxis',
  heavy_period: 'heavy {period,menstrual,flow}|heavy bleeding {during,on} period|bleeding {heavily,lot} {during,on} period|menorrhagia',

  // Pregnancy
  // Six weeks after a birth count too: haemorrhage, pre-eclampsia, clots and sepsis still happen.
  pregnancy:
    'pregnant|pregnancy|preggo|preggers|expecting baby|expecting twins|trimester|antenatal|positive pregnancy test|{weeks,wks} pregnant|{my,the} bump|due date|{just,recently} {had,given birth,gave birth,delivered}|gave birth|given birth|postpartum|post partum|after {birth,delivery,c section,caesarean}|c section|caesarean|miscarrying|had {our,the,my,her} baby|baby {last week,days ago,was born}|{newborn,new} baby and {she,her,mum}|positive test|{missed,late} period|period {late,overdue,is late}|{could,might} be pregnant',
  labour:
    'contractions|in {labour,labor}|waters {broke,broken}|{labour,labor} pains|bloody show|tightenings|tightening|regular {pains,cramps,tightenings}|{pains,cramps,tightenings} every {few,numerous,2,3,4,5,6,7,8,9} {minutes,mins}|braxton hicks|{leaking,gush of} {fluid,water}|waters {leaking,gone}',
  reduced_fetal_movements:
    'baby {not moving,moving less,stopped moving,quieter,less active,not kicking,stopped kicking,kicking less}|{reduced,less,fewer,no} {movements,movement,kicks,kicking}|not felt baby {move,kick,moving,kicking}|cant feel baby|{not,havent} felt {any,her,him,baby} {move,moving,movement,kick,kicks}|{movements,kicks} {slowed,stopped,less,reduced}',
  // Fewer movements than the baby's usual pattern, told indirectly.
  movement_less:
    '{barely,hardly} {anything,moving,moved,kicking,kicked,any movement,any kicks}|{only,just} {few,couple} {flutters,kicks,movements,wriggles}|{few,couple} {little,} flutters|{not,less} {as active,as much movement,as wriggly,kicking as much}|quieter than {usual,normal}|{less,fewer} {flutters,wriggles,kicks} than usual|not {kicked,moved,moving} {today,all day,since,as much}|{hasnt,not} {moved,kicked} {today,all day,since}',
  shoulder_tip_pain: 'shoulder tip',

  // Belly, bowel and bladder
  abdominal_pain: 'stomachache|tummyache|bellyache|cramp',
  rigid_abdomen:
    'rigid {abdomen,stomach,belly,tummy}|board like|{stomach,abdomen,belly,tummy} {hard,rock hard}|abdominal guarding|rebound tenderness|peritonitis',
  right_lower_pain:
    'right lower|lower right|right side of {stomach,tummy,abdomen}|appendix|appendicitis|{bottom,low,lower} right|right {bottom,low,lower} side|{moved,moving,moves,gone,went,spread} to {right,bottom right,lower right,right side}',
  // Pain worse on walking, coughing or a bump: an inflamed peritoneum.
  peritonism:
    'hurts to {walk,cough,move,jump,laugh}|{worse,hurts,pain} {when,on} {walking,coughing,moving,jumping,going over bumps}|{cant,not} stand up straight|bumps in {road,car} hurt',
  bowel_obstruction:
    'cant pass wind|bowel obstruction|distended {abdomen,stomach}|not passed {wind,gas,any wind,wind or poo}|no {wind,gas} or poo|swollen like {drum,balloon}|{tummy,belly,stomach} {swollen,bloated,hard} like {drum,balloon}',
  vomiting:
    'vomit|{throw,threw,thrown} up|being sick|puke|retching|been sick|was sick|sick {twice,numerous,again,everywhere,several times,few times,3 times,three times,2 times,two times}',
  green_vomit: 'green {vomit,bile}|bile vomit|{sick,vomit,vomiting,throwing up} green|green {stuff,sick,liquid,fluid}',
  nausea: 'nausea|nauseous|nauseated|{feel,felt} sick|queasy|want to vomit|upset stomach|morning sickness',
  diarrhoea: 'diarrhea|diarrhoea|{loose,watery} stool|runny poo|gastro|gastroenteritis|{stomach,tummy} bug|food poisoning|stomach flu',
  constipation: 'constipation|constipated|cant poo|hard stool|bunged up',
  heartburn: 'heartburn|heart burn|acid reflux|reflux|indigestion|gerd|gord|sour taste|dyspepsia|burping',
  jaundice: 'jaundice|yellow {skin,eyes}|yellowing',
  drooling:
    'drooling|cant swallow {saliva,spit}|muffled voice|cant open mouth|lockjaw|{only,can only} open {mouth,my mouth,jaw} {a finger,a little,slightly,a bit,finger width}|cant swallow {his,her,my,} {spit,saliva}|{sitting,leaning} forward {and,to} breathe|voice muffled',
  neck_swelling:
    'swelling {under,below} {jaw,chin,tongue}|{neck,under jaw,under chin,front of neck} {swollen,swelling,swelled}|swollen neck|swelling {down,into} {neck,my neck}',
  dental_abscess: 'dental abscess|gum {abscess,boil,infection,swelling}|tooth abscess|abscess on {gum,tooth}|pus {from,on} {gum,tooth}',
  swallowing_difficulty: 'cant swallow|{difficulty,trouble} swallowing|food stuck|stuck in throat|dysphagia',
  vaginal_symptoms:
    'vaginal {discharge,itching,itch,itchy,irritation,odour,odor,smell,soreness}|{itchy,sore,irritated} vagina|thrush|discharge down below|{itchy,itching,sore,discharge} down below',
  urinary_symptoms:
    'uti|{urine,urinary,bladder} infection|cystitis|{burning,stings,pain} when {peeing,urinating}|painful {urination,peeing}|dysuria|peeing a lot|frequent urination|{cloudy,smelly} urine|stings when {i,} {pee,wee}|burning when {i,} {pee,wee}',
  flank_pain: 'renal colic|kidney stone',
  urinary_retention:
    'cant {pee,urinate,wee,pass urine}|urinary retention|only {a dribble,dribbles,drips,dribbling}|{bladder,lower belly,lower tummy} {swollen,full,bursting,distended,going to burst,like its going to burst}|cant empty {bladder,my bladder}|cant go for {a wee,a pee,a piss}|{cant,not,unable} {wee,pee,urinate,go} at all',
  new_incontinence:
    '{lost control,loss} of {bladder,bowel}|{wet,soiled} myself|incontinence|incontinent|cant control {bladder,bowel}|{wet,soiled} {myself,himself,herself} {without,and} {knowing,feeling,didnt}|{didnt,not} feel it {happening,coming}',
  saddle_numbness:
    'saddle {numb,anaesthesia,anesthesia}|numb {groin,bottom,bum,buttock,genitals}|numb {around bottom,between legs}|cant feel {bottom,bum,when wiping}|cant feel {toilet paper,paper,wiping,when i wipe,when wipe}|numb {round,around} {bottom,bum,back passage,genitals,privates,anus}',
  testicular_pain:
    'torsion|{sore,pain,hurts,hurting,swollen,swelling} down there|{privates,private parts} {sore,hurt,hurting,swollen}|one {side,ball,testicle} {higher,swollen,bigger} than {other,the other}|{testicle,ball} {riding,sitting} high',

  // Diabetes
  high_blood_sugar:
    'high {blood sugar,sugar,glucose}|blood sugar high|hyperglycemia|hyperglycaemia|ketones|ketoacidosis|dka|pear drops|fruity breath|breath smells {sweet,fruity,of pear drops,like pear drops,of acetone,like nail polish remover}|meter {says,reads,shows} hi|reading {says,is} hi',
  // Thirst, passing a lot of urine and weight loss: new diabetes (in a child, same-day care; with vomiting, DKA).
  polyuria_thirst:
    'drinking {loads,lots,a lot,all the time,constantly,gallons}|{very,always,really,so,constantly} thirsty|thirsty all the time|{weeing,peeing,urinating} {loads,lots,a lot,all the time,constantly,every hour}|wetting {bed,the bed} again',
  // Behaviour that makes a hypoglycaemic person unable to treat themselves.
  behaviour_change:
    'aggressive|agitated|combative|not {himself,herself,themselves,myself}|acting {strange,strangely,odd,oddly,weird,drunk}|{wont,refusing to,refuses to} {eat,drink,take sugar,take anything}|{cant,not} swallow {juice,sugar,drink}',
  recurrent_hypo:
    'keeps having hypos|{repeated,recurrent,several,multiple,more} hypos|hypos {again,keep coming back,all day}|{another,second,third} hypo|{hypo,sugar} {keeps,keep} {dropping,coming back,going low}',
  low_blood_sugar: 'low {blood sugar,sugar,glucose}|blood sugar low|hypo|hypoglycemia|hypoglycaemia',

  // Injuries, poisoning, environment
  major_trauma:
    '{been,got,was} stabbed|{stab,knife,bullet} wound|gunshot|been shot|hit by car|run over|fell {from height,off roof,off ladder}|crush injury|crushed by|impaled|amputated|bone sticking out|{open,compound} fracture|{serious,motorbike} accident|came off {motorbike,motorcycle,horse,moped,motor scooter}|{motorbike,motorcycle,scooter,moped} {crash,accident,collision}|{knocked,run} over by {car,van,bus,lorry,truck}|{hit,struck} by {car,van,bus,lorry,truck,train}|went under {bumper,car,wheels}|{bone,bones} {poking,sticking,coming} {out,through}|{see,seen} bone|fell {numerous,off cliff,off balcony,down cliff,from window,out of window}|can see bone {poking,sticking,coming} {out,through}|hit side on|high speed|at speed',
  road_accident: '{car,bike} accident|car crash|fell off bike',
  fall: 'fall|fell|fallen|tripped|slipped',
  cant_get_up: 'cant get {up,off floor}|lying on floor',
  fracture:
    '{broken,broke} {bone,arm,leg,wrist,ankle,hip,finger,toe,nose,rib}|fracture|cant {bear weight,put weight on,walk on}|deformed|wrong angle|dislocated|{bent,bend,pointing,facing} {wrong way,funny,at angle,sideways,odd angle}|bent {like a fork,funny}|{bend,kink} in {it,arm,leg,forearm,wrist}|looks {deformed,wonky,misshapen,crooked}|{bent,bend} like|{leg,foot} {shorter,shortened,turned out,rotated}|{foot,leg} {pointing,rolled,turned} out',
  deformity:
    '{bent,bend,pointing,facing} {wrong way,funny,at angle,sideways,odd angle}|bent {like a fork,funny}|{bend,kink} in {it,arm,leg,forearm,wrist}|looks {deformed,wonky,misshapen,crooked}|{bent,bend} like|deformed|wrong angle|dislocated',
  // Shortened and turned-out leg after a fall: a broken hip.
  hip_fracture: '{leg,foot} {shorter,shortened,turned out,rotated}|{foot,leg} {pointing,rolled,turned,turning} out|broken hip|{hip,neck of femur} fracture',
  deep_cut: 'deep cut|gaping|wound not close|need stitches|can see bone',
  minor_cut: 'blister|cut|graze|scrape|scratch|laceration|splinter|thorn|{wood,glass} in {finger,hand,foot}|cat scratch',
  burn: 'burn|burnt|scald|sunburn|sunburnt|{touched,grabbed,leant on,leaned on,sat on} {hot,the hot} {oven,iron,hob,stove,pan,radiator,tray,plate,exhaust}|boiling water {on,over}|hot {oil,fat} {on,over}',
  // Also made of parts (TOGETHER): a burn on the face, hands, feet, genitals or a large area, a
  // deep one (white, charred, numb), or one made by a chemical.
  severe_burn:
    '{severe,bad,large,deep,big,huge,electrical,chemical,acid,cement,full thickness,third degree} burn|burn{, on} face|burned all over|burnt all over',
  // Heat, smoke or steam in the airway: swelling closes it over hours.
  fire_exposure:
    '{house,kitchen,flat,car,bonfire,garage} fire|{in,from,escaped,got out of} {a,the} fire|{trapped,caught} in {smoke,fire}|{lots of,thick,full of} smoke|smoke everywhere',
  // A burn larger than the person's hand or over a whole part: fluid loss and scarring.
  large_area:
    '{bigger,larger} than {hand,palm,his hand,her hand,my hand}|size of {hand,palm,plate,dinner plate,side plate,saucer,a hand}|{large,big,huge} {area,patch,burn}|all {down,over} {front,back,chest,arm,leg,body,side}|wrist to elbow|{elbow,shoulder,ankle,knee} to {wrist,elbow,knee,hip}|{whole,entire} {arm,leg,back,chest,front,hand,foot,side}',
  airway_burn:
    'smoke inhalation|{singed,burnt,burned} {nose hair,nostril,eyebrow,eyelash,face}|soot {in,around} {mouth,nose,nostril}|{coughing,cough,spitting} {soot,black phlegm,black spit}|breathed in {smoke,steam,fumes,hot air}|{inhaled,swallowed} {smoke,steam}|hoarse after {fire,smoke}|{nose,nostril} {hair,hairs} {singed,burnt,burned}|{coughing,cough,spitting,bringing} up black {stuff,phlegm,spit,mucus}|black {spit,phlegm,mucus,snot}|soot in {nose,mouth,spit}',
  electric_shock:
    'electric shock|electrocuted|electrocution|{struck,hit} by lightning|lightning strike|tasered|{touched,grabbed,bit,chewed} {live wire,live cable,power cable,electric cable,electric fence}|shock from {socket,plug,cable,wire,mains,appliance,power line,toaster,kettle,fence}|{finger,fingers,fork,knife} in {socket,plug socket,toaster}|high voltage|{belt,shock,zap,jolt} {off,from} {plug,socket,wire,cable,mains,light switch,the mains,fence,appliance}|{got,get} a {shock,belt,zap} {off,from}|{threw,thrown} me {back,backwards,across}|electrical {shock,injury}',
  insect_bite: 'bite|bites|insect bite|bug bite|mosquito {bite,bites}|horsefly|tick bite',
  animal_bite: '{dog,cat,animal,bat,human} {bite,bites}|bitten by {dog,cat,animal,bat,someone}|{cat,dog} scratch',
  snake_bite: 'snake bite|snakebite|bitten by snake|adder|viper|rattlesnake|copperhead|cottonmouth|cobra|{bitten,bit} by {snake,adder,viper}',
  // Also made of parts (TOGETHER): swallowing, sipping or breathing in a chemical; a child (or
  // anyone) eating, chewing or "getting into" medicines.
  poisoning:
    'poison|poisoned|{swallowed,drank} bleach|swallowed {chemical,battery,magnet,tablets}|button battery|coin battery|ate {tablets,pills}|ingested|antifreeze|mixed {bleach,chemicals,cleaning products}|mixing {bleach,chemicals,cleaning products}|bleach and ammonia|poisonous {plant,berries,mushrooms}|wild mushrooms|{toxic,chemical,gas} fumes|{gas,chemical} leak|pesticide poisoning|paraquat|swallowed something {poisonous,harmful}|drank {poison,something poisonous}',
  // A dose taken twice or an extra one by mistake: poisons advice now, emergency care for the
  // medicines that harm at small excess (HIGH_RISK_MEDICINE) and in small children.
  extra_dose:
    '{double,extra,second,another,two} dose|double dosed|doubled {up,dose}|{took,taken,given,had} {it,them,dose,tablets,pills,meds,medicine,insulin} twice|twice {the dose,the amount,by mistake,by accident}|{double,extra} {tablet,pill,insulin,injection}|{given,gave} {too much,wrong dose,wrong medicine,someone else}|wrong {medicine,medication,tablets,pills,dose}|{dose,tablets,pills,meds,medicine} by mistake',
  high_risk_medicine:
    'insulin|opioid|opiate|morphine|oxycodone|oxycontin|fentanyl|methadone|codeine|co-codamol|cocodamol|tramadol|heroin|buprenorphine|digoxin|beta blocker|propranolol|bisoprolol|atenolol|amlodipine|diltiazem|verapamil|calcium channel blocker|amitriptyline|nortriptyline|tricyclic|lithium|gliclazide|glipizide|sulfonylurea|warfarin|methotrexate|iron {tablets,pills,supplements}|theophylline|clonidine|colchicine|flecainide|quinine|antipsychotic|olanzapine|quetiapine|sleeping {pills,tablets}|benzodiazepine|diazepam|valium|xanax|alprazolam|zopiclone|novorapid|humalog|lantus|levemir|tresiba|toujeo|fiasp|apidra|humulin|abasaglar|trulicity|ozempic',
  carbon_monoxide: 'carbon monoxide|co {alarm,detector,poisoning,leak}|monoxide',
  // A fuel-burning source indoors; with headaches or sickness (in several people: `household`) it
  // is carbon monoxide until proven otherwise.
  fuel_source:
    'boiler|gas {fire,heater,stove,cooker,appliance,smell}|smell of gas|faulty {boiler,heater,fire}|{paraffin,oil,portable} heater|generator|charcoal|bbq indoors|barbecue {indoors,in tent}|wood {burner,stove}|log burner|{coal,open} fire|exhaust fumes|car running in garage',
  household: 'we {all,both} {have,had,got,feel}',
  cue_everyone:
    'everyone|everybody|all of us|both of us|whole family|whole house|whole household|rest of family|kids too|children too|husband too|wife too|partner too|dog too|cat too',
  cue_unwell: 'ill|poorly|sick|unwell|headache|headaches|symptoms|same|dizzy|nauseous|drowsy',
  cue_fuel: 'bbq|barbecue|charcoal|stove|heater|generator|camping stove|fire',
  cue_enclosed: 'tent|caravan|camper|van|cabin|boat|garage',
  alcohol:
    'alcohol|drunk|been drinking|drinking {alcohol,all day,all night,heavily,since}|{had,too many,lots of,loads of} drinks|heavy drinker|drinks heavily|booze|vodka|whisky|whiskey|gin|rum|tequila|spirits|shots|wine|beer|cider|pissed|wasted|hammered|intoxicated|binge|night out|out drinking|drinking session|on the lash|pub crawl|{at,been at} {vodka,wine,gin,whisky,drinks} {bottle,cabinet}|{drinks,alcohol} cabinet',
  // Reduced consciousness in words people use of the very drunk.
  // Noisy breathing in someone barely conscious: the airway is blocking.
  airway_noise:
    'gurgling|gurgly|gurgle|{snoring,gurgling,rattling} {noise,sound,breathing}|making {snoring,gurgling,rattling} noise|{choking,being sick} {while,when} {unconscious,out of it,asleep,passed out}',
  // "won't wake" folds like "not waking [him at night]": only with "up".
  unrousable:
    '{cant,hard to,barely,difficult to} {wake,waking,rouse,rousing,respond,responding}|{not,wont} {waking,wake} up|not {rousing,responding}|{passed,blacked} out|{snoring,gurgling} and {cant,not} wake|{floppy,limp} and {cold,pale,blue}',
  cue_rescued: 'pulled|dragged|rescued|fished|lifted|got|took',
  cue_from_water: '{out of,from} {pool,water,sea,river,lake,bath,canal,pond,bathtub,paddling pool,swimming pool}',
  near_drowning:
    'nearly drowned|near drowning|almost drowned|{pulled,dragged,rescued,fished} {out of,from} {water,pool,sea,river,lake,bath,canal,sea}|went under {water,the water}|{face down,under water,underwater} {in,for}|{inhaled,breathed in,swallowed lots of} water|found in {pool,bath,water,pond}|secondary drowning|dry drowning|under {water,the water}|underwater|went under|{was,been} under for|coughed up {water,lots of water,loads of water}|{fell,fallen,slipped} {in,into} {pool,water,bath,pond,river,canal,sea,lake,swimming pool}|{face down,floating} in {pool,water,bath,pond}',
  stung: 'stung|{bee,wasp,hornet,jellyfish,scorpion} sting|bee|wasp|hornet|jellyfish|{bitten,bit} by {insect,bug,spider,tick,ant,horsefly,mosquito}',
  swelling_spreading:
    'swelling {spreading,getting bigger,all over,up arm,up leg,up to}|swollen {all over,up to,whole}|{whole,entire} {arm,leg,hand,face,foot} {swollen,swelling,swelled}',
  blistered: 'blister|blistered|blistering|blisters',
  venomous_bite:
    'black widow|redback|funnel web|brown recluse|scorpion|stingray|box jellyfish|portuguese man of war|lionfish|stonefish|weever fish|{bitten,stung} by {spider,scorpion,jellyfish}|jellyfish sting|spider bite',
  sting_in_mouth: '{sting,stung,bitten,bite} {in,inside,on} {mouth,throat,tongue}|{stung,bitten} {in,inside,on} {his,her,my} {mouth,throat,tongue}',
  // Heat or cold taken in: with confusion, drowsiness or collapse it is heatstroke or hypothermia.
  heat_exposure:
    'heatwave|heat wave|hot weather|{in,out in,working in,sitting in} {the heat,the sun,sun all day,hot sun}|sunbathing|{hot,locked} car|sauna|hot tub|marathon|{very,really,so} hot {day,outside,today}|overheating|overheated|hot and dry skin|stopped sweating',
  cold_exposure:
    '{out,outside,lying,lay,stuck} {in the cold,in the snow,all night,in freezing}|{fell,fallen} {in,into,through} {icy,cold,frozen} {water,lake,river,ice}|{freezing,very,really,so} cold {and shaking,and shivering,and confused,to touch,skin}|{found,lying} {outside,on floor all night,in garden}|{stopped,not} shivering|cold {water,sea} swim|caught out {on,in} {hill,mountain,moor,rain,snow,cold}|{wet,soaked} and {cold,freezing}|out in {rain,cold,snow,freezing}|cold to {touch,the touch} {all over,everywhere}|cold all over|heating {broke,broken,off,not working,packed up}|no heating|freezing {room,house,flat,cold house}|{fell,fallen} in {river,lake,sea,canal} ',
  pregnancy_headache_signs:
    '{seeing,see} {spots,stars,sparkles,flashing lights,zigzags,zig zags}|spots in front of {eyes,vision}|{sudden,new} swelling {of,in} {face,hands,feet}|{puffy,swollen} {face,hands,fingers} {and,with} headache|pain {under,below} ribs',

  eye_chemical: '{chemical,bleach,acid} in eye|splashed in eye',
  eye_injury: 'eye injury|{hit,poked,something,metal} in eye|scratched eye|black eye',
  red_eye: '{red,pink,sticky} eye|conjunctivitis|eye discharge|bloodshot|subconjunctival {haemorrhage,hemorrhage}',
  stye: 'stye|sty|chalazion|blepharitis|eyelid {swollen,swelling,lump,bump,spot,cyst}|{swollen,puffy,sore,red,itchy,painful} eyelid',
  heatstroke: 'heatstroke|heat stroke|sunstroke',
  heat_exhaustion: 'heat exhaustion|overheated',
  hypothermia: 'hypothermia|hypothermic',

  // Everyday complaints
  cold_or_flu:
    'cold|{runny,blocked,stuffy} nose|congestion|congested|sniffles|sneeze|sinus|sinusitis|cant breathe through nose|flu|influenza|covid|virus|viral',
  sore_throat: 'strep throat|tonsillitis|swollen tonsils|{hurts,painful} to swallow|lost voice|hoarse|laryngitis',
  tonsil_exudate: '{white,yellow} {patches,spots,pus,coating}|pus on tonsils',
  earache: 'earache|ear infection|ear wax',
  toothache: 'toothache|dental abscess|wisdom tooth',
  teething: 'teething|cutting {a tooth,teeth}|new tooth coming',
  back_pain: 'bad back|slipped disc|sciatica|lumbago|disc {pain,problem}|{back,spine} went|back spasm|back {spasms,went into spasm}',
  muscle_or_joint_pain: 'sprain|strain|pulled muscle|muscle spasm|ache|achy|stiffness|tennis elbow|whiplash|bruise|arthritis|twisted {ankle,knee}',
  skin_complaint:
    'eczema|dermatitis|acne|pimple|spot|wart|verruca|mole|{dry,itchy,flaky,scaly,cracked,rough} skin|itch|itchy|cold sore|athletes foot|fungal|psoriasis|rosacea|ringworm|tinea|thrush|callus|corn|ingrown {toenail,nail}|skin tag|blackhead|boil|stye|hives|chapped lips|mouth ulcer|ulcer in mouth|nettle {sting,stings,rash}|nettles|stinging nettle|teething rash',
  // The scalp and hair: long-standing by nature, self-care or a routine visit.
  scalp:
    'scalp|dandruff|seborrh|seborrheic|seborrhoeic|cradle cap|{hair,hairs} {loss,falling out,thinning,shedding}|{losing,lost} {hair,my hair}|thinning hair|bald patch|head lice|nits|{flaky,itchy,scaly,dry} {head,scalp}',
  tiredness: 'tired|fatigue|exhausted|{no,low} energy|weak|run down|worn out',
  weight_loss: 'weight loss|{losing,lost} weight',
  lump: 'lump|swelling|swollen {gland,lymph node}|{glands,gland,nodes,lymph nodes} {in,} {neck,my neck,his neck,her neck} {swollen,up,big,enlarged,are up}|swollen {neck,} {glands,nodes}|neck {glands,nodes}',
  // Age told in words ("my 3 month old", "newborn") when no age was given.
  // A stated age ("18-month-old", "6 weeks old") is read as a number in text.ts.
  age_0: 'newborn|infant|baby',
  age_1_2: 'toddler',
  // Shadows alarming fragments; no rule reads it.
  benign_context: `{im,i am} confused ${UNSURE_ABOUT}|fit and {well,healthy}|keep fit|normal temperature|negative pregnancy test|blood {test,pressure}|{back,brush} stroke|stroke of luck|{fell,fall} asleep|jelly {babies,baby}|baby {wipes,oil,aspirin,powder,teeth,tooth,shampoo,food,monitor,bottle,steps}|{not,doesnt,never,isnt} {waking,wake,woken,woke} {me,him,her,them,us} {up,at night}`,

  // Parts of TOGETHER combinations (below); never findings themselves.
  // Taking medicines (with an excess amount: an overdose).
  cue_ingested:
    'took|taken|swallowed|ate|eaten|drank|had|downed|necked|chewed|consumed|popped|{got,gotten,getting} into|injected|injection|gave {him,her,them,myself}|given',
  // Swallowing something not meant to be swallowed (with a chemical, or medicines eaten or "got into").
  cue_swallowed:
    'swallowed|swallow|ate|eaten|drank|drunk|sipped|sip|gulped|mouthful of|{got,gotten,getting} into|{might,may,could,think} {have,he has,she has,they have} {swallowed,eaten,drunk,had,chewed}|licked|sucked|sucking|chewed|chewing|bit into|bitten into|bit on|chewed on|mouthed|put {it,some} in {mouth,his mouth,her mouth}|{had,got} some in {mouth,his mouth,her mouth}|in {his,her,their,my} mouth|drinking|swigged|swig',
  cue_accidental:
    'ate|eaten|chewed|chewing|{got,gotten,getting} into|licked|sucked|sucking|drank some|drunk some|swallowed some|{might,may,could,think} {have,he has,she has,they have} {swallowed,eaten,drunk,taken,had,chewed}|found {him,her,them} with|mouthful of|bit into|bitten into|chewed on|been at|got at|{got,gotten} {the,} {bottle,packet,lid,top} open|mouthed',
  cue_too_much:
    'too many|too much|far too many|way too many|{whole,full,entire} {strip,packet,pack,box,bottle,blister,tub,sheet,lot,load,tube,jar,container}|all {my,his,her,the,of} {pills,tablets,meds,medication,medicine,paracetamol}|all of them|handful|handfuls|lots of|loads of|load of|bunch of|lot of|half {a,the} {bottle,packet,pack,box,strip}|a {strip,packet,pack,box,bottle} of|two {strips,packets,packs,boxes}|rest of {the,my} {pills,tablets,bottle,packet}|stockpiled|saved up|more than {the dose,the recommended,recommended,prescribed,it says,allowed,i should,you should,the max,the maximum}|over {the dose,the limit,the maximum}|numerous|dozen|dozens|twenty|thirty|forty|fifty|hundred',
  cue_medicine:
    'pill|tablet|meds|med|medication|medicine|capsule|caplet|paracetamol|paracetemol|paracetomol|acetaminophen|tylenol|panadol|calpol|ibuprofen|nurofen|advil|motrin|aspirin|naproxen|painkiller|co-codamol|cocodamol|codeine|tramadol|morphine|oxycodone|methadone|fentanyl|opioid|sleeping {pills,tablets}|diazepam|valium|xanax|benzo|antidepressant|sertraline|citalopram|fluoxetine|prozac|amitriptyline|lithium|insulin|metformin|gliclazide|warfarin|digoxin|beta blocker|propranolol|iron {tablets,pills,supplements}|vitamins|gummies|melatonin|antihistamine|piriton|ritalin|adhd {meds,medication,tablets}|contraceptive pill|{blood pressure,heart,diabetes,epilepsy,thyroid} {pills,tablets,meds,medication}|prescription|novorapid|humalog|lantus|levemir|tresiba|toujeo|fiasp|humulin',
  chemical_agent:
    'bleach|domestos|drain {cleaner,unblocker}|unblocker|caustic|lye|oven cleaner|toilet {cleaner,duck,bleach}|{cleaning,bathroom,kitchen} {product,fluid,spray,liquid,stuff}|disinfectant|dettol|detergent|washing up liquid|fairy liquid|dishwasher {tablet,pod,powder,liquid}|{laundry,washing,wash} {pod,capsule,tablet,liquid,liquitab,powder}|liquitab|fabric softener|antifreeze|screenwash|de icer|deicer|weedkiller|weed killer|roundup|pesticide|insecticide|{rat,mouse,rodent} {poison,bait}|slug pellets|ant {powder,killer,bait}|fertiliser|fertilizer|paraffin|kerosene|lamp oil|lighter fluid|petrol|gasoline|diesel|white spirit|turps|turpentine|{paint,nail varnish} {thinner,stripper}|solvent|acetone|nail {polish,varnish} remover|methanol|meths|methylated spirits|ammonia|acid|battery acid|chemical|chemicals|button battery|coin battery|batteries|magnet|magnets|glue|superglue|pool chlorine|chlorine|fly spray|bug spray|dishwasher gel|{washing,laundry,wash} {tabs,tab,gel pods,gel pod,pods}|gel pods|washing tabs|squash bottle of|organophosphate|sheep dip|crop spray|creosote|paint',
  // Harmless to adults, dangerous to small children who eat or drink them.
  cue_child_hazard:
    'e liquid|eliquid|vape {juice,liquid,oil,pod}|nicotine {liquid,juice,pouch,gum}|hand {sanitiser,sanitizer,gel}|mouthwash|essential oil|tea tree oil|eucalyptus oil|perfume|aftershave|cigarette|cigarettes|cigarette butt|tobacco|edible|edibles|cannabis|weed gummies|alcohol|vodka|wine|gin|spirits',
  // Burns the skin on contact.
  corrosive_agent:
    'acid|drain {cleaner,unblocker}|oven cleaner|caustic|lye|cement|concrete|wet cement|lime|quicklime|ammonia|hydrofluoric|battery acid|paint stripper|toilet cleaner|descaler|{concentrated,neat} bleach|battery|lime mortar|mortar|plaster dust|quick lime|descaling',
  cue_inhaled: '{breathed,breathing,breathe} in|inhaled|inhaling|sniffed|sniffing|huffing|fumes|vapour|vapor',
  cue_on_skin:
    '{on,over,onto,into} {skin,hand,hands,arm,arms,leg,legs,face,knee,knees,foot,feet,chest,back,body}|splashed|spilt|spilled|spill|soaked|covered in|{got,get} on|knelt in|kneeling in|sat in|forearm|forearms|thigh|thighs|{went,gone} all over|all over {me,my,him,her}|hands|skin',
  cue_in_eye: '{in,into} {eye,eyes}|splashed {eye,eyes,face}',
  cue_burn: 'burn|burnt|scald|scalded|scalding',
  cue_burn_site:
    'face|neck|mouth|lips|eye|eyes|ear|ears|genitals|groin|privates|chest|whole {arm,leg,back,chest,tummy,hand,foot}|{all,both} {arm,arms,leg,legs,hands,feet}|{all,most} of {arm,leg,back,chest,body}|{bigger,larger,more} than {hand,palm}|size of {hand,palm,plate}|large area|{big,large,huge} {area,patch}|all over|{arm,leg,back,chest} {is,all,covered}',
  // Hands, feet and limbs: a burn there with blisters needs emergency care (function, infection).
  cue_limb: 'hand|hands|palm|fingers|finger|foot|feet|arm|arms|leg|legs|knee|knees',
  cue_burn_depth:
    '{white,waxy,leathery,charred,black,brown} {skin,burn,patch}|{cant,not,no} {feel,feeling} {it,anything,pain}|{skin,blister} {peeling off,come off,came off,hanging}|{huge,big,large} blister|blisters {all over,everywhere}',
  cue_twice: 'twice|two doses|two lots|double|extra|by mistake|by accident|accidentally|wrong|instead of|wrong {pen,insulin,tablets,pills,medicine,one}',
  // Working with or sprayed by a chemical (pesticides, solvents): poisoning through the skin or lungs.
  cue_exposed: 'spraying|sprayed|handling|handled|working with|exposed to|exposure to|covered in|soaked in|cleaning with',
  cue_period: 'period|periods|time of the month',
  cue_late: 'late|overdue|missed',
  // A scald told by its mechanism: "pulled the kettle over", "spilt hot tea on the baby".
  cue_spill: 'pulled|spilled|spilt|spill|knocked|tipped|poured|splashed|went over|came down|fell in|fell into|grabbed',
  cue_hot_liquid: 'kettle|boiling water|hot water|hot tea|cup of tea|{hot,boiling} {coffee,drink,soup,milk,bath,oil,fat}|chip pan|steam|teapot|saucepan',
  cue_woke: 'woke {up with,with}|{woken,waking} up with',

  // Background conditions (also recognised in free text: "I'm diabetic", "on warfarin")
  c_diabetes: 'diabetes|diabetic|insulin|metformin',
  c_immunosuppressed:
    'immunocompromised|immunosuppressed|{weak,weakened} immune system|chemotherapy|chemo|neutropenia|transplant|hiv|leukemia|leukaemia|lymphoma|myeloma|cancer treatment|on steroids|methotrexate|no spleen|sickle cell',
  // Medicines that can stop the marrow making white cells: a fever is neutropenic sepsis until proven otherwise.
  c_neutropenia_risk: 'carbimazole|clozapine|propylthiouracil|sulfasalazine|methotrexate|azathioprine',
  c_chemotherapy: 'chemotherapy|chemo|neutropenia|cancer treatment',
  c_blood_thinners:
    'warfarin|apixaban|eliquis|rivaroxaban|xarelto|dabigatran|edoxaban|heparin|blood thinner|anticoagulant|anticoagulated|haemophilia|hemophilia',
  c_heart_disease: 'heart {disease,condition,failure}|coronary|angina{, attack, pain}|heart attack|stent|bypass|atrial fibrillation|afib|pacemaker',
  c_lung_disease: 'asthma|asthmatic|copd|emphysema|lung disease',
  c_epilepsy: 'epilepsy|epileptic',
  c_migraine: 'migraine',
  c_sickle_cell: 'sickle cell',
};

/**
 * Concepts made of parts found in one clause: alternatives `|`, each a sequence of concepts in
 * order, each within four words of the last (filler words not counted; "and", "then", "before"…
 * end the reach: "I ate, then took my tablets" is two things). Written for what a phrase list
 * cannot enumerate: "swallowed far too many tablets", "took a whole strip of my pills", "my son
 * drank some of the bleach", "burnt my whole arm", "woke up with pain in my testicle".
 */
export const TOGETHER: Readonly<Record<string, string>> = {
  overdose:
    'cue_ingested cue_too_much cue_medicine|cue_ingested cue_too_much high_risk_medicine|cue_too_much cue_medicine cue_ingested|cue_ingested cue_medicine cue_too_much|cue_ingested high_risk_medicine cue_too_much',
  poisoning:
    'cue_swallowed chemical_agent|cue_accidental chemical_agent|chemical_agent cue_accidental|cue_exposed chemical_agent|chemical_agent cue_swallowed|cue_accidental cue_medicine|cue_accidental high_risk_medicine|cue_accidental cue_child_hazard|cue_inhaled chemical_agent|chemical_agent cue_inhaled',
  severe_burn:
    'cue_burn cue_burn_site|cue_burn_site cue_burn|cue_burn cue_burn_depth|cue_burn_depth cue_burn|corrosive_agent cue_on_skin|cue_on_skin corrosive_agent|corrosive_agent cue_burn|cue_burn corrosive_agent|chemical_agent cue_burn',
  extra_dose:
    'cue_ingested cue_medicine cue_twice|cue_ingested high_risk_medicine cue_twice|cue_twice cue_ingested cue_medicine|cue_twice cue_ingested high_risk_medicine|cue_ingested cue_twice cue_medicine|cue_ingested cue_twice high_risk_medicine',
  burn: 'cue_spill cue_hot_liquid|cue_hot_liquid cue_spill',
  limb_burn: 'cue_burn cue_limb|cue_limb cue_burn',
  eye_chemical: 'chemical_agent cue_in_eye|cue_in_eye chemical_agent|corrosive_agent cue_in_eye',
  sudden_testicular_pain: 'cue_woke testicular_pain',
  near_drowning: 'cue_rescued cue_from_water',
  household: 'cue_everyone cue_unwell',
  fuel_source: 'cue_fuel cue_enclosed',
  // A late or missed period: a possible pregnancy (ectopic until proven otherwise with pain).
  pregnancy: 'cue_period cue_late|cue_late cue_period',
  clear_fluid_nose_or_ear: 'cue_clear_fluid cue_nose_or_ear',
  fontanelle: 'cue_soft_spot cue_fontanelle_change|cue_fontanelle_change cue_soft_spot',
};
