import type { LibraryPost } from '../contracts/library';
import type { Clock } from '../domain/clock';
import { NotFoundError } from '../errors';
import type { LibraryDeps, PublishedPost } from './library-ports';
import { dayOf } from './library-search';

/** The published, rendered snapshot of `slug`; a post not published, or not rendered yet, is not found. */
const renderedPost = async (library: LibraryDeps['library'], slug: string): Promise<PublishedPost & { html: string }> => {
  const post = await library.publishedPost(slug);
  if (post?.html === undefined) throw new NotFoundError('No published post has this address.');
  return post as PublishedPost & { html: string };
};

/** `GET /api/v1/content/posts/{post}`: the published version of a post, with who reviewed it and when. */
export const getLibraryPost = async ({ library }: Pick<LibraryDeps, 'library'>, slug: string): Promise<LibraryPost> => {
  const post = await renderedPost(library, slug);
  return {
    slug: post.slug,
    title: post.title,
    summary: post.summary,
    html: post.html,
    category: post.category,
    tags: [...post.tags],
    language: post.language,
    publishedAt: post.publishedAt,
    medicalReview: { reviewerName: post.reviewedByName, reviewedAt: post.reviewedAt },
  };
};

/**
 * `POST /api/v1/content/posts/{post}/views`: adds 1 to the post's views today (UTC). The count is
 * all that is stored: no reader, IP, cookie or user agent.
 */
export const recordLibraryView = async (
  { library, counters, clock }: Pick<LibraryDeps, 'library' | 'counters'> & { readonly clock: Clock },
  slug: string,
): Promise<void> => {
  const post = await renderedPost(library, slug);
  await counters.addView(dayOf(clock), post.postId);
};
