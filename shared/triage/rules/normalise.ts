/**
 * How words are normalised, for the phrase tables (at `npm run generate:triage`) and for input
 * (at run time) alike: a phrase matches only if it was folded exactly as the text will be.
 * Built from the word lists of `vocabulary.ts` (at run time, their copy in the shipped tables).
 */
export interface Normaliser {
  /** One word's folded form: -ness, plural, -ing, -ed and final -e removed, doubled consonant undone; then ALIASES. */
  fold(word: string): string;
  /** Fold contractions and negations, drop punctuation; one lower-case clause in, folded words out. */
  tokenize(lower: string): string[];
  /** A space-separated word list, folded. */
  set(list: string): Set<string>;
}

export const words = (s: string): string[] => s.split(' ').filter(Boolean);

/** Letters a doubled final consonant is not undone for ("dressed", "falling", "stuffed"). */
const KEEP_DOUBLE = new Set('aeiouslfz');
/** What every contraction below contains: most clauses skip those two replacements. */
const MAY_CONTRACT = /no?t|unable/;

/**
 * @example
 * const { fold } = normaliser(WORDS, ALIASES);
 * fold('drowsiness'); // 'drowsy'
 */
export const normaliser = (lists: Readonly<Record<string, string>>, aliases: Readonly<Record<string, string>>): Normaliser => {
  const alias = new Map<string, string>(Object.entries(aliases));
  const unfolded = new Set(words(lists.UNFOLDED ?? ''));
  // String tests rather than regular expressions: it runs on every word of every message.
  const fold = (w: string): string => {
    if (!unfolded.has(w)) {
      if (w.endsWith('iness'))
        w = `${w.slice(0, -5)}y`; // drowsiness → drowsy
      else if (w.length >= 8 && w.endsWith('ness')) w = w.slice(0, -4); // stiffness → stiff
      if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
      else if (w.length > 3 && w.endsWith('s') && !'sui'.includes(w[w.length - 2]!)) w = w.slice(0, -1); // not -ss, -us, -is
      const stem = w.length > 5 && w.endsWith('ing') ? w.slice(0, -3) : w.length > 4 && w.endsWith('ed') && w[w.length - 3] !== 'e' ? w.slice(0, -2) : w;
      const last = stem[stem.length - 1]!;
      w = stem !== w && last === stem[stem.length - 2] && !KEEP_DOUBLE.has(last) ? stem.slice(0, -1) : stem;
      if (w.length > 3 && w.endsWith('e') && w[w.length - 2] !== 'e') w = w.slice(0, -1);
    }
    return alias.get(w) ?? w;
  };
  const tokenize = (lower: string): string[] => {
    let s = lower.replace(/['’‘`]/g, '');
    // Stryker disable next-line ConditionalExpression: a cheap pre-test; both replacements below need "not"/"nt" or "unable" to match anyway
    if (MAY_CONTRACT.test(s))
      s = s
        .replace(/\b(?:can not|cannot|could not|couldnt|unable to|not able to)\b/g, 'cant')
        .replace(/\b(?:do|does|did|is|are|was|were|has|have|had|would|will|wo|should|ai)(?: not|nt)\b/g, 'not');
    return (s.match(/[a-z0-9]+/g) ?? []).map(fold);
  };
  return { fold, tokenize, set: (list) => new Set(words(list).map(fold)) };
};
