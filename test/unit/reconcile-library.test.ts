import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MarkedRenderer } from '../../shared/adapters/markdown/marked-renderer';
import { IndexPublishConflictError, reconcileLibrary } from '../../shared/content/reconcile-library';
import type { RenderedSnapshot } from '../../shared/content/rendering';
import { inMemoryContentPublication, inMemorySearchIndexStore, type FakeWorkingCopy } from '../helpers/fakes/content-publication';

/** A word that must never be found: it is only ever in unpublished text. */
const CANARY_WORD = 'zanzibarquokka';

const snapshotOf = (post: { postId: string; slug: string; title: string; body: string }, publishedVersion: number): RenderedSnapshot => ({
  postId: post.postId,
  slug: post.slug,
  title: post.title,
  summary: `About ${post.title.toLowerCase()}.`,
  body: post.body,
  category: 'everyday-health',
  tags: ['sleep'],
  language: 'en',
  reviewedByName: 'Dr. Demo Reviewer',
  reviewedAt: '2026-11-01T10:00:00.000Z',
  publishedAt: '2026-11-02T10:00:00.000Z',
  publishedVersion,
});

const setUp = () => {
  const world = inMemoryContentPublication();
  const index = inMemorySearchIndexStore();
  const deps = { publication: world.publication, renderer: new MarkedRenderer(), searchIndex: index.store };
  const add = (post: FakeWorkingCopy & { title: string }, snapshot?: RenderedSnapshot) => {
    world.workingCopies.set(post.postId, post);
    if (snapshot) world.snapshots.set(post.slug, snapshot);
  };
  return { world, index, deps, add };
};

describe('Use case: reconcileLibrary', () => {
  it('renders every published snapshot, indexes them, and publishes the index', async () => {
    // Prepare
    const { world, index, deps, add } = setUp();
    const sleep = {
      postId: randomUUID(),
      slug: 'sleep-basics',
      title: 'Sleep basics',
      body: '# Sleep\n\nA steady **bedtime** helps.',
      status: 'published' as const,
    };
    const water = { postId: randomUUID(), slug: 'drinking-water', title: 'Drinking water', body: 'Sip water through the day.', status: 'published' as const };
    add({ ...sleep, publishedVersion: 4 }, snapshotOf(sleep, 4));
    add({ ...water, publishedVersion: 2 }, snapshotOf(water, 2));

    // Act
    const outcome = await reconcileLibrary(deps);

    // Assess
    expect(outcome).toEqual({ live: 2, rendered: 2, indexed: 2, version: 1 });
    expect(world.snapshots.get('sleep-basics')).toMatchObject({
      html: '<h1>Sleep</h1>\n<p>A steady <strong>bedtime</strong> helps.</p>\n',
      renderedVersion: 4,
    });
    expect(world.snapshots.get('drinking-water')).toMatchObject({ renderedVersion: 2 });
    expect(index.published).toEqual([{ version: 1, docCount: 2 }]);
    const current = (await index.store.current())!;
    expect(current.search('bedtime').map((hit) => hit.slug)).toEqual(['sleep-basics']);
    expect(
      current
        .list()
        .map((post) => post.slug)
        .sort(),
    ).toEqual(['drinking-water', 'sleep-basics']);
  });

  it('never indexes a draft: neither a new one nor the edit of a published post, whose published version stays found', async () => {
    // Prepare
    const { world, index, deps, add } = setUp();
    const fresh = { postId: randomUUID(), slug: 'new-draft', title: 'A new draft', body: `Unreviewed text about ${CANARY_WORD}.`, status: 'draft' as const };
    const edited = { postId: randomUUID(), slug: 'hand-washing', title: 'Hand washing', body: `Now with ${CANARY_WORD}.`, status: 'draft' as const };
    const inReview = { postId: randomUUID(), slug: 'in-review', title: 'In review', body: `Also ${CANARY_WORD}.`, status: 'in_review' as const };
    add(fresh);
    add(inReview);
    // The working copy holds the edit; the snapshot still holds version 3, the one reviewed and published.
    add({ ...edited, publishedVersion: 3 }, snapshotOf({ ...edited, body: 'Wash your hands with soap for twenty seconds.' }, 3));

    // Act
    const outcome = await reconcileLibrary(deps);

    // Assess
    expect(outcome).toMatchObject({ live: 1, indexed: 1 });
    const current = (await index.store.current())!;
    expect(current.search(CANARY_WORD)).toEqual([]);
    expect(current.search('soap hands').map((hit) => hit.slug)).toEqual(['hand-washing']);
    expect(current.list().map((post) => post.slug)).toEqual(['hand-washing']);
    expect(world.snapshots.has('new-draft')).toBe(false);
  });

  it('renders only what changed: an already rendered version is kept, a republished one is rendered again', async () => {
    // Prepare
    const { world, deps, add } = setUp();
    const kept = { postId: randomUUID(), slug: 'kept', title: 'Kept', body: 'Old body.', status: 'published' as const };
    const republished = { postId: randomUUID(), slug: 'republished', title: 'Republished', body: 'New body.', status: 'published' as const };
    add({ ...kept, publishedVersion: 2 }, { ...snapshotOf(kept, 2), html: '<p>kept as it was</p>', renderedVersion: 2 });
    add({ ...republished, publishedVersion: 6 }, { ...snapshotOf(republished, 6), html: '<p>version 3</p>', renderedVersion: 3 });

    // Act
    const outcome = await reconcileLibrary(deps);

    // Assess
    expect(outcome).toMatchObject({ rendered: 1, indexed: 2 });
    expect(world.renderings).toEqual([{ slug: 'republished', publishedVersion: 6 }]);
    expect(world.snapshots.get('kept')!.html).toBe('<p>kept as it was</p>');
    expect(world.snapshots.get('republished')).toMatchObject({ html: '<p>New body.</p>\n', renderedVersion: 6 });
  });

  it('leaves out a snapshot republished or archived while it ran (that change queued a run of its own)', async () => {
    // Prepare
    const { world, deps, add } = setUp();
    const moving = { postId: randomUUID(), slug: 'moving', title: 'Moving', body: 'Body.', status: 'published' as const };
    add({ ...moving, publishedVersion: 2 }, snapshotOf(moving, 2));
    const { saveRendering } = world.publication;
    world.publication.saveRendering = async (...args) => {
      world.snapshots.set('moving', snapshotOf(moving, 3));
      return saveRendering(...args);
    };

    // Act
    const outcome = await reconcileLibrary(deps);

    // Assess
    expect(outcome).toMatchObject({ live: 1, rendered: 0, indexed: 0, version: 1 });
    expect(world.snapshots.get('moving')!.html).toBeUndefined();
  });

  it('tries again once when another publisher moved the index, then fails so the queue retries', async () => {
    // Prepare
    const once = setUp();
    const twice = setUp();
    for (const { add } of [once, twice]) {
      const post = { postId: randomUUID(), slug: 'sleep', title: 'Sleep', body: 'Body.', status: 'published' as const };
      add({ ...post, publishedVersion: 1 }, snapshotOf(post, 1));
    }
    once.index.loseNext(1);
    twice.index.loseNext(2);

    // Act
    const retried = await reconcileLibrary(once.deps);
    const failed = reconcileLibrary(twice.deps);

    // Assess
    expect(retried.version).toBe(2);
    expect(once.index.published).toEqual([{ version: 2, docCount: 1 }]);
    await expect(failed).rejects.toBeInstanceOf(IndexPublishConflictError);
  });

  it('publishes an empty index when nothing is published (the last post archived)', async () => {
    // Prepare
    const { index, deps, add } = setUp();
    add({ postId: randomUUID(), slug: 'gone', title: 'Gone', body: 'Archived.', status: 'archived', publishedVersion: 2 });

    // Act
    const outcome = await reconcileLibrary(deps);

    // Assess
    expect(outcome).toEqual({ live: 0, rendered: 0, indexed: 0, version: 1 });
    expect((await index.store.current())!.list()).toEqual([]);
  });
});
