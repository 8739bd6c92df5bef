import { randomUUID } from 'node:crypto';
import { actorOf, requestFacts } from '../audit/actor';
import { requireActiveAccount } from '../audit/active-account';
import type { CreatePostRequest, ReviewRequest, UpdatePostRequest } from '../contracts/content';
import type { Caller, RequestMeta } from '../domain/caller';
import type { Page, PageRequest } from '../domain/page';
import { type CareBowError, ConflictError, NotFoundError, PreconditionFailedError } from '../errors';
import { log } from '../logger';
import { versionFromIfMatch } from '../records/profile';
import { ContentConflictError } from './errors';
import {
  type ContentDeps,
  type PostContent,
  type PostRecord,
  type PostStatus,
  type PublishedSnapshot,
  PUBLISHERS,
  REVIEWERS,
  type RevisionAction,
  type RevisionRecord,
  WRITERS,
} from './ports';

/**
 * The editorial workflow of a post (issue 12; docs/architecture.md, "The content library"):
 *
 *   create (editor) → draft ⇄ in_review (editor, PUT) → approve | request_changes (a provider, not the author)
 *   → publish (editor or admin, only the approved version) → published; archive (editor or admin) from any status.
 *
 * Every change is one conditional put of the working copy on its version, then its revision (`REV#<n>`, never
 * overwritten; if it cannot be written the working copy is put back), then whatever else the change moves (the slug
 * claim, the published snapshot), then exactly one audit event. If the append fails, every write is undone in reverse
 * order and the request fails. A refused request (404, 409, 412) writes nothing but its audit event.
 *
 * Any change of content withdraws an approval (`reviewedVersion` is pinned to the version approved, and every write
 * makes a new version), and on a published post makes the working copy a draft: readers keep the published snapshot
 * until a new version is approved and published.
 */

type Deps<K extends keyof ContentDeps> = Pick<ContentDeps, K>;

/** The content fields of a record or a request, copied (a record's lists are never shared). */
const contentOf = (post: PostContent): PostContent => ({
  title: post.title,
  summary: post.summary,
  body: post.body,
  category: post.category,
  tags: [...post.tags],
  language: post.language,
});

const sameContent = (a: PostContent, b: PostContent): boolean => JSON.stringify(contentOf(a)) === JSON.stringify(contentOf(b));

/** The record without its approval. */
const withoutApproval = (post: PostRecord): PostRecord => {
  const { reviewedBy: _by, reviewedByName: _name, reviewedAt: _at, reviewedVersion: _version, ...rest } = post;
  return rest;
};

const revisionOf = (post: PostRecord, action: RevisionAction, actorId: string, note?: string): RevisionRecord => ({
  version: post.version,
  action,
  actorId,
  at: post.updatedAt,
  ...(note === undefined ? {} : { note }),
  ...contentOf(post),
  status: post.status,
});

/** The public snapshot of a post as its publish writes it (the content worker adds `html`). */
const snapshotOf = (post: PostRecord): PublishedSnapshot => ({
  postId: post.id,
  slug: post.slug,
  ...contentOf(post),
  reviewedByName: post.reviewedByName!,
  reviewedAt: post.reviewedAt!,
  publishedAt: post.publishedAt!,
  publishedVersion: post.publishedVersion!,
});

/** The working copy and then its revision; if the revision cannot be written, the working copy is put back. */
const writeChange = async (
  deps: Deps<'posts'>,
  next: PostRecord,
  previous: PostRecord | undefined,
  action: RevisionAction,
  actorId: string,
  note?: string,
): Promise<boolean> => {
  if (!(await deps.posts.put(next))) return false;
  if (await deps.posts.addRevision(next.id, revisionOf(next, action, actorId, note))) return true;
  await deps.posts.undoPut(next, previous);
  return false;
};

/** The undo of `writeChange`: the working copy back (unless someone wrote since), then its revision removed. */
const undoChange = async (deps: Deps<'posts'>, written: PostRecord, previous: PostRecord | undefined, actorId: string): Promise<void> => {
  if (await deps.posts.undoPut(written, previous)) await deps.posts.removeRevision(written.id, { version: written.version, at: written.updatedAt, actorId });
};

/**
 * Appends the request's one audit event (to the post's chain), success or refusal; if the append fails, `undo` takes
 * back what was written and the request fails. Then throws the refusal, if any.
 */
const auditOutcome = async (
  deps: Deps<'audit'>,
  action: RevisionAction,
  caller: Caller,
  postId: string,
  meta: RequestMeta,
  refusal: CareBowError | undefined,
  undo: () => Promise<void>,
  reason?: string,
): Promise<void> => {
  try {
    await deps.audit.append({
      action: `content.${action}`,
      outcome: refusal ? 'failure' : 'success',
      subjectId: postId,
      actor: actorOf(caller),
      resource: { type: 'post', id: postId },
      ...requestFacts(meta),
      ...(refusal ? { reason: refusal.code } : reason ? { reason } : {}),
    });
  } catch (error) {
    if (!refusal) await undo();
    throw error;
  }
  if (refusal) throw refusal;
};

const notFound = () => new NotFoundError('No such post.');
const stale = (expected: number | undefined | 'none') =>
  new PreconditionFailedError(
    expected === undefined ? 'Send If-Match with the post’s ETag to change it.' : 'The post has changed; reload it and retry with the new ETag.',
  );
/** A write lost to a concurrent one that read the same version (no If-Match was sent to say which). */
const changedMeanwhile = () => new ConflictError('The post changed meanwhile; reload it and retry.');

/** Whether an optional `If-Match` names another version than `current`'s (a malformed one names none). */
const ifMatchFails = (ifMatch: string | undefined, current: PostRecord): boolean => {
  const expected = versionFromIfMatch(ifMatch);
  return expected !== undefined && expected !== current.version;
};

/**
 * Why a publish or an archive may not change `current` (unknown, a stale optional `If-Match`, or
 * archived already), or `undefined` when it may.
 */
const refusalToMove = (current: PostRecord | undefined, ifMatch: string | undefined): CareBowError | undefined => {
  if (current === undefined) return notFound();
  if (ifMatchFails(ifMatch, current)) return stale(versionFromIfMatch(ifMatch));
  return current.status === 'archived' ? new ContentConflictError('archived') : undefined;
};

/** Rebuilds the public library after publishing or archiving. A failure does not fail the request: the worker reconciles on its next run. */
const requestRebuild = async (deps: Deps<'queue'>, action: RevisionAction): Promise<void> => {
  try {
    await deps.queue.requestRebuild();
  } catch (error) {
    log.warn('content rebuild not queued', { action: `content.${action}`, dependency: 'content-queue', errorName: (error as Error | undefined)?.name });
  }
};

/**
 * Creates a post, a draft at version 1, written by the caller: the category must exist (409 `unknown_category`),
 * the slug is claimed for good (409 `slug_taken`).
 */
export const createPost = async (
  deps: Deps<'posts' | 'slugs' | 'categories' | 'audit' | 'clock' | 'users'>,
  caller: Caller,
  body: CreatePostRequest,
  meta: RequestMeta,
): Promise<PostRecord> => {
  await requireActiveAccount(deps, caller, meta, { action: 'content.create', resource: { type: 'post' }, roles: WRITERS });
  const id = randomUUID();
  const now = deps.clock.now().toISOString();
  let refusal: CareBowError | undefined;
  let written: PostRecord | undefined;
  if ((await deps.categories.get(body.category)) === undefined) refusal = new ContentConflictError('unknown_category');
  else if (!(await deps.slugs.claim(body.slug, id))) refusal = new ContentConflictError('slug_taken');
  else {
    const record: PostRecord = {
      id,
      slug: body.slug,
      ...contentOf(body),
      status: 'draft',
      authorId: caller.userId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    if (await writeChange(deps, record, undefined, 'create', caller.userId)) written = record;
    else {
      await deps.slugs.release(body.slug, id);
      refusal = changedMeanwhile();
    }
  }
  await auditOutcome(deps, 'create', caller, id, meta, refusal, async () => {
    await undoChange(deps, written!, undefined, caller.userId);
    await deps.slugs.release(body.slug, id);
  });
  return written!;
};

/**
 * Replaces a post's content given its ETag (`If-Match`; missing or stale → 412). `status` may ask for review
 * (`in_review`) or take it back (`draft`); without it, a published post whose content changes becomes a draft and
 * any other keeps its status. Every write withdraws an approval. Archived posts cannot be changed (409 `archived`).
 * A request that changes nothing writes nothing (its audit event says `unchanged`).
 */
export const updatePost = async (
  deps: Deps<'posts' | 'categories' | 'audit' | 'clock' | 'users'>,
  caller: Caller,
  postId: string,
  body: UpdatePostRequest,
  ifMatch: string | undefined,
  meta: RequestMeta,
): Promise<PostRecord> => {
  await requireActiveAccount(deps, caller, meta, { action: 'content.update', resource: { type: 'post', id: postId }, roles: WRITERS });
  const expected = versionFromIfMatch(ifMatch);
  const current = await deps.posts.get(postId);
  let refusal: CareBowError | undefined;
  let written: PostRecord | undefined;
  let unchanged = false;
  if (current === undefined) refusal = notFound();
  else if (expected !== current.version) refusal = stale(expected);
  else if (current.status === 'archived') refusal = new ContentConflictError('archived');
  else if (body.category !== current.category && (await deps.categories.get(body.category)) === undefined)
    refusal = new ContentConflictError('unknown_category');
  else {
    const changed = !sameContent(current, body);
    const status: PostStatus = body.status ?? (changed && current.status === 'published' ? 'draft' : current.status);
    if (!changed && status === current.status) unchanged = true;
    else {
      const next: PostRecord = {
        ...withoutApproval(current),
        ...contentOf(body),
        status,
        updatedAt: deps.clock.now().toISOString(),
        version: current.version + 1,
      };
      if (await writeChange(deps, next, current, 'update', caller.userId)) written = next;
      else refusal = stale(expected);
    }
  }
  await auditOutcome(
    deps,
    'update',
    caller,
    postId,
    meta,
    refusal,
    () => undoChange(deps, written!, current, caller.userId),
    unchanged ? 'unchanged' : undefined,
  );
  return written ?? current!;
};

/**
 * A provider reviews a post in review (else 409 `not_in_review`) that they did not write (409 `own_post`): `approve`
 * records them (by their verified practitioner profile's display name, else 409 `reviewer_profile_required`), when,
 * and the version approved; `request_changes` sends it back to draft with the note. An `If-Match` (optional) pins the
 * version reviewed (412 if stale).
 */
export const reviewPost = async (
  deps: Deps<'posts' | 'reviewers' | 'audit' | 'clock' | 'users'>,
  caller: Caller,
  postId: string,
  body: ReviewRequest,
  ifMatch: string | undefined,
  meta: RequestMeta,
): Promise<PostRecord> => {
  await requireActiveAccount(deps, caller, meta, { action: 'content.review', resource: { type: 'post', id: postId }, roles: REVIEWERS });
  const current = await deps.posts.get(postId);
  let refusal: CareBowError | undefined;
  let written: PostRecord | undefined;
  if (current === undefined) refusal = notFound();
  else if (ifMatchFails(ifMatch, current)) refusal = stale(versionFromIfMatch(ifMatch));
  else if (current.authorId === caller.userId) refusal = new ContentConflictError('own_post');
  else if (current.status !== 'in_review') refusal = new ContentConflictError('not_in_review');
  else {
    const profile = body.decision === 'approve' ? await deps.reviewers.get(caller.userId) : undefined;
    if (body.decision === 'approve' && profile?.verified !== true) refusal = new ContentConflictError('reviewer_profile_required');
    else {
      const now = deps.clock.now().toISOString();
      const version = current.version + 1;
      const { reviewNote: _note, ...base } = withoutApproval(current);
      const next: PostRecord = {
        ...base,
        ...(profile
          ? { reviewedBy: caller.userId, reviewedByName: profile.displayName, reviewedAt: now, reviewedVersion: version }
          : { status: 'draft' as const }),
        ...(body.note === undefined ? {} : { reviewNote: body.note }),
        updatedAt: now,
        version,
      };
      if (await writeChange(deps, next, current, 'review', caller.userId, body.note)) written = next;
      else refusal = changedMeanwhile();
    }
  }
  await auditOutcome(deps, 'review', caller, postId, meta, refusal, () => undoChange(deps, written!, current, caller.userId), written && body.decision);
  return written!;
};

/**
 * Publishes the approved version of a post (in review, `reviewedVersion` = `version`, else 409 `not_approved`): the
 * working copy becomes `published`, then its public snapshot (without `html`) replaces the previous one, then a rebuild
 * is queued (a failed enqueue is logged, not failed: the worker reconciles on its next run). `If-Match` optional.
 */
export const publishPost = async (
  deps: Deps<'posts' | 'snapshots' | 'queue' | 'audit' | 'clock' | 'users'>,
  caller: Caller,
  postId: string,
  ifMatch: string | undefined,
  meta: RequestMeta,
): Promise<PostRecord> => {
  await requireActiveAccount(deps, caller, meta, { action: 'content.publish', resource: { type: 'post', id: postId }, roles: PUBLISHERS });
  const current = await deps.posts.get(postId);
  let refusal = refusalToMove(current, ifMatch);
  let written: PostRecord | undefined;
  let previousSnapshot: Awaited<ReturnType<ContentDeps['snapshots']['get']>>;
  if (refusal === undefined && current !== undefined) {
    if (current.status !== 'in_review' || current.reviewedVersion !== current.version) refusal = new ContentConflictError('not_approved');
    else {
      const now = deps.clock.now().toISOString();
      const version = current.version + 1;
      const next: PostRecord = { ...current, status: 'published', publishedAt: now, publishedVersion: version, updatedAt: now, version };
      if (await writeChange(deps, next, current, 'publish', caller.userId)) {
        previousSnapshot = await deps.snapshots.get(next.slug);
        if (await deps.snapshots.put(snapshotOf(next))) written = next;
        else await undoChange(deps, next, current, caller.userId);
      }
      if (written === undefined) refusal = changedMeanwhile();
    }
  }
  await auditOutcome(deps, 'publish', caller, postId, meta, refusal, async () => {
    await deps.snapshots.restore(written!.slug, previousSnapshot);
    await undoChange(deps, written!, current, caller.userId);
  });
  await requestRebuild(deps, 'publish');
  return written!;
};

/**
 * Archives a post (from any status but archived: 409 `archived`): the working copy becomes `archived` and its public
 * snapshot, if any, is deleted, then a rebuild is queued (as for publishing). `If-Match` optional.
 */
export const archivePost = async (
  deps: Deps<'posts' | 'snapshots' | 'queue' | 'audit' | 'clock' | 'users'>,
  caller: Caller,
  postId: string,
  ifMatch: string | undefined,
  meta: RequestMeta,
): Promise<PostRecord> => {
  await requireActiveAccount(deps, caller, meta, { action: 'content.archive', resource: { type: 'post', id: postId }, roles: PUBLISHERS });
  const current = await deps.posts.get(postId);
  let refusal = refusalToMove(current, ifMatch);
  let written: PostRecord | undefined;
  let previousSnapshot: Awaited<ReturnType<ContentDeps['snapshots']['get']>>;
  if (refusal === undefined && current !== undefined) {
    const next: PostRecord = { ...current, status: 'archived', updatedAt: deps.clock.now().toISOString(), version: current.version + 1 };
    if (await writeChange(deps, next, current, 'archive', caller.userId)) {
      written = next;
      previousSnapshot = await deps.snapshots.get(next.slug);
      if (previousSnapshot !== undefined) await deps.snapshots.remove(next.slug, next.id);
    } else refusal = changedMeanwhile();
  }
  await auditOutcome(deps, 'archive', caller, postId, meta, refusal, async () => {
    if (previousSnapshot !== undefined) await deps.snapshots.restore(written!.slug, previousSnapshot);
    await undoChange(deps, written!, current, caller.userId);
  });
  if (previousSnapshot !== undefined) await requestRebuild(deps, 'archive');
  return written!;
};

/** A post's working copy (editors, admins, reviewers). Not audited: content is not PHI. */
export const getPost = async (deps: Deps<'posts'>, postId: string): Promise<PostRecord> => {
  const post = await deps.posts.get(postId);
  if (post === undefined) throw notFound();
  return post;
};

/** Working copies in a status (draft unless told), most recently updated first. */
export const listPosts = (deps: Deps<'posts'>, status: PostStatus | undefined, page: PageRequest): Promise<Page<PostRecord>> =>
  deps.posts.byStatus(status ?? 'draft', page);

/** A post's revisions, newest first; 404 for a post that does not exist. */
export const listRevisions = async (deps: Deps<'posts'>, postId: string, page: PageRequest): Promise<Page<RevisionRecord>> => {
  if ((await deps.posts.get(postId)) === undefined) throw notFound();
  return deps.posts.revisions(postId, page);
};
