import * as z from '../zod';
import { declared } from '../zod';
import { Instant, list, text } from './common';

/**
 * The public library (issue 12): published posts, search, categories and view counts, for anyone
 * without an account. Nothing here is PHI or about a reader. The bounds are the editorial side's
 * (shared/contracts/content.ts), repeated here so a public route's bundle holds only these schemas.
 */

/** The largest page of the public list; a client may ask for less. */
export const MAX_LIBRARY_PAGE = 50;
export const DEFAULT_LIBRARY_PAGE = 20;
/** The longest search query. */
export const MAX_QUERY = 200;
/** The most categories the managed list returns (an editorial list, a few dozen in practice). */
export const MAX_CATEGORIES = 200;
/** A post's rendered HTML: its Markdown is at most 50,000 characters; the stored snapshot fits a 400 KB item. */
const MAX_HTML = 400_000;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SLUG_RULE = 'must be lowercase words of a-z and 0-9 joined by single hyphens';
const PostSlug = /* @__PURE__ */ declared(() => z.string().check(z.maxLength(96), z.regex(SLUG, SLUG_RULE)));
const CategorySlug = /* @__PURE__ */ declared(() => z.string().check(z.maxLength(64), z.regex(SLUG, SLUG_RULE)));
const Tag = /* @__PURE__ */ declared(() => z.string().check(z.maxLength(32), z.regex(/^[a-z0-9-]+$/, 'must hold only a-z, 0-9 and hyphens')));
const Language = /* @__PURE__ */ declared(() =>
  z.string().check(z.maxLength(35), z.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag like en, hi or pt-BR')),
);

/**
 * `?q=&category=&tag=&language=&cursor=&limit=`. `q` is free text (any script), without control
 * characters; the cursor is only valid for the query that made it.
 */
export const LibraryListQuery = /* @__PURE__ */ z
  .strictObject({
    /** Words to search for in titles, summaries, bodies and tags; without it, the newest posts first. */
    q: z.optional(
      z
        .string()
        .check(z.minLength(1), z.maxLength(MAX_QUERY), z.regex(/^[^\p{Cc}\p{Cs}]*$/u, 'must not hold control characters'), z.regex(/\S/, 'must not be blank')),
    ),
    category: z.optional(CategorySlug),
    tag: z.optional(Tag),
    /** `en` also finds posts in `en-GB`. */
    language: z.optional(Language),
    limit: z.optional(z.coerce.number().check(z.refine(Number.isInteger, 'must be a whole number'), z.gte(1), z.lte(MAX_LIBRARY_PAGE))),
    cursor: z.optional(text(256).check(z.regex(/^[A-Za-z0-9_-]+$/))),
  })
  .register(z.globalRegistry, { id: 'LibraryListQuery' });
export type LibraryListQuery = z.infer<typeof LibraryListQuery>;

/** `{post}`: a published post's slug. */
export const PostSlugParams = /* @__PURE__ */ declared(() => z.strictObject({ post: PostSlug }));

const listing = /* @__PURE__ */ declared(() => ({
  slug: PostSlug,
  title: text(160),
  summary: text(400),
  category: CategorySlug,
  tags: list(Tag, 10),
  language: Language,
  publishedAt: Instant,
}));

export const LibraryPostSummary = /* @__PURE__ */ z
  .object({
    ...listing,
    /** The display name of the provider who reviewed the published version. */
    reviewedByName: text(120),
    reviewedAt: Instant,
  })
  .register(z.globalRegistry, { id: 'LibraryPostSummary' });

export const LibraryPostPage = /* @__PURE__ */ z
  .object({ items: list(LibraryPostSummary, MAX_LIBRARY_PAGE), nextCursor: z.optional(text(256)) })
  .register(z.globalRegistry, { id: 'LibraryPostPage' });
export type LibraryPostPage = z.infer<typeof LibraryPostPage>;

export const LibraryPost = /* @__PURE__ */ z
  .object({
    ...listing,
    /** The post rendered from its Markdown and sanitised: no raw HTML, scripts, event handlers or `javascript:` links. */
    html: text(MAX_HTML),
    /** "Medically reviewed by <reviewerName>, <reviewedAt>". */
    medicalReview: z.object({ reviewerName: text(120), reviewedAt: Instant }),
  })
  .register(z.globalRegistry, { id: 'LibraryPost' });
export type LibraryPost = z.infer<typeof LibraryPost>;

export const LibraryCategory = /* @__PURE__ */ z
  .object({ slug: CategorySlug, name: text(80), description: z.optional(text(400)) })
  .register(z.globalRegistry, { id: 'LibraryCategory' });

export const LibraryCategoryList = /* @__PURE__ */ z
  .object({ items: list(LibraryCategory, MAX_CATEGORIES) })
  .register(z.globalRegistry, { id: 'LibraryCategoryList' });
export type LibraryCategoryList = z.infer<typeof LibraryCategoryList>;
