import { SEED_CATEGORIES } from './seed-library/categories';
import { SEED_POSTS } from './seed-library/posts';

/**
 * The content part of `npm run seed` (issue 12): the seed library's categories and posts, published through the
 * API as an editor would, each approved by a demo provider first (LOCAL DEMO DATA ONLY: a real library is reviewed by
 * its own clinicians). Idempotent: a category that exists (409) is kept; a post is found by its slug among the working
 * copies and taken only as far as it still has to go (create → ask for review → approve → publish). A post that is
 * published (or was, and has a newer working copy), archived, or sent back by a reviewer is left alone.
 */

/** What bin/seed.ts's `call` answers. */
export interface SeedReply {
  readonly status: number;
  readonly json: Record<string, unknown> | undefined;
  readonly etag: string | null;
}
export type SeedCall = (method: string, path: string, body?: unknown, token?: string, headers?: Record<string, string>) => Promise<SeedReply>;

export interface DemoEditor {
  readonly role: 'editor';
  readonly email: string;
  readonly password: string;
  readonly name: string;
}

/** The demo editor (the demo network's domain, a demo-only password like the others: printed, never used elsewhere). */
export const demoEditor = (): DemoEditor => ({
  role: 'editor',
  email: 'editor@demo.example.com',
  password: 'demo-only saffron-canyon-lantern 188',
  name: 'Demo Editor',
});

export interface ContentSeedResult {
  categories: number;
  created: number;
  submitted: number;
  approved: number;
  published: number;
  /** Posts already published: nothing to do. */
  unchanged: number;
  /** Slugs left alone with the reason: archived, or changes requested by a reviewer. */
  leftAlone: string[];
}

/** The fields of a working copy (`Post` in shared/contracts/content.ts) the seed reads. */
interface WorkingCopy {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly category: string;
  readonly tags: readonly string[];
  readonly language: string;
  readonly status: 'draft' | 'in_review' | 'published' | 'archived';
  readonly version: number;
  readonly reviewedVersion?: number;
  readonly reviewNote?: string;
  readonly publishedVersion?: number;
}

const STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
const REVIEW_NOTE = 'Seed library: approved by a demo provider for the local demo (npm run seed); not a clinical review.';

const errorCode = (reply: SeedReply): unknown => (reply.json?.error as { code?: unknown } | undefined)?.code;

const ok = (reply: SeedReply, statuses: readonly number[], what: string): SeedReply => {
  if (!statuses.includes(reply.status)) throw new Error(`${what}: HTTP ${reply.status} ${JSON.stringify(reply.json)}`);
  return reply;
};

/** The If-Match of a working copy: its version, quoted (the ETag the content routes send). */
const ifMatch = (copy: WorkingCopy): Record<string, string> => ({ 'if-match': `"${copy.version}"` });

const contentOf = ({ title, summary, body, category, tags, language }: WorkingCopy) => ({ title, summary, body, category, tags, language });

/** Every working copy, by slug: one listing per status, page by page. */
const workingCopies = async (call: SeedCall, token: string): Promise<Map<string, WorkingCopy>> => {
  const copies = new Map<string, WorkingCopy>();
  for (const status of STATUSES) {
    let cursor: string | undefined;
    do {
      const query = new URLSearchParams({ status, limit: '100', ...(cursor === undefined ? {} : { cursor }) });
      const page = ok(await call('GET', `/api/v1/content/manage/posts?${query}`, undefined, token), [200], `list ${status} posts`).json as {
        items: WorkingCopy[];
        nextCursor?: string;
      };
      for (const item of page.items) copies.set(item.slug, item);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }
  return copies;
};

/**
 * Creates the seed library's categories, then takes every seed post to `published`: `editor` (a token of an account
 * with the `editor` role) writes and publishes, `reviewer` (a token of a provider with a verified practitioner
 * profile) approves.
 */
export const seedContent = async (call: SeedCall, tokens: { readonly editor: string; readonly reviewer: string }): Promise<ContentSeedResult> => {
  const result: ContentSeedResult = { categories: 0, created: 0, submitted: 0, approved: 0, published: 0, unchanged: 0, leftAlone: [] };
  for (const category of SEED_CATEGORIES) {
    const reply = await call('POST', '/api/v1/content/categories', category, tokens.editor);
    if (reply.status === 409 && errorCode(reply) === 'category_exists') continue;
    ok(reply, [201], `category ${category.slug}`);
    result.categories++;
  }

  let existing = await workingCopies(call, tokens.editor);
  for (const post of SEED_POSTS) {
    let copy = existing.get(post.slug);
    if (copy === undefined) {
      const created = await call('POST', '/api/v1/content/posts', post, tokens.editor);
      if (created.status === 409 && errorCode(created) === 'slug_taken') {
        // Written since the listing (another seed run?): look it up again.
        existing = await workingCopies(call, tokens.editor);
        copy = existing.get(post.slug);
        if (copy === undefined) throw new Error(`post ${post.slug}: the slug is taken, but no working copy holds it`);
      } else {
        copy = ok(created, [201], `create ${post.slug}`).json as unknown as WorkingCopy;
        result.created++;
      }
    }
    if (copy.status === 'published' || copy.publishedVersion !== undefined) {
      result.unchanged++;
      continue;
    }
    if (copy.status === 'archived' || (copy.status === 'draft' && copy.reviewNote !== undefined)) {
      result.leftAlone.push(`${post.slug} (${copy.status === 'archived' ? 'archived' : 'changes requested by a reviewer'})`);
      continue;
    }
    const step = async (method: string, path: string, body: unknown, token: string, what: string): Promise<WorkingCopy> =>
      ok(await call(method, path, body, token, ifMatch(copy!)), [200], `${what} ${post.slug}`).json as unknown as WorkingCopy;
    if (copy.status === 'draft') {
      copy = await step('PUT', `/api/v1/content/posts/${copy.id}`, { ...contentOf(copy), status: 'in_review' }, tokens.editor, 'ask for review of');
      result.submitted++;
    }
    if (copy.reviewedVersion !== copy.version) {
      copy = await step('POST', `/api/v1/content/posts/${copy.id}/review`, { decision: 'approve', note: REVIEW_NOTE }, tokens.reviewer, 'approve');
      result.approved++;
    }
    await step('POST', `/api/v1/content/posts/${copy.id}/publish`, undefined, tokens.editor, 'publish');
    result.published++;
  }
  return result;
};

/** One line for the seed's report. */
export const describeContentSeed = (r: ContentSeedResult): string =>
  [
    `Content library: ${r.categories} categories created, ${r.created} posts created, ${r.submitted} sent for review, ${r.approved} approved, ${r.published} published, ${r.unchanged} already published`,
    r.leftAlone.length > 0 ? `; left alone: ${r.leftAlone.join(', ')}` : '',
    r.published > 0 ? ' (the content worker renders and indexes them: `npm start` runs it).' : '.',
  ].join('');
