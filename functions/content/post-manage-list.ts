import { postManageList as route } from '../routes/content';
import { httpRoute } from '../../shared/http/http-route';
import { pageOf } from '../../shared/http/page';
import { listPosts } from '../../shared/content/posts';
import { auditLog, contentPosts } from '../../shared/runtime/composition';

const deps = { posts: contentPosts(), audit: auditLog() };

/** GET /api/v1/content/manage/posts?status=: working copies in a status, most recently updated first (not audited: no PHI). */
export const handler = httpRoute(route, async ({ query }) => ({ body: await listPosts(deps, query.status, pageOf(query)) }), {
  audit: deps.audit,
});
