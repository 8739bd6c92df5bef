import * as z from '../zod';
import { declared } from '../zod';
import { Id, Instant, list, PageQuery, page, text } from './common';

/**
 * The content library's editorial side (issue 12): posts, their revisions, medical review,
 * publishing, categories and the dashboard's content figures. Nothing here is PHI.
 */

export const POST_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];
/** The statuses an editor may set with `PUT` (asking for review, or taking it back to draft). */
export const EDITABLE_STATUSES = ['draft', 'in_review'] as const;
export const REVIEW_DECISIONS = ['approve', 'request_changes'] as const;
export const REVISION_ACTIONS = ['create', 'update', 'review', 'publish', 'archive'] as const;

export const MAX_TITLE = 160;
export const MAX_SUMMARY = 400;
export const MAX_BODY = 50_000;
export const MAX_TAGS = 10;
export const MAX_TAG = 32;
export const MAX_POST_SLUG = 96;
export const MAX_CATEGORY_SLUG = 64;
export const MAX_NOTE = 2000;
/**
 * The largest request body of a post write: 50,000 characters of ASCII Markdown plus the other fields and JSON
 * escaping fit; a text mostly outside ASCII (2–3 bytes a character in UTF-8) meets this byte limit before the
 * character limit.
 */
export const MAX_POST_REQUEST_BYTES = 64 * 1024;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const TAG = /^[a-z0-9-]+$/;
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** A text an editor types: trimmed, not empty, at most `max` characters. */
const Entry = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const distinct = /* @__PURE__ */ declared(() => z.refine<string[]>((items) => new Set(items).size === items.length, 'must not repeat an item'));

export const PostSlug = /* @__PURE__ */ declared(() =>
  z.string().check(z.maxLength(MAX_POST_SLUG), z.regex(SLUG, 'must be lowercase words of a-z and 0-9 joined by single hyphens')),
);
export const CategorySlug = /* @__PURE__ */ declared(() =>
  z.string().check(z.maxLength(MAX_CATEGORY_SLUG), z.regex(SLUG, 'must be lowercase words of a-z and 0-9 joined by single hyphens')),
);
const Tag = /* @__PURE__ */ declared(() => z.string().check(z.minLength(1), z.maxLength(MAX_TAG), z.regex(TAG, 'must hold only a-z, 0-9 and hyphens')));
const Tags = /* @__PURE__ */ declared(() => z.array(Tag).check(z.maxLength(MAX_TAGS), distinct));
let languages: Intl.DisplayNames | undefined;
/**
 * The rule of the care profiles' languages (`isCanonicalLanguageTag`, shared/contracts/care.ts), repeated here so that
 * the content routes do not bundle care's schemas: a well-formed BCP 47 tag in canonical form whose language is known.
 */
const isCanonicalLanguageTag = (tag: string): boolean => {
  try {
    languages ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    return Intl.getCanonicalLocales(tag)[0] === tag && languages.of(tag.split('-')[0]!) !== undefined;
  } catch {
    return false;
  }
};

/** A BCP 47 tag in canonical form that the runtime knows (`en`, `hi`, `pt-BR`; not `english`, `xx` or `en-us`). */
export const ContentLanguage = /* @__PURE__ */ declared(() =>
  z
    .string()
    .check(
      z.maxLength(35),
      z.regex(LANGUAGE_TAG, 'must be a BCP 47 language tag like en, hi or pt-BR'),
      z.refine(isCanonicalLanguageTag, 'must be a valid BCP 47 language tag in canonical form, like en, hi or pt-BR'),
    ),
);

/** What an editor writes of a post: everything but its slug (fixed at creation) and its workflow fields. */
const postFields = /* @__PURE__ */ declared(() => ({
  title: Entry(MAX_TITLE),
  summary: Entry(MAX_SUMMARY),
  /** Markdown; rendered and sanitised by the content worker before anyone reads it. */
  body: Entry(MAX_BODY),
  category: CategorySlug,
  tags: Tags,
  language: ContentLanguage,
}));

export const CreatePostRequest = /* @__PURE__ */ z
  .strictObject({ slug: PostSlug, ...postFields })
  .register(z.globalRegistry, { id: 'CreatePostRequest', description: 'A new post, a draft. Its slug is its public address for good: it never changes.' });
export type CreatePostRequest = z.infer<typeof CreatePostRequest>;

export const UpdatePostRequest = /* @__PURE__ */ z.strictObject({ ...postFields, status: z.optional(z.enum(EDITABLE_STATUSES)) }).register(z.globalRegistry, {
  id: 'UpdatePostRequest',
  description:
    'Replaces the post’s content (If-Match). `status: in_review` asks for medical review, `draft` takes it back. Any change of content withdraws an approval; on a published post it makes the working copy a draft (`in_review` if asked) while readers keep the published version.',
});
export type UpdatePostRequest = z.infer<typeof UpdatePostRequest>;

export const ReviewRequest = /* @__PURE__ */ z
  .strictObject({ decision: z.enum(REVIEW_DECISIONS), note: z.optional(Entry(MAX_NOTE)) })
  .register(z.globalRegistry, { id: 'ReviewRequest' });
export type ReviewRequest = z.infer<typeof ReviewRequest>;

export const CreateCategoryRequest = /* @__PURE__ */ z
  .strictObject({ slug: CategorySlug, name: Entry(80), description: z.optional(Entry(MAX_SUMMARY)) })
  .register(z.globalRegistry, { id: 'CreateCategoryRequest' });
export type CreateCategoryRequest = z.infer<typeof CreateCategoryRequest>;

/** `/content/posts/{post}` and `/content/manage/posts/{post}` on the editorial routes: the post's id. */
export const PostParams = /* @__PURE__ */ declared(() => z.strictObject({ post: Id }));

export const ManagePostsQuery = /* @__PURE__ */ declared(() => z.strictObject({ status: z.optional(z.enum(POST_STATUSES)), ...PageQuery }));
export const RevisionsQuery = /* @__PURE__ */ declared(() => z.strictObject(PageQuery));

const Tagged = /* @__PURE__ */ declared(() => list(text(MAX_TAG), MAX_TAGS));

/** A post's working copy, as editors, admins and reviewers see it. */
export const Post = /* @__PURE__ */ z
  .object({
    id: Id,
    slug: text(MAX_POST_SLUG),
    title: text(MAX_TITLE),
    summary: text(MAX_SUMMARY),
    body: text(MAX_BODY),
    category: text(MAX_CATEGORY_SLUG),
    tags: Tagged,
    language: text(35),
    status: z.enum(POST_STATUSES),
    authorId: Id,
    reviewedBy: z.optional(Id),
    reviewedByName: z.optional(text(120)),
    reviewedAt: z.optional(Instant),
    reviewNote: z.optional(text(MAX_NOTE)),
    /** The version a reviewer approved; publishing needs it to be the current `version`. */
    reviewedVersion: z.optional(z.int()),
    publishedAt: z.optional(Instant),
    publishedVersion: z.optional(z.int()),
    createdAt: Instant,
    updatedAt: Instant,
    version: z.int(),
  })
  .register(z.globalRegistry, { id: 'Post' });
export type Post = z.infer<typeof Post>;

export const PostPage = /* @__PURE__ */ page(Post).register(z.globalRegistry, { id: 'PostPage' });

/** One revision of a post: the working copy's content after one change, immutable. */
export const Revision = /* @__PURE__ */ z
  .object({
    version: z.int(),
    action: z.enum(REVISION_ACTIONS),
    actorId: Id,
    at: Instant,
    note: z.optional(text(MAX_NOTE)),
    title: text(MAX_TITLE),
    summary: text(MAX_SUMMARY),
    body: text(MAX_BODY),
    category: text(MAX_CATEGORY_SLUG),
    tags: Tagged,
    language: text(35),
    status: z.enum(POST_STATUSES),
  })
  .register(z.globalRegistry, { id: 'Revision' });
export type Revision = z.infer<typeof Revision>;

export const RevisionPage = /* @__PURE__ */ page(Revision).register(z.globalRegistry, { id: 'RevisionPage' });

export const Category = /* @__PURE__ */ z
  .object({ slug: text(MAX_CATEGORY_SLUG), name: text(80), description: z.optional(text(MAX_SUMMARY)), createdAt: Instant })
  .register(z.globalRegistry, { id: 'Category' });
export type Category = z.infer<typeof Category>;

/** The most posts and terms the dashboard lists. */
export const MAX_TOP_POSTS = 10;
export const MAX_NO_HIT_TERMS = 20;

/** The weeks of product figures the dashboard shows: the current ISO week and the seven before it. */
export const PRODUCT_WEEKS = 8;
/** The appointment figures: the changes announced to the patient (`booked`, `rescheduled`, `cancelled`) and the visit's outcome (FHIR `fulfilled`, `noshow`). */
export const APPOINTMENT_FIGURES = ['booked', 'rescheduled', 'cancelled', 'fulfilled', 'noshow'] as const;
export type AppointmentFigure = (typeof APPOINTMENT_FIGURES)[number];

/** A product figure: a count of 11 or more, or `'<11'` for any count under 11, 0 included (small-cell suppression). */
export const ProductFigure = /* @__PURE__ */ z.union([z.int().check(z.gte(11)), z.literal('<11')]).register(z.globalRegistry, { id: 'ProductFigure' });
export type ProductFigure = z.infer<typeof ProductFigure>;

/** One ISO week's product figures (`YYYY-Www`, UTC): counts over everyone, never per person, small cells suppressed. */
export const ProductWeek = /* @__PURE__ */ z
  .object({
    week: text(8).check(z.regex(/^\d{4}-W\d{2}$/)),
    newAccounts: ProductFigure,
    symptomSessions: z.object({
      emergency_ambulance: ProductFigure,
      emergency: ProductFigure,
      consultation_24: ProductFigure,
      consultation: ProductFigure,
      self_care: ProductFigure,
    }),
    appointments: z.object({ booked: ProductFigure, rescheduled: ProductFigure, cancelled: ProductFigure, fulfilled: ProductFigure, noshow: ProductFigure }),
  })
  .register(z.globalRegistry, { id: 'ProductWeek' });
export type ProductWeek = z.infer<typeof ProductWeek>;

/**
 * The dashboard's figures: counts only, never a person (no user, IP or cookie is ever stored with a view or a search);
 * `product`: the last {@link PRODUCT_WEEKS} ISO weeks, oldest first, with every figure under 11 shown as `'<11'`.
 */
export const DashboardStats = /* @__PURE__ */ z
  .object({
    posts: z.object({ draft: z.int(), in_review: z.int(), published: z.int(), archived: z.int() }),
    views: z.object({ last7Days: z.int(), last30Days: z.int() }),
    topPosts: list(z.object({ postId: Id, slug: text(MAX_POST_SLUG), title: text(MAX_TITLE), views: z.int() }), MAX_TOP_POSTS),
    searchesWithoutResults: list(z.object({ term: text(64), count: z.int() }), MAX_NO_HIT_TERMS),
    product: z.object({ weeks: list(ProductWeek, PRODUCT_WEEKS) }),
  })
  .register(z.globalRegistry, { id: 'DashboardStats' });
export type DashboardStats = z.infer<typeof DashboardStats>;
