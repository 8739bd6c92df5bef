import type { SearchIndexStore } from '../content/library-ports';
import type { LibraryPassage } from '../triage/model';
import type { Citation } from './conversation';

/**
 * Retrieval for the assistant (RAG): the published posts most relevant to the patient's latest
 * message, from the lexical index the content worker builds over the published snapshots only
 * (shared/content/reconcile-library.ts), so a draft can never be retrieved or cited. Works with no
 * model and no network: the index is a MiniSearch in the worker's memory, reloaded when its version
 * changes (`SearchIndexStore.current`).
 */

/** A retrieved post: what the model sees (title, excerpt) and what a citation names. */
export interface RetrievedPost extends Citation, LibraryPassage {
  readonly score: number;
}

/** Posts given to the model, at most. */
export const MAX_RETRIEVED = 3;

/**
 * The lowest score a post needs to count as relevant, calibrated on the seed library (`npm run bench`
 * reports recall with and without it): MiniSearch's BM25 scores with the index's boosts
 * (shared/content/search-index.ts) put a post that answers a question at 20 to 300, and the best
 * post for an off-topic question ("how do I fix my car engine") at 2 to 15, a stray word matched in
 * a body. Below it the library is treated as having nothing on the question, so the assistant says so.
 */
export const MIN_RELEVANCE = 15;
/** A post scoring under this share of the best one is a stray match next to it (a common word), not a second answer. */
export const RELATIVE_RELEVANCE = 0.3;

/** Only the latest message is searched: the rest of the conversation never leaves the worker's memory for this. */
export const retrievePosts = async (
  library: Pick<SearchIndexStore, 'current'>,
  question: string,
  options: { readonly minScore?: number } = {},
): Promise<RetrievedPost[]> => {
  const index = await library.current();
  if (index === undefined) return [];
  const hits = index.search(question, { limit: MAX_RETRIEVED });
  const floor = Math.max(options.minScore ?? MIN_RELEVANCE, RELATIVE_RELEVANCE * (hits[0]?.score ?? 0));
  return hits.filter((hit) => hit.score >= floor).map(({ postId, slug, title, excerpt, score }) => ({ postId, slug, title, excerpt, score }));
};

/**
 * The passages a reply cites, in the order it first cites them: the markers `[1]`..`[n]` (also `[1, 2]`
 * and `[1][3]`) that name one of the `count` passages; anything else in brackets is not a citation.
 */
export const citedPassages = (reply: string, count: number): number[] => {
  const cited: number[] = [];
  for (const marker of reply.matchAll(/\[\s*(\d{1,2}(?:\s*[,;]\s*\d{1,2})*)\s*\]/g)) {
    for (const number of marker[1]!.split(/[,;]/).map((n) => Number.parseInt(n.trim(), 10))) {
      if (number >= 1 && number <= count && !cited.includes(number)) cited.push(number);
    }
  }
  return cited;
};

/** The citations of a reply grounded in `posts`: the posts its markers name, nothing when it names none. */
export const citationsOf = (reply: string, posts: readonly RetrievedPost[]): Citation[] =>
  citedPassages(reply, posts.length).map((n) => {
    const { postId, slug, title } = posts[n - 1]!;
    return { postId, slug, title };
  });

/** The offline reply's library part: the relevant posts' titles, each with its marker, or that there is nothing. */
export const offlineLibraryNote = (posts: readonly RetrievedPost[]): string =>
  posts.length === 0
    ? 'The CareBow library has no article on this yet.'
    : `These reviewed articles in the CareBow library may help: ${posts.map((post, i) => `[${i + 1}] ${post.title}`).join('; ')}.`;
