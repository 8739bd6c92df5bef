import { normaliser, words } from './normalise';
import { TABLES, phraseLines } from './tables';

const { PHRASE_CONCEPTS, TOGETHER } = TABLES;

/**
 * Free text → concept mentions. Pure and synchronous; the phrase index grows one first word at a time.
 *
 * 1. Split into clauses at punctuation and "but/however/although…", so negations and intensity
 *    words never reach across ("no fever, but chest pain"). A comma-separated list after a
 *    negated clause stays negated when it is closed by "or" ("no weakness, numbness or trouble
 *    speaking").
 * 2. Per clause, read numbers from the raw text: temperatures ("39.5 C", "102F"; below 38 °C the
 *    word "temp" is no fever), durations ("for 3 days"), blood sugars, oxygen saturations and
 *    ages ("18-month-old"). Lower-case, fold contractions ("can't", "unable to" → cant;
 *    "doesn't", "won't" → not), drop punctuation, and fold word endings (-ness, plural, -ing, -ed,
 *    final -e) except for words that would change meaning (`UNFOLDED`).
 * 3. Map each word onto the phrase vocabulary: exact, a short misspelling table, else one
 *    Damerau-Levenshtein edit for words of 5+ letters ("unconcious", "siezure", "speach"), but
 *    never onto a single-word phrase that is one edit from common English ("brown" ≠ "drown").
 *    A word one edit from several vocabulary words keeps them all, and the phrase decides
 *    ("cant sallow spit" is "swallow", "sallow breathing" is "shallow").
 * 4. Match phrases left to right, longest first, letting up to 6 filler words sit between phrase words;
 *    a two-word phrase also matches reversed ("pain in my chest"). A match is dropped when
 *    "no/not/denies/without/never…" stands within the 3 words before it (filler words and "or"
 *    not counted), unless followed by "relief/better/sure…" ("no relief from chest pain" keeps
 *    the chest pain); "and/with" end a negation's reach ("no fever and chest pain" keeps the
 *    chest pain: the safe reading); "never … before" or "not used to" is a first time, not an
 *    absence.
 * 5. Per clause, combine findings into the concepts of `TOGETHER` ("took" + "a whole strip" +
 *    "pills" is an overdose): parts in order, each within 4 words of the last (filler words not
 *    counted) with no "and", "then", "before"… between. Cue concepts (`cue_…`) exist only as
 *    parts: they are never reported themselves. A count of 10 or more that is not a measure
 *    ("took 24 paracetamol", not "20 mg" or "10 am") reads as the word `numerous`.
 */

export interface Mention {
  readonly concept: string;
  /** An intensity word nearby ("severe", "worst", "10/10"). */
  readonly severe: boolean;
  /** "sudden", "out of nowhere"… in the same clause. */
  readonly sudden: boolean;
  /** How long, in hours, if the clause said ("for 3 days"). */
  readonly hours?: number;
}

const { ALIASES, WORDS } = TABLES;
const normalised = normaliser(WORDS, ALIASES);
/** One word's folded form (`normalise.ts`). */
export const fold = normalised.fold;
const { tokenize, set } = normalised;

// The word lists, each explained in `vocabulary.ts`.
const NEGATORS = set(WORDS.NEGATORS!);
const PSEUDO = set(WORDS.PSEUDO!);
const NEG_THROUGH = set(WORDS.NEG_THROUGH!);
const NEG_STOP = set(WORDS.NEG_STOP!);
const HISTORY = set(WORDS.HISTORY!);
const HISTORICAL = new Set(words(WORDS.HISTORICAL!));
const FILLER = set(WORDS.FILLER!);
const SEVERE = set(WORDS.SEVERE!);
const SUDDEN = set(WORDS.SUDDEN!);
const NO_FUZZ = new Set(words(WORDS.NO_FUZZ!));

// Phrase index: a word trie (each phrase once, with every concept it means). Only the first words'
// branches are built, each when a request first reads its word (`PHRASE_BRANCHES`, precomputed at
// `npm run generate:triage`), so a cold start does not build ~10,700 phrases it mostly never reads.
interface Phrase {
  readonly w: readonly string[];
  readonly concepts: string[];
  /** Table order: of two equally long matches, the earlier phrase wins. */
  readonly order: number;
}
interface Node {
  /** The children; leaves share one empty map until they get a child (most nodes are leaves). */
  next: ReadonlyMap<string, Node>;
  phrase?: Phrase;
}
const LEAF: ReadonlyMap<string, Node> = new Map();
const childOf = (node: Node, word: string): Node => {
  let next = node.next.get(word);
  if (!next) {
    if (node.next === LEAF) node.next = new Map();
    next = { next: LEAF };
    (node.next as Map<string, Node>).set(word, next);
  }
  return next;
};
/** Every folded word of every phrase (precomputed, in the order the phrases first use them). */
export const VOCAB: ReadonlySet<string> = new Set(words(TABLES.VOCAB));
/**
 * The branches looked up so far, `null` for a vocabulary word no phrase starts with: at most one per
 * vocabulary word (bounded by the tables, never by input). A word outside the vocabulary starts no
 * phrase, and is not looked up.
 */
const BRANCHES = new Map<string, Node | null>();
/** The trie node of phrases starting with `word`, built on first use from its phrases in table order. */
const branch = (word: string): Node | undefined => {
  let node = BRANCHES.get(word);
  if (node === undefined) {
    if (!VOCAB.has(word)) return undefined;
    const lines = phraseLines(word);
    if (lines === undefined) {
      BRANCHES.set(word, null);
      return undefined;
    }
    node = { next: LEAF };
    for (const line of lines.split('\n')) {
      const [order = '', key = '', indexes = ''] = line.split('\t');
      const w = words(key);
      let at = node;
      for (const x of w.slice(1)) at = childOf(at, x);
      at.phrase = { w, concepts: indexes.split(',').map((i) => PHRASE_CONCEPTS[Number(i)]!), order: Number(order) };
    }
    BRANCHES.set(word, node);
  }
  return node ?? undefined;
};

/** `TOGETHER`, parsed: each concept's alternatives, each a sequence of parts. */
const COMBINATIONS: readonly { concept: string; parts: readonly string[] }[] = Object.entries(TOGETHER).flatMap(([concept, list]) =>
  list.split('|').map((alt) => ({ concept, parts: alt.split(' ') })),
);
/** Every concept some combination reads: a clause without one skips the combinations. */
const PARTS = new Set(COMBINATIONS.flatMap((c) => c.parts));
const isCue = (concept: string): boolean => concept.startsWith('cue_');
const COMBINE_STOP = set(WORDS.COMBINE_STOP!);
const COMBINE_REACH = 4;

interface Hit {
  readonly concept: string;
  readonly start: number;
  readonly end: number;
  readonly severe: boolean;
}

/** Whether `to` may follow `from` in one combination: in order, near, with no stop word between. */
const follows = (raw: readonly string[], from: Hit, to: Hit): boolean => {
  if (to.start < from.end) return false;
  let between = 0;
  for (let k = from.end; k < to.start; k++) {
    if (COMBINE_STOP.has(raw[k]!)) return false;
    if (!FILLER.has(raw[k]!) && ++between > COMBINE_REACH) return false;
  }
  return true;
};

/** The combinations a clause's findings make, with whether any of their parts was severe. */
const combine = (raw: readonly string[], hits: readonly Hit[]): { concept: string; severe: boolean }[] => {
  const out: { concept: string; severe: boolean }[] = [];
  const present = new Set<string>();
  for (const h of hits) if (PARTS.has(h.concept)) present.add(h.concept);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a cheap pre-test; every combination has two parts or more
  if (present.size < 2) return out;
  /** Whether parts[k…] follow `last` in order: undefined if not, else whether any of them was severe. */
  const chain = (parts: readonly string[], k: number, last: Hit | undefined): boolean | undefined => {
    if (k === parts.length) return false;
    for (const h of hits) {
      if (h.concept !== parts[k] || (last && !follows(raw, last, h))) continue;
      const rest = chain(parts, k + 1, h);
      if (rest !== undefined) return rest || h.severe;
    }
    return undefined;
  };
  for (const { concept, parts } of COMBINATIONS) {
    if (!parts.every((p) => present.has(p))) continue;
    const severe = chain(parts, 0, undefined);
    if (severe !== undefined) out.push({ concept, severe });
  }
  return out;
};

// One-edit tolerance, SymSpell style: each vocabulary word of 5+ letters is indexed under itself
// and its one-letter deletions; an input word looks up itself and its deletions, and a candidate
// is confirmed with an exact one-edit (Damerau) check.
// Built when a word first misses the vocabulary, not at cold start (most requests never need it).
const deletions = (w: string): string[] => [w, ...[...w].map((_, i) => w.slice(0, i) + w.slice(i + 1))];
let deletesIndex: Map<string, string[]> | undefined;
const deletesOf = (): ReadonlyMap<string, readonly string[]> => {
  if (deletesIndex === undefined) {
    deletesIndex = new Map();
    for (const v of VOCAB) if (v.length > 4 && !/\d/.test(v)) for (const d of deletions(v)) deletesIndex.get(d)?.push(v) ?? deletesIndex.set(d, [v]);
  }
  return deletesIndex;
};

/** True when `a` and `b` are at most one insertion, deletion, substitution or adjacent swap apart. */
export const withinOneEdit = (a: string, b: string): boolean => {
  // Stryker disable next-line ConditionalExpression: a shortcut; the comparisons below fail on any larger length difference
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
};

const CACHE = new Map<string, readonly string[]>();
const ITSELF: readonly string[] = [];
/**
 * The vocabulary words `w` may stand for: none (it is itself) or its one-edit candidates, those
 * with its first letter first. Of several ("sallow": swallow or shallow), the phrase decides.
 */
const candidates = (w: string): readonly string[] => {
  if (w.length < 5 || VOCAB.has(w)) return ITSELF;
  let hit = CACHE.get(w); // only ever holds words the checks below let through
  // Stryker disable next-line ConditionalExpression: the cache is a performance shortcut; computing again gives the same candidates
  if (hit === undefined) {
    if (FILLER.has(w) || NEGATORS.has(w) || /\d/.test(w)) return ITSELF;
    const found = [...new Set(deletions(w).flatMap((d) => deletesOf().get(d) ?? []))].filter((v) => !NO_FUZZ.has(v) && withinOneEdit(w, v));
    hit = [...found.filter((v) => v[0] === w[0]), ...found.filter((v) => v[0] !== w[0])];
    // Stryker disable next-line all: bounds the cache's memory; the candidates are the same whether cached or not
    if (CACHE.size > 5000) CACHE.clear();
    // Stryker disable next-line CallExpression: the cache is a performance shortcut
    CACHE.set(w, hit);
  }
  return hit;
};

const NUMBER: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  few: 3,
  several: 3,
  couple: 2,
};
const UNIT_HOURS: Readonly<Record<string, number>> = { mi: 1 / 60, h: 1, d: 24, n: 24, w: 168, mo: 720, y: 8760 };
/** "3 days", "3days", "a couple of weeks": a figure may touch its unit, a word may not ("today"). */
// Not an age ("my 2 year old", "an 18-month-old").
const DURATION =
  /\b(?:(\d+(?:\.\d+)?)\s*|(an?|one|two|three|four|five|six|seven|eight|nine|ten|few|several|couple)\s+)(?:of\s+)?(min|minute|hour|hr|day|night|week|wk|month|year|yr)s?\b(?![\s-]*old\b)/g;
/** A number with a unit ("39.5 C", "102°F") or just after a temperature word ("temp of 38.4"). */
// The word is its own optional group, so a match never starts before it and loses it ("it says temp 39.6").
// Not a duration ("fever for 30 minutes").
const TEMPERATURE =
  /(?:\b(temp|fever|febrile|thermometer)\D{0,15}?)?\b(\d{2,3}(?:[.,]\d)?)\s*(°|º|deg(?:ree)?s?)?\s*([cf]|celsius|fahrenheit)?\b(?!\s*(?:min|minute|hour|hr|h|day|d|night|week|wk|month|mo|year|yr)s?\b)/g;

const MEASURES = set(WORDS.MEASURES!);
/** "took 24 paracetamol": a count of 10 or more, read as the vocabulary word `numerous`. */
const markCounts = (raw: string[]): void => {
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i]!;
    if (w.length > 1 && w.length < 5 && /^\d+$/.test(w) && Number(w) >= 10 && !MEASURES.has(raw[i + 1] ?? '')) raw[i] = 'numerous';
  }
};

/** A blood sugar reading after its word ("sugar 28", "BM of 2.1", "glucose 450 mg/dl"). */
const SUGAR = /\b(?:sugars?|glucose|bms?|bgs?|reading)\b\D{0,15}?\b(\d{1,3}(?:[.,]\d)?)\s*(mmol|mg)?/g;
/**
 * Blood sugars a clause states, as concepts: ≥ 20 mmol/L (≥ 360 mg/dL) is high, < 4 mmol/L
 * (< 70 mg/dL) is low. A figure up to 35 without a unit is read as mmol/L (most of the world).
 */
const sugars = (clause: string): string[] => {
  const out: string[] = [];
  // Stryker disable next-line ConditionalExpression: a cheap pre-test before SUGAR, which needs one of these words
  if (!/sugar|glucose|bm|bg|reading/.test(clause)) return out;
  for (const [, raw, unit] of clause.matchAll(SUGAR)) {
    const v = Number(raw!.replace(',', '.'));
    const mg = unit === 'mg' || (unit !== 'mmol' && v > 35);
    const mmol = mg ? v / 18 : v;
    if (mmol >= 20 && mmol <= 100) out.push('high_blood_sugar');
    if (mmol > 0.5 && (mg ? v < 70 : v < 4)) out.push('low_blood_sugar');
  }
  return out;
};

/** "18-month-old", "6 weeks old", "a 2 year old": an age in words, as the context concepts. */
const AGE_IN_WORDS =
  /\b(\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|few|couple)(?:\s+of)?[\s-]*(day|week|wk|month|mth|mo|year|yr)s?[\s-]*old\b/g;
/** An oxygen saturation ("sats 91", "oxygen level 90%", "SpO2 88"). */
const OXYGEN = /\b(?:sats|saturations?|spo2|o2|oxygen|oximeter|pulse ox)\b\D{0,25}?\b(\d{2,3})\s*%?/g;
/** Ages in words and oxygen saturations a clause states, as concepts (≤ 92 % is low: NICE NG51). */
const readings = (clause: string): string[] => {
  const out: string[] = [];
  // Stryker disable next-line ConditionalExpression,Regex: a cheap pre-test before AGE_IN_WORDS and OXYGEN, which need a figure or "old"
  if (!/\d/.test(clause) && !/\bold\b/.test(clause)) return out;
  for (const [, count, unit] of clause.matchAll(AGE_IN_WORDS)) {
    const n = NUMBER[count!] ?? Number(count);
    const months = /^(d|w)/.test(unit!) ? 0 : /^m/.test(unit!) ? n : n * 12;
    if (months < 12) out.push('age_0');
    else if (months < 36) out.push('age_1_2');
  }
  for (const [, value] of clause.matchAll(OXYGEN)) {
    const v = Number(value);
    if (v >= 50 && v <= 92) out.push('low_oxygen');
  }
  return out;
};

// What every DURATION and TEMPERATURE match contains: cheap tests that let most clauses skip
// those two expressions, which try every position.
const HAS_UNIT = /[\s\d](?:min|hour|hr|day|night|week|wk|month|year|yr)/;
const TWO_DIGITS = /\d\d/;

/** The longest duration a clause states, in hours. */
const durationIn = (clause: string): number | undefined => {
  let best: number | undefined;
  // Stryker disable next-line ConditionalExpression: a cheap pre-test before DURATION, which needs a unit
  if (!HAS_UNIT.test(clause)) return best;
  for (const [, figure, word, unit] of clause.matchAll(DURATION)) {
    const hours = (figure === undefined ? NUMBER[word!]! : Number(figure)) * UNIT_HOURS[/^m[io]/.test(unit!) ? unit!.slice(0, 2) : unit![0]!]!;
    if (!(hours <= (best ?? 0))) best = hours;
  }
  return best;
};

/**
 * Temperatures a clause states, as concepts: fever ≥ 38 °C, high fever ≥ 39 °C, hypothermia < 35 °C,
 * and `normal_temperature` for 35–37.9 °C (then "temp" in that clause is not a fever).
 */
const temperatures = (clause: string): string[] => {
  const out: string[] = [];
  // Stryker disable next-line ConditionalExpression: a cheap pre-test before TEMPERATURE, which needs two digits
  if (!TWO_DIGITS.test(clause)) return out;
  for (const [, word, raw, degrees, unit] of clause.matchAll(TEMPERATURE)) {
    if (!word && !degrees && !unit) continue;
    const v = Number(raw!.replace(',', '.'));
    const c = unit?.[0] === 'f' || (!unit && v >= 90) ? ((v - 32) * 5) / 9 : v;
    if (c >= 38 && c <= 45) out.push('fever');
    if (c >= 39 && c <= 45) out.push('high_fever');
    if (c >= 25 && c < 35) out.push('hypothermia');
    if (c >= 35 && c < 38) out.push('normal_temperature');
  }
  return out;
};

/**
 * A negator among the 3 words before position `i` (filler words and "or" not counted: "I don't
 * have a fever or a stiff neck"), not a pseudo-negation, not cut off by "and/with". "Never … before",
 * "never … like this" and "never/not used to …" announce a first time, not an absence.
 */
const isNegated = (raw: readonly string[], i: number, firstTime: boolean): boolean => {
  for (let k = i - 1, n = 0; k >= 0 && n < 3; k--) {
    const w = raw[k]!;
    if (NEG_STOP.has(w)) return false;
    if (NEGATORS.has(w)) return !PSEUDO.has(raw[k + 1] ?? '') && !(firstTime && (w === 'never' || raw[k + 1] === 'used'));
    if (!FILLER.has(w) && !NEG_THROUGH.has(w) && w !== 'or') n++;
  }
  return false;
};

/**
 * The longest phrase starting at `i` (the earlier one in table order when equally long), and
 * where it ends. Each phrase matches greedily: its next word where it first appears, up to 6
 * filler words skipped in all between its words. A multi-word phrase needs one word as written,
 * so typos alone never make a finding. Walking the trie follows all phrases with a common
 * prefix at once: at each word, those whose next word it is go down the branch, the others skip
 * it if it is a filler word (`taken`: branches already gone down, which the skippers are not in).
 */
/** Word j's readings: `reading(…, -1)` is its first, then `moreReadings` more for an ambiguous typo (no array per word). */
type Readings = readonly (readonly string[] | undefined)[] | undefined;
const moreReadings = (more: Readings, j: number): number => more?.[j]?.length ?? 0;
const reading = (tok: readonly string[], more: Readings, j: number, a: number): string => (a < 0 ? tok[j]! : more![j]![a]!);

const longest = (
  raw: readonly string[],
  tok: readonly string[],
  more: Readings,
  i: number,
  start: Node,
  first: string,
): { phrase: Phrase; end: number } | undefined => {
  let best: { phrase: Phrase; end: number } | undefined;
  const walk = (node: Node, j: number, skips: number, exact: boolean, arrived: boolean, taken: readonly string[]): void => {
    const p = node.phrase;
    if (
      arrived &&
      p &&
      (exact || p.w.length === 1) &&
      (!best || j > best.end || (j === best.end && (p.w.length > best.phrase.w.length || (p.w.length === best.phrase.w.length && p.order < best.phrase.order))))
    )
      best = { phrase: p, end: j };
    if (j >= tok.length) return;
    // Filler words are never fuzzed, so a word that may be skipped has one reading.
    let children = 0;
    for (let a = -1, n = moreReadings(more, j); a < n; a++) {
      const w = reading(tok, more, j, a);
      const child = taken.includes(w) ? undefined : node.next.get(w);
      if (!child) continue;
      children++;
      walk(child, j + 1, skips, exact || raw[j] === w, true, NO_WORDS);
    }
    // Stryker disable next-line ArithmeticOperator: prunes the walk; skipping where no other branch remains finds no phrase
    const others = node.next.size - taken.length - children;
    if (others > 0 && skips < 6 && FILLER.has(raw[j]!)) walk(node, j + 1, skips + 1, exact, false, children ? [...taken, raw[j]!] : taken);
  };
  walk(start, i + 1, 0, raw[i] === first, true, NO_WORDS);
  return best;
};

// A point or comma between digits is a decimal ("38.5", "38,5"), not a break.
const NO_WORDS: readonly string[] = [];
const DIGIT = /\d/;
const CLAUSES = /(?<!\d)[.,]|[.,](?!\d)|[;!?\n:()[\]]|\b(?:but|however|although|though|except|whereas|yet)\b/i;
/** The same, keeping the delimiters (odd entries). */
const CLAUSES_KEPT = new RegExp(`(${CLAUSES.source})`, 'i');
const LIST_CLOSE = /\b(?:or|nor)\b/;
const LIST_ITEM_WORDS = 5;

/**
 * Clauses that only continue a negated list: "no weakness, numbness or trouble speaking", "no
 * fever, chills, weight loss or recent infections". After a clause that starts with a negator,
 * the following comma-separated clauses are items of its list when they are short and the last
 * of them holds "or"/"nor"; without that closing word they stay findings ("no fever, chest pain"
 * keeps the chest pain: the safe reading).
 */
const listNegated = (parts: readonly string[]): Set<number> => {
  const out = new Set<number>();
  for (let k = 0; k < parts.length; k += 2) {
    const first = words(parts[k]!.toLowerCase().replace(/['’]/g, '')).find((w) => !FILLER.has(w));
    if (!first || !NEGATORS.has(fold(first))) continue;
    const items: number[] = [];
    for (let j = k + 2; j < parts.length && parts[j - 1] === ','; j += 2) {
      const clause = parts[j]!.toLowerCase();
      if (words(clause.replace(/[^a-z0-9 ]/g, ' ')).filter((w) => !FILLER.has(w)).length > LIST_ITEM_WORDS) break;
      items.push(j);
      if (LIST_CLOSE.test(clause)) {
        for (const i of items) out.add(i);
        break;
      }
    }
  }
  return out;
};

/** Whether a word of `set` stands in `raw[from, to)`. */
const within = (raw: readonly string[], from: number, to: number, list: ReadonlySet<string>): boolean => {
  for (let k = Math.max(0, from); k < Math.min(raw.length, to); k++) if (list.has(raw[k]!)) return true;
  return false;
};

/**
 * Every concept mentioned in `text`, negated mentions left out.
 * `keep` filters concepts (only background conditions when reading `conditions`).
 */
export const scan = (text: string, keep: (concept: string) => boolean = () => true): Mention[] => {
  const out: Mention[] = [];
  const parts = text.split(CLAUSES_KEPT);
  // A negated list needs a comma and a closing "or"/"nor": most texts skip the pass.
  const negatedItems = parts.length > 2 && LIST_CLOSE.test(text) ? listNegated(parts) : undefined;
  for (let k = 0; k < parts.length; k += 2) {
    const clause = parts[k];
    // Stryker disable next-line ConditionalExpression,MethodExpression,OptionalChaining: skips empty clauses, in which nothing can be found
    if (!clause?.trim()) continue;
    const lower = clause.toLowerCase();
    const hours = durationIn(lower);
    // Temperatures, sugars, oxygen and counts need a figure; ages also read "a two year old".
    const figures = DIGIT.test(lower);
    const raw = tokenize(lower);
    if (figures) markCounts(raw);
    /** Each word's reading: itself, or its first one-edit candidate; `more` holds any others. */
    const tok: string[] = new Array(raw.length);
    let more: (readonly string[] | undefined)[] | undefined;
    for (let j = 0; j < raw.length; j++) {
      const c = candidates(raw[j]!);
      tok[j] = c.length ? c[0]! : raw[j]!;
      if (c.length > 1) {
        more ??= [];
        more[j] = c.slice(1);
      }
    }
    const sudden = raw.some((w) => SUDDEN.has(w));
    const firstTime = /\b(?:before|like this|this bad|used to)\b/.test(lower);
    const longAgo = /\b(?:years?|months?) ago\b|\blast year\b/.test(lower);
    const severeClause = /\b(?:[89]|10)\s*(?:\/|out of)\s*10\b/.test(lower);
    const push = (concept: string, severe: boolean) =>
      !isCue(concept) && keep(concept) && out.push({ concept, severe, sudden, ...(hours === undefined ? {} : { hours }) });
    const readTemperatures = figures ? temperatures(lower) : NO_WORDS;
    const normalTemperature = readTemperatures.includes('normal_temperature') && !readTemperatures.includes('fever');
    for (const concept of readTemperatures) if (concept !== 'normal_temperature') push(concept, false);
    if (figures) for (const concept of sugars(lower)) push(concept, false);
    for (const concept of readings(lower)) push(concept, false);
    if (negatedItems?.has(k)) continue;
    const hits: Hit[] = [];

    for (let i = 0; i < tok.length; ) {
      let hit: ReturnType<typeof longest>;
      for (let a = -1, n = moreReadings(more, i); a < n; a++) {
        const w = reading(tok, more, i, a);
        const start = branch(w);
        const found = start && longest(raw, tok, more, i, start, w);
        if (found && (!hit || found.end > hit.end || (found.end === hit.end && found.phrase.w.length > hit.phrase.w.length))) hit = found;
      }
      if (!hit) {
        i++;
        continue;
      }
      const { phrase: found, end } = hit;
      const negated = isNegated(raw, i, firstTime);
      const historical = longAgo || within(raw, i - 4, i, HISTORY);
      const severe = severeClause || within(raw, i - 3, end + 3, SEVERE);
      for (const concept of found.concepts)
        if (!negated && !(historical && HISTORICAL.has(concept)) && !(normalTemperature && concept === 'fever')) {
          push(concept, severe);
          hits.push({ concept, start: i, end, severe });
        }
      i = end;
    }
    for (const { concept, severe } of combine(raw, hits)) push(concept, severe);
  }
  return out;
};
