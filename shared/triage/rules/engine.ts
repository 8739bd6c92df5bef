import type { TriageInput, TriageLevel } from '../../contracts/triage';
import type { ClinicalAssessment } from '../assessment';
import { isEmergency, moreUrgent, raiseOneStep, urgencyRank } from '../levels';
import { TABLES } from './tables';
import type { Alt, Rule } from './compile-rules';
import { scan, type Mention } from './text';

/**
 * The deterministic red-flag engine: pure, synchronous, no I/O. It settles emergencies in the
 * request path and is the whole assessment when the model is unavailable. Conservative by
 * design: rules only ever raise the level, free text only ever raises it, and what it does not
 * recognise is a `consultation`, never `self_care`. Tables: `concepts.ts` (what people write) and
 * `rules.ts` (what it means, each rule with its clinical reason).
 */
const { FAMILIES, COMPILED_RULES, LONG_STANDING_EXPECTED } = TABLES;
const EXPECTED_LONG = new Set(LONG_STANDING_EXPECTED);

export const RULES_VERSION = 'rules-2026.11.6';

export interface RulesAssessment extends ClinicalAssessment {
  /** Stable rule ids, most urgent first. */
  rulesFired: string[];
  /** At emergency levels: what to do now. */
  emergencyAdvice?: string;
}

/** What each level tells the patient to do, and the advice every answer shares (`GENERAL_ADVICE` in rules.ts). */
const SAY = TABLES.GENERAL_ADVICE;
const GENERIC_QUESTIONS = SAY.questions!.split(';');
const GENERIC_SELF_CARE = SAY.self_care_list!.split(';');
const GENERIC_WATCH = SAY.watch_for!;

// Rules, compiled at build time (`compile-rules.ts`), in table order.
const PARSED: readonly Rule[] = COMPILED_RULES;

/** Every (rule, concept) pair the rules read, for the table-consistency test. */
export const ruleConcepts = (): { rule: string; concept: string; family: string }[] =>
  PARSED.flatMap((r) => r.terms.flatMap((t) => t.alts.map((a) => ({ rule: r.id, concept: a.c, family: r.family }))));

/** Every rule id, in table order. */
export const RULE_IDS: readonly string[] = PARSED.map((r) => r.id);

/** Ids the engine itself records beside the rules': the floors from severity and duration, and its own marks. */
export const ENGINE_IDS: readonly string[] = [
  'sudden_very_severe_symptom',
  'very_severe_symptom',
  'symptom_over_4_weeks',
  'unrecognised_symptom',
  'no_specific_rule',
  'raised_for_age_or_weak_immunity',
  'engine_fail_safe',
];

// Findings: what was reported, merged across symptoms, free text, conditions and context.
interface Finding {
  severe: boolean;
  sudden: boolean;
  hours: number;
  /** The highest structured severity, 0 when only free text mentioned it. */
  severity: number;
  /** The shortest structured duration (a `~` needs every report to be long-standing). */
  shortest: number;
}
type Findings = Map<string, Finding>;

const add = (f: Findings, concept: string, m: Partial<Mention> & { severity?: number; duration?: number } = {}): void => {
  const x = f.get(concept) ?? { severe: false, sudden: false, hours: 0, severity: 0, shortest: Infinity };
  x.severe ||= !!m.severe || (m.severity ?? 0) >= 8;
  x.sudden ||= !!m.sudden;
  x.hours = Math.max(x.hours, m.duration ?? m.hours ?? 0);
  if (m.severity) {
    x.severity = Math.max(x.severity, m.severity);
    x.shortest = Math.min(x.shortest, m.duration ?? 0);
  }
  f.set(concept, x);
};

const holds = (f: Findings, a: Alt): boolean => {
  const x = f.get(a.c);
  if (!x) return false;
  const mild = x.severity > 0 && !x.severe;
  switch (a.q) {
    case '!':
      return x.severe;
    case '^':
      return x.sudden;
    case '?':
      return mild && x.severity <= 3;
    case '~':
      return mild && x.severity <= 4 && x.shortest >= 168 && !x.sudden;
    case '>':
      return x.hours >= a.h;
    default:
      return true;
  }
};

interface Fired {
  readonly id: string;
  readonly level: TriageLevel;
  readonly family: string;
  readonly concepts: readonly string[];
}

/** Context flags from the structured input (and ages told in words: "my 3 month old"). */
const addContext = (f: Findings, context: Pick<TriageInput, 'age' | 'pregnant'>): void => {
  const { age, pregnant } = context;
  if (age !== undefined) {
    if (age === 0) add(f, 'age_0');
    if (age === 1 || age === 2) add(f, 'age_1_2');
    if (age < 5) add(f, 'under_5');
    if (age < 16) add(f, 'under_16');
    if (age >= 50) add(f, 'age_50');
    if (age >= 65) add(f, 'age_65');
  }
  if (pregnant) add(f, 'pregnancy');
  if (f.has('age_0') || f.has('age_1_2')) add(f, 'under_5');
  if (f.has('under_5')) add(f, 'under_16');
};

/**
 * Rule indexes by the concepts of each rule's first positive term: a rule can only hold when one
 * of them was reported, so an assessment tries the few candidates, not all ~200 rules.
 */
const TRIGGERS = new Map<string, number[]>();
/** Rules without a positive term (none today): always tried. */
// Stryker disable next-line ArrayDeclaration: TRIGGERS and ALWAYS only narrow which rules are tried (performance)
const ALWAYS: number[] = [];
PARSED.forEach((r, i) => {
  // Stryker disable next-line ArrowFunction: without a first term every rule is always tried, with the same result
  const first = r.terms.find((t) => !t.neg);
  // Stryker disable next-line BooleanLiteral,ConditionalExpression,CallExpression: no rule lacks a positive term; trying more rules gives the same result
  if (!first) ALWAYS.push(i);
  // Stryker disable next-line OptionalChaining,ArrayDeclaration: every rule has a positive term
  for (const { c } of first?.alts ?? []) {
    const list = TRIGGERS.get(c);
    if (!list) TRIGGERS.set(c, [i]);
    else if (list.at(-1) !== i) list.push(i); // "headache^|headache!": once
  }
});

/** Scratch marks for `evaluate`, cleared as it reads them (a mark left behind only costs a check). */
const candidate = new Uint8Array(PARSED.length);
// Stryker disable next-line ArrayDeclaration: an index list; a non-numeric entry marks nothing
const NONE: readonly number[] = [];

/** Every rule that holds, in table order; infection rules one step higher at age ≥ 65 or with a weak immune system. */
const evaluate = (f: Findings): Fired[] => {
  const vulnerable = f.has('age_65') || f.has('c_immunosuppressed');
  for (const c of f.keys()) for (const i of TRIGGERS.get(c) ?? NONE) candidate[i] = 1;
  for (const i of ALWAYS) candidate[i] = 1;
  const fired: Fired[] = [];
  // Stryker disable next-line EqualityOperator: candidate[PARSED.length] is undefined, so one more step does nothing
  for (let i = 0; i < PARSED.length; i++) {
    // Stryker disable next-line ConditionalExpression: trying a rule that is not a candidate finds it does not hold (performance)
    if (!candidate[i]) continue;
    candidate[i] = 0;
    const r = PARSED[i]!;
    const concepts: string[] = [];
    let ok = true;
    for (const t of r.terms) {
      let hit: Alt | undefined;
      for (const a of t.alts)
        if (holds(f, a)) {
          hit = a;
          break;
        }
      if (hit && !t.neg) concepts.push(hit.c);
      if (t.neg === !!hit) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    const raise = r.infection && vulnerable;
    fired.push({ id: r.id, level: raise ? raiseOneStep(r.level) : r.level, family: r.family, concepts });
    if (raise) fired.push({ id: 'raised_for_age_or_weak_immunity', level: 'self_care', family: 'general', concepts: [] });
  }
  return fired;
};

const isCondition = (c: string): boolean => c.startsWith('c_') || c === 'pregnancy';

/** Four weeks: a complaint this old deserves a doctor's look, unless it is long-standing by nature. */
const LONG_STANDING_HOURS = 672;

/**
 * Reads the input into findings. Returns how many structured symptoms matched nothing, and
 * whether one has lasted four weeks or more without being long-standing by nature (a chronic skin
 * or scalp complaint, hay fever: `LONG_STANDING_EXPECTED`), or severe, or sudden.
 */
const readInput = (f: Findings, input: TriageInput): { unrecognised: number; longStanding: boolean } => {
  let unrecognised = 0;
  let longStanding = false;
  for (const s of input.symptoms) {
    const mentions = scan(s.name);
    if (/^\s*fits?\s*$/i.test(s.name)) mentions.push({ concept: 'seizure', severe: false, sudden: false });
    const found = mentions.filter((m) => m.concept !== 'benign_context');
    if (found.length === 0) unrecognised++;
    const expected = found.length > 0 && found.every((m) => EXPECTED_LONG.has(m.concept)) && s.severity < 8 && s.onset !== 'sudden';
    if ((s.durationHours ?? 0) >= LONG_STANDING_HOURS && !expected) longStanding = true;
    for (const m of mentions) add(f, m.concept, { ...m, sudden: m.sudden || s.onset === 'sudden', severity: s.severity, duration: s.durationHours });
  }
  for (const m of scan(input.freeText ?? '')) add(f, m.concept, m);
  for (const c of input.conditions ?? []) for (const m of scan(c, isCondition)) add(f, m.concept);
  const fever = f.get('fever');
  if (fever && fever.severity >= 7) add(f, 'high_fever', { ...fever, duration: fever.hours }); // a self-rated severe fever is a high one
  addContext(f, input);
  return { unrecognised, longStanding };
};

/** A family's advice, split once at load: its 8 fields, and each field as a `;` list. */
interface Advice {
  readonly f: readonly string[];
  readonly l: readonly (readonly string[])[];
}
const split = (list: string | undefined): readonly string[] => (list ? list.split(';') : []);
const ADVICE_OF = new Map<string, Advice>(
  Object.entries(FAMILIES).map(([family, text]) => {
    const f = text.split('|');
    return [family, { f, l: Array.from({ length: 8 }, (_, k) => split(f[k])) }];
  }),
);
const advice = (family: string): Advice => ADVICE_OF.get(family) ?? ADVICE_OF.get('general')!;
const fields = (family: string): readonly string[] => advice(family).f;
/** The first `cap` distinct items of the lists, in order. */
const union = (lists: readonly (readonly string[])[], cap: number): string[] => {
  const out = new Set<string>();
  for (const list of lists)
    for (const item of list) {
      if (out.size === cap) return [...out];
      out.add(item);
    }
  return [...out];
};
const byUrgency = (a: Fired, b: Fired): number => urgencyRank(a.level) - urgencyRank(b.level);
const CONTEXT_ONLY = new Set(['under_5', 'under_16']);
const named = (c: string): boolean => !c.startsWith('c_') && !c.startsWith('age_') && !CONTEXT_ONLY.has(c);
const listOf = (items: readonly string[]): string => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/**
 * What to do now, at emergency levels: the level's advice and up to two families' own. A crisis
 * line comes first when the crisis is the emergency, after "call emergency services" when an
 * ambulance is needed.
 */
const emergencyAdviceFor = (level: TriageLevel, families: readonly string[]): string | undefined => {
  if (!isEmergency(level)) return undefined;
  const extras = families.map(fields).filter((x) => x[6]);
  const crisis = extras.filter((x) => x[7]?.includes('c')).map((x) => x[6]);
  const others = extras
    .filter((x) => !x[7]?.includes('c'))
    .map((x) => x[6])
    .slice(0, 2);
  const advice = level === 'emergency' ? [...crisis, SAY[level], ...others] : [SAY[level], ...others, ...crisis];
  return [...new Set(advice)].join(' ');
};

const assess = (input: TriageInput): RulesAssessment => {
  const f: Findings = new Map();
  const { unrecognised, longStanding } = readInput(f, input);
  const fired = evaluate(f);
  const specific = fired.some((r) => r.concepts.length > 0);
  // Floors from severity and duration alone, whatever the symptom.
  const floor = (id: string, level: TriageLevel, when: boolean) => when && fired.push({ id, level, family: 'general', concepts: [] });
  floor(
    'sudden_very_severe_symptom',
    'consultation_24',
    input.symptoms.some((s) => s.severity >= 9 && s.onset === 'sudden'),
  );
  floor(
    'very_severe_symptom',
    'consultation',
    input.symptoms.some((s) => s.severity >= 8),
  );
  floor('symptom_over_4_weeks', 'consultation', longStanding);
  floor('unrecognised_symptom', 'consultation', unrecognised > 0);
  if (fired.length === 0) floor('no_specific_rule', 'consultation', true);
  fired.sort(byUrgency);

  const level = fired.reduce<TriageLevel>((l, r) => moreUrgent(l, r.level), 'self_care');
  const emergency = isEmergency(level);
  const top = fired.filter((r) => r.level === level && r.concepts.length > 0);
  // Advice from the most urgent rules first; at emergency levels, from emergency rules only.
  const families = [...new Set([...top, ...fired].filter((r) => r.concepts.length > 0 && (!emergency || isEmergency(r.level))).map((r) => r.family))];
  const all = (families.length ? families : ['general']).map(advice);
  const main = all[0]!.f;

  const findings = [...new Set(top.flatMap((r) => r.concepts).filter(named))].slice(0, 4).map((c) => c.replaceAll('_', ' '));
  const lead = findings.length ? `${listOf(findings)}: ${main[0]}.` : SAY.nothing_recognised!;
  const summary = lead[0]!.toUpperCase() + lead.slice(1) + (emergency ? '' : ` ${SAY[level]}`);
  const teleBlocked = level === 'consultation_24' && top.some((r) => fields(r.family)[7]?.includes('t'));
  const emergencyAdvice = emergencyAdviceFor(level, families);
  return {
    level,
    confidence: !specific ? 0.4 : emergency ? 0.9 : unrecognised > 0 ? 0.5 : level === 'consultation_24' ? 0.75 : 0.65,
    summary,
    possibleConditions: union(
      all.map((x) => x.l[1]!),
      5,
    ),
    followUpQuestions: emergency ? [] : union([...all.map((x) => x.l[2]!), GENERIC_QUESTIONS], 4),
    selfCare: urgencyRank(level) >= urgencyRank('consultation') ? union([...all.map((x) => x.l[3]!), GENERIC_SELF_CARE], 5) : [],
    watchFor: union([...all.map((x) => x.l[4]!), emergency ? [] : [GENERIC_WATCH]], 5),
    ...(emergency ? {} : { specialist: main[5] || 'general practice' }),
    teleconsultationOk: !emergency && !teleBlocked,
    rulesFired: [...new Set(fired.map((r) => r.id))],
    ...(emergencyAdvice ? { emergencyAdvice } : {}),
  };
};

/** Full conservative assessment from the rules alone (also the offline fallback). Never throws. */
export function assessWithRules(input: TriageInput): RulesAssessment {
  try {
    return assess(input);
  } catch {
    // Unreachable on valid input; if it ever happens, fail towards care, not silence.
    return {
      level: 'consultation_24',
      confidence: 0.2,
      summary: SAY.fail_safe!,
      possibleConditions: [],
      followUpQuestions: [],
      selfCare: [],
      watchFor: [GENERIC_WATCH],
      specialist: 'general practice',
      teleconsultationOk: true,
      rulesFired: ['engine_fail_safe'],
    };
  }
}

/** Red flags in free text only (chat messages): the most urgent finding, or undefined. */
export function redFlagsInText(
  text: string,
  context?: { age?: number; pregnant?: boolean },
): { level: TriageLevel; rulesFired: string[]; emergencyAdvice?: string } | undefined {
  const f: Findings = new Map();
  for (const m of scan(text ?? '')) add(f, m.concept, m);
  addContext(f, context ?? {});
  const flags = evaluate(f)
    .filter((r) => r.concepts.length > 0 && urgencyRank(r.level) <= urgencyRank('consultation_24'))
    .sort(byUrgency);
  if (flags.length === 0) return undefined;
  const level = flags[0]!.level;
  const emergencyAdvice = emergencyAdviceFor(level, [...new Set(flags.map((r) => r.family))]);
  return { level, rulesFired: flags.map((r) => r.id), ...(emergencyAdvice ? { emergencyAdvice } : {}) };
}
