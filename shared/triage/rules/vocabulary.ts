/**
 * The word lists `text.ts` reads free text with: space-separated words, folded like input (so
 * "denied" and "deny" are one entry) unless said otherwise. Data, like the phrase tables, so they
 * ship beside each bundle in `triage-rules.generated.json` rather than as code.
 */
export const WORDS: Readonly<Record<string, string>> = {
  /** Kept as written, never folded: their folded form would collide with another meaning ("fitting" is a seizure, "fit" is healthy; "bite" would be "bit", as in "helps a bit"; "burning pain" and "banging head" are qualities of pain, not a burn or a blow). */
  UNFOLDED: 'fitting spotting cutting confusing stabbing hives fainted fainting sobbing sobbed stroked stroking pants yellowing bite bites burning banging',
  /** Negators, after contractions are folded ("don't", "isn't", "won't" are `not`). */
  NEGATORS: 'no not denies denied deny without never nor negative',
  /** After a negator, these mean it negates no finding ("no relief", "not sure", "not getting better", "don't know why"). */
  PSEUDO: 'relief better improvement improving help change stop longer sure only just going getting idea certain due cause know',
  /** Not counted in a negation's reach: "no thoughts of ending my life", "no plans to hurt myself". */
  NEG_THROUGH: 'thought thoughts intention intentions plan plans urge urges wish desire',
  /** End a negation's reach ("no fever and chest pain" keeps the chest pain: the safe reading). */
  NEG_STOP: 'and with plus also then',
  /** "history of stroke", "a previous heart attack" name a condition, not an event now (for HISTORICAL concepts only). */
  HISTORY: 'history hx previous previously prior past',
  /** Concepts (not words) that HISTORY words turn into history. */
  HISTORICAL: 'stroke heart_attack',
  /** May sit between a phrase's words, and do not count in a negation's reach. */
  FILLER:
    'a an the my his her their your our its it is are was were am be been im ive i me him he she they them we us has have had very really so quite too badly bit little some any all of in on at to from around ever left right lower upper middle centre center front both whole full feel felt like look getting gone going went became become becoming properly that which suddenly started began now still constantly',
  /** An intensity word near a finding makes it severe (`!`). */
  SEVERE:
    'severe severely worst excruciating unbearable terrible agonizing agonising extreme extremely intense crushing elephant horrible horrendous awful badly doubled writhing screaming',
  /** A word in the clause makes its findings sudden (`^`). */
  SUDDEN: 'sudden suddenly abrupt abruptly instantly thunderclap nowhere',
  /**
   * Never reached by the one-edit step (already folded): single-word phrases one edit from a
   * common English word ("fever"/"never", "blood"/"flood", "drown"/"brown", "poison"/"prison"),
   * checked against an English frequency word list (re-check when adding phrases); and words that
   * explain a finding away (exertional breathlessness, "I'm confused about my…"), so a typo never
   * lowers a level ("after brain surgery" is not "after training"). They still match exactly,
   * through ALIASES, and inside multi-word phrases.
   */
  NO_FUZZ:
    'sprint exercis workout sport football climb stair whether about ' +
    'sweat sweaty radiat spread drown wheez wheezy cough mucus bronchitis lopsid droop garbl aphasia strok stagger confus confusion delirious muddl drowsy floppy fainted faint dizzy woozy concussion overdos paranoid manic depress depression hopeless panic stress insomnia fever chill shiver rigor infection infect septic mottl ashen grunt inconsolabl colic blotch wheal prawn stung sting latex bleed blood bloody tarry contraction cramp appendix vomit retch reflux drool hypoglycemia impal deform blister scrap scratch laceration burnt scald poison ingest overheat congest sniffl sneez sinus viral hoars strain stiff bruis arthritis pimpl swell toddler hemophilia stent pacemaker ' +
    // Checked for rules-2026.11.3 against the SCOWL English word lists, sizes 10–35 (common words).
    'cancer newly recently still croup recession reliever mumbl flash stumbl strangl tingl tingly battery magnet sudan india tropic tropical puffy croaky cream lotion zoster tighten thrush splinter thorn taser adder viper heroin boiler drunk whisky whiskey cider hammer gurgl hornet sauna teeth callus blackhead nettl taken eaten drank drink given consum mouth forty fifty medication advil gummy bleach detergent petrol paint cement concret mortar sniff vapour vapor spilt spill forearm genital groin privat finger doubl wrong spray handl overdu knock kettl steam',
  /** End a combination's reach (TOGETHER): what follows is another thought ("I ate, then took my tablets"). */
  COMBINE_STOP: 'and then before after while when so because since until or',
  /** After a number, make it a measure or a time, not a count of things ("20 mg", "10 am", "12 units"). */
  MEASURES:
    'mg mcg ug g gram ml l litre liter kg lb stone st am pm oclock percent mmol mmhg bpm c f degree deg year yr hour hr min minute sec second day night week wk month mo mth time unit',
};

/** Misspellings and variants the edit-distance step cannot reach (too short, or two edits), folded both sides ("temprature" folds to "tempratur"). */
export const ALIASES: Readonly<Record<string, string>> = {
  pian: 'pain',
  paim: 'pain',
  payn: 'pain',
  breth: 'breath',
  fevr: 'fever',
  feva: 'fever',
  feaver: 'fever',
  hed: 'head',
  nek: 'neck',
  stif: 'stiff',
  chst: 'chest',
  poop: 'poo',
  tempratur: 'temperatur',
  tempretur: 'temperatur',
  tumy: 'tummy',
  diahorrea: 'diarrhoea',
  // "confus" is never fuzzed (NO_FUZZ), so its common misspellings are listed: confussed, confuzed…
  // Never fuzzed (NO_FUZZ: "beach" is not "bleach"), so their common misspellings are listed.
  bleech: 'bleach',
  bleack: 'bleach',
  confuss: 'confus',
  confuz: 'confus',
  comfus: 'confus',
  confusd: 'confus',
  cunfus: 'confus',
};
