import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { DynamoSearchIndexStore } from '../../shared/adapters/aws/dynamo-search-index';
import { buildSearchIndex, type IndexedPost, markdownToText, serializeSearchIndex } from '../../shared/content/search-index';
import { CATEGORIES, POST, postKey, PUBLISHED, SEARCH_INDEX, slugKey } from '../../shared/data/keys';
import { startTestBackend, type TestBackend } from '../helpers/test-backend';
import { tokenFor } from '../helpers/tokens';

/**
 * The public library through the local backend on dynalite, with no token: the list and search
 * (from the search index the content worker would have published), a post by its slug (only a
 * published, rendered snapshot), the categories, the view beacon, the searches that found nothing,
 * and the cache headers (public on the cached GETs, `no-store` everywhere else).
 */
let backend: TestBackend;
let client: DynamoDBDocumentClient;
let table: string;

interface Seeded {
  readonly postId: string;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly category: string;
  readonly tags: string[];
  readonly language: string;
  readonly publishedAt: string;
}

const seeded = (n: number, fields: Omit<Seeded, 'postId' | 'publishedAt'>): Seeded => ({
  postId: randomUUID(),
  publishedAt: `2025-04-${String(n).padStart(2, '0')}T10:00:00.000Z`,
  ...fields,
});

const PUBLISHED_POSTS: Seeded[] = [
  seeded(1, {
    slug: 'fever-in-adults',
    title: 'Fever in adults',
    summary: 'Rest, fluids and when to see a doctor.',
    body: '# Fever\n\nDrink **plenty of water** while you have a fever.',
    category: 'fever-and-infections',
    tags: ['fever', 'hydration'],
    language: 'en',
  }),
  seeded(2, {
    slug: 'fever-in-children',
    title: 'Fever in children',
    summary: 'A feverish baby: comfort and warning signs.',
    body: 'Babies under three months with a fever need a doctor today.',
    category: 'children-and-family',
    tags: ['fever', 'children'],
    language: 'en',
  }),
  seeded(3, {
    slug: 'blood-pressure',
    title: 'High blood pressure',
    summary: 'What the numbers mean.',
    body: 'Less salt and more walking lower blood pressure.',
    category: 'heart-and-circulation',
    tags: ['blood-pressure'],
    language: 'en',
  }),
  seeded(4, {
    slug: 'fievre-adulte',
    title: 'La fièvre chez l’adulte',
    summary: 'Repos et boissons.',
    body: 'Buvez de l’eau quand vous avez de la fièvre.',
    category: 'fever-and-infections',
    tags: ['fever'],
    language: 'fr',
  }),
];
const REVIEW = { reviewedByName: 'Dr Asha Rao', reviewedAt: '2025-04-01T09:00:00.000Z' };

const put = (item: Record<string, unknown>) => client.send(new PutCommand({ TableName: table, Item: item }));

const snapshotItem = (post: Seeded, html: string | undefined) => ({
  pk: slugKey(post.slug),
  sk: PUBLISHED,
  postId: post.postId,
  slug: post.slug,
  title: post.title,
  summary: post.summary,
  body: post.body,
  category: post.category,
  tags: post.tags,
  language: post.language,
  ...REVIEW,
  publishedAt: post.publishedAt,
  publishedVersion: 3,
  ...(html === undefined ? {} : { html, renderedVersion: 3 }),
});

const indexed = (post: Seeded): IndexedPost => ({
  postId: post.postId,
  slug: post.slug,
  title: post.title,
  summary: post.summary,
  text: markdownToText(post.body),
  category: post.category,
  tags: post.tags,
  language: post.language,
  publishedAt: post.publishedAt,
  ...REVIEW,
});

const UNRENDERED = seeded(5, { slug: 'not-rendered-yet', title: 'Not rendered', summary: 's', body: 'b', category: 'first-aid', tags: [], language: 'en' });
const DRAFT_SLUG = 'draft-with-canary';
const today = () => new Date().toISOString().slice(0, 10);
const month = () => today().slice(0, 7);

beforeAll(async () => {
  backend = await startTestBackend();
  table = backend.tables.content;
  client = createDocumentClient({ endpoint: backend.dynamodbEndpoint });
  await put({
    pk: CATEGORIES,
    sk: 'heart-and-circulation',
    slug: 'heart-and-circulation',
    name: 'Heart and circulation',
    createdAt: '2025-01-01T00:00:00.000Z',
  });
  await put({
    pk: CATEGORIES,
    sk: 'fever-and-infections',
    slug: 'fever-and-infections',
    name: 'Fever and infections',
    description: 'Temperatures, colds and flu.',
    createdAt: '2025-01-01T00:00:00.000Z',
  });
  for (const post of PUBLISHED_POSTS) await put(snapshotItem(post, `<h1>${post.title}</h1><p>rendered</p>`));
  await put(snapshotItem(UNRENDERED, undefined));
  // A draft: a working copy only (no public snapshot), never indexed.
  await put({ pk: postKey(randomUUID()), sk: POST, slug: DRAFT_SLUG, title: 'Quixotry canary', status: 'draft', postStatus: 'draft' });
  const store = new DynamoSearchIndexStore(client, table);
  expect(await store.publish(serializeSearchIndex(buildSearchIndex(PUBLISHED_POSTS.map(indexed), 1)), 0, { docCount: PUBLISHED_POSTS.length })).toBe(1);
});
afterAll(async () => {
  client?.destroy();
  await backend?.stop();
});

const noHitItems = async () => (await backend.items('content')).filter((item) => String(item['pk']).startsWith('NOHIT#'));

describe('Route: GET /api/v1/content/posts (public, from the search index)', () => {
  it('lists the published posts newest first, to anyone without a token, cacheable for 300 s', async () => {
    // Act
    const response = await backend.call('GET', '/api/v1/content/posts');

    // Assess
    expect(response.status).toBe(200);
    expect(response.json.items.map((item: { slug: string }) => item.slug)).toEqual(['fievre-adulte', 'blood-pressure', 'fever-in-children', 'fever-in-adults']);
    expect(response.json.items[3]).toEqual({
      slug: 'fever-in-adults',
      title: 'Fever in adults',
      summary: 'Rest, fluids and when to see a doctor.',
      category: 'fever-and-infections',
      tags: ['fever', 'hydration'],
      language: 'en',
      publishedAt: PUBLISHED_POSTS[0]!.publishedAt,
      ...REVIEW,
    });
    expect(response.json.nextCursor).toBeUndefined();
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('pragma')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('searches with q, category, tag and language', async () => {
    // Act
    const search = async (query: string) => (await backend.call('GET', `/api/v1/content/posts?${query}`)).json.items.map((item: { slug: string }) => item.slug);

    // Assess
    expect((await search('q=how%20much%20water%20should%20I%20drink%20with%20a%20fever'))[0]).toBe('fever-in-adults');
    expect(await search('q=fever&category=children-and-family')).toEqual(['fever-in-children']);
    expect(await search('q=fever&tag=hydration')).toEqual(['fever-in-adults']);
    expect(await search('q=fi%C3%A8vre&language=fr')).toEqual(['fievre-adulte']);
    expect(await search('category=fever-and-infections&language=en')).toEqual(['fever-in-adults']);
    expect(await search('tag=fever')).toEqual(['fievre-adulte', 'fever-in-children', 'fever-in-adults']);
  });

  it('pages with a cursor bound to its query', async () => {
    // Act
    const first = await backend.call('GET', '/api/v1/content/posts?q=fever&limit=2');
    const second = await backend.call('GET', `/api/v1/content/posts?q=fever&limit=2&cursor=${first.json.nextCursor}`);
    const elsewhere = await backend.call('GET', `/api/v1/content/posts?q=salt&limit=2&cursor=${first.json.nextCursor}`);
    const crafted = await backend.call('GET', `/api/v1/content/posts?cursor=${Buffer.from('999999999.x').toString('base64url')}`);
    const tooLarge = await backend.call('GET', '/api/v1/content/posts?limit=51');

    // Assess
    expect(first.status).toBe(200);
    expect(first.json.items).toHaveLength(2);
    expect(typeof first.json.nextCursor).toBe('string');
    expect(second.status).toBe(200);
    const all = [...first.json.items, ...second.json.items].map((item: { slug: string }) => item.slug);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining(['fever-in-adults', 'fever-in-children']));
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.json.error.code).toBe('invalid_cursor');
    expect(crafted.status).toBe(400);
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.headers.get('cache-control')).toBe('no-store');
  });

  it('never lists or finds a draft or an unrendered post', async () => {
    // Act
    const listed = await backend.call('GET', '/api/v1/content/posts?limit=50');
    const found = await backend.call('GET', '/api/v1/content/posts?q=quixotry%20canary');

    // Assess
    expect(listed.json.items.map((item: { slug: string }) => item.slug)).not.toContain(DRAFT_SLUG);
    expect(listed.json.items.map((item: { slug: string }) => item.slug)).not.toContain(UNRENDERED.slug);
    expect(found.json.items).toEqual([]);
  });

  it('records a search that found nothing as its normalised term, and drops e-mails, URLs and digit runs', async () => {
    // Prepare
    const before = await noHitItems();

    // Act
    for (const q of [
      '  Zebra   STRIPES  ',
      'zebra stripes',
      'zebra write to jo@example.org',
      'zebra see https://example.org/x',
      'zebra www.example.org',
      'zebra call 020 7946 0958',
      'zebra 123456',
    ])
      expect((await backend.call('GET', `/api/v1/content/posts?q=${encodeURIComponent(q)}`)).status).toBe(200);
    await backend.call('GET', `/api/v1/content/posts?q=${'x'.repeat(80)}`);

    // Assess
    const added = (await noHitItems()).filter((item) => !before.some((old) => old['sk'] === item['sk']));
    expect(added.sort((a, b) => String(a['sk']).localeCompare(String(b['sk'])))).toEqual([
      { pk: `NOHIT#${month()}`, sk: `${today()}#${'x'.repeat(64)}`, count: 1 },
      { pk: `NOHIT#${month()}`, sk: `${today()}#zebra stripes`, count: 2 },
    ]);
  });

  it('answers a hostile q with a 400 or a clean 200', async () => {
    // Act
    const huge = await backend.call('GET', `/api/v1/content/posts?q=${'a'.repeat(10 * 1024)}`);
    const control = await backend.call('GET', `/api/v1/content/posts?q=${encodeURIComponent('fever\u0000\u001b[31m')}`);
    const hostile = await Promise.all(
      ["' OR 1=1 --", '<script>alert(1)</script>', '{"$ne":null}', '🩺 fièvre 发烧 ‮', 'fever) OR (1=1', `\\u0000 \${jndi:ldap://x}`, '*'].map((q) =>
        backend.call('GET', `/api/v1/content/posts?q=${encodeURIComponent(q)}`),
      ),
    );
    const unknown = await backend.call('GET', '/api/v1/content/posts?status=draft');

    // Assess
    expect(huge.status).toBe(400);
    expect(control.status).toBe(400);
    expect(unknown.status).toBe(400);
    for (const response of hostile) {
      expect(response.status).toBe(200);
      expect(Array.isArray(response.json.items)).toBe(true);
      expect(response.text).not.toContain('<script>');
    }
  });
});

describe('Route: GET /api/v1/content/posts/{post} (public)', () => {
  it('returns the published snapshot with its html and medical review, cacheable', async () => {
    // Act
    const response = await backend.call('GET', '/api/v1/content/posts/fever-in-adults');

    // Assess
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      slug: 'fever-in-adults',
      title: 'Fever in adults',
      summary: 'Rest, fluids and when to see a doctor.',
      html: '<h1>Fever in adults</h1><p>rendered</p>',
      category: 'fever-and-infections',
      tags: ['fever', 'hydration'],
      language: 'en',
      publishedAt: PUBLISHED_POSTS[0]!.publishedAt,
      medicalReview: { reviewerName: 'Dr Asha Rao', reviewedAt: REVIEW.reviewedAt },
    });
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('is 404 (not cached) for a draft, an unrendered snapshot, an unknown slug; 400 for a malformed one', async () => {
    // Act
    const responses = await Promise.all([DRAFT_SLUG, UNRENDERED.slug, 'no-such-post'].map((slug) => backend.call('GET', `/api/v1/content/posts/${slug}`)));
    const malformed = await backend.call('GET', '/api/v1/content/posts/Not_A_Slug');

    // Assess
    for (const response of responses) {
      expect(response.status).toBe(404);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    expect(malformed.status).toBe(400);
  });
});

describe('Route: GET /api/v1/content/categories (public)', () => {
  it('lists the categories by name, cacheable', async () => {
    // Act
    const response = await backend.call('GET', '/api/v1/content/categories');

    // Assess
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      items: [
        { slug: 'fever-and-infections', name: 'Fever and infections', description: 'Temperatures, colds and flu.' },
        { slug: 'heart-and-circulation', name: 'Heart and circulation' },
      ],
    });
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
  });
});

describe('Route: POST /api/v1/content/posts/{post}/views (public beacon)', () => {
  it('adds 1 to the post’s views of the day, storing nothing about the reader, and is never cached', async () => {
    // Prepare
    const post = PUBLISHED_POSTS[2]!;
    const reader = { 'user-agent': 'CanaryBrowser/9.9 (reader-fingerprint)', 'x-forwarded-for': '203.0.113.77' };

    // Act
    const first = await backend.call('POST', `/api/v1/content/posts/${post.slug}/views`, { headers: reader });
    const second = await backend.call('POST', `/api/v1/content/posts/${post.slug}/views`, { headers: reader });

    // Assess
    expect(first.status).toBe(204);
    expect(second.status).toBe(204);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const views = (await backend.items('content')).filter((item) => String(item['pk']).startsWith('VIEWS#'));
    expect(views).toEqual([{ pk: `VIEWS#${month()}`, sk: `${today()}#${post.postId}`, views: 2 }]);
    const everything = JSON.stringify(await backend.items('content'));
    for (const trace of ['CanaryBrowser', '203.0.113.77', '127.0.0.1']) expect(everything).not.toContain(trace);
  });

  it('is 404 for a slug that is not published (or not rendered), and counts nothing', async () => {
    // Act
    const responses = await Promise.all(
      [DRAFT_SLUG, UNRENDERED.slug, 'no-such-post'].map((slug) => backend.call('POST', `/api/v1/content/posts/${slug}/views`)),
    );

    // Assess
    for (const response of responses) expect(response.status).toBe(404);
    const views = (await backend.items('content')).filter((item) => String(item['pk']).startsWith('VIEWS#'));
    expect(views.every((item) => String(item['sk']).endsWith(PUBLISHED_POSTS[2]!.postId))).toBe(true);
  });
});

describe('Cache headers', () => {
  it('keeps protected routes no-store', async () => {
    // Prepare
    const token = await tokenFor(backend.dataDir, randomUUID(), ['patient']);

    // Act
    const response = await backend.call('GET', '/api/v1/me', { token });

    // Assess
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('pragma')).toBe('no-cache');
  });
});

describe('Class: DynamoSearchIndexStore (dynalite)', () => {
  it('reads only the pointer while the version is unchanged, loads a new version once, and refuses a stale publish', async () => {
    // Prepare: a store that counts what it sends.
    const sent: string[] = [];
    const counting = { send: vi.fn((command: { constructor: { name: string } }) => (sent.push(command.constructor.name), client.send(command as never))) };
    const reader = new DynamoSearchIndexStore(counting as unknown as DynamoDBDocumentClient, table);
    const writer = new DynamoSearchIndexStore(client, table);

    // Act
    const first = await reader.current();
    const loadCalls = sent.length;
    sent.length = 0;
    const again = await reader.current();
    const unchangedCalls = [...sent];
    const stale = await writer.publish(serializeSearchIndex(buildSearchIndex([], 0)), 0);
    const extra = seeded(9, {
      slug: 'salt-and-you',
      title: 'Salt and you',
      summary: 's',
      body: 'Salt.',
      category: 'heart-and-circulation',
      tags: [],
      language: 'en',
    });
    const next = await writer.publish(serializeSearchIndex(buildSearchIndex([...PUBLISHED_POSTS, extra].map(indexed), 0)), 1);
    const reloaded = await reader.current();

    // Assess
    expect(first?.version).toBe(1);
    expect(loadCalls).toBe(2);
    expect(again).toBe(first);
    expect(unchangedCalls).toEqual(['GetCommand']);
    expect(stale).toBeUndefined();
    expect(next).toBe(2);
    expect(await writer.version()).toBe(2);
    expect(reloaded?.version).toBe(2);
    expect(reloaded?.search('salt', { limit: 1 })[0]?.slug).toBe('salt-and-you');
    const pointer = (await backend.items('content')).find((item) => item['pk'] === SEARCH_INDEX && item['sk'] === 'POINTER');
    expect(pointer).toMatchObject({ version: 2, chunks: 1 });
    // The public route follows the pointer.
    const listed = await backend.call('GET', '/api/v1/content/posts?q=salt');
    expect(listed.json.items[0].slug).toBe('salt-and-you');
  });
});
