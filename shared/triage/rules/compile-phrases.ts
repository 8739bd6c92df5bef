import { normaliser, words } from './normalise';

/** Every reading of a table phrase: `took too many {pills,tablets}` → both phrases. */
export const expand = (p: string): string[] => {
  const m = /\{([^}]*)\}/.exec(p);
  return m ? m[1]!.split(',').flatMap((x) => expand(p.slice(0, m.index) + x + p.slice(m.index + m[0].length))) : [p];
};

/**
 * Compiles the phrase tables into the phrase list the engine indexes (`npm run generate:triage`
 * writes it into the shipped tables, so a cold start does not expand and fold ten thousand
 * phrases). In table order, each phrase once:
 * - every `<site> <pain word>` (`PAIN_SITES` × `PAIN_WORDS`: "tummy ache", "sore throat");
 * - every phrase of `CONCEPTS`, each `{a,b}` expanded;
 * - each two-word phrase also reversed ("pain in my chest"), with every concept of its phrase,
 *   unless a word is a filler word, a negator or "cant", or the reversed wording is a phrase itself.
 * A phrase is `folded words<TAB>concept indexes`, the indexes into `concepts`.
 */
export const compilePhrases = (tables: {
  readonly PAIN_SITES: Readonly<Record<string, string>>;
  readonly PAIN_WORDS: string;
  readonly CONCEPTS: Readonly<Record<string, string>>;
  readonly WORDS: Readonly<Record<string, string>>;
  readonly ALIASES: Readonly<Record<string, string>>;
}): { concepts: string[]; phrases: string[] } => {
  const { tokenize, set } = normaliser(tables.WORDS, tables.ALIASES);
  const filler = set(tables.WORDS.FILLER!);
  const negators = set(tables.WORDS.NEGATORS!);
  const concepts: string[] = [];
  const byKey = new Map<string, number[]>();
  const put = (key: string, concept: string): void => {
    let index = concepts.indexOf(concept);
    if (index < 0) index = concepts.push(concept) - 1;
    const list = byKey.get(key) ?? byKey.set(key, []).get(key)!;
    if (!list.includes(index)) list.push(index);
  };
  const sites = Object.entries(tables.PAIN_SITES).map(([concept, parts]): [string, string] => [
    concept,
    `{${parts.replace(/ /g, ',')}} {${tables.PAIN_WORDS.replace(/ /g, ',')}}`,
  ]);
  const pairs: [string, string][] = [];
  for (const [concept, list] of [...sites, ...Object.entries(tables.CONCEPTS)])
    for (const phrase of list.split('|').flatMap(expand)) {
      const w = tokenize(phrase.toLowerCase());
      put(w.join(' '), concept);
      if (w.length === 2 && !w.some((x) => filler.has(x) || negators.has(x) || x === 'cant')) pairs.push([`${w[1]} ${w[0]}`, concept]);
    }
  const explicit = new Set(byKey.keys());
  for (const [key, concept] of pairs) if (!explicit.has(key)) put(key, concept);
  return { concepts, phrases: [...byKey].map(([key, list]) => `${key}\t${list.join(',')}`) };
};

/**
 * What the engine would otherwise work out from the phrase list at every cold start, in the shape
 * that is cheapest to load (a few long strings, not ten thousand short ones): the vocabulary
 * (every word of every phrase, space-separated, in first-seen order, which is the order the one-edit
 * index lists candidates in) and, per first word, its phrases in table order, one per line as
 * `order<TAB>folded words<TAB>concept indexes` (`order` is the phrase's place in the table: of two
 * equally long matches, the earlier wins). `text.ts` builds a first word's branch of the phrase trie
 * when a request first reads that word, instead of all ~10,700 phrases before the first request.
 */
export const phraseBranches = (phrases: readonly string[]): { vocab: string; branches: Record<string, string> } => {
  const vocab = new Set<string>();
  const branches = new Map<string, string[]>();
  phrases.forEach((line, order) => {
    const w = words(line.split('\t')[0] ?? '');
    for (const x of w) vocab.add(x);
    const first = w[0];
    if (first !== undefined) (branches.get(first) ?? branches.set(first, []).get(first)!).push(`${order}\t${line}`);
  });
  return { vocab: [...vocab].join(' '), branches: Object.fromEntries([...branches].map(([first, lines]) => [first, lines.join('\n')])) };
};
