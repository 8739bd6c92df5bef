import { gunzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { retrievePosts } from '../shared/chat/retrieve';
import { buildSearchIndex, loadSearchIndex, markdownToText, serializeSearchIndex, type IndexedPost, type SearchIndex } from '../shared/content/search-index';
import { median } from './median';

/**
 * The content library's part of `npm run bench` (issue 12, "recall@3 in the bench"), in the bench's
 * own process, no store: the search index built from the seed library (local/seed-library, through
 * `markdownToText` and `buildSearchIndex`, as the content worker builds it) and asked every question of
 * bench/content-questions.ts.
 *
 * - Retrieval: recall@1 and recall@3 (the share of questions whose post is first, or in the top three);
 *   target ≥ 0.8 at 3, lexical, no model. Also recall@3 of what the chat worker cites (after its
 *   relevance threshold, shared/chat/retrieve.ts). Below target: NOT MET and the misses listed.
 * - Cost, each next to a reference measured in the same run (ratios compare across machines): the
 *   index build (the content worker, per rebuild) and its load from the stored chunks (a reader's cold
 *   start, or a new version) next to `JSON.parse` of the same index's JSON; a search's p50 next to a
 *   naive scan of every post's text for the question's words.
 *
 * Standalone: `npx tsx bench/content.ts`.
 */

export interface Section {
  readonly lines: string[];
  readonly failures: string[];
}

export const TARGET = { recallAt3: 0.8 } as const;

/** A library post as the seed holds it. */
export interface BenchPost {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly category: string;
  readonly tags: readonly string[];
  readonly language: string;
  readonly body: string;
}

export interface BenchQuestion {
  readonly question: string;
  readonly slug: string;
}

/** Median wall time of `run` in ms over `rounds` rounds (after one warm-up). */
const timeMs = (run: () => unknown, rounds: number): number => {
  run();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return median(samples);
};

const toIndexed = (posts: readonly BenchPost[]): IndexedPost[] =>
  posts.map((post, i) => ({
    postId: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    slug: post.slug,
    title: post.title,
    summary: post.summary,
    text: markdownToText(post.body),
    category: post.category,
    tags: post.tags,
    language: post.language,
    publishedAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
    reviewedByName: 'Dr. Bench Reviewer',
    reviewedAt: '2026-10-31T00:00:00.000Z',
  }));

export interface RecallFigures {
  readonly at1: number;
  readonly at3: number;
  /** recall@3 of what the chat worker would cite (after its relevance threshold). */
  readonly cited: number;
  readonly misses: readonly { question: string; expected: string; got: readonly string[] }[];
}

/** recall@1 and @3 of `index` over `questions`, and of the chat's retrieval (threshold applied). */
export const recallOf = async (index: SearchIndex, questions: readonly BenchQuestion[]): Promise<RecallFigures> => {
  let at1 = 0;
  let at3 = 0;
  let cited = 0;
  const misses: { question: string; expected: string; got: string[] }[] = [];
  const library = { current: async () => index };
  for (const { question, slug } of questions) {
    const got = index.search(question, { limit: 3 }).map((hit) => hit.slug);
    if (got[0] === slug) at1 += 1;
    if (got.includes(slug)) at3 += 1;
    else misses.push({ question, expected: slug, got });
    if ((await retrievePosts(library, question)).some((post) => post.slug === slug)) cited += 1;
  }
  const n = Math.max(1, questions.length);
  return { at1: at1 / n, at3: at3 / n, cited: cited / n, misses };
};

export const contentBench = async (posts: readonly BenchPost[], questions: readonly BenchQuestion[], { rounds = 15 } = {}): Promise<Section> => {
  const lines: string[] = [];
  const failures: string[] = [];
  const indexed = toIndexed(posts);

  const index = buildSearchIndex(indexed, 1);
  const chunks = serializeSearchIndex(index);
  const json = gunzipSync(Buffer.concat(chunks)).toString('utf8');
  const recall = await recallOf(index, questions);

  const buildMs = timeMs(() => buildSearchIndex(indexed, 1), rounds);
  const loadMs = timeMs(() => loadSearchIndex(chunks, 1), rounds);
  const parseMs = timeMs(() => JSON.parse(json), rounds);
  // Search p50 over every question, next to a naive scan of every post's text for the question's words.
  const texts = indexed.map((post) => `${post.title} ${post.summary} ${post.tags.join(' ')} ${post.text}`.toLowerCase());
  const naive = (question: string) => {
    const words = question
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 3);
    return texts
      .map((text, i) => ({ i, score: words.filter((word) => text.includes(word)).length }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 3);
  };
  const searchSamples: number[] = [];
  const naiveSamples: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    for (const { question } of questions) {
      let started = performance.now();
      index.search(question, { limit: 3 });
      searchSamples.push(performance.now() - started);
      started = performance.now();
      naive(question);
      naiveSamples.push(performance.now() - started);
    }
  }
  const searchP50 = median(searchSamples);
  const naiveP50 = median(naiveSamples);

  const met = recall.at3 >= TARGET.recallAt3;
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const ms = (x: number) => `${x.toFixed(3)} ms`;
  const bytes = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  lines.push(
    `Content library: retrieval over the seed library (${posts.length} posts, ${new Set(posts.map((p) => p.category)).size} categories), ${questions.length} questions, lexical (MiniSearch), no model:`,
  );
  lines.push(`  recall@1                                 ${pct(recall.at1).padStart(8)}`);
  lines.push(`  recall@3                                 ${pct(recall.at3).padStart(8)}   target ≥ ${pct(TARGET.recallAt3)}   ${met ? 'PASS' : 'NOT MET'}`);
  lines.push(`  recall@3 of the chat's citations         ${pct(recall.cited).padStart(8)}   (after the relevance threshold, shared/chat/retrieve.ts)`);
  lines.push(`  index: ${chunks.length} chunk(s), ${(bytes / 1024).toFixed(1)} KB gzip, ${(json.length / 1024).toFixed(1)} KB JSON`);
  lines.push(`  operation (median of ${rounds})                     time      reference (same run)                 ratio`);
  lines.push(
    `  build the index (content worker)       ${ms(buildMs).padStart(10)}   JSON.parse of its JSON ${ms(parseMs).padStart(10)}   ${(buildMs / parseMs).toFixed(2)}×`,
  );
  lines.push(
    `  load it from its chunks (a reader)     ${ms(loadMs).padStart(10)}   JSON.parse of its JSON ${ms(parseMs).padStart(10)}   ${(loadMs / parseMs).toFixed(2)}×`,
  );
  lines.push(
    `  search, p50 per question               ${ms(searchP50).padStart(10)}   naive scan of every post ${ms(naiveP50).padStart(8)}   ${(searchP50 / naiveP50).toFixed(2)}×`,
  );
  if (!met) {
    lines.push(`  NOT MET: ${recall.misses.length} question(s) without their post in the top three:`);
    for (const miss of recall.misses) lines.push(`    - "${miss.question}" → expected ${miss.expected}, got ${miss.got.join(', ') || 'nothing'}`);
    failures.push(`content: recall@3 ${pct(recall.at3)} < ${pct(TARGET.recallAt3)} (target, lexical)`);
  }
  return { lines, failures };
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { SEED_POSTS } = await import('../local/seed-library/posts');
  const { CONTENT_QUESTIONS } = await import('./content-questions');
  const { lines, failures } = await contentBench(SEED_POSTS, CONTENT_QUESTIONS);
  for (const line of lines) process.stdout.write(`${line}\n`);
  for (const failure of failures) process.stdout.write(`FAIL: ${failure}\n`);
}
