import { postPublish as route } from '../routes/content';
import { httpRoute } from '../../shared/http/http-route';
import { publishPost } from '../../shared/content/posts';
import { etagOf } from '../../shared/records/profile';
import { accountReader, auditLog, clock, contentPosts, contentQueue, publishedSnapshots } from '../../shared/runtime/composition';

const deps = { users: accountReader(), posts: contentPosts(), snapshots: publishedSnapshots(), queue: contentQueue(), audit: auditLog(), clock };

/** POST /api/v1/content/posts/{post}/publish: publishes the approved version (its snapshot, then a rebuild queued). */
export const handler = httpRoute(
  route,
  async ({ params, caller, headers, meta }) => {
    const post = await publishPost(deps, caller, params.post, headers['if-match'], meta);
    return { body: post, headers: { ETag: etagOf(post.version) } };
  },
  { audit: deps.audit },
);
