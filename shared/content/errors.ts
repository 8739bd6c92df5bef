import { ConflictError } from '../errors';

/**
 * The 409s of the content library, each with its code (mapped to HTTP with every other `CareBowError`, in
 * shared/http/error-response.ts):
 * - `slug_taken`: another post holds the slug (a slug belongs to one post for good);
 * - `unknown_category`: no category has that slug (create it first: `POST /api/v1/content/categories`). A 409, not a
 *   400: the body is well formed, the state of the list decides;
 * - `category_exists`: a category with that slug exists;
 * - `archived`: the post is archived; it can be neither edited, reviewed, published nor archived again;
 * - `not_in_review`: only a post in review can be reviewed;
 * - `own_post`: an author may not review their own post;
 * - `reviewer_profile_required`: an approval names the reviewer by their verified practitioner profile's display
 *   name, and the caller has none;
 * - `not_approved`: only a post in review whose current version a reviewer approved can be published.
 */
export type ContentConflict =
  | 'slug_taken'
  | 'unknown_category'
  | 'category_exists'
  | 'archived'
  | 'not_in_review'
  | 'own_post'
  | 'reviewer_profile_required'
  | 'not_approved';

const MESSAGES: Record<ContentConflict, string> = {
  slug_taken: 'Another post has this slug; pick another.',
  unknown_category: 'No category has this slug; create it first.',
  category_exists: 'A category with this slug exists.',
  archived: 'The post is archived.',
  not_in_review: 'Only a post in review can be reviewed.',
  own_post: 'You may not review a post you wrote.',
  reviewer_profile_required: 'An approval shows your verified practitioner profile’s name: create it and have it verified first.',
  not_approved: 'Only a post whose current version a reviewer approved can be published.',
};

export class ContentConflictError extends ConflictError {
  public constructor(public readonly reason: ContentConflict) {
    super(MESSAGES[reason], reason);
    this.name = 'ContentConflictError';
  }
}
