import { postReview as route } from '../routes/content';
import { httpRoute } from '../../shared/http/http-route';
import { reviewPost } from '../../shared/content/posts';
import { etagOf } from '../../shared/records/profile';
import { accountReader, auditLog, clock, contentPosts, practitionerReader } from '../../shared/runtime/composition';

const deps = { users: accountReader(), posts: contentPosts(), reviewers: practitionerReader(), audit: auditLog(), clock };

/** POST /api/v1/content/posts/{post}/review: a provider approves a post in review, or requests changes (not their own). */
export const handler = httpRoute(
  route,
  async ({ body, params, caller, headers, meta }) => {
    const post = await reviewPost(deps, caller, params.post, body, headers['if-match'], meta);
    return { body: post, headers: { ETag: etagOf(post.version) } };
  },
  { audit: deps.audit },
);
