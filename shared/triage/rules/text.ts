import { CONCEPTS } from './concepts';

/**
 * Free text → concept mentions. Pure and synchronous; tables are built once per cold start.
 *
 * 1. Split into clauses at punctuation and at "but/however/although…", so a negation or an
 *    intensity word never reaches across ("no fever, but chest pain").
 * 2. In each clause: read temperatures ("39.5 C", "102F") and durations ("for 3 days") from the
 *    raw text; then lower-case, fold contractions ("can't", "unable to" → `cant`; "doesn't",
 *    "won't" → `not`), drop punctuation, strip simple plurals.
 * 3. Map each word to the phrase vocabulary: exact, a small misspelling table, else one
 *    Damerau-Levenshtein edit for words of 5+ letters ("vomitting", "unconcious", "seizuer").
 * 4. Match phrases left to right, longest first, letting filler words ("my", "is", "very") sit
 *    between a phrase's words. A match is dropped when "no/not/denies/without/never…" stands within
 *    the 3 words before it (unless followed by "relief/better/sure…": "no relief from chest pain"
 *    is not a negation, and "and/with" ends the negation's reach).
 */

export interface Mention {
  readonly concept: string;
  /** An intensity word nearby ("severe", "worst", "10/10") or a structured severity ≥ 8. */
  readonly severe: boolean;
  /** "sudden", "out of nowhere"… in the same clause, or a structured sudden onset. */
  readonly sudden: boolean;
  /** How long, in hours, if the clause said ("for 3 days"). */
  readonly hours?: number;
}

const words = (s: string): string[] => s.split(' ').filter(Boolean);

/** Short misspellings and spelling variants the edit-distance step would not reach (< 5 letters). */
const ALIAS: Readonly<Record<string, string>> = {
  pian: 'pain', paim: 'pain', payn: 'pain', breathe: 'breath', brethe: 'breath', breth: 'breath', fevr: 'fever', feva: 'fever',
  hed: 'head', nek: 'neck', stif: 'stiff', chst: 'chest', puk: 'puke', poop: 'poo', temprature: 'temperature', tempreture: 'temperature', tumy: 'tummy',
};

/** Plural and spelling folding for one word. */
const fold = (w: string): string => {
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return ALIAS[w] ?? w;
};
const set = (s: string): Set<string> => new Set(words(s).map(fold));

/** Negators (after contractions are folded: "don't", "isn't", "won't" are `not`). */
const NEGATORS = set('no not denies denied deny denying without never nor none negative');
/** A negator followed by these is not negating a finding ("no relief", "not sure", "not getting better"). */
const PSEUDO = set('relief better improvement improving improved help helping change stop stopping longer sure only just going getting idea certain due cause');
/** These end a negation's reach: "no fever and chest pain" keeps the chest pain (the safe reading). */
const NEG_STOP = set('and with plus also then has have had having');
/** History markers: "history of stroke" is a condition, not an event now (only for concepts in HISTORICAL). */
const HISTORY = set('history hx previous previously prior past');
const HISTORICAL = new Set(['stroke', 'heart_attack']);
/** May sit between a phrase's words. */
const FILLER = set('a an the my his her their your our its it is are was were am be been im ive i me very really so quite too badly bit little some all of left right lower upper both whole full feel feels felt feeling like look looks looking getting gone going');
const SEVERE = set('severe severely worst excruciating unbearable terrible agonizing agonising extreme extremely intense crushing horrible awful doubled writhing screaming');
const SUDDEN = set('sudden suddenly abrupt abruptly instantly instant thunderclap nowhere');
/** Common words one edit away from a phrase word; never "corrected" ("never" is not "fever"). */
const NO_FUZZ = set(
  'never fewer lever seven paint saint feint painted chess cheat sweet swear swearing breed bleep blond worse month couch touch rough tough smell spell shell dwell chose chore frigid later water hater stood spool slack block blank angle uncle stoke strike stroked stride strode bitter better letter butter nurse horse river liver lover cover mover hover sleep steep thing think their there these those three threw through sooner',
);

/** Lower-case, fold contractions and negations, strip punctuation; one clause in, words out. */
const tokenize = (clause: string): string[] =>
  words(
    clause
      .toLowerCase()
      .replace(/['’‘`]/g, '')
      .replace(/\b(?:can not|cannot|could not|couldnt|unable to|not able to)\b/g, 'cant')
      .replace(/\b(?:do|does|did|is|are|was|were|has|have|had|would|will|wo|should|ai)(?: not|nt)\b/g, 'not')
      .replace(/[^a-z0-9]+/g, ' '),
  ).map(fold);

// ── Phrase index, built once
interface Phrase {
  readonly w: readonly string[];
  readonly concepts: string[];
}
const INDEX = new Map<string, Phrase[]>();
const VOCAB = new Set<string>();
{
  const byText = new Map<string, Phrase>();
  for (const [concept, list] of Object.entries(CONCEPTS)) {
    for (const raw of list.split('|')) {
      const w = tokenize(raw);
      const key = w.join(' ');
      let phrase = byText.get(key);
      if (!phrase) {
        phrase = { w, concepts: [] };
        byText.set(key, phrase);
        const bucket = INDEX.get(w[0]!) ?? [];
        bucket.push(phrase);
        INDEX.set(w[0]!, bucket);
        for (const x of w) VOCAB.add(x);
      }
      if (!phrase.concepts.includes(concept)) phrase.concepts.push(concept);
    }
  }
  for (const bucket of INDEX.values()) bucket.sort((a, b) => b.w.length - a.w.length);
}

// ── One-edit tolerance, SymSpell style: every vocabulary word of 5+ letters is indexed under
// itself and each of its one-letter deletions; an input word looks up itself and its deletions,
// and each candidate is confirmed with an exact one-edit (Damerau) check.
const DELETES = new Map<string, string[]>();
const deletions = (w: string): string[] => [...w].map((_, i) => w.slice(0, i) + w.slice(i + 1));
for (const v of VOCAB) {
  if (v.length < 5 || /\d/.test(v)) continue;
  for (const d of [v, ...deletions(v)]) {
    const bucket = DELETES.get(d) ?? [];
    if (!bucket.includes(v)) bucket.push(v);
    DELETES.set(d, bucket);
  }
}

/** True when `a` and `b` are at most one insertion, deletion, substitution or adjacent swap apart. */
export const withinOneEdit = (a: string, b: string): boolean => {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length)
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
};

const CACHE = new Map<string, string>();
/** The vocabulary word `w` stands for (itself when none). */
const canon = (w: string): string => {
  if (VOCAB.has(w) || w.length < 5 || NO_FUZZ.has(w) || FILLER.has(w) || NEGATORS.has(w) || /\d/.test(w)) return w;
  let hit = CACHE.get(w);
  if (hit === undefined) {
    hit = w;
    search: for (const d of [w, ...deletions(w)])
      for (const v of DELETES.get(d) ?? [])
        if (withinOneEdit(w, v)) {
          hit = v;
          break search;
        }
    if (CACHE.size > 5000) CACHE.clear();
    CACHE.set(w, hit);
  }
  return hit;
};

const NUMBER: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, few: 3, several: 3, couple: 2 };
const UNIT_HOURS: Readonly<Record<string, number>> = { m: 1 / 60, h: 1, d: 24, n: 24, w: 168, mo: 720, y: 8760 };
const DURATION = /\b(\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|few|several|couple)\s+(?:of\s+)?(min|minute|hour|hr|day|night|week|wk|month|year|yr)s?\b/g;
const TEMPERATURE = /\b(\d{2,3}(?:[.,]\d)?)\s*(?:°|º|deg(?:ree)?s?)?\s*(c|f|celsius|fahrenheit)?\b/g;

/** The longest duration a clause states, in hours. */
const durationIn = (clause: string): number | undefined => {
  let best: number | undefined;
  for (const [, n, unit] of clause.matchAll(DURATION)) {
    const u = unit!.startsWith('mo') ? 'mo' : unit!.startsWith('mi') ? 'm' : unit![0]!;
    const hours = (NUMBER[n!] ?? Number(n)) * UNIT_HOURS[u]!;
    if (best === undefined || hours > best) best = hours;
  }
  return best;
};

/** Temperatures stated in a clause, as concepts: fever ≥ 38 °C, high fever ≥ 39 °C, hypothermia < 35 °C. */
const temperatureConcepts = (clause: string, out: string[]): void => {
  const aboutTemperature = /temp|fever|febrile|°|º|degree|thermometer/.test(clause);
  for (const [, raw, unit] of clause.matchAll(TEMPERATURE)) {
    if (!unit && !aboutTemperature) continue;
    const v = Number(raw!.replace(',', '.'));
    const celsius = unit?.startsWith('f') || (!unit && v >= 90) ? ((v - 32) * 5) / 9 : v;
    if (celsius < 25 || celsius > 45) continue;
    if (celsius >= 38) out.push('fever');
    if (celsius >= 39) out.push('high_fever');
    if (celsius < 35) out.push('hypothermia');
  }
};

const CLAUSES = /(?<!\d)[.](?!\d)|[;!?\n,:()[\]]|\b(?:but|however|although|though|except|whereas|yet)\b/i;

/**
 * Every concept mentioned in `text`, negated mentions left out.
 * `keep` filters concepts (e.g. only background conditions when reading `conditions`).
 */
export const scan = (text: string, keep?: (concept: string) => boolean): Mention[] => {
  const out: Mention[] = [];
  for (const clause of text.split(CLAUSES)) {
    if (!clause || !clause.trim()) continue;
    const lower = clause.toLowerCase();
    const hours = durationIn(lower);
    const severeClause = /\b(?:[89]|10)\s*(?:\/|out of)\s*10\b/.test(lower);
    const raw = tokenize(clause);
    const tok = raw.map(canon);
    const sudden = raw.some((w) => SUDDEN.has(w));
    const temps: string[] = [];
    temperatureConcepts(lower, temps);
    for (const concept of temps) if (!keep || keep(concept)) out.push({ concept, severe: false, sudden, hours });

    for (let i = 0; i < tok.length; ) {
      let end = -1;
      let found: Phrase | undefined;
      for (const p of INDEX.get(tok[i]!) ?? []) {
        // Match p.w against tok from i, skipping up to 3 filler words between phrase words.
        let j = i + 1;
        let skips = 0;
        let k = 1;
        while (k < p.w.length && j < tok.length) {
          if (tok[j] === p.w[k]) {
            j++;
            k++;
          } else if (FILLER.has(raw[j]!) && skips < 3) {
            j++;
            skips++;
          } else break;
        }
        if (k === p.w.length && j > end) {
          end = j;
          found = p;
        }
      }
      if (!found) {
        i++;
        continue;
      }
      const negated = isNegated(raw, i);
      const historical = raw.slice(Math.max(0, i - 4), i).some((w) => HISTORY.has(w));
      const near = raw.slice(Math.max(0, i - 3), end + 3);
      const severe = severeClause || near.some((w) => SEVERE.has(w));
      for (const concept of found.concepts) {
        if (negated || (historical && HISTORICAL.has(concept)) || (keep && !keep(concept))) continue;
        out.push({ concept, severe, sudden, hours });
      }
      i = end;
    }
  }
  return out;
};

/** A negator within the 3 words before position `i`, not a pseudo-negation, not cut off by "and/with". */
const isNegated = (raw: readonly string[], i: number): boolean => {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const w = raw[k]!;
    if (NEG_STOP.has(w)) return false;
    if (NEGATORS.has(w)) return !PSEUDO.has(raw[k + 1] ?? '');
  }
  return false;
};
