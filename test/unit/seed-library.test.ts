import { describe, expect, it } from 'vitest';
import { CONTENT_QUESTIONS } from '../../bench/content-questions';
import { SEED_CATEGORIES } from '../../local/seed-library/categories';
import { SEED_POSTS } from '../../local/seed-library/posts';
import { CreateCategoryRequest, CreatePostRequest } from '../../shared/contracts/content';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;
/** The "When to get help" section: from its heading to the next heading or the end. */
const helpSection = (body: string): string | undefined => /^## When to get help\n([\s\S]*?)(?=^#{1,6} |(?![\s\S]))/m.exec(body)?.[1];

describe('The seed library', () => {
  it('has at least 30 posts over at least six existing categories, out of at least seven', () => {
    // Prepare
    const categories = new Set(SEED_CATEGORIES.map((c) => c.slug));

    // Act
    const used = new Set(SEED_POSTS.map((p) => p.category));

    // Assess
    expect(SEED_POSTS.length).toBeGreaterThanOrEqual(30);
    expect(SEED_CATEGORIES.length).toBeGreaterThanOrEqual(7);
    expect(used.size).toBeGreaterThanOrEqual(6);
    for (const category of used) expect(categories, category).toContain(category);
  });

  it('uses unique, well-formed slugs and tags', () => {
    // Act
    const postSlugs = SEED_POSTS.map((p) => p.slug);
    const categorySlugs = SEED_CATEGORIES.map((c) => c.slug);

    // Assess
    expect(new Set(postSlugs).size).toBe(postSlugs.length);
    expect(new Set(categorySlugs).size).toBe(categorySlugs.length);
    for (const slug of [...postSlugs, ...categorySlugs]) {
      expect(slug).toMatch(SLUG);
      expect(slug.length, slug).toBeLessThanOrEqual(64);
    }
    for (const post of SEED_POSTS) {
      expect(post.tags.length, post.slug).toBeGreaterThan(0);
      expect(new Set(post.tags).size, post.slug).toBe(post.tags.length);
      for (const tag of post.tags) expect(tag, post.slug).toMatch(SLUG);
    }
  });

  it('keeps every post within bounds: title ≤ 160, summary ≤ 400, body 250–500 words, English', () => {
    // Act
    const out = SEED_POSTS.filter(
      (p) => p.title.length > 160 || p.summary.length > 400 || words(p.body) < 250 || words(p.body) > 500 || p.language !== 'en',
    ).map((p) => p.slug);

    // Assess
    expect(out).toEqual([]);
    for (const category of SEED_CATEGORIES) expect(category.name.length + category.description.length).toBeGreaterThan(0);
  });

  it('sends only requests the content routes accept (CreatePostRequest, CreateCategoryRequest)', () => {
    // Act
    const refused = [
      ...SEED_POSTS.filter((p) => !CreatePostRequest.safeParse(p).success).map((p) => p.slug),
      ...SEED_CATEGORIES.filter((c) => !CreateCategoryRequest.safeParse(c).success).map((c) => c.slug),
    ];

    // Assess
    expect(refused).toEqual([]);
  });

  it('gives every post headings, a list and a "When to get help" section naming the emergency number', () => {
    // Act
    const missing = SEED_POSTS.filter((p) => {
      const help = helpSection(p.body);
      return (
        (p.body.match(/^## /gm) ?? []).length < 3 ||
        !/^(- |\d+\. )/m.test(p.body) ||
        help === undefined ||
        !/emergency number/.test(help) ||
        !/^## When to get help$/m.test(p.body)
      );
    }).map((p) => p.slug);

    // Assess
    expect(missing).toEqual([]);
  });

  it('holds Markdown only: no raw HTML, no script or javascript: link, no dose in milligrams or millilitres', () => {
    // Act
    const offending = SEED_POSTS.filter(
      (p) => /<[a-z!/?]/i.test(p.body) || /javascript:|on[a-z]+=/i.test(p.body) || /\b\d+(\.\d+)?\s?(mg|ml|mcg|micrograms?)\b/i.test(p.body),
    ).map((p) => p.slug);

    // Assess
    expect(offending).toEqual([]);
  });
});

describe('The content question set', () => {
  it('has at least 64 questions, each naming an existing post, at least two per post', () => {
    // Prepare
    const slugs = new Set(SEED_POSTS.map((p) => p.slug));

    // Act
    const unknown = CONTENT_QUESTIONS.filter((q) => !slugs.has(q.slug)).map((q) => q.slug);
    const perPost = new Map([...slugs].map((slug) => [slug, CONTENT_QUESTIONS.filter((q) => q.slug === slug).length]));

    // Assess
    expect(CONTENT_QUESTIONS.length).toBeGreaterThanOrEqual(64);
    expect(unknown).toEqual([]);
    expect([...perPost].filter(([, n]) => n < 2)).toEqual([]);
  });

  it("asks in the reader's own words: no question repeats a title, and no question is asked twice", () => {
    // Prepare
    const titles = new Set(SEED_POSTS.map((p) => p.title.toLowerCase()));

    // Act
    const questions = CONTENT_QUESTIONS.map((q) => q.question.toLowerCase());

    // Assess
    expect(questions.filter((q) => titles.has(q))).toEqual([]);
    expect(new Set(questions).size).toBe(questions.length);
    for (const q of questions) expect(q.length).toBeLessThanOrEqual(200);
  });
});
