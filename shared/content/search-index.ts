import { gunzipSync, gzipSync } from 'node:zlib';
import MiniSearch, { type Options, type SearchResult } from 'minisearch';

/**
 * The lexical search index of the published library (MiniSearch): built by the content worker over
 * the published snapshots only, so nothing unpublished can ever be found; stored as gzip chunks
 * (`INDEX#<version> / CHUNK#<n>`); loaded by the public list route and the chat worker, which
 * retrieves the posts it cites from it. Pure: no SDK, no I/O.
 *
 * Tuning, for patients' natural questions ("how much water should I drink when I have a fever"):
 * - tokens are runs of letters and digits (any script), lower-cased, Latin diacritics folded;
 * - English stop words and question fillers ("how", "should", "i") are dropped, so the words that
 *   carry the meaning decide the ranking;
 * - a few English suffixes are folded (`fevers` → `fever`, `drinking` → `drink`, `babies` → `baby`):
 *   a handful of rules, not a stemmer, applied alike to the posts and to the query;
 * - fields are boosted title > tags > summary > category > text; every query term is OR-ed (BM25
 *   rewards the posts that match more of them), with prefix search on terms of 4+ characters and
 *   an edit distance of 1 (2 from 8 characters) on terms of 5+ characters, both weighted down.
 */

/** A published post as the index holds it: the listing fields and its body as plain text. */
export interface IndexedPost {
  readonly postId: string;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  /** The body as plain text (`markdownToText`). */
  readonly text: string;
  readonly category: string;
  readonly tags: readonly string[];
  readonly language: string;
  readonly publishedAt: string;
  readonly reviewedByName: string;
  readonly reviewedAt: string;
}

/** A post of the listing: everything but its text. */
export type ListedPost = Omit<IndexedPost, 'text'>;

/** A search result: the post's listing fields, its score, and the passage of its text that matched best. */
export interface SearchHit extends ListedPost {
  readonly score: number;
  /** At most {@link MAX_EXCERPT} characters of the text around the best match (for RAG prompts). */
  readonly excerpt: string;
}

export interface SearchFilters {
  readonly category?: string;
  readonly tag?: string;
  /** A language tag: `en` also matches `en-GB`. */
  readonly language?: string;
}

export interface SearchIndex {
  /** The version of the index (the pointer's), so a reader knows when to reload. */
  readonly version: number;
  /** The best matches first, at most `limit` (default 10); none for a query of stop words only. */
  search(query: string, options?: SearchFilters & { readonly limit?: number }): SearchHit[];
  /** Every post that passes the filters, newest first. */
  list(options?: SearchFilters): ListedPost[];
}

/** The longest excerpt a hit carries. */
export const MAX_EXCERPT = 600;
/** The largest stored chunk (gzip bytes): under DynamoDB's 400 KB item limit with room for the keys. */
export const MAX_CHUNK_BYTES = 350_000;
/** A query is cut to this many characters and, after stop words, this many distinct terms. */
const MAX_QUERY_CHARS = 2000;
const MAX_QUERY_TERMS = 32;
const DEFAULT_LIMIT = 10;
const FORMAT = 1;

// biome-ignore format: a word list reads best as a block
const STOP_WORDS = /* @__PURE__ */ new Set(/* @__PURE__ */ ('a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing done down during each else ever every few for from further get gets getting got had has have having he her here hers herself him himself his how however i if im in into is isnt it its itself ive just keep know let like lot lots may me might mine more most much must my myself need needs no nor not now of off often ok okay on once only or other our ours ourselves out over own please really same say shall she should so some such than that thats the their theirs them themselves then there these they theyre thing things this those through to too under until up upon us use used using very want was way we well were what whats when where whether which while who whom whose why will with within without would yes yet you your youre yours yourself yourselves ' +
  'dont doesnt didnt cant wont shouldnt isnt arent tell anyone something someone anything somebody go going come still even ever since usually normal normally good bad best better okay right').split(' '));

/** Irregular plurals common in patient questions. */
const IRREGULAR: Readonly<Record<string, string>> = { children: 'child', feet: 'foot', teeth: 'tooth', women: 'woman', men: 'man', lice: 'louse' };

const VOWEL = /[aeiouy]/;
/** `runn` → `run`, `stopp` → `stop`; keeps `ll`, `ss`, `zz` (`swell`, `pass`). */
const undouble = (stem: string): string => (/([b-df-hj-km-np-rtv-xz])\1$/.test(stem) && !/(ll|ss|zz)$/.test(stem) ? stem.slice(0, -1) : stem);
/** A stem worth keeping: three letters or more, with a vowel. */
const stemOk = (stem: string): boolean => stem.length >= 3 && VOWEL.test(stem);

/** A few English suffixes folded away (not a stemmer): plurals, `-ing`, `-ed`. Applied alike to posts and queries. */
const fold = (term: string): string => {
  const irregular = IRREGULAR[term];
  if (irregular !== undefined) return irregular;
  if (term.length <= 3 || !/^[a-z]+$/.test(term)) return term;
  if (term.endsWith('ies') && term.length > 4) return `${term.slice(0, -3)}y`;
  if (term.endsWith('sses')) return term.slice(0, -2);
  if (term.endsWith('ing') && stemOk(term.slice(0, -3))) return undouble(term.slice(0, -3));
  if (term.endsWith('ed') && stemOk(term.slice(0, -2)) && term.slice(0, -2).length >= 4) return undouble(term.slice(0, -2));
  if (term.endsWith('s') && !/(ss|us|is)$/.test(term)) return term.slice(0, -1);
  return term;
};

/** Lower case, Latin diacritics removed (`fièvre` → `fievre`), other scripts kept whole. */
const normalize = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase();

const TOKEN_SEPARATOR = /[^\p{L}\p{N}]+/u;
/** Runs of letters and digits; apostrophes joined first (`don't` → `dont`). */
const tokenize = (text: string): string[] => text.replace(/['’]/g, '').split(TOKEN_SEPARATOR);

/** A token as the index keys it, or `null` for a stop word or a lone character. */
const processTerm = (token: string): string | null => {
  const term = normalize(token);
  if (term.length < 2 || STOP_WORDS.has(term)) return null;
  return fold(term);
};

/** The distinct terms of a query, in order, at most {@link MAX_QUERY_TERMS}. */
const queryTerms = (query: string): string[] => {
  const terms = new Set<string>();
  for (const token of tokenize(query.slice(0, MAX_QUERY_CHARS))) {
    const term = processTerm(token);
    if (term !== null) terms.add(term);
    if (terms.size >= MAX_QUERY_TERMS) break;
  }
  return [...terms];
};

const OPTIONS: Options<IndexedPost> = {
  idField: 'postId',
  fields: ['title', 'tags', 'summary', 'category', 'text'],
  storeFields: [],
  extractField: (post, field) => {
    const value = (post as unknown as Record<string, unknown>)[field];
    // Tags and category slugs are kebab-case: `blood-pressure` is searched as "blood pressure".
    return Array.isArray(value) ? value.join(' ') : value;
  },
  tokenize,
  processTerm,
  searchOptions: {
    // The query arrives already processed (queryTerms): split it on spaces and keep each term.
    tokenize: (query) => query.split(' '),
    processTerm: (term) => term,
    boost: { title: 3, tags: 2.5, summary: 1.8, category: 1.2, text: 1 },
    prefix: (term) => term.length >= 4,
    fuzzy: (term) => (term.length >= 8 ? 2 : term.length >= 5 ? 1 : false),
    weights: { fuzzy: 0.3, prefix: 0.45 },
    combineWith: 'OR',
  },
};

const matchesFilters = (post: ListedPost, filters: SearchFilters): boolean =>
  (filters.category === undefined || post.category === filters.category) &&
  (filters.tag === undefined || post.tags.includes(filters.tag)) &&
  (filters.language === undefined || post.language === filters.language || post.language.startsWith(`${filters.language}-`));

const listed = ({ text: _text, ...post }: IndexedPost): ListedPost => post;

/**
 * The passage of `text` (at most {@link MAX_EXCERPT} characters, cut at word boundaries) that holds
 * the most distinct matched terms, starting a little before the first of them.
 */
export const excerptOf = (text: string, matched: ReadonlySet<string>): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_EXCERPT) return flat;
  const hits: { at: number; term: string }[] = [];
  for (const match of flat.matchAll(/[\p{L}\p{N}'’]+/gu)) {
    const term = processTerm(match[0].replace(/['’]/g, ''));
    if (term !== null && matched.has(term)) hits.push({ at: match.index, term });
  }
  let best = { start: 0, distinct: 0 };
  for (const hit of hits) {
    const start = Math.max(0, hit.at - 120);
    const distinct = new Set(hits.filter((other) => other.at >= start && other.at < start + MAX_EXCERPT - 20).map((other) => other.term)).size;
    if (distinct > best.distinct) best = { start, distinct };
  }
  // Start at a word (or the sentence the match is in, when it begins close enough).
  let start = best.start;
  if (start > 0) {
    const sentence = flat.lastIndexOf('. ', best.start + 120);
    start = sentence >= best.start ? sentence + 2 : flat.indexOf(' ', start) + 1;
  }
  const window = flat.slice(start, start + MAX_EXCERPT);
  if (start + MAX_EXCERPT >= flat.length) return window;
  const cut = window.lastIndexOf(' ');
  return cut > MAX_EXCERPT / 2 ? window.slice(0, cut) : window;
};

class MiniSearchIndex implements SearchIndex {
  private readonly byId: Map<string, IndexedPost>;
  private readonly newestFirst: IndexedPost[];

  public constructor(
    public readonly version: number,
    private readonly posts: readonly IndexedPost[],
    private readonly engine: MiniSearch<IndexedPost>,
  ) {
    this.byId = new Map(posts.map((post) => [post.postId, post]));
    this.newestFirst = [...posts].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.slug.localeCompare(b.slug));
  }

  public search(query: string, options: SearchFilters & { readonly limit?: number } = {}): SearchHit[] {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const results: SearchResult[] = this.engine.search(terms.join(' '), {
      filter: (result) => {
        const post = this.byId.get(result.id as string);
        return post !== undefined && matchesFilters(post, options);
      },
    });
    return results.slice(0, Math.max(0, options.limit ?? DEFAULT_LIMIT)).map((result) => {
      const post = this.byId.get(result.id as string) as IndexedPost;
      return { ...listed(post), score: result.score, excerpt: excerptOf(post.text, new Set(result.terms)) };
    });
  }

  public list(options: SearchFilters = {}): ListedPost[] {
    return this.newestFirst.filter((post) => matchesFilters(post, options)).map(listed);
  }

  /** What `serializeSearchIndex` stores. */
  public toPayload(): { format: number; posts: readonly IndexedPost[]; index: MiniSearch<IndexedPost> } {
    return { format: FORMAT, posts: this.posts, index: this.engine };
  }
}

/** Indexes `posts` (the published snapshots, and nothing else: what is not given can never be found). */
export const buildSearchIndex = (posts: readonly IndexedPost[], version: number): SearchIndex => {
  const engine = new MiniSearch<IndexedPost>(OPTIONS);
  engine.addAll(posts);
  return new MiniSearchIndex(version, posts, engine);
};

/** The index as gzip chunks of at most {@link MAX_CHUNK_BYTES} bytes each, in order. */
export const serializeSearchIndex = (index: SearchIndex): Uint8Array[] => {
  if (!(index instanceof MiniSearchIndex)) throw new Error('Only an index built by buildSearchIndex can be serialized');
  const gzip = gzipSync(JSON.stringify(index.toPayload()));
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < gzip.length; at += MAX_CHUNK_BYTES) chunks.push(new Uint8Array(gzip.subarray(at, at + MAX_CHUNK_BYTES)));
  return chunks;
};

/** The index `serializeSearchIndex` stored, from its chunks in order; throws if they do not make one. */
export const loadSearchIndex = (chunks: readonly Uint8Array[], version: number): SearchIndex => {
  const payload = JSON.parse(
    gunzipSync(Buffer.concat(chunks.map((chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)))).toString('utf8'),
  ) as {
    format?: unknown;
    posts?: unknown;
    index?: unknown;
  };
  if (payload.format !== FORMAT || !Array.isArray(payload.posts) || typeof payload.index !== 'object' || payload.index === null) {
    throw new Error('The stored search index has an unknown format');
  }
  return new MiniSearchIndex(version, payload.posts as IndexedPost[], MiniSearch.loadJS<IndexedPost>(payload.index as never, OPTIONS));
};

/**
 * Markdown as plain text for indexing and excerpts, without a renderer: code fences, HTML tags,
 * link and image targets, emphasis, heading, quote, list and table markers go; their words stay.
 * Every pattern is linear (no nested quantifiers), so a hostile body cannot make it slow.
 */
export const markdownToText = (markdown: string): string =>
  markdown
    .replace(/\r\n?/g, '\n')
    .replace(/^ {0,3}(`{3,}|~{3,}).*$/gm, '')
    .replace(/<!--|-->/g, ' ')
    .replace(/<((?:https?|mailto):[^>\s]*)>/g, '$1')
    .replace(/<\/?[A-Za-z][^<>\n]*>/g, ' ')
    .replace(/!\[([^[\]\n]*)\]\([^()\n]*\)/g, '$1')
    .replace(/\[([^[\]\n]*)\]\([^()\n]*\)/g, '$1')
    .replace(/\[([^[\]\n]*)\]\[[^[\]\n]*\]/g, '$1')
    .replace(/^ {0,3}\[[^\]\n]+\]:.*$/gm, '')
    .replace(/^ {0,3}#{1,6}[ \t]+/gm, '')
    .replace(/[ \t]+#+[ \t]*$/gm, '')
    .replace(/^ {0,3}(?:[-*_][ \t]*){3,}$/gm, '')
    .replace(/^[ \t]*(?:>[ \t]?)+/gm, '')
    .replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/gm, '')
    .replace(/^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/gm, '')
    .replace(/\|/g, ' ')
    .replace(/(\*{1,3}|_{1,3}|~~|`+)/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
