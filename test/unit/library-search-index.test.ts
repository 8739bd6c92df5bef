import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  excerptOf,
  type IndexedPost,
  loadSearchIndex,
  MAX_CHUNK_BYTES,
  MAX_EXCERPT,
  markdownToText,
  serializeSearchIndex,
} from '../../shared/content/search-index';

/** A published post of the fixtures; `text` is the body already stripped to plain text. */
const post = (n: number, fields: Partial<IndexedPost> & Pick<IndexedPost, 'slug' | 'title' | 'text'>): IndexedPost => ({
  postId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  summary: '',
  category: 'general',
  tags: [],
  language: 'en',
  publishedAt: `2025-03-${String(n).padStart(2, '0')}T09:00:00.000Z`,
  reviewedByName: 'Dr Asha Rao',
  reviewedAt: `2025-03-${String(n).padStart(2, '0')}T08:00:00.000Z`,
  ...fields,
});

const FILLER = 'Keep a note of how you feel and talk to your pharmacist or doctor if you are unsure about anything. ';

const POSTS: IndexedPost[] = [
  post(1, {
    slug: 'fever-in-adults',
    title: 'Fever in adults: looking after yourself at home',
    summary: 'Rest, fluids and when a high temperature needs a doctor.',
    category: 'fever-and-infections',
    tags: ['fever', 'hydration'],
    text: `${FILLER.repeat(6)}A fever makes you lose water through sweat, so drink plenty of fluids: small, frequent sips of water are best. ${FILLER.repeat(6)}`,
  }),
  post(2, {
    slug: 'fever-in-children',
    title: 'When your child has a high temperature',
    summary: 'Keeping a feverish baby or toddler comfortable, and the warning signs.',
    category: 'children-and-family',
    tags: ['fever', 'children', 'babies'],
    text: 'Babies under three months with a temperature of 38 °C or more need a doctor the same day. Offer regular feeds.',
  }),
  post(3, {
    slug: 'living-with-type-2-diabetes',
    title: 'Living with type 2 diabetes',
    summary: 'Blood sugar, food and checks that keep diabetes under control.',
    category: 'diabetes-and-metabolism',
    tags: ['diabetes', 'blood-sugar'],
    text: 'High blood glucose over years harms the eyes, kidneys and feet. Checking your sugar levels helps you and your care team.',
  }),
  post(4, {
    slug: 'high-blood-pressure',
    title: 'High blood pressure explained',
    summary: 'What the numbers mean and how lifestyle changes lower them.',
    category: 'heart-and-circulation',
    tags: ['blood-pressure', 'hypertension'],
    text: 'Blood pressure is written as two numbers. Less salt, regular walking and sleep all help lower it.',
  }),
  post(5, {
    slug: 'sleeping-well',
    title: 'Sleeping well',
    summary: 'Habits that help you fall asleep and stay asleep.',
    category: 'mental-health',
    tags: ['sleep', 'insomnia'],
    text: 'Going to bed at the same time, keeping screens out of the bedroom and avoiding caffeine late in the day all help.',
  }),
  post(6, {
    slug: 'burns-first-aid',
    title: 'First aid for burns and scalds',
    summary: 'Cool the burn with running water for twenty minutes.',
    category: 'first-aid',
    tags: ['burns', 'first-aid'],
    text: 'Hold the burn under cool running water for twenty minutes. Do not use ice, butter or creams.',
  }),
  post(7, {
    slug: 'fievre-chez-adulte',
    title: 'La fièvre chez l’adulte',
    summary: 'Repos et boissons.',
    category: 'fever-and-infections',
    tags: ['fever'],
    language: 'fr',
    text: 'Buvez de l’eau régulièrement quand vous avez de la fièvre.',
  }),
];

const slugs = (hits: readonly { slug: string }[]) => hits.map((hit) => hit.slug);

describe('Function: buildSearchIndex', () => {
  it('ranks the post that answers a natural question first', () => {
    // Prepare
    const index = buildSearchIndex(POSTS, 1);

    // Act
    const water = index.search('how much water should I drink when I have a fever', { limit: 3, language: 'en' });
    const sugar = index.search('checking my sugar levels', { limit: 3 });
    const baby = index.search('my babies temperature', { limit: 3 });

    // Assess
    expect(slugs(water)[0]).toBe('fever-in-adults');
    expect(slugs(sugar)[0]).toBe('living-with-type-2-diabetes');
    expect(slugs(baby)[0]).toBe('fever-in-children');
  });

  it('boosts a title match over the same word in another post’s text', () => {
    // Prepare: "sleep" is in the title of one post and in the text of another.
    const index = buildSearchIndex(POSTS, 1);

    // Act
    const hits = index.search('sleep');

    // Assess
    expect(slugs(hits)[0]).toBe('sleeping-well');
    expect(slugs(hits)).toContain('high-blood-pressure');
  });

  it('finds words by prefix, by a typo and by a plural or -ing form', () => {
    // Prepare
    const index = buildSearchIndex(POSTS, 1);

    // Act + Assess
    expect(slugs(index.search('hypert'))[0]).toBe('high-blood-pressure');
    expect(slugs(index.search('diabetis'))[0]).toBe('living-with-type-2-diabetes');
    expect(slugs(index.search('scald'))[0]).toBe('burns-first-aid');
    expect(slugs(index.search('fevers'))).toContain('fever-in-adults');
    expect(slugs(index.search('burning'))[0]).toBe('burns-first-aid');
  });

  it('searches tags written in kebab-case as words', () => {
    // Act
    const hits = buildSearchIndex(POSTS, 1).search('blood sugar');

    // Assess
    expect(slugs(hits)[0]).toBe('living-with-type-2-diabetes');
  });

  it('returns nothing for a query of stop words only, or of no words at all', () => {
    // Prepare
    const index = buildSearchIndex(POSTS, 1);

    // Act + Assess
    expect(index.search('how do I')).toEqual([]);
    expect(index.search('   ?!  ')).toEqual([]);
    expect(index.search('zzzyzzx quux')).toEqual([]);
  });

  it('filters search results and listings by category, tag and language', () => {
    // Prepare
    const index = buildSearchIndex(POSTS, 1);

    // Act + Assess
    expect(slugs(index.search('fever', { category: 'children-and-family' }))).toEqual(['fever-in-children']);
    expect(slugs(index.search('fever', { tag: 'hydration' }))).toEqual(['fever-in-adults']);
    expect(slugs(index.search('fièvre', { language: 'fr' }))).toEqual(['fievre-chez-adulte']);
    expect(slugs(index.list({ tag: 'fever', language: 'en' }))).toEqual(['fever-in-children', 'fever-in-adults']);
    expect(slugs(index.list({ category: 'first-aid' }))).toEqual(['burns-first-aid']);
    expect(index.list({ category: 'nope' })).toEqual([]);
  });

  it('matches a language tag by its primary subtag (en finds en-GB)', () => {
    // Prepare
    const index = buildSearchIndex([post(1, { slug: 'a', title: 'Asthma', text: 'inhaler', language: 'en-GB' })], 1);

    // Act + Assess
    expect(slugs(index.list({ language: 'en' }))).toEqual(['a']);
    expect(index.list({ language: 'e' })).toEqual([]);
  });

  it('lists newest first, without the text', () => {
    // Act
    const listed = buildSearchIndex(POSTS, 4).list();

    // Assess
    expect(slugs(listed)).toEqual([
      'fievre-chez-adulte',
      'burns-first-aid',
      'sleeping-well',
      'high-blood-pressure',
      'living-with-type-2-diabetes',
      'fever-in-children',
      'fever-in-adults',
    ]);
    expect(listed[0]).not.toHaveProperty('text');
    expect(listed[0]).toMatchObject({ reviewedByName: 'Dr Asha Rao', postId: POSTS[6]!.postId });
  });

  it('never finds a post it was not given: a draft stays out because only published posts are indexed', () => {
    // Prepare: the worker indexes the published snapshots; a draft with a canary word is not among them.
    const draft = post(9, { slug: 'draft-post', title: 'Quixotry canary', text: 'quixotry' });
    const index = buildSearchIndex(POSTS, 1);

    // Act + Assess
    expect(index.search('quixotry canary')).toEqual([]);
    expect(slugs(index.list())).not.toContain(draft.slug);
    expect(slugs(buildSearchIndex([...POSTS, draft], 2).search('quixotry'))).toEqual(['draft-post']);
  });

  it('gives each hit an excerpt of at most 600 characters around the best match', () => {
    // Act
    const [hit] = buildSearchIndex(POSTS, 1).search('drink water fever', { limit: 1 });

    // Assess
    expect(hit!.slug).toBe('fever-in-adults');
    expect(hit!.excerpt.length).toBeLessThanOrEqual(MAX_EXCERPT);
    expect(hit!.excerpt).toContain('drink plenty of fluids');
    expect(hit!.score).toBeGreaterThan(0);
  });

  it('stays quick and bounded on a hostile query (10 KB, unicode, injection strings)', () => {
    // Prepare
    const index = buildSearchIndex(POSTS, 1);
    const hostile = `${'\' OR 1=1 -- <script>alert(1)</script> {"$ne":null} '.repeat(150)}🩺 fièvre ${'\u202e'.repeat(100)}${'a'.repeat(2000)}`;

    // Act
    const started = performance.now();
    const hits = index.search(hostile, { limit: 50 });

    // Assess
    expect(performance.now() - started).toBeLessThan(1000);
    expect(Array.isArray(hits)).toBe(true);
  });
});

describe('Function: serializeSearchIndex / loadSearchIndex', () => {
  it('round-trips the index through its gzip chunks', () => {
    // Prepare
    const index = buildSearchIndex(POSTS, 7);

    // Act
    const chunks = serializeSearchIndex(index);
    const loaded = loadSearchIndex(chunks, 7);

    // Assess
    expect(loaded.version).toBe(7);
    expect(loaded.search('drink water fever', { limit: 3 })).toEqual(index.search('drink water fever', { limit: 3 }));
    expect(loaded.list()).toEqual(index.list());
  });

  it('splits a large index into chunks of at most 350,000 bytes, read back in order', () => {
    // Prepare: incompressible text, so the gzip is over a megabyte.
    let seed = 1;
    const noise = (length: number) =>
      Array.from({ length }, () => {
        seed = (seed * 48271) % 2147483647;
        return (seed % 36).toString(36);
      }).join('');
    const many = Array.from({ length: 40 }, (_, n) => post(n + 1, { slug: `post-${n}`, title: `Post ${n}`, text: `${noise(40_000)} marker${n}` }));
    const index = buildSearchIndex(many, 2);

    // Act
    const chunks = serializeSearchIndex(index);
    const loaded = loadSearchIndex(chunks, 2);

    // Assess
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.byteLength).toBeLessThanOrEqual(MAX_CHUNK_BYTES);
    expect(slugs(loaded.search('marker39'))[0]).toBe('post-39');
    expect(() => loadSearchIndex(chunks.slice(1), 2)).toThrow();
    expect(() => loadSearchIndex([...chunks].reverse(), 2)).toThrow();
  });

  it('refuses chunks that are not a stored index', () => {
    // Act + Assess
    expect(() => loadSearchIndex([new TextEncoder().encode('not gzip')], 1)).toThrow();
  });
});

describe('Function: markdownToText', () => {
  it('keeps the words and drops the Markdown', () => {
    // Prepare
    const markdown = [
      '# Fever at home',
      '',
      'Drink **plenty** of _fluids_ and see the [NHS page](https://example.org/fever "title").',
      '',
      '- rest',
      '1. sip water',
      '> a quote',
      '![a thermometer](/img/t.png)',
      '<script>alert(1)</script> `code` ~~old~~',
      '| a | b |',
      '|---|:---:|',
      '```js',
      'const x = 1;',
      '```',
      '---',
    ].join('\n');

    // Act
    const text = markdownToText(markdown);

    // Assess
    expect(text).toBe(
      'Fever at home\n\nDrink plenty of fluids and see the NHS page.\n\nrest\nsip water\na quote\na thermometer\nalert(1) code old\na b\n\nconst x = 1;',
    );
  });

  it('is linear on hostile Markdown', () => {
    // Prepare
    const hostile = ['[', '](', '<a', '<!--', '| ---', '-'.repeat(50_000), '*_'.repeat(10_000)].map((s) => s.repeat(Math.ceil(50_000 / s.length)));

    // Act
    const started = performance.now();
    for (const markdown of hostile) markdownToText(markdown);

    // Assess
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('Function: excerptOf', () => {
  it('returns a short text whole and starts a long one at the sentence of the best match', () => {
    // Prepare
    const long = `${'Unrelated words here. '.repeat(60)}Salt raises blood pressure. ${'More unrelated words. '.repeat(60)}`;

    // Act
    const excerpt = excerptOf(long, new Set(['salt', 'pressure']));

    // Assess
    expect(excerptOf('  short  text ', new Set())).toBe('short text');
    expect(excerpt.startsWith('Salt raises blood pressure.')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(MAX_EXCERPT);
  });
});
