// biome-ignore-all format: one line per route, so the table reads as a table
import { route, routeTable } from '../../shared/http/route';
import { Category, CreateCategoryRequest, CreatePostRequest, DashboardStats, ManagePostsQuery, MAX_POST_REQUEST_BYTES } from '../../shared/contracts/content';
import { Post, PostPage, PostParams, ReviewRequest, RevisionPage, RevisionsQuery, UpdatePostRequest } from '../../shared/contracts/content';
import { CONTENT_READERS, EDITOR, EDITORIAL, REVIEWER } from './access';

const READ = { tables: { content: 'read', audit: 'append' } } as const;
const WRITE = { tables: { content: 'readWrite', audit: 'append', identity: 'read' } } as const;
/** Publishing and archiving also queue a rebuild of the public library. */
const PUBLISH = { tables: { content: 'readWrite', audit: 'append', identity: 'read' }, contentQueue: 'send' } as const;

/** The content library's editorial side: editors write posts, providers review them, editors and admins publish. */
export const postCreate = /* @__PURE__ */ route('postCreate', 'POST /api/v1/content/posts', 'content/post-create', EDITOR, { summary: 'Write a new post (a draft)', body: CreatePostRequest, response: Post, maxBodyBytes: MAX_POST_REQUEST_BYTES, grants: WRITE });
export const postUpdate = /* @__PURE__ */ route('postUpdate', 'PUT /api/v1/content/posts/{post}', 'content/post-update', EDITOR, { summary: 'Replace a post’s content, or ask for its review (If-Match)', params: PostParams, body: UpdatePostRequest, headers: ['If-Match'], response: Post, maxBodyBytes: MAX_POST_REQUEST_BYTES, grants: WRITE });
export const postManageList = /* @__PURE__ */ route('postManageList', 'GET /api/v1/content/manage/posts', 'content/post-manage-list', CONTENT_READERS, { summary: 'Posts’ working copies in a status (draft unless told), most recently updated first', query: ManagePostsQuery, response: PostPage, grants: READ });
export const postManageGet = /* @__PURE__ */ route('postManageGet', 'GET /api/v1/content/manage/posts/{post}', 'content/post-manage-get', CONTENT_READERS, { summary: 'A post’s working copy (ETag)', params: PostParams, response: Post, grants: READ });
export const postRevisions = /* @__PURE__ */ route('postRevisions', 'GET /api/v1/content/manage/posts/{post}/revisions', 'content/post-revisions', CONTENT_READERS, { summary: 'A post’s revisions, newest first', params: PostParams, query: RevisionsQuery, response: RevisionPage, grants: READ });
export const postReview = /* @__PURE__ */ route('postReview', 'POST /api/v1/content/posts/{post}/review', 'content/post-review', REVIEWER, { summary: 'Medical review of a post in review: approve it, or request changes', params: PostParams, body: ReviewRequest, headers: ['If-Match'], response: Post, status: 200, grants: { tables: { content: 'readWrite', records: 'read', audit: 'append', identity: 'read' } } });
export const postPublish = /* @__PURE__ */ route('postPublish', 'POST /api/v1/content/posts/{post}/publish', 'content/post-publish', EDITORIAL, { summary: 'Publish the approved version of a post', params: PostParams, headers: ['If-Match'], response: Post, status: 200, grants: PUBLISH });
export const postArchive = /* @__PURE__ */ route('postArchive', 'POST /api/v1/content/posts/{post}/archive', 'content/post-archive', EDITORIAL, { summary: 'Archive a post: readers no longer see it', params: PostParams, headers: ['If-Match'], response: Post, status: 200, grants: PUBLISH });
export const categoryCreate = /* @__PURE__ */ route('categoryCreate', 'POST /api/v1/content/categories', 'content/category-create', EDITORIAL, { summary: 'Add a category to the managed list', body: CreateCategoryRequest, response: Category, grants: WRITE });
export const contentStats = /* @__PURE__ */ route('contentStats', 'GET /api/v1/content/dashboard/stats', 'content/dashboard-stats', EDITORIAL, { summary: 'The library’s figures (posts by status, views, top posts, searches without results) and the product figures of the last 8 ISO weeks, under 11 shown as <11 (never per person)', response: DashboardStats, grants: READ });

export const contentRoutes = /* @__PURE__ */ routeTable([postCreate, postUpdate, postManageList, postManageGet, postRevisions, postReview, postPublish, postArchive, categoryCreate, contentStats]);
