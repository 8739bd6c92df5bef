import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PractitionerRecord } from '../../shared/care/ports';
import { createCategory } from '../../shared/content/categories';
import { dashboardStats } from '../../shared/content/dashboard-stats';
import { archivePost, createPost, listPosts, listRevisions, publishPost, reviewPost, updatePost } from '../../shared/content/posts';
import type { AuditEvent } from '../../shared/audit/ports';
import type { Caller } from '../../shared/domain/caller';
import type { Role } from '../../shared/domain/roles';
import { inMemoryContent } from '../helpers/fakes/content';
import { inMemoryFigures } from '../helpers/fakes/figures';
import { META, testClock } from '../helpers/in-memory';

const callerWith = (...roles: Role[]): Caller => ({ userId: randomUUID(), roles: ['patient', ...roles], clientId: 'app', tokenId: randomUUID() });

const POST = {
  slug: 'staying-hydrated',
  title: 'Staying hydrated',
  summary: 'Why water matters.',
  body: '# Water\n\nDrink when thirsty.',
  category: 'wellbeing',
  tags: ['water'],
  language: 'en',
};
const { slug: _slug, ...CONTENT } = POST;

/** The content fakes, an audit log that records (or fails on demand), a clock, an editor, a verified reviewer. */
const world = () => {
  const content = inMemoryContent();
  const events: AuditEvent[] = [];
  const audit = { fail: false };
  const clock = testClock();
  const deps = {
    ...content.deps,
    audit: {
      append: async (event: AuditEvent) => {
        if (audit.fail) throw new Error('audit store down');
        events.push(event);
      },
    },
    clock,
  };
  content.categories.set('wellbeing', { slug: 'wellbeing', name: 'Wellbeing', createdAt: clock.now().toISOString() });
  const editor = callerWith('editor');
  const reviewer = callerWith('provider');
  content.profiles.set(reviewer.userId, { userId: reviewer.userId, displayName: 'Dr Asha Rao', verified: true } as PractitionerRecord);
  const etag = (version: number) => `"${version}"`;
  /** A post taken through create → in_review → approve; the events so far cleared. */
  const approved = async () => {
    const created = await createPost(deps, editor, POST, META);
    const asked = await updatePost(deps, editor, created.id, { ...CONTENT, status: 'in_review' }, etag(1), META);
    const post = await reviewPost(deps, reviewer, created.id, { decision: 'approve' }, undefined, META);
    events.length = 0;
    return { created, asked, post };
  };
  return { content, deps, events, audit, clock, editor, reviewer, etag, approved };
};

describe('Content: the editorial workflow', () => {
  it('takes a post from draft to review, back for changes, to approval and publication, one revision and one audit event per step', async () => {
    // Prepare
    const w = world();

    // Act
    const created = await createPost(w.deps, w.editor, POST, META);
    const asked = await updatePost(w.deps, w.editor, created.id, { ...CONTENT, status: 'in_review' }, w.etag(1), META);
    const sentBack = await reviewPost(w.deps, w.reviewer, created.id, { decision: 'request_changes', note: 'Cite a source.' }, undefined, META);
    const fixed = await updatePost(w.deps, w.editor, created.id, { ...CONTENT, body: `${CONTENT.body}\n\nSource: WHO.`, status: 'in_review' }, w.etag(3), META);
    const approved = await reviewPost(w.deps, w.reviewer, created.id, { decision: 'approve' }, w.etag(4), META);
    const published = await publishPost(w.deps, w.editor, created.id, undefined, META);

    // Assess
    expect([created.status, asked.status, sentBack.status, fixed.status, approved.status, published.status]).toEqual([
      'draft',
      'in_review',
      'draft',
      'in_review',
      'in_review',
      'published',
    ]);
    expect(sentBack.reviewNote).toBe('Cite a source.');
    expect(approved).toMatchObject({ reviewedBy: w.reviewer.userId, reviewedByName: 'Dr Asha Rao', reviewedVersion: 5, version: 5 });
    expect(approved.reviewNote).toBeUndefined();
    expect(published).toMatchObject({ version: 6, publishedVersion: 6, publishedAt: w.clock.now().toISOString() });
    expect(w.content.revisions.get(created.id)!.map((r) => [r.version, r.action, r.status])).toEqual([
      [1, 'create', 'draft'],
      [2, 'update', 'in_review'],
      [3, 'review', 'draft'],
      [4, 'update', 'in_review'],
      [5, 'review', 'in_review'],
      [6, 'publish', 'published'],
    ]);
    expect(w.content.revisions.get(created.id)![2]!.note).toBe('Cite a source.');
    expect(w.events.map((e) => [e.action, e.outcome, e.subjectId])).toEqual(
      ['create', 'update', 'review', 'update', 'review', 'publish'].map((a) => [`content.${a}`, 'success', created.id]),
    );
    expect(w.content.snapshots.get(POST.slug)).toEqual({
      postId: created.id,
      slug: POST.slug,
      ...CONTENT,
      body: fixed.body,
      reviewedByName: 'Dr Asha Rao',
      reviewedAt: approved.reviewedAt,
      publishedAt: published.publishedAt,
      publishedVersion: 6,
    });
    expect(w.content.rebuilds).toEqual(['rebuild']);
  });

  it('withdraws an approval on any edit: publishing is then 409 not_approved and writes nothing', async () => {
    // Prepare
    const w = world();
    const { post } = await w.approved();
    const edited = await updatePost(w.deps, w.editor, post.id, { ...CONTENT, title: 'Hydration' }, w.etag(post.version), META);

    // Act
    const publishing = publishPost(w.deps, w.editor, post.id, undefined, META);

    // Assess
    await expect(publishing).rejects.toMatchObject({ status: 409, code: 'not_approved' });
    expect(edited).toMatchObject({ status: 'in_review', version: post.version + 1 });
    expect(edited.reviewedVersion).toBeUndefined();
    expect(edited.reviewedBy).toBeUndefined();
    expect(w.content.snapshots.size).toBe(0);
    expect(w.events.map((e) => [e.action, e.outcome, e.reason])).toEqual([
      ['content.update', 'success', undefined],
      ['content.publish', 'failure', 'not_approved'],
    ]);
  });

  it('keeps the published snapshot when a published post is edited, making the working copy a draft', async () => {
    // Prepare
    const w = world();
    const { post } = await w.approved();
    const published = await publishPost(w.deps, w.editor, post.id, undefined, META);
    const before = w.content.snapshots.get(POST.slug);

    // Act
    const edited = await updatePost(w.deps, w.editor, post.id, { ...CONTENT, title: 'A new title' }, w.etag(published.version), META);

    // Assess
    expect(edited.status).toBe('draft');
    expect(edited.publishedVersion).toBe(published.version);
    expect(w.content.snapshots.get(POST.slug)).toBe(before);
    expect(w.content.snapshots.get(POST.slug)!.title).toBe(POST.title);
  });

  it('archives a published post: its snapshot is deleted and a rebuild queued; archiving again or editing is 409 archived', async () => {
    // Prepare
    const w = world();
    const { post } = await w.approved();
    const published = await publishPost(w.deps, w.editor, post.id, undefined, META);
    w.content.rebuilds.length = 0;

    // Act
    const archived = await archivePost(w.deps, w.editor, post.id, w.etag(published.version), META);
    const again = archivePost(w.deps, w.editor, post.id, undefined, META);
    const edit = updatePost(w.deps, w.editor, post.id, CONTENT, w.etag(archived.version), META);

    // Assess
    expect(archived.status).toBe('archived');
    expect(w.content.snapshots.has(POST.slug)).toBe(false);
    expect(w.content.rebuilds).toEqual(['rebuild']);
    await expect(again).rejects.toMatchObject({ status: 409, code: 'archived' });
    await expect(edit).rejects.toMatchObject({ status: 409, code: 'archived' });
  });

  it('publishes even when the rebuild cannot be queued (the worker reconciles later)', async () => {
    // Prepare
    const w = world();
    const { post } = await w.approved();
    w.content.control.failQueue = true;

    // Act
    const published = await publishPost(w.deps, w.editor, post.id, undefined, META);

    // Assess
    expect(published.status).toBe('published');
    expect(w.content.snapshots.get(POST.slug)?.publishedVersion).toBe(published.version);
    expect(w.events).toHaveLength(1);
  });
});

describe('Content: refusals', () => {
  it('refuses a taken slug (409 slug_taken) and an unknown category (409 unknown_category), each audited, nothing written', async () => {
    // Prepare
    const w = world();
    await createPost(w.deps, w.editor, POST, META);
    w.events.length = 0;

    // Act
    const taken = await createPost(w.deps, w.editor, POST, META).catch((error: unknown) => error);
    const unknown = await createPost(w.deps, w.editor, { ...POST, slug: 'other', category: 'nope' }, META).catch((error: unknown) => error);

    // Assess
    expect(taken).toMatchObject({ status: 409, code: 'slug_taken' });
    expect(unknown).toMatchObject({ status: 409, code: 'unknown_category' });
    expect(w.content.posts.size).toBe(1);
    expect(w.content.claims.has('other')).toBe(false);
    expect(w.events.map((e) => [e.action, e.outcome, e.reason])).toEqual([
      ['content.create', 'failure', 'slug_taken'],
      ['content.create', 'failure', 'unknown_category'],
    ]);
  });

  it('answers 412 to a missing or stale If-Match on update, and 404 for an unknown post', async () => {
    // Prepare
    const w = world();
    const post = await createPost(w.deps, w.editor, POST, META);

    // Act
    const missing = updatePost(w.deps, w.editor, post.id, CONTENT, undefined, META);
    const stale = updatePost(w.deps, w.editor, post.id, CONTENT, w.etag(7), META);
    const unknown = updatePost(w.deps, w.editor, randomUUID(), CONTENT, w.etag(1), META);

    // Assess
    await expect(missing).rejects.toMatchObject({ status: 412 });
    await expect(stale).rejects.toMatchObject({ status: 412 });
    await expect(unknown).rejects.toMatchObject({ status: 404 });
    expect(w.content.posts.get(post.id)!.version).toBe(1);
  });

  it('writes nothing for an update that changes nothing, and audits it as unchanged', async () => {
    // Prepare
    const w = world();
    const post = await createPost(w.deps, w.editor, POST, META);
    w.events.length = 0;

    // Act
    const same = await updatePost(w.deps, w.editor, post.id, CONTENT, w.etag(1), META);

    // Assess
    expect(same.version).toBe(1);
    expect(w.content.revisions.get(post.id)).toHaveLength(1);
    expect(w.events).toEqual([expect.objectContaining({ action: 'content.update', outcome: 'success', reason: 'unchanged' })]);
  });

  it('refuses a review of one’s own post, of a post not in review, and an approval without a verified practitioner profile', async () => {
    // Prepare
    const w = world();
    const both = callerWith('editor', 'provider');
    w.content.profiles.set(both.userId, { userId: both.userId, displayName: 'Dr Both', verified: true } as PractitionerRecord);
    const own = await createPost(w.deps, both, POST, META);
    await updatePost(w.deps, both, own.id, { ...CONTENT, status: 'in_review' }, w.etag(1), META);
    const draft = await createPost(w.deps, w.editor, { ...POST, slug: 'a-draft' }, META);
    const unverified = callerWith('provider');
    w.content.profiles.set(unverified.userId, { userId: unverified.userId, displayName: 'Dr New', verified: false } as PractitionerRecord);
    const noProfile = callerWith('provider');

    // Act
    const ownReview = reviewPost(w.deps, both, own.id, { decision: 'approve' }, undefined, META);
    const draftReview = reviewPost(w.deps, w.reviewer, draft.id, { decision: 'approve' }, undefined, META);
    const unverifiedReview = reviewPost(w.deps, unverified, own.id, { decision: 'approve' }, undefined, META);
    const profileless = reviewPost(w.deps, noProfile, own.id, { decision: 'approve' }, undefined, META);
    const changesWithoutProfile = await reviewPost(w.deps, noProfile, own.id, { decision: 'request_changes', note: 'Shorter.' }, undefined, META);

    // Assess
    await expect(ownReview).rejects.toMatchObject({ status: 409, code: 'own_post' });
    await expect(draftReview).rejects.toMatchObject({ status: 409, code: 'not_in_review' });
    await expect(unverifiedReview).rejects.toMatchObject({ status: 409, code: 'reviewer_profile_required' });
    await expect(profileless).rejects.toMatchObject({ status: 409, code: 'reviewer_profile_required' });
    expect(changesWithoutProfile).toMatchObject({ status: 'draft', reviewNote: 'Shorter.' });
  });
});

describe('Content: undo when the audit append fails', () => {
  it('takes a creation back whole: working copy, revision and slug claim', async () => {
    // Prepare
    const w = world();
    w.audit.fail = true;

    // Act
    const creating = createPost(w.deps, w.editor, POST, META);

    // Assess
    await expect(creating).rejects.toThrow('audit store down');
    expect(w.content.posts.size).toBe(0);
    expect([...w.content.revisions.values()].flat()).toEqual([]);
    expect(w.content.claims.size).toBe(0);
  });

  it('takes a publication back: the previous working copy, no new revision, no snapshot', async () => {
    // Prepare
    const w = world();
    const { post } = await w.approved();
    w.audit.fail = true;

    // Act
    const publishing = publishPost(w.deps, w.editor, post.id, undefined, META);

    // Assess
    await expect(publishing).rejects.toThrow('audit store down');
    expect(w.content.posts.get(post.id)).toEqual(post);
    expect(w.content.revisions.get(post.id)!.map((r) => r.version)).toEqual([1, 2, 3]);
    expect(w.content.snapshots.size).toBe(0);
  });

  it('takes an archive back: the snapshot restored', async () => {
    // Prepare
    const w = world();
    const { post } = await w.approved();
    const published = await publishPost(w.deps, w.editor, post.id, undefined, META);
    const snapshot = w.content.snapshots.get(POST.slug);
    w.audit.fail = true;

    // Act
    const archiving = archivePost(w.deps, w.editor, post.id, undefined, META);

    // Assess
    await expect(archiving).rejects.toThrow('audit store down');
    expect(w.content.posts.get(post.id)).toEqual(published);
    expect(w.content.snapshots.get(POST.slug)).toEqual(snapshot);
  });

  it('puts the working copy back when its revision cannot be written (and answers 412 on update)', async () => {
    // Prepare
    const w = world();
    const post = await createPost(w.deps, w.editor, POST, META);
    w.content.control.failNextRevision = true;

    // Act
    const updating = updatePost(w.deps, w.editor, post.id, { ...CONTENT, title: 'New' }, w.etag(1), META);

    // Assess
    await expect(updating).rejects.toMatchObject({ status: 412 });
    expect(w.content.posts.get(post.id)).toEqual(post);
  });
});

describe('Content: reads, categories and the dashboard', () => {
  it('lists working copies by status newest first and revisions newest first', async () => {
    // Prepare
    const w = world();
    const first = await createPost(w.deps, w.editor, POST, META);
    w.clock.advance(1000);
    const second = await createPost(w.deps, w.editor, { ...POST, slug: 'second' }, META);
    w.clock.advance(1000);
    await updatePost(w.deps, w.editor, first.id, { ...CONTENT, status: 'in_review' }, w.etag(1), META);

    // Act
    const drafts = await listPosts(w.deps, undefined, { limit: 10 });
    const inReview = await listPosts(w.deps, 'in_review', { limit: 10 });
    const revisions = await listRevisions(w.deps, first.id, { limit: 10 });

    // Assess
    expect(drafts.items.map((p) => p.id)).toEqual([second.id]);
    expect(inReview.items.map((p) => p.id)).toEqual([first.id]);
    expect(revisions.items.map((r) => r.version)).toEqual([2, 1]);
    await expect(listRevisions(w.deps, randomUUID(), { limit: 10 })).rejects.toMatchObject({ status: 404 });
  });

  it('creates a category once (409 category_exists), and removes it again when the audit fails', async () => {
    // Prepare
    const w = world();
    const admin = callerWith('admin');

    // Act
    const created = await createCategory(w.deps, admin, { slug: 'sleep', name: 'Sleep' }, META);
    const again = await createCategory(w.deps, admin, { slug: 'sleep', name: 'Sleep again' }, META).catch((error: unknown) => error);
    w.audit.fail = true;
    const unaudited = await createCategory(w.deps, admin, { slug: 'diet', name: 'Diet' }, META).catch((error: unknown) => error);

    // Assess
    expect(created).toEqual({ slug: 'sleep', name: 'Sleep', createdAt: w.clock.now().toISOString() });
    expect(again).toMatchObject({ status: 409, code: 'category_exists' });
    expect(unaudited).toMatchObject({ message: 'audit store down' });
    expect([...w.content.categories.keys()].sort()).toEqual(['sleep', 'wellbeing']);
    expect(w.events.map((e) => [e.action, e.subjectId, e.outcome])).toEqual([
      ['content.category.create', 'category:sleep', 'success'],
      ['content.category.create', 'category:sleep', 'failure'],
    ]);
  });

  it('sums views over 7 and 30 days, ranks top posts and no-hit terms, and counts posts by status', async () => {
    // Prepare
    const w = world();
    const a = await createPost(w.deps, w.editor, POST, META);
    const b = await createPost(w.deps, w.editor, { ...POST, slug: 'b', title: 'B' }, META);
    // Today is 2026-11-25 (testClock): 7 days reach back to 11-19, 30 days to 10-27.
    w.content.views.push(
      { date: '2026-11-25', postId: a.id, views: 5 },
      { date: '2026-11-19', postId: b.id, views: 7 },
      { date: '2026-11-18', postId: b.id, views: 11 },
      { date: '2026-10-27', postId: a.id, views: 2 },
      { date: '2026-10-26', postId: a.id, views: 1000 },
    );
    w.content.noHits.push(
      { date: '2026-11-20', term: 'gout', count: 2 },
      { date: '2026-11-21', term: 'gout', count: 3 },
      { date: '2026-11-21', term: 'acne', count: 4 },
    );

    // Act
    const stats = await dashboardStats({ ...w.deps, figures: inMemoryFigures().figures });

    // Assess
    expect(stats).toEqual({
      posts: { draft: 2, in_review: 0, published: 0, archived: 0 },
      views: { last7Days: 12, last30Days: 25 },
      topPosts: [
        { postId: b.id, slug: 'b', title: 'B', views: 18 },
        { postId: a.id, slug: POST.slug, title: POST.title, views: 7 },
      ],
      searchesWithoutResults: [
        { term: 'gout', count: 5 },
        { term: 'acne', count: 4 },
      ],
      // The product figures: test/unit/content-figures.test.ts.
      product: { weeks: expect.any(Array) },
    });
  });
});
