import type { SearchIndexStore } from './library-ports';
import type { ContentPublication, LivePost, MarkdownRenderer, RenderedSnapshot } from './rendering';
import { buildSearchIndex, markdownToText, serializeSearchIndex, type IndexedPost } from './search-index';

/** What reconciling the public library needs. */
export interface ReconcileLibraryDeps {
  readonly publication: ContentPublication;
  readonly renderer: MarkdownRenderer;
  readonly searchIndex: SearchIndexStore;
}

export interface ReconcileOutcome {
  /** Posts with a live public snapshot. */
  readonly live: number;
  /** Snapshots rendered by this run (new or republished versions). */
  readonly rendered: number;
  /** Posts in the index this run published. */
  readonly indexed: number;
  /** The version of the index this run published. */
  readonly version: number;
}

/** The index could not be published: another publisher moved the pointer twice in a row. The run fails and is retried. */
export class IndexPublishConflictError extends Error {
  public constructor() {
    super('The search index changed twice while it was being published');
    this.name = 'IndexPublishConflictError';
  }
}

/** Snapshots read at once. */
const READ_CONCURRENCY = 16;

const indexed = (snapshot: RenderedSnapshot): IndexedPost => ({
  postId: snapshot.postId,
  slug: snapshot.slug,
  title: snapshot.title,
  summary: snapshot.summary,
  text: markdownToText(snapshot.body),
  category: snapshot.category,
  tags: snapshot.tags,
  language: snapshot.language,
  publishedAt: snapshot.publishedAt,
  reviewedByName: snapshot.reviewedByName,
  reviewedAt: snapshot.reviewedAt,
});

/**
 * The snapshot of `post`, rendered for the version it holds: rendered now (one conditional write on
 * that version) if it was not yet. `undefined` when there is no snapshot to show: not written yet, or
 * republished or archived while this ran (that change enqueued a run of its own).
 */
const renderedSnapshot = async (deps: ReconcileLibraryDeps, post: LivePost): Promise<{ snapshot: RenderedSnapshot; rendered: boolean } | undefined> => {
  const snapshot = await deps.publication.snapshot(post.slug);
  if (snapshot === undefined || snapshot.postId !== post.postId) return undefined;
  if (snapshot.html !== undefined && snapshot.renderedVersion === snapshot.publishedVersion) return { snapshot, rendered: false };
  const html = deps.renderer.render(snapshot.body);
  if (!(await deps.publication.saveRendering(post.slug, post.postId, snapshot.publishedVersion, html))) return undefined;
  return { snapshot: { ...snapshot, html, renderedVersion: snapshot.publishedVersion }, rendered: true };
};

/**
 * The content worker's one job (one run per batch of "something changed" messages, so any number
 * of publishes in a burst cost one run): every post with a live public snapshot gets its HTML for the
 * version it published, then the search index is built from those snapshots, and nothing else (a
 * draft's text can never be found or cited), and published: chunks first, then the pointer, moved
 * only if no one moved it meanwhile (tried twice). Idempotent: a run after a crash or a lost race
 * finishes the job. A snapshot joins the index once it has its HTML, as public reads show it only then.
 */
export const reconcileLibrary = async (deps: ReconcileLibraryDeps): Promise<ReconcileOutcome> => {
  const live = [...new Map((await deps.publication.livePosts()).map((post) => [post.postId, post])).values()];
  const results: ({ snapshot: RenderedSnapshot; rendered: boolean } | undefined)[] = [];
  for (let at = 0; at < live.length; at += READ_CONCURRENCY) {
    results.push(...(await Promise.all(live.slice(at, at + READ_CONCURRENCY).map((post) => renderedSnapshot(deps, post)))));
  }
  const shown = results.filter((result) => result !== undefined);
  const posts = shown.map(({ snapshot }) => indexed(snapshot));

  let chunks: Uint8Array[] | undefined;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    // The pointer's version, not the loaded index's: an index that no longer loads (say, an old format) must still be replaceable.
    const expected = await deps.searchIndex.version();
    chunks ??= serializeSearchIndex(buildSearchIndex(posts, expected + 1));
    const version = await deps.searchIndex.publish(chunks, expected, { docCount: posts.length });
    if (version !== undefined) {
      return { live: live.length, rendered: shown.filter((result) => result.rendered).length, indexed: posts.length, version };
    }
  }
  throw new IndexPublishConflictError();
};
