import type { SearchIndex } from './search-index';

/**
 * Ports of the public library (area `library`): what the public routes and the chat worker read,
 * and the two counters they add to. Nothing here holds or stores a person: no user id, IP, cookie
 * or user agent (docs/security.md).
 */

/**
 * The search index of the published library (`INDEX / POINTER`, `INDEX#<version> / CHUNK#<n>`).
 * Written only by the content worker; read by the public list route and the chat worker.
 */
export interface SearchIndexStore {
  /**
   * The current index, or `undefined` before the first build. Reads the pointer on every call and
   * the chunks only when its version differs from the one already held (one GetItem when unchanged).
   * Throws if the pointer names chunks that cannot be read whole and no earlier index is held.
   */
  current(): Promise<SearchIndex | undefined>;
  /** The version the pointer names (0 before the first build), without loading the chunks: what a rebuild replaces. */
  version(): Promise<number>;
  /**
   * Stores `chunks` as version `expectedVersion + 1` (`expectedVersion` 0: there is no index yet),
   * chunks first, then the pointer in one write conditional on it still naming `expectedVersion`.
   * The new version, or `undefined` if another writer got there first (nothing of this build is
   * then visible to readers).
   */
  publish(chunks: readonly Uint8Array[], expectedVersion: number, details?: { readonly docCount?: number }): Promise<number | undefined>;
}

/** A published snapshot (`SLUG#<slug> / PUBLIC`) as public readers see it: only once it has been rendered. */
export interface PublishedPost {
  readonly postId: string;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly category: string;
  readonly tags: readonly string[];
  readonly language: string;
  readonly publishedAt: string;
  readonly reviewedByName: string;
  readonly reviewedAt: string;
  /** The sanitised HTML the content worker rendered (absent until then: the post is not public yet). */
  readonly html?: string;
}

/** A category of the managed list (`CATEGORY / <slug>`). */
export interface LibraryCategory {
  readonly slug: string;
  readonly name: string;
  readonly description?: string;
}

export interface LibraryReader {
  /** The published snapshot of `slug`, rendered or not; `undefined` if the slug has none. */
  publishedPost(slug: string): Promise<PublishedPost | undefined>;
  /** Every category, by name. */
  categories(): Promise<LibraryCategory[]>;
}

/** Counters without people: per day, per post or per term, and nothing else. */
export interface LibraryCounters {
  /** Adds 1 to the views of `postId` on `date` (`YYYY-MM-DD`, UTC): one atomic ADD. */
  addView(date: string, postId: string): Promise<void>;
  /** Adds 1 to the searches for `term` (already normalised, free of personal data) that found nothing on `date`. */
  addNoHit(date: string, term: string): Promise<void>;
}

/** What the library's use cases take. */
export interface LibraryDeps {
  readonly searchIndex: Pick<SearchIndexStore, 'current'>;
  readonly library: LibraryReader;
  readonly counters: LibraryCounters;
}
