import { describe, expect, it } from 'vitest';
import { contentBench, recallOf, type BenchPost } from '../../bench/content';
import { buildSearchIndex, markdownToText } from '../../shared/content/search-index';

const post = (slug: string, title: string, body: string, tags: string[]): BenchPost => ({
  slug,
  title,
  summary: `${title}: what helps.`,
  category: 'everyday-health',
  tags,
  language: 'en',
  body,
});

const POSTS = [
  post('sleeping-better', 'Sleeping better', 'Keep a **routine**; a dark, cool bedroom; no caffeine late.', ['sleep', 'insomnia']),
  post('sore-throat', 'Sore throat', 'Gargle salt water; honey in warm water soothes.', ['throat']),
  post('sun-safety', 'Sun safety', 'Use sunscreen, wear a hat, stay in the shade at midday.', ['sunburn']),
  post('back-pain', 'Back pain', 'Keep moving gently; heat may help a stiff back.', ['back']),
];

describe('Bench: content', () => {
  it('measures recall@1 and recall@3 and lists what was missed', async () => {
    // Prepare
    const index = buildSearchIndex(
      POSTS.map((p, i) => ({
        ...p,
        postId: String(i),
        text: markdownToText(p.body),
        publishedAt: '2026-11-01',
        reviewedByName: 'R',
        reviewedAt: '2026-11-01',
      })),
      1,
    );

    // Act
    const recall = await recallOf(index, [
      { question: 'I lie awake at night, how do I sleep?', slug: 'sleeping-better' },
      { question: 'what can I gargle for my throat', slug: 'sore-throat' },
      { question: 'how to avoid sunburn on holiday', slug: 'sun-safety' },
      { question: 'my favourite pizza topping', slug: 'back-pain' },
    ]);

    // Assess
    expect(recall.at1).toBe(0.75);
    expect(recall.at3).toBe(0.75);
    expect(recall.misses).toEqual([{ question: 'my favourite pizza topping', expected: 'back-pain', got: [] }]);
  });

  it('reports PASS at target, NOT MET below it with the misses, and the cost ratios', async () => {
    // Act
    const met = await contentBench(POSTS, [{ question: 'stiff back', slug: 'back-pain' }], { rounds: 2 });
    const missed = await contentBench(POSTS, [{ question: 'pizza', slug: 'back-pain' }], { rounds: 2 });

    // Assess
    expect(met.failures).toEqual([]);
    expect(met.lines.join('\n')).toMatch(/recall@3 +100\.0 % +target ≥ 80\.0 % +PASS/);
    expect(met.lines.join('\n')).toMatch(/build the index .* JSON\.parse of its JSON .* \d+\.\d\d×/);
    expect(met.lines.join('\n')).toMatch(/search, p50 per question .* \d+\.\d\d×/);
    expect(missed.lines.join('\n')).toContain('NOT MET');
    expect(missed.lines.join('\n')).toContain('"pizza" → expected back-pain, got nothing');
    expect(missed.failures).toEqual(['content: recall@3 0.0 % < 80.0 % (target, lexical)']);
  });
});
