/**
 * The question set of the content library's retrieval bench (issue 12): questions a patient might
 * type, in their own words (lay terms, a few typos, never a post's title), each naming the seed post
 * (local/seed-library) that should answer it. recall@3 = the share of questions whose post is in the
 * top three results. test/unit/seed-library.test.ts checks that every slug exists.
 */
export interface ContentQuestion {
  readonly question: string;
  /** The slug of the seed post that should answer it. */
  readonly slug: string;
}

export const CONTENT_QUESTIONS: readonly ContentQuestion[] = [
  // fever-and-infections
  { question: 'I have a temperature of 38.5 and feel shivery, should I be worried?', slug: 'fever-in-adults' },
  { question: 'how long should a fever last in a grown up before I see a doctor', slug: 'fever-in-adults' },
  { question: 'Should I take a cold bath to bring my temprature down?', slug: 'fever-in-adults' },
  { question: 'how do I know if it is flu or just a cold', slug: 'colds-and-flu' },
  { question: 'Will antibiotics help my runny nose and sneezing?', slug: 'colds-and-flu' },
  { question: 'aching all over with a high temperature that came on suddenly, is it influenza?', slug: 'colds-and-flu' },
  { question: 'it hurts to swallow and my tonsils are swollen', slug: 'sore-throat' },
  { question: 'What can I gargle with for a scratchy throat?', slug: 'sore-throat' },
  { question: 'burning when I pee and needing the toilet all the time', slug: 'urinary-tract-infections' },
  { question: 'Can cystitis spread to my kidneys? I have back pain now', slug: 'urinary-tract-infections' },
  { question: 'my urine is cloudy and smells strong', slug: 'urinary-tract-infections' },
  { question: 'I keep throwing up and have the runs, what should I drink?', slug: 'vomiting-and-diarrhoea' },
  { question: 'how long to stay off work after a tummy bug', slug: 'vomiting-and-diarrhoea' },
  { question: 'does hand gel kill the stomach bug germs', slug: 'vomiting-and-diarrhoea' },
  // breathing-and-lungs
  { question: 'whats the difference between the blue and brown inhaler', slug: 'asthma-basics' },
  { question: 'I am wheezy and my chest feels tight at night', slug: 'asthma-basics' },
  { question: 'my reliever inhaler is not working and I cannot catch my breath', slug: 'asthma-basics' },
  { question: 'I have had a cough for over a month now, is that normal?', slug: 'persistent-cough' },
  { question: 'can blood pressure tablets make you cough', slug: 'persistent-cough' },
  { question: 'coughing up phlegm for weeks after a cold and losing weight', slug: 'persistent-cough' },
  // skin
  { question: 'my skin is really dry and itchy and cracked on my hands', slug: 'eczema-and-dry-skin' },
  { question: 'What moisturiser or emollient is best for atopic dermatitis?', slug: 'eczema-and-dry-skin' },
  { question: 'how often should I reapply suncream on holiday', slug: 'sun-safety' },
  { question: 'a mole on my back changed colour and shape', slug: 'sun-safety' },
  { question: 'red hot swollen leg spreading from a small cut', slug: 'cellulitis-and-skin-infections' },
  { question: 'how can I tell if a wound on my shin is infected', slug: 'cellulitis-and-skin-infections' },
  // heart-and-circulation
  { question: 'what do the top and bottom numbers in a blood pressure reading mean', slug: 'high-blood-pressure' },
  { question: 'how can I lower my hypertension without tablets? I eat a lot of salt', slug: 'high-blood-pressure' },
  { question: 'how do I use my blood pressure monitor at home properly', slug: 'checking-blood-pressure-at-home' },
  { question: 'what size cuff do I need and should I sit down before measuring', slug: 'checking-blood-pressure-at-home' },
  { question: 'crushing pain in my chest going down my left arm', slug: 'heart-attack-warning-signs' },
  { question: 'do women have different heart attack symptoms', slug: 'heart-attack-warning-signs' },
  { question: 'my dad face is drooping on one side and his speech is slurred', slug: 'stroke-warning-signs' },
  { question: 'what is a mini stroke or TIA', slug: 'stroke-warning-signs' },
  { question: 'sudden weakness in one arm and blurred vision', slug: 'stroke-warning-signs' },
  // diabetes-and-metabolism
  { question: 'always thirsty and peeing a lot at night, could it be diabetes?', slug: 'type-2-diabetes-basics' },
  { question: 'what does my hba1c result mean', slug: 'type-2-diabetes-basics' },
  { question: 'can losing weight put type 2 diabetes into remission', slug: 'type-2-diabetes-basics' },
  { question: 'shaky sweaty and confused after insulin, what do I eat', slug: 'low-blood-sugar-hypoglycaemia' },
  { question: 'how to treat a hypo fast', slug: 'low-blood-sugar-hypoglycaemia' },
  { question: 'how should I check my feet every day as a diabetic', slug: 'diabetes-foot-care' },
  { question: 'I have diabetes and a blister on my toe that is not healing', slug: 'diabetes-foot-care' },
  { question: 'what is the difference between good and bad cholestrol', slug: 'cholesterol-explained' },
  { question: 'my LDL is high, what foods should I cut down on', slug: 'cholesterol-explained' },
  { question: 'muscle aches while taking a statin', slug: 'cholesterol-explained' },
  // mental-health
  { question: 'my heart races and I feel like I cannot breathe when I panic', slug: 'anxiety-and-panic' },
  { question: 'I worry all the time and can never relax', slug: 'anxiety-and-panic' },
  { question: 'I feel empty and have lost interest in everything for weeks', slug: 'low-mood-and-depression' },
  { question: 'how do I know if I am depressed or just sad', slug: 'low-mood-and-depression' },
  { question: 'I cant fall asleep at night and wake up at 4am', slug: 'sleeping-better' },
  { question: 'are sleeping pills safe to take every night for insomnia', slug: 'sleeping-better' },
  { question: 'I feel exhausted and overwhelmed by work all the time', slug: 'stress-and-burnout' },
  { question: 'signs of burn out from looking after my mum', slug: 'stress-and-burnout' },
  // medicines-and-safety
  { question: 'I forgot to take my tablet this morning, should I take two now?', slug: 'taking-medicines-safely' },
  { question: 'is it ok to take cold and flu sachets with other painkillers', slug: 'everyday-pain-relief' },
  { question: 'how to keep track of lots of different pills', slug: 'taking-medicines-safely' },
  { question: 'why will my doctor not give me antibiotics for a virus', slug: 'antibiotics-what-to-know' },
  { question: 'should I finish the whole course of antibiotics', slug: 'antibiotics-what-to-know' },
  { question: 'what is antibiotic resistance', slug: 'antibiotics-what-to-know' },
  { question: 'where should I throw away old out of date tablets', slug: 'storing-and-disposing-of-medicines' },
  { question: 'is it ok to keep medicines in the bathroom cabinet', slug: 'storing-and-disposing-of-medicines' },
  { question: 'can I take ibuprofen and paracetamol together for a headache', slug: 'everyday-pain-relief' },
  { question: 'I take painkillers most days and my headaches are getting worse', slug: 'everyday-pain-relief' },
  // children-and-family
  { question: 'my 2 month old baby has a temperature of 38', slug: 'fever-in-children' },
  { question: 'toddler hot and has a rash that does not fade under a glass', slug: 'fever-in-children' },
  { question: 'how do I bring down my kids fever', slug: 'fever-in-children' },
  { question: 'my child has diarrhoea and fewer wet nappies', slug: 'dehydration-in-children' },
  { question: 'how much water should I give my son when he keeps being sick', slug: 'dehydration-in-children' },
  { question: 'is it normal for my baby to be grumpy and have a sore leg after her jabs', slug: 'childhood-vaccinations' },
  { question: 'my child missed some immunisations, can they still catch up?', slug: 'childhood-vaccinations' },
  // healthy-ageing-and-home-care
  { question: 'how do I stop my elderly mother falling at home', slug: 'preventing-falls-at-home' },
  { question: 'what to do if my grandad falls and cannot get up', slug: 'preventing-falls-at-home' },
  { question: 'tips for looking after my husband at home after his illness', slug: 'caring-for-someone-at-home' },
  { question: 'how to prevent bed sores in someone who stays in bed', slug: 'caring-for-someone-at-home' },
  { question: 'my nan suddenly became very confused today', slug: 'sudden-confusion-delirium' },
  { question: 'can a urine infection cause confusion in old people', slug: 'sudden-confusion-delirium' },
  // first-aid
  { question: 'I spilled boiling water on my arm what should I do', slug: 'burns-and-scalds' },
  { question: 'should I put butter or ice on a burn', slug: 'burns-and-scalds' },
  { question: 'how do I stop a deep cut on my finger from bleeding', slug: 'cuts-and-bleeding' },
  { question: 'does this gash need stitches', slug: 'cuts-and-bleeding' },
  { question: 'what to do with a nosebleed that wont stop', slug: 'cuts-and-bleeding' },
  { question: 'my baby is choking on food and cannot cry', slug: 'choking' },
  { question: 'how to do back blows and abdominal thrusts', slug: 'choking' },
  { question: 'lips swelling and struggling to breathe after eating peanuts', slug: 'anaphylaxis-severe-allergic-reaction' },
  { question: 'how and when do I use an epipen', slug: 'anaphylaxis-severe-allergic-reaction' },
  { question: 'my son hit his head and has been sick twice', slug: 'head-injuries' },
  { question: 'signs of concussion after a fall', slug: 'head-injuries' },
];
