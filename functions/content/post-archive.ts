import { postArchive as route } from '../routes/content';
import { httpRoute } from '../../shared/http/http-route';
import { archivePost } from '../../shared/content/posts';
import { etagOf } from '../../shared/records/profile';
import { accountReader, auditLog, clock, contentPosts, contentQueue, publishedSnapshots } from '../../shared/runtime/composition';

const deps = { users: accountReader(), posts: contentPosts(), snapshots: publishedSnapshots(), queue: contentQueue(), audit: auditLog(), clock };

/** POST /api/v1/content/posts/{post}/archive: archives a post; its published snapshot is deleted and a rebuild queued. */
export const handler = httpRoute(
  route,
  async ({ params, caller, headers, meta }) => {
    const post = await archivePost(deps, caller, params.post, headers['if-match'], meta);
    return { body: post, headers: { ETag: etagOf(post.version) } };
  },
  { audit: deps.audit },
);
