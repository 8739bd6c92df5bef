// biome-ignore-all format: one line per route, so the table reads as a table
import { PUBLIC, route, routeTable } from '../../shared/http/route';
import { LibraryCategoryList, LibraryListQuery, LibraryPost, LibraryPostPage, PostSlugParams } from '../../shared/contracts/library';

/** Edge and browser caching of the public reads: a publish shows within five minutes. */
const CACHED = { ttlSeconds: 300 };

/** The published content library, for anyone without an account: cached at the edge. */
export const libraryPosts = /* @__PURE__ */ route('libraryPosts', 'GET /api/v1/content/posts', 'library/posts', PUBLIC, { summary: 'Published posts: the best matches of q first, else the newest; by category, tag and language', query: LibraryListQuery, response: LibraryPostPage, cache: CACHED, grants: { tables: { content: 'readWrite' } } });
export const libraryPost = /* @__PURE__ */ route('libraryPost', 'GET /api/v1/content/posts/{post}', 'library/post', PUBLIC, { summary: 'A published post by its slug: its rendered HTML and who reviewed it', params: PostSlugParams, response: LibraryPost, cache: CACHED, grants: { tables: { content: 'read' } } });
export const libraryPostView = /* @__PURE__ */ route('libraryPostView', 'POST /api/v1/content/posts/{post}/views', 'library/post-view', PUBLIC, { summary: 'Count a view of a published post (per post per day; nothing about the reader is kept)', params: PostSlugParams, status: 204, grants: { tables: { content: 'readWrite' } } });
export const libraryCategories = /* @__PURE__ */ route('libraryCategories', 'GET /api/v1/content/categories', 'library/categories', PUBLIC, { summary: 'The categories of the library', response: LibraryCategoryList, cache: CACHED, grants: { tables: { content: 'read' } } });

export const libraryRoutes = /* @__PURE__ */ routeTable([libraryPosts, libraryPost, libraryPostView, libraryCategories]);
