import type { TriageInput, TriageLevel } from '../../contracts/triage';
import { isEmergency, moreUrgent, raiseOneStep, urgencyRank } from '../levels';
import { CONCEPTS, DISPLAY } from './concepts';
import { FAMILIES, RULES } from './rules';
import { scan, type Mention } from './text';

/**
 * The deterministic red-flag engine: pure, synchronous, no I/O. It settles emergencies in the
 * request path and is the whole assessment when the model is unavailable. Conservative by
 * design: every rule can only raise the level, free text can only raise it, and anything it does
 * not recognise is a `consultation`, never `self_care`. Tables: `concepts.ts` (what people
 * write), `rules.ts` (what it means, with the clinical reason for each rule).
 */
export const RULES_VERSION = 'rules-2026.11.1';

export interface RulesAssessment {
  level: TriageLevel;
  confidence: number;
  summary: string;
  possibleConditions: string[];
  followUpQuestions: string[];
  selfCare: string[];
  watchFor: string[];
  specialist?: string;
  teleconsultationOk: boolean;
  /** Stable rule ids, most urgent first. */
  rulesFired: string[];
  /** At emergency levels: what to do now. */
  emergencyAdvice?: string;
}

const LEVEL: Readonly<Record<string, TriageLevel>> = { A: 'emergency_ambulance', E: 'emergency', U: 'consultation_24', C: 'consultation', S: 'self_care' };

const ACTION: Readonly<Record<TriageLevel, string>> = {
  emergency_ambulance: 'Call emergency services now.',
  emergency: 'Get emergency care now.',
  consultation_24: 'Speak to a doctor or an urgent care service within 24 hours.',
  consultation: 'Book an appointment with a doctor; it does not look urgent.',
  self_care: 'This can usually be looked after at home.',
};
const EMERGENCY_NUMBERS = '(911 in the US, 999 in the UK, 112 in the EU)';
const BASE_ADVICE: Partial<Record<TriageLevel, string>> = {
  emergency_ambulance: `Call emergency services now ${EMERGENCY_NUMBERS}. Do not drive yourself; stay with someone if you can.`,
  emergency: `Go to the nearest emergency department now, or call emergency services ${EMERGENCY_NUMBERS} if you cannot get there safely or it gets worse.`,
};

// ── Rule table, parsed once
interface Alt {
  readonly c: string;
  readonly q: string;
  readonly h: number;
}
interface Rule {
  readonly id: string;
  readonly level: TriageLevel;
  readonly infection: boolean;
  readonly terms: readonly { neg: boolean; alts: readonly Alt[] }[];
  readonly family: string;
}
const parseAlt = (s: string): Alt => {
  const [, c = s, q = ''] = /^(\w+)([!^?~]|>[\d.]+)?$/.exec(s) ?? [];
  return q.startsWith('>') ? { c, q: '>', h: Number(q.slice(1)) } : { c, q, h: 0 };
};
const PARSED: readonly Rule[] = RULES.map((line) => {
  const [id, level, expr, family] = line.split(' ') as [string, string, string, string];
  return {
    id,
    level: LEVEL[level[0]!]!,
    infection: level.endsWith('+'),
    family,
    terms: expr.split('&').map((t) => ({ neg: t.startsWith('-'), alts: t.replace(/^-/, '').split('|').map(parseAlt) })),
  };
});

/** Context flags rules may use as concepts. */
export const CONTEXT_FLAGS = ['age_0', 'age_1_2', 'under_5', 'age_50', 'age_65', 'pregnancy'] as const;

/** Every concept id the rules read, for the table-consistency test. */
export const ruleConcepts = (): { rule: string; concept: string; family: string }[] =>
  PARSED.flatMap((r) => r.terms.flatMap((t) => t.alts.map((a) => ({ rule: r.id, concept: a.c, family: r.family }))));

// ── Findings: what was reported, merged across symptoms, free text and conditions
interface Finding {
  severe: boolean;
  sudden: boolean;
  hours: number;
  /** Reported as a structured symptom (so its severity is known). */
  structured: boolean;
  maxSeverity: number;
  minStructuredHours: number;
}
type Findings = Map<string, Finding>;

const add = (f: Findings, concept: string, m: Partial<Mention> & { severity?: number; structuredHours?: number }): void => {
  const x = f.get(concept) ?? { severe: false, sudden: false, hours: 0, structured: false, maxSeverity: 0, minStructuredHours: Infinity };
  x.severe ||= !!m.severe || (m.severity ?? 0) >= 8;
  x.sudden ||= !!m.sudden;
  x.hours = Math.max(x.hours, m.structuredHours ?? m.hours ?? 0);
  if (m.severity !== undefined) {
    x.structured = true;
    x.maxSeverity = Math.max(x.maxSeverity, m.severity);
    x.minStructuredHours = Math.min(x.minStructuredHours, m.structuredHours ?? 0);
  }
  f.set(concept, x);
};

const holds = (f: Findings, a: Alt): boolean => {
  const x = f.get(a.c);
  if (!x) return false;
  switch (a.q) {
    case '!': return x.severe;
    case '^': return x.sudden;
    case '?': return x.structured && x.maxSeverity <= 3 && !x.severe;
    case '~': return x.structured && x.maxSeverity <= 4 && x.minStructuredHours >= 168 && !x.severe && !x.sudden;
    case '>': return x.hours >= a.h;
    default: return true;
  }
};

interface Fired {
  readonly id: string;
  readonly level: TriageLevel;
  readonly family: string;
  readonly concepts: readonly string[];
}

const context = (f: Findings, age?: number, pregnant?: boolean): void => {
  if (age !== undefined) {
    if (age === 0) add(f, 'age_0', {});
    if (age >= 1 && age <= 2) add(f, 'age_1_2', {});
    if (age < 5) add(f, 'under_5', {});
    if (age >= 50) add(f, 'age_50', {});
    if (age >= 65) add(f, 'age_65', {});
  }
  if (pregnant) add(f, 'pregnancy', {});
};

/** Every rule that holds, its level raised one step for infections at age ≥ 65 or with a weak immune system. */
const evaluate = (f: Findings): Fired[] => {
  const vulnerable = f.has('age_65') || f.has('c_immunocompromised');
  const fired: Fired[] = [];
  let raised = false;
  for (const r of PARSED) {
    const concepts: string[] = [];
    const ok = r.terms.every((t) => {
      const hit = t.alts.find((a) => holds(f, a));
      if (hit && !t.neg) concepts.push(hit.c);
      return t.neg ? !hit : !!hit;
    });
    if (!ok) continue;
    const raise = r.infection && vulnerable;
    raised ||= raise;
    fired.push({ id: r.id, level: raise ? raiseOneStep(r.level) : r.level, family: r.family, concepts });
  }
  if (raised) fired.push({ id: 'raised_for_age_or_weak_immunity', level: 'self_care', family: 'general', concepts: [] });
  return fired;
};

const readText = (f: Findings, text: string): void => {
  for (const m of scan(text)) add(f, m.concept, m);
};

const isCondition = (c: string): boolean => c.startsWith('c_') || c === 'pregnancy';
const SEIZURE_WORDS = /^(fit|fits|fitting)$/;

/** Reads the whole input into findings; returns how many structured symptoms matched nothing. */
const readInput = (f: Findings, input: TriageInput): number => {
  let unrecognised = 0;
  for (const s of input.symptoms) {
    const mentions = scan(s.name);
    if (SEIZURE_WORDS.test(s.name.trim().toLowerCase())) mentions.push({ concept: 'seizure', severe: false, sudden: false });
    if (!mentions.some((m) => m.concept !== 'benign_context')) unrecognised++;
    for (const m of mentions) add(f, m.concept, { ...m, sudden: m.sudden || s.onset === 'sudden', severity: s.severity, structuredHours: s.durationHours });
  }
  if (input.freeText) readText(f, input.freeText);
  for (const c of input.conditions ?? []) for (const m of scan(c, isCondition)) add(f, m.concept, {});
  context(f, input.age, input.pregnant === true);
  return unrecognised;
};

const display = (c: string): string => DISPLAY[c] ?? c.replace(/_/g, ' ');
const listOf = (items: readonly string[]): string =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
const fields = (family: string): string[] => (FAMILIES[family] ?? FAMILIES.general!).split('|');
const union = (lists: readonly string[], cap: number): string[] => [...new Set(lists.flatMap((l) => (l ? l.split(';') : [])))].slice(0, cap);
const byUrgency = (a: Fired, b: Fired): number => urgencyRank(a.level) - urgencyRank(b.level);

const CONFIDENCE: Readonly<Record<TriageLevel, number>> = { emergency_ambulance: 0.9, emergency: 0.9, consultation_24: 0.75, consultation: 0.65, self_care: 0.65 };

const emergencyAdviceFor = (level: TriageLevel, families: readonly string[]): string | undefined => {
  if (!isEmergency(level)) return undefined;
  const extras = families.map((fam) => fields(fam)).filter((x) => x[6]);
  const crisis = extras.filter((x) => x[7]?.includes('c')).map((x) => x[6]!);
  const others = extras.filter((x) => !x[7]?.includes('c')).map((x) => x[6]!);
  return [...new Set([...crisis, BASE_ADVICE[level]!, ...others.slice(0, 2)])].join(' ');
};

const assess = (input: TriageInput): RulesAssessment => {
  const f: Findings = new Map();
  const unrecognised = readInput(f, input);
  const fired = evaluate(f);

  // Generic floors from severity and duration alone.
  const generic = (id: string, level: TriageLevel, when: boolean) => when && fired.push({ id, level, family: 'general', concepts: [] });
  generic('sudden_very_severe_symptom', 'consultation_24', input.symptoms.some((s) => s.severity >= 9 && s.onset === 'sudden'));
  generic('very_severe_symptom', 'consultation', input.symptoms.some((s) => s.severity >= 8));
  generic('symptom_for_over_4_weeks', 'consultation', input.symptoms.some((s) => (s.durationHours ?? 0) >= 672));
  generic('unrecognised_symptom', 'consultation', unrecognised > 0);
  const specific = fired.filter((r) => r.family !== 'general' || r.concepts.length > 0);
  if (fired.length === 0) fired.push({ id: 'no_specific_rule', level: 'consultation', family: 'general', concepts: [] });
  fired.sort(byUrgency);

  const level = fired.reduce<TriageLevel>((l, r) => moreUrgent(l, r.level), 'self_care');
  const emergency = isEmergency(level);
  const top = fired.filter((r) => r.level === level && (r.concepts.length > 0 || specific.length === 0));
  const topRules = top.length > 0 ? top : fired.filter((r) => r.level === level);
  const families = [...new Set([...topRules, ...fired].filter((r) => r.concepts.length > 0).map((r) => r.family))];
  if (families.length === 0) families.push('general');
  const main = fields(families[0]!);
  const all = families.map(fields);

  const named = [...new Set(topRules.flatMap((r) => r.concepts).filter((c) => !c.startsWith('age_')))].slice(0, 4).map(display);
  const lead = named.length > 0 ? `${listOf(named)}: ${main[0]}.` : 'No specific warning signs were recognised in what was described, but it is worth a routine check by a doctor.';
  const summary = (lead.charAt(0).toUpperCase() + lead.slice(1) + (emergency ? '' : ` ${ACTION[level]}`)).trim();

  const teleBlocked = topRules.some((r) => fields(r.family)[7]?.includes('t'));
  const confidence = specific.length === 0 ? 0.4 : unrecognised > 0 && !emergency ? 0.5 : CONFIDENCE[level];
  const emergencyAdvice = emergencyAdviceFor(level, families);
  return {
    level,
    confidence,
    summary,
    possibleConditions: union(all.map((x) => x[1]!), 6),
    followUpQuestions: emergency ? [] : union(all.map((x) => x[2]!), 4),
    selfCare: urgencyRank(level) >= urgencyRank('consultation') ? union(all.map((x) => x[3]!), 5) : [],
    watchFor: union([...all.map((x) => x[4]!), emergency ? '' : fields('general')[4]!], 6),
    ...(emergency ? {} : { specialist: main[5] || 'general practice' }),
    teleconsultationOk: !emergency && !(level === 'consultation_24' && teleBlocked),
    rulesFired: [...new Set(fired.map((r) => r.id))],
    ...(emergencyAdvice ? { emergencyAdvice } : {}),
  };
};

/** A conservative answer for the impossible case that the engine itself fails. */
const failSafe = (): RulesAssessment => ({
  level: 'consultation_24',
  confidence: 0.2,
  summary: 'The symptom check could not be completed. Speak to a doctor or an urgent care service within 24 hours, sooner if you are worried.',
  possibleConditions: [],
  followUpQuestions: [],
  selfCare: [],
  watchFor: union([fields('general')[4]!], 3),
  specialist: 'general practice',
  teleconsultationOk: true,
  rulesFired: ['engine_fail_safe'],
});

/** Full conservative assessment from the rules alone (also the offline fallback). */
export function assessWithRules(input: TriageInput): RulesAssessment {
  try {
    return assess(input);
  } catch {
    return failSafe();
  }
}

/** Red flags in free text only (chat messages): the most urgent finding, or undefined. */
export function redFlagsInText(
  text: string,
  context_?: { age?: number; pregnant?: boolean },
): { level: TriageLevel; rulesFired: string[]; emergencyAdvice?: string } | undefined {
  const f: Findings = new Map();
  readText(f, text ?? '');
  context(f, context_?.age, context_?.pregnant === true);
  const flags = evaluate(f)
    .filter((r) => r.concepts.length > 0 && urgencyRank(r.level) <= urgencyRank('consultation_24'))
    .sort(byUrgency);
  if (flags.length === 0) return undefined;
  const level = flags[0]!.level;
  const emergencyAdvice = emergencyAdviceFor(level, [...new Set(flags.map((r) => r.family))]);
  return { level, rulesFired: flags.map((r) => r.id), ...(emergencyAdvice ? { emergencyAdvice } : {}) };
}

/** All concept ids, for tests. */
export const KNOWN_CONCEPTS: ReadonlySet<string> = new Set([...Object.keys(CONCEPTS), ...CONTEXT_FLAGS]);
