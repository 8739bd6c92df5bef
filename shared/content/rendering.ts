import type { PublishedSnapshot } from './ports';

/**
 * What the content worker needs to make the library public: a Markdown renderer and the published
 * posts with their snapshots. Implemented by `MarkedRenderer` (shared/adapters/markdown/marked-renderer.ts)
 * and `DynamoContentPublication` (shared/adapters/aws/dynamo-content-publication.ts, the content table);
 * the fakes are in test/helpers/fakes/content-publication.ts.
 */

/**
 * Renders a post's Markdown to HTML that is safe to put in a page as it is. The contract, which
 * test/unit/markdown-renderer.test.ts attacks:
 * - raw HTML in the Markdown (blocks and inline tags) is escaped, shown as text, never passed through;
 * - a link's or an image's URL is kept only if it is `http:`, `https:`, `mailto:` or relative, judged
 *   after HTML entities are decoded and control characters and whitespace stripped, case-insensitively;
 *   otherwise the link becomes its text and the image its alt text;
 * - every link carries `rel="noopener noreferrer nofollow"`;
 * - no `style` or `on…` attribute, no `<script>`, can appear in the output.
 */
export interface MarkdownRenderer {
  render(markdown: string): string;
}

/** A published snapshot as stored: once the content worker rendered it, with its `html` and the version that was rendered. */
export interface RenderedSnapshot extends PublishedSnapshot {
  readonly html?: string;
  /** The `publishedVersion` that `html` was rendered from. */
  readonly renderedVersion?: number;
}

/** A working copy that has a live public snapshot: its id, slug, and the version it published. */
export interface LivePost {
  readonly postId: string;
  readonly slug: string;
  readonly publishedVersion: number;
}

/** The content table, as the content worker reads and writes it. */
export interface ContentPublication {
  /**
   * Every working copy that has a public snapshot: status `published`, and `draft` or `in_review`
   * ones that were published before (an edit of a published post leaves its snapshot in place).
   * Read whole from the `byStatus` index, every page.
   */
  livePosts(): Promise<LivePost[]>;
  /** The public snapshot of `slug`, read consistently; `undefined` when there is none. */
  snapshot(slug: string): Promise<RenderedSnapshot | undefined>;
  /**
   * Sets `html` and `renderedVersion` (= `publishedVersion`) on the snapshot of `slug`, iff it still
   * is the snapshot of `publishedVersion` of `postId`; `false` (nothing written) otherwise: it was
   * republished or archived meanwhile.
   */
  saveRendering(slug: string, postId: string, publishedVersion: number, html: string): Promise<boolean>;
}
