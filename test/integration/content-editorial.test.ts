import { randomUUID } from 'node:crypto';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentRoutes } from '../../functions/routes/content';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { dayEntryKey, noHitKey, POST, postKey, PUBLISHED, slugKey, viewsKey } from '../../shared/data/keys';
import type { Role } from '../../shared/domain/roles';
import { type CareNetwork, careNetwork, type Member } from '../helpers/care-network';
import { type ApiResponse, startTestBackend, type TestBackend } from '../helpers/test-backend';
import { tokenFor } from '../helpers/tokens';

/**
 * The content library's editorial side through the local backend with real tokens (issue 12): who may call what,
 * the review → publish workflow, revisions and the published snapshot as raw items, one audit event per request,
 * If-Match races, slug claims, and the dashboard's figures (counts only, never a person).
 */
let backend: TestBackend;
let client: DynamoDBDocumentClient;
let account: CareNetwork['account'];
let eventsOf: CareNetwork['eventsOf'];
let adminToken: string;
/** An editor (granted over HTTP by the admin), a second editor, and a provider with a verified practitioner profile. */
let editor: Member;
let reviewer: Member;

const PROFILE = {
  displayName: 'Dr Kavya Menon',
  specialties: ['general_practice'],
  languages: ['en'],
  timeZone: 'Asia/Kolkata',
  location: { lat: 9.9312, lon: 76.2673, city: 'Kochi' },
  telehealth: true,
  credentials: [{ kind: 'medical_license', number: 'KMC-55102', expiresOn: '2031-01-31' }],
};
const CONTENT = {
  title: 'Staying hydrated in the heat',
  summary: 'How much to drink, and the signs of dehydration.',
  body: '# Water\n\nDrink regularly, more when it is hot.',
  category: 'wellbeing',
  tags: ['hydration', 'summer'],
  language: 'en',
};

beforeAll(async () => {
  backend = await startTestBackend();
  client = createDocumentClient({ endpoint: backend.dynamodbEndpoint });
  const care = await careNetwork(backend);
  ({ account, eventsOf, adminToken } = care);
  editor = await account('editor');
  reviewer = await care.practitioner({ profile: PROFILE });
  const category = await backend.call('POST', '/api/v1/content/categories', { token: adminToken, body: { slug: 'wellbeing', name: 'Wellbeing' } });
  expect(category.status, category.text).toBe(201);
});
afterAll(async () => {
  client?.destroy();
  await backend?.stop();
});

const slug = () => `post-${randomUUID().slice(0, 8)}`;
const create = async (token = editor.token, body: Record<string, unknown> = {}): Promise<Record<string, any>> => {
  const response = await backend.call('POST', '/api/v1/content/posts', { token, body: { slug: slug(), ...CONTENT, ...body } });
  expect(response.status, response.text).toBe(201);
  return response.json;
};
const put = (id: string, body: Record<string, unknown>, ifMatch: string | undefined, token = editor.token): Promise<ApiResponse> =>
  backend.call('PUT', `/api/v1/content/posts/${id}`, { token, body: { ...CONTENT, ...body }, ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}) });
const review = (id: string, decision: 'approve' | 'request_changes', note?: string, token = reviewer.token): Promise<ApiResponse> =>
  backend.call('POST', `/api/v1/content/posts/${id}/review`, { token, body: { decision, ...(note ? { note } : {}) } });
const act = (id: string, action: 'publish' | 'archive', token = editor.token): Promise<ApiResponse> =>
  backend.call('POST', `/api/v1/content/posts/${id}/${action}`, { token });
const contentItems = async (pk: string) => (await backend.items('content')).filter((item) => item['pk'] === pk);
const expectOneEvent = async (response: ApiResponse, action: string, outcome: string) => {
  expect(await eventsOf(response.headers.get('x-request-id'))).toEqual([expect.objectContaining({ action, outcome })]);
};
/** A post created, asked for review and approved: its id and the approval's answer. */
const approvedPost = async (): Promise<{ id: string; slug: string; approved: ApiResponse }> => {
  const post = await create();
  expect((await put(post.id, { status: 'in_review' }, '"1"')).status).toBe(200);
  const approved = await review(post.id, 'approve');
  expect(approved.status, approved.text).toBe(200);
  return { id: post.id, slug: post.slug, approved };
};

describe('Content: who may call what', () => {
  const outsiders: Role[] = ['patient', 'caregiver', 'compliance'];
  const cases = Object.values(contentRoutes).flatMap((route) => outsiders.map((role) => [route.id, role, route] as const));

  it.each(cases)('%s is 403 for %s, with one audited denial', async (id, role, route) => {
    // Prepare
    const token = await tokenFor(backend.dataDir, randomUUID(), [role]);

    // Act
    const response = await backend.call(route.method, route.path.replace('{post}', randomUUID()), { token, ...(route.body ? { body: {} } : {}) });

    // Assess
    expect(response.status).toBe(403);
    expect(await eventsOf(response.headers.get('x-request-id'))).toEqual([
      expect.objectContaining({ action: 'route.denied', resource: { type: 'route', id } }),
    ]);
  });

  it('lets no editor review, no provider write, publish, archive or add a category, and no author review their own post', async () => {
    // Prepare
    const { id } = await approvedPost();
    const both = await account('editor', 'provider');
    const own = await create(both.token);
    expect((await put(own.id, { status: 'in_review' }, '"1"', both.token)).status).toBe(200);

    // Act
    const editorReview = await review(id, 'approve', undefined, editor.token);
    const providerWrites = [
      await backend.call('POST', '/api/v1/content/posts', { token: reviewer.token, body: { slug: slug(), ...CONTENT } }),
      await put(id, {}, '"3"', reviewer.token),
      await act(id, 'publish', reviewer.token),
      await act(id, 'archive', reviewer.token),
      await backend.call('POST', '/api/v1/content/categories', { token: reviewer.token, body: { slug: 'sleep', name: 'Sleep' } }),
      await backend.call('GET', '/api/v1/content/dashboard/stats', { token: reviewer.token }),
    ];
    const ownReview = await review(own.id, 'approve', undefined, both.token);

    // Assess
    expect(editorReview.status).toBe(403);
    expect(providerWrites.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(ownReview.status).toBe(409);
    expect(ownReview.json.error.code).toBe('own_post');
    await expectOneEvent(ownReview, 'content.review', 'failure');
  });

  it('refuses an editor whose role the admin revoked, while their token still carries it: 403, audited, nothing published', async () => {
    // Prepare: an approved post, and an editor of its own who then loses the role (the token lives on up to 15 minutes)
    const { id, slug: published, approved } = await approvedPost();
    const leaving = await account('editor');
    const revoked = await backend.call('POST', `/api/v1/admin/users/${leaving.userId}/roles`, {
      token: adminToken,
      body: { action: 'revoke', role: 'editor' },
    });
    expect(revoked.status, revoked.text).toBe(200);
    const before = await contentItems(postKey(id));

    // Act
    const publish = await act(id, 'publish', leaving.token);
    const write = await backend.call('POST', '/api/v1/content/posts', { token: leaving.token, body: { slug: slug(), ...CONTENT } });

    // Assess: before, 200 and 201
    expect([publish.status, write.status]).toEqual([403, 403]);
    expect(publish.json.error.code).toBe('role_revoked');
    expect(await contentItems(postKey(id))).toEqual(before);
    expect((await contentItems(slugKey(published))).filter((item) => item['sk'] === PUBLISHED)).toEqual([]);
    for (const [response, route] of [
      [publish, 'postPublish'],
      [write, 'postCreate'],
    ] as const)
      expect(await eventsOf(response.headers.get('x-request-id'))).toEqual([
        expect.objectContaining({ action: 'route.denied', outcome: 'denied', resource: { type: 'route', id: route } }),
      ]);
    expect(approved.status).toBe(200);
  });

  it('lets providers, editors and admins read working copies, with no-store caching', async () => {
    // Prepare
    const post = await create();

    // Act
    const reads = await Promise.all(
      [reviewer.token, editor.token, adminToken].map((token) => backend.call('GET', `/api/v1/content/manage/posts/${post.id}`, { token })),
    );

    // Assess
    expect(reads.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(reads[0]!.headers.get('etag')).toBe('"1"');
    expect(reads[0]!.headers.get('cache-control')).toContain('no-store');
    expect(reads[0]!.json).toMatchObject({ id: post.id, status: 'draft', authorId: editor.userId });
  });
});

describe('Content: the review → publish workflow', () => {
  it('goes draft → in_review → request_changes → in_review → approve → publish, a revision and one audit event per step', async () => {
    // Prepare
    const post = await create();

    // Act
    const asked = await put(post.id, { status: 'in_review' }, '"1"');
    const sentBack = await review(post.id, 'request_changes', 'Add when to see a doctor.');
    const fixed = await put(post.id, { body: `${CONTENT.body}\n\nSee a doctor if dizzy.`, status: 'in_review' }, sentBack.headers.get('etag')!);
    const approved = await review(post.id, 'approve', 'Accurate.');
    const published = await act(post.id, 'publish');

    // Assess
    const steps = [asked, sentBack, fixed, approved, published];
    expect(steps.map((r) => [r.status, r.json.status, r.json.version])).toEqual([
      [200, 'in_review', 2],
      [200, 'draft', 3],
      [200, 'in_review', 4],
      [200, 'in_review', 5],
      [200, 'published', 6],
    ]);
    expect(published.headers.get('etag')).toBe('"6"');
    expect(approved.json).toMatchObject({ reviewedBy: reviewer.userId, reviewedByName: PROFILE.displayName, reviewedVersion: 5, reviewNote: 'Accurate.' });
    const items = await contentItems(postKey(post.id));
    const revisions = items.filter((item) => String(item['sk']).startsWith('REV#')).sort((a, b) => Number(a['version']) - Number(b['version']));
    expect(revisions.map((r) => [r['version'], r['action'], r['status'], r['actorId']])).toEqual([
      [1, 'create', 'draft', editor.userId],
      [2, 'update', 'in_review', editor.userId],
      [3, 'review', 'draft', reviewer.userId],
      [4, 'update', 'in_review', editor.userId],
      [5, 'review', 'in_review', reviewer.userId],
      [6, 'publish', 'published', editor.userId],
    ]);
    expect(revisions[2]!['note']).toBe('Add when to see a doctor.');
    expect(items.find((item) => item['sk'] === POST)).toMatchObject({ postStatus: 'published', version: 6 });
    const [snapshot] = await contentItems(slugKey(post.slug)).then((all) => all.filter((item) => item['sk'] === PUBLISHED));
    expect(snapshot).toEqual({
      pk: slugKey(post.slug),
      sk: PUBLISHED,
      postId: post.id,
      slug: post.slug,
      ...CONTENT,
      body: fixed.json.body,
      reviewedByName: PROFILE.displayName,
      reviewedAt: approved.json.reviewedAt,
      publishedAt: published.json.publishedAt,
      publishedVersion: 6,
    });
    for (const [response, action] of [
      [asked, 'content.update'],
      [sentBack, 'content.review'],
      [fixed, 'content.update'],
      [approved, 'content.review'],
      [published, 'content.publish'],
    ] as const) {
      await expectOneEvent(response, action, 'success');
    }
    const history = await backend.call('GET', `/api/v1/content/manage/posts/${post.id}/revisions?limit=4`, { token: reviewer.token });
    expect(history.json.items.map((r: { version: number }) => r.version)).toEqual([6, 5, 4, 3]);
    expect(history.json.nextCursor).toBeDefined();
  });

  it('withdraws the approval on an edit: publishing is then 409 not_approved, audited, nothing published', async () => {
    // Prepare
    const { id, slug: postSlug, approved } = await approvedPost();
    const edited = await put(id, { title: 'Hydration, revised' }, approved.headers.get('etag')!);

    // Act
    const publishing = await act(id, 'publish');

    // Assess
    expect(edited.status).toBe(200);
    expect(edited.json.reviewedVersion).toBeUndefined();
    expect(publishing.status).toBe(409);
    expect(publishing.json.error.code).toBe('not_approved');
    await expectOneEvent(publishing, 'content.publish', 'failure');
    expect(await contentItems(slugKey(postSlug))).toEqual([expect.objectContaining({ sk: 'CLAIM', postId: id })]);
  });

  it('keeps the published snapshot when a published post is edited, and deletes it on archive', async () => {
    // Prepare
    const { id, slug: postSlug } = await approvedPost();
    const published = await act(id, 'publish');
    const snapshotItem = async () => (await contentItems(slugKey(postSlug))).find((item) => item['sk'] === PUBLISHED);

    // Act
    const edited = await put(id, { title: 'A newer title' }, published.headers.get('etag')!);
    const afterEdit = await snapshotItem();
    const archived = await act(id, 'archive');

    // Assess
    expect(edited.json).toMatchObject({ status: 'draft', title: 'A newer title', publishedVersion: 4 });
    expect(afterEdit).toMatchObject({ title: CONTENT.title, publishedVersion: 4 });
    expect(archived.status).toBe(200);
    expect(archived.json.status).toBe('archived');
    expect(await snapshotItem()).toBeUndefined();
    await expectOneEvent(archived, 'content.archive', 'success');
    const revisions = (await contentItems(postKey(id))).filter((item) => String(item['sk']).startsWith('REV#'));
    expect(revisions.map((r) => r['action']).sort()).toEqual(['archive', 'create', 'publish', 'review', 'update', 'update']);
  });

  it('answers one of two PUTs with the same ETag 200 and the other 412; a missing If-Match is 412', async () => {
    // Prepare
    const post = await create();

    // Act
    const [first, second] = await Promise.all([put(post.id, { title: 'First' }, '"1"'), put(post.id, { title: 'Second' }, '"1"')]);
    const missing = await put(post.id, { title: 'Third' }, undefined);

    // Assess
    expect([first.status, second.status].sort()).toEqual([200, 412]);
    expect(missing.status).toBe(412);
    const items = await contentItems(postKey(post.id));
    expect(items.filter((item) => String(item['sk']).startsWith('REV#'))).toHaveLength(2);
    expect(items.find((item) => item['sk'] === POST)).toMatchObject({ version: 2, title: first.status === 200 ? 'First' : 'Second' });
    await expectOneEvent(first.status === 412 ? first : second, 'content.update', 'failure');
  });

  it('refuses a taken slug (409 slug_taken), an unknown category (409 unknown_category), unknown fields and oversized input (400)', async () => {
    // Prepare
    const post = await create();

    // Act
    const taken = await backend.call('POST', '/api/v1/content/posts', { token: editor.token, body: { ...CONTENT, slug: post.slug } });
    const unknownCategory = await backend.call('POST', '/api/v1/content/posts', { token: editor.token, body: { ...CONTENT, slug: slug(), category: 'nope' } });
    const extra = await backend.call('POST', '/api/v1/content/posts', { token: editor.token, body: { ...CONTENT, slug: slug(), authorId: randomUUID() } });
    const long = await backend.call('POST', '/api/v1/content/posts', { token: editor.token, body: { ...CONTENT, slug: slug(), title: 'x'.repeat(161) } });
    const badSlug = await backend.call('POST', '/api/v1/content/posts', { token: editor.token, body: { ...CONTENT, slug: 'Not A Slug' } });
    const badTags = await backend.call('POST', '/api/v1/content/posts', { token: editor.token, body: { ...CONTENT, slug: slug(), tags: ['UPPER'] } });

    // Assess
    expect([taken.status, taken.json.error.code]).toEqual([409, 'slug_taken']);
    expect([unknownCategory.status, unknownCategory.json.error.code]).toEqual([409, 'unknown_category']);
    expect([extra.status, long.status, badSlug.status, badTags.status]).toEqual([400, 400, 400, 400]);
    await expectOneEvent(taken, 'content.create', 'failure');
  });
});

describe('Content: categories and the dashboard', () => {
  it('adds a category once (editor), 409 category_exists after', async () => {
    // Prepare
    const body = { slug: `cat-${randomUUID().slice(0, 8)}`, name: 'Sleep', description: 'Rest and recovery.' };

    // Act
    const created = await backend.call('POST', '/api/v1/content/categories', { token: editor.token, body });
    const again = await backend.call('POST', '/api/v1/content/categories', { token: editor.token, body });

    // Assess
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject(body);
    expect([again.status, again.json.error.code]).toEqual([409, 'category_exists']);
    await expectOneEvent(created, 'content.category.create', 'success');
  });

  it('sums views over 7 and 30 days, ranks top posts and searches without results, and names no person', async () => {
    // Prepare
    const a = await create();
    const b = await create();
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const seed = (pk: string, date: string, what: string, values: Record<string, number>) =>
      client.send(new PutCommand({ TableName: backend.tables.content, Item: { pk, sk: dayEntryKey(date, what), ...values } }));
    for (const [daysAgo, postId, views] of [
      [0, a.id, 4],
      [3, b.id, 9],
      [10, a.id, 6],
      [40, b.id, 1000],
    ] as const) {
      await seed(viewsKey(day(daysAgo).slice(0, 7)), day(daysAgo), postId, { views });
    }
    await seed(noHitKey(day(1).slice(0, 7)), day(1), 'heat rash', { count: 3 });
    await seed(noHitKey(day(2).slice(0, 7)), day(2), 'heat rash', { count: 2 });
    await seed(noHitKey(day(2).slice(0, 7)), day(2), 'gout', { count: 1 });
    const statuses = (await backend.items('content')).filter((item) => item['sk'] === POST).map((item) => item['status']);
    const count = (status: string) => statuses.filter((s) => s === status).length;

    // Act
    const stats = await backend.call('GET', '/api/v1/content/dashboard/stats', { token: editor.token });

    // Assess
    expect(stats.status).toBe(200);
    expect(stats.json).toEqual({
      posts: { draft: count('draft'), in_review: count('in_review'), published: count('published'), archived: count('archived') },
      views: { last7Days: 13, last30Days: 19 },
      topPosts: [
        { postId: a.id, slug: a.slug, title: CONTENT.title, views: 10 },
        { postId: b.id, slug: b.slug, title: CONTENT.title, views: 9 },
      ],
      searchesWithoutResults: [
        { term: 'heat rash', count: 5 },
        { term: 'gout', count: 1 },
      ],
      // The product figures: test/integration/content-figures.test.ts.
      product: { weeks: expect.any(Array) },
    });
    expect(stats.text).not.toContain(editor.userId);
    expect(stats.text).not.toContain('authorId');
  });
});
