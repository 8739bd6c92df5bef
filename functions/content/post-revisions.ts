import { postRevisions as route } from '../routes/content';
import { httpRoute } from '../../shared/http/http-route';
import { pageOf } from '../../shared/http/page';
import { listRevisions } from '../../shared/content/posts';
import { auditLog, contentPosts } from '../../shared/runtime/composition';

const deps = { posts: contentPosts(), audit: auditLog() };

/** GET /api/v1/content/manage/posts/{post}/revisions: a post's revisions, newest first. */
export const handler = httpRoute(route, async ({ params, query }) => ({ body: await listRevisions(deps, params.post, pageOf(query)) }), {
  audit: deps.audit,
});
