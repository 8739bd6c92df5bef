import { describe, expect, it } from 'vitest';
import { listLibraryCategories } from '../../shared/content/library-categories';
import { getLibraryPost, recordLibraryView } from '../../shared/content/library-post';
import { listLibraryPosts, noHitTerm } from '../../shared/content/library-search';
import { buildSearchIndex, type IndexedPost } from '../../shared/content/search-index';
import { NotFoundError, ValidationError } from '../../shared/errors';
import { InMemoryLibrary, InMemorySearchIndexStore } from '../helpers/fakes/library';

const NOW = new Date('2025-06-30T23:59:00.000Z');
const clock = { now: () => NOW };

const indexed = (n: number, slug: string, title: string, text: string, fields: Partial<IndexedPost> = {}): IndexedPost => ({
  postId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  slug,
  title,
  summary: `About ${title.toLowerCase()}.`,
  text,
  category: 'general',
  tags: [],
  language: 'en',
  publishedAt: `2025-05-${String(n).padStart(2, '0')}T10:00:00.000Z`,
  reviewedByName: 'Dr Asha Rao',
  reviewedAt: '2025-05-01T09:00:00.000Z',
  ...fields,
});

const POSTS = [
  indexed(1, 'fever', 'Fever at home', 'Drink water and rest when you have a fever.'),
  indexed(2, 'fever-children', 'Fever in children', 'A baby with a fever needs fluids.', { category: 'children' }),
  indexed(3, 'coughs', 'Coughs and colds', 'Most coughs clear up; a fever can come with a cold.'),
];

const world = (withIndex = true) => {
  const library = new InMemoryLibrary();
  const index = withIndex ? buildSearchIndex(POSTS, 1) : undefined;
  return { library, deps: { searchIndex: new InMemorySearchIndexStore(index), counters: library, library, clock } };
};

describe('Function: noHitTerm', () => {
  it('lower-cases, collapses whitespace and keeps at most 64 characters', () => {
    expect(noHitTerm('  Zebra\t\n STRIPES  ')).toBe('zebra stripes');
    expect(noHitTerm(`${'word '.repeat(20)}`)).toBe(`${'word '.repeat(12)}word`);
    expect(noHitTerm('Émile’s FIÈVRE')).toBe('émile’s fièvre');
  });

  it('drops a term holding an e-mail address, a URL or five digits or more', () => {
    for (const term of [
      'mail jo@example.org',
      'see https://x.y/z',
      'www.example.org help',
      'example.com',
      'mailto:jo',
      'call 020 7946 0958',
      '12345',
      'nhs no 485-777-3456',
    ])
      expect(noHitTerm(term), term).toBeUndefined();
    expect(noHitTerm('vitamin b12 dose 1000')).toBe('vitamin b12 dose 1000');
    expect(noHitTerm('vitamin b12 1000')).toBeUndefined();
    expect(noHitTerm('   ')).toBeUndefined();
  });
});

describe('Use case: listLibraryPosts', () => {
  it('lists newest first without q and best matches first with q', async () => {
    // Prepare
    const { deps } = world();

    // Act
    const newest = await listLibraryPosts(deps, {});
    const found = await listLibraryPosts(deps, { q: 'baby fever' });

    // Assess
    expect(newest.items.map((item) => item.slug)).toEqual(['coughs', 'fever-children', 'fever']);
    expect(newest.items[0]).not.toHaveProperty('postId');
    expect(found.items[0]!.slug).toBe('fever-children');
  });

  it('pages with an offset cursor that only its own query accepts', async () => {
    // Prepare
    const { deps } = world();

    // Act
    const first = await listLibraryPosts(deps, { q: 'fever', limit: 2 });
    const second = await listLibraryPosts(deps, { q: 'fever', limit: 2, cursor: first.nextCursor! });

    // Assess
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeUndefined();
    expect(new Set([...first.items, ...second.items].map((item) => item.slug)).size).toBe(3);
    await expect(listLibraryPosts(deps, { q: 'fever', limit: 2, category: 'children', cursor: first.nextCursor! })).rejects.toThrow(ValidationError);
    await expect(listLibraryPosts(deps, { cursor: 'bm90LWEtY3Vyc29y' })).rejects.toThrow(ValidationError);
  });

  it('counts a search that found nothing once, on its first page, for the day in UTC', async () => {
    // Prepare
    const { deps, library } = world();

    // Act
    await listLibraryPosts(deps, { q: 'Zebra  Stripes' });
    await listLibraryPosts(deps, { q: 'zebra stripes' });
    await listLibraryPosts(deps, { q: 'zebra jo@example.org' });
    await listLibraryPosts(deps, { q: 'fever' });

    // Assess
    expect([...library.counts]).toEqual([['NOHIT#2025-06|2025-06-30#zebra stripes', 2]]);
  });

  it('answers an empty page before the first index, and still counts the search', async () => {
    // Prepare
    const { deps, library } = world(false);

    // Act
    const page = await listLibraryPosts(deps, { q: 'fever' });

    // Assess
    expect(page).toEqual({ items: [] });
    expect(library.counts.size).toBe(1);
  });

  it('does not fail the search when the count cannot be written', async () => {
    // Prepare
    const { deps, library } = world();
    library.failCounters = true;

    // Act
    const page = await listLibraryPosts(deps, { q: 'zebra' });

    // Assess
    expect(page.items).toEqual([]);
  });
});

describe('Use case: getLibraryPost and recordLibraryView', () => {
  const snapshot = { ...POSTS[0]!, text: undefined, html: '<p>Drink water.</p>' };

  it('returns a rendered snapshot with its medical review; 404 before it is rendered or when absent', async () => {
    // Prepare
    const { deps, library } = world();
    library.posts.set('fever', snapshot);
    library.posts.set('unrendered', { ...snapshot, slug: 'unrendered', html: undefined });

    // Act
    const post = await getLibraryPost(deps, 'fever');

    // Assess
    expect(post).toMatchObject({
      slug: 'fever',
      html: '<p>Drink water.</p>',
      medicalReview: { reviewerName: 'Dr Asha Rao', reviewedAt: '2025-05-01T09:00:00.000Z' },
    });
    await expect(getLibraryPost(deps, 'unrendered')).rejects.toThrow(NotFoundError);
    await expect(getLibraryPost(deps, 'none')).rejects.toThrow(NotFoundError);
  });

  it('adds 1 to the views of the post that day, and nothing for a post that is not public', async () => {
    // Prepare
    const { deps, library } = world();
    library.posts.set('fever', snapshot);

    // Act
    await recordLibraryView(deps, 'fever');
    await recordLibraryView(deps, 'fever');
    const missing = recordLibraryView(deps, 'none');

    // Assess
    await expect(missing).rejects.toThrow(NotFoundError);
    expect([...library.counts]).toEqual([[`VIEWS#2025-06|2025-06-30#${snapshot.postId}`, 2]]);
  });
});

describe('Use case: listLibraryCategories', () => {
  it('lists the categories by name, a description only when there is one', async () => {
    // Prepare
    const { deps, library } = world();
    library.categoryList.push({ slug: 'skin', name: 'Skin' }, { slug: 'first-aid', name: 'First aid', description: 'Burns, cuts.' });

    // Act
    const list = await listLibraryCategories(deps);

    // Assess
    expect(list).toEqual({
      items: [
        { slug: 'first-aid', name: 'First aid', description: 'Burns, cuts.' },
        { slug: 'skin', name: 'Skin' },
      ],
    });
  });
});
