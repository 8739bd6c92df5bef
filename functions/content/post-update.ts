import { postUpdate as route } from '../routes/content';
import { httpRoute } from '../../shared/http/http-route';
import { updatePost } from '../../shared/content/posts';
import { etagOf } from '../../shared/records/profile';
import { accountReader, auditLog, clock, contentCategories, contentPosts } from '../../shared/runtime/composition';

const deps = { users: accountReader(), posts: contentPosts(), categories: contentCategories(), audit: auditLog(), clock };

/** PUT /api/v1/content/posts/{post}: replaces a post's content, or asks for review, given its ETag (412 if missing or stale). */
export const handler = httpRoute(
  route,
  async ({ body, params, caller, headers, meta }) => {
    const post = await updatePost(deps, caller, params.post, body, headers['if-match'], meta);
    return { body: post, headers: { ETag: etagOf(post.version) } };
  },
  { audit: deps.audit },
);
