import type { SearchIndexStore } from '../../../shared/content/library-ports';
import type { PostStatus } from '../../../shared/content/ports';
import type { ContentPublication, LivePost, RenderedSnapshot } from '../../../shared/content/rendering';
import { buildSearchIndex, loadSearchIndex, markdownToText, type SearchIndex } from '../../../shared/content/search-index';

/**
 * In-memory fakes of what the content worker and the chat worker use: the content table's working
 * copies and public snapshots (`ContentPublication`, as `DynamoContentPublication` reads them) and the
 * search index store (`SearchIndexStore`, as `DynamoSearchIndexStore`: chunks, then the pointer moved
 * only from the version expected).
 */

export interface FakeWorkingCopy {
  readonly postId: string;
  readonly slug: string;
  readonly status: PostStatus;
  readonly body: string;
  readonly publishedVersion?: number;
}

export const inMemoryContentPublication = () => {
  const workingCopies = new Map<string, FakeWorkingCopy>();
  const snapshots = new Map<string, RenderedSnapshot>();
  const renderings: { slug: string; publishedVersion: number }[] = [];
  const publication: ContentPublication = {
    livePosts: async () =>
      [...workingCopies.values()]
        .filter((post) => post.publishedVersion !== undefined && ['published', 'draft', 'in_review'].includes(post.status))
        .map((post): LivePost => ({ postId: post.postId, slug: post.slug, publishedVersion: post.publishedVersion! })),
    snapshot: async (slug) => snapshots.get(slug),
    saveRendering: async (slug, postId, publishedVersion, html) => {
      const snapshot = snapshots.get(slug);
      if (snapshot === undefined || snapshot.postId !== postId || snapshot.publishedVersion !== publishedVersion) return false;
      snapshots.set(slug, { ...snapshot, html, renderedVersion: publishedVersion });
      renderings.push({ slug, publishedVersion });
      return true;
    },
  };
  return { publication, workingCopies, snapshots, renderings };
};

export const inMemorySearchIndexStore = () => {
  let pointer: { version: number; chunks: readonly Uint8Array[] } | undefined;
  const published: { version: number; docCount: number | undefined }[] = [];
  let loses = 0;
  const store: SearchIndexStore = {
    current: async () => (pointer === undefined ? undefined : loadSearchIndex(pointer.chunks, pointer.version)),
    version: async () => pointer?.version ?? 0,
    publish: async (chunks, expectedVersion, details) => {
      if (loses > 0) {
        // Another publisher moved the pointer meanwhile.
        loses -= 1;
        pointer = { version: (pointer?.version ?? 0) + 1, chunks: pointer?.chunks ?? chunks };
        return undefined;
      }
      if ((pointer?.version ?? 0) !== expectedVersion) return undefined;
      pointer = { version: expectedVersion + 1, chunks };
      published.push({ version: expectedVersion + 1, docCount: details?.docCount });
      return expectedVersion + 1;
    },
  };
  return {
    store,
    published,
    /** The next `n` publishes lose the race to another publisher. */
    loseNext: (n: number) => {
      loses = n;
    },
  };
};

/** A published post as the seed or a test writes it. */
export interface LibraryPost {
  readonly postId: string;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly category?: string;
  readonly tags?: readonly string[];
}

const FILLER_TOPICS = ['harbour', 'violin', 'granite', 'orchard', 'lantern', 'glacier', 'saddle', 'compass', 'meadow', 'pottery'];

/**
 * Thirty published posts on nothing a test asks about. Relevance scores (BM25) depend on how many
 * posts a library holds: with these beside a test's own posts, they are on the scale of the real
 * library's, which the chat's relevance threshold is calibrated on.
 */
export const FILLER_POSTS: readonly LibraryPost[] = Array.from({ length: 30 }, (_, n) => {
  const topic = FILLER_TOPICS[n % FILLER_TOPICS.length]!;
  const other = FILLER_TOPICS[(n + 3) % FILLER_TOPICS.length]!;
  return {
    postId: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    slug: `filler-${n}`,
    title: `The ${topic} notebook, part ${n}`,
    summary: `Notes on the ${topic} and the ${other}.`,
    body: `## The ${topic}\n\nA page about the ${topic}, the ${other} and the museum archive, volume ${n}.`,
    tags: [topic],
  };
});

/** A search index of `posts` (and the filler posts) as the content worker would build it (through `markdownToText`), for readers' tests. */
export const libraryIndexOf = (posts: readonly LibraryPost[], version = 1): SearchIndex =>
  buildSearchIndex(
    [...posts, ...FILLER_POSTS].map((post) => ({
      postId: post.postId,
      slug: post.slug,
      title: post.title,
      summary: post.summary,
      text: markdownToText(post.body),
      category: post.category ?? 'general',
      tags: post.tags ?? [],
      language: 'en',
      publishedAt: '2026-11-01T00:00:00.000Z',
      reviewedByName: 'Dr. Demo Reviewer',
      reviewedAt: '2026-10-31T00:00:00.000Z',
    })),
    version,
  );
