import { postCreate as route } from '../routes/content';
import { httpRoute } from '../../shared/http/http-route';
import { createPost } from '../../shared/content/posts';
import { etagOf } from '../../shared/records/profile';
import { accountReader, auditLog, clock, contentCategories, contentPosts, slugClaims } from '../../shared/runtime/composition';

const deps = { users: accountReader(), posts: contentPosts(), slugs: slugClaims(), categories: contentCategories(), audit: auditLog(), clock };

/** POST /api/v1/content/posts: an editor writes a new post, a draft (409 `slug_taken`, `unknown_category`). */
export const handler = httpRoute(
  route,
  async ({ body, caller, meta }) => {
    const post = await createPost(deps, caller, body, meta);
    return { body: post, headers: { ETag: etagOf(post.version) } };
  },
  { audit: deps.audit },
);
