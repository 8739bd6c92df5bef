import { postManageGet as route } from '../routes/content';
import { httpRoute } from '../../shared/http/http-route';
import { getPost } from '../../shared/content/posts';
import { etagOf } from '../../shared/records/profile';
import { auditLog, contentPosts } from '../../shared/runtime/composition';

const deps = { posts: contentPosts(), audit: auditLog() };

/** GET /api/v1/content/manage/posts/{post}: a post's working copy with its ETag (not audited: no PHI). */
export const handler = httpRoute(
  route,
  async ({ params }) => {
    const post = await getPost(deps, params.post);
    return { body: post, headers: { ETag: etagOf(post.version) } };
  },
  { audit: deps.audit },
);
