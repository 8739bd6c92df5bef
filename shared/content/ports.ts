import type { AccountStatusReader } from '../audit/active-account';
import type { AuditLog } from '../audit/ports';
import type { PractitionerRepository } from '../care/ports';
import type { PostStatus } from '../contracts/content';
import type { Clock } from '../domain/clock';
import type { Page, PageRequest } from '../domain/page';
import type { Role } from '../domain/roles';

/**
 * What the content library's editorial use cases need from outside: the content table (posts, their
 * revisions, slug claims, published snapshots, categories, the view and no-hit counters), the rebuild
 * queue, and the reviewer's practitioner profile (records table). Implemented by `DynamoContentPosts`
 * and `SqsContentQueue`; the fakes are in test/helpers/fakes/content.ts. Nothing here is PHI.
 */

export type { PostStatus };

/** Who writes posts; who reviews them medically; who publishes, archives and adds categories (the route table's roles). */
export const WRITERS: readonly Role[] = ['editor'];
export const REVIEWERS: readonly Role[] = ['provider'];
export const PUBLISHERS: readonly Role[] = ['editor', 'admin'];

/** The content of a post an editor writes. */
export interface PostContent {
  readonly title: string;
  readonly summary: string;
  /** Markdown. */
  readonly body: string;
  readonly category: string;
  readonly tags: readonly string[];
  readonly language: string;
}

/** A post's working copy (`POST#<id> / POST`). */
export interface PostRecord extends PostContent {
  readonly id: string;
  /** Fixed at creation, claimed for good (`SLUG#<slug> / CLAIM`). */
  readonly slug: string;
  readonly status: PostStatus;
  readonly authorId: string;
  /** The approval: all four present exactly while the post carries one (any change of content withdraws it). */
  readonly reviewedBy?: string;
  readonly reviewedByName?: string;
  readonly reviewedAt?: string;
  /** The version approved: publishing needs it to equal `version`. */
  readonly reviewedVersion?: number;
  /** The reviewer's last note (an approval's or a request for changes). */
  readonly reviewNote?: string;
  /** When the published snapshot was last written, and the working-copy version the publish wrote. */
  readonly publishedAt?: string;
  readonly publishedVersion?: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The optimistic-concurrency version (the `ETag`): 1 when created, one more on every write. */
  readonly version: number;
}

export type RevisionAction = 'create' | 'update' | 'review' | 'publish' | 'archive';

/** Revision `version` of a post (`POST#<id> / REV#<n>`): the working copy's content after one change. Immutable. */
export interface RevisionRecord extends PostContent {
  readonly version: number;
  readonly action: RevisionAction;
  readonly actorId: string;
  readonly at: string;
  readonly note?: string;
  readonly status: PostStatus;
}

/** The published snapshot (`SLUG#<slug> / PUBLIC`) as publishing writes it: without `html`, which the content worker adds. */
export interface PublishedSnapshot extends PostContent {
  readonly postId: string;
  readonly slug: string;
  readonly reviewedByName: string;
  readonly reviewedAt: string;
  readonly publishedAt: string;
  readonly publishedVersion: number;
}

export interface CategoryRecord {
  readonly slug: string;
  readonly name: string;
  readonly description?: string;
  readonly createdAt: string;
}

/** Posts' working copies and revisions, in the post's partition; listed by status on the sparse `byStatus` index. */
export interface PostRepository {
  /** The working copy, read consistently; `undefined` if there is none. */
  get(postId: string): Promise<PostRecord | undefined>;
  /**
   * Writes `record` iff the stored version is `record.version - 1` (for version 1: iff there is none), with its
   * `byStatus` keys (status, `<updatedAt>#<id>`). `false` when that precondition fails: nothing is written.
   */
  put(record: PostRecord): Promise<boolean>;
  /**
   * Undoes a `put`: puts `previous` back exactly, or deletes the working copy when there was none, iff the stored
   * version is still `written.version`. `false` when it is not (someone wrote since): nothing is written.
   */
  undoPut(written: Pick<PostRecord, 'id' | 'version'>, previous: PostRecord | undefined): Promise<boolean>;
  /** Writes revision `revision.version` iff there is none with that number. `false` when there is. */
  addRevision(postId: string, revision: RevisionRecord): Promise<boolean>;
  /** Deletes a revision this request wrote (the undo of `addRevision`): only while it is the one written (`at`, `actorId`). */
  removeRevision(postId: string, revision: Pick<RevisionRecord, 'version' | 'at' | 'actorId'>): Promise<void>;
  /** A post's revisions, newest first, one page. A cursor made for another post is refused (400). */
  revisions(postId: string, page: PageRequest): Promise<Page<RevisionRecord>>;
  /** Working copies in `status`, most recently updated first, one page (eventually consistent: an index). */
  byStatus(status: PostStatus, page: PageRequest): Promise<Page<PostRecord>>;
  /** How many working copies are in `status` (an index count, no items read out). */
  countByStatus(status: PostStatus): Promise<number>;
}

/** Slugs: each belongs to one post for good (`SLUG#<slug> / CLAIM`). */
export interface SlugClaims {
  /** Claims `slug` for `postId` iff nobody holds it. `false` when it is taken. */
  claim(slug: string, postId: string): Promise<boolean>;
  /** Gives a claim back (the undo of a creation that failed), only while `postId` holds it. */
  release(slug: string, postId: string): Promise<void>;
}

/** The published snapshots (`SLUG#<slug> / PUBLIC`) publishing and archiving write; the content worker renders them. */
export interface PublishedSnapshots {
  /** The snapshot as stored (with `html` and `renderedVersion` once rendered); `undefined` when none. */
  get(slug: string): Promise<(PublishedSnapshot & Record<string, unknown>) | undefined>;
  /** Writes the snapshot, replacing an older one (a lower `publishedVersion`) or none. `false` if a newer one is stored. */
  put(snapshot: PublishedSnapshot): Promise<boolean>;
  /** Puts back exactly what `get` returned (the undo of `put` or `remove`), or deletes when there was nothing. */
  restore(slug: string, previous: (PublishedSnapshot & Record<string, unknown>) | undefined): Promise<void>;
  /** Deletes the snapshot of `postId` at `slug`, if any. */
  remove(slug: string, postId: string): Promise<void>;
}

/** The managed list of categories (`CATEGORY / <slug>`). */
export interface CategoryRepository {
  get(slug: string): Promise<CategoryRecord | undefined>;
  /** Creates it iff no category has that slug. `false` when one has. */
  create(category: CategoryRecord): Promise<boolean>;
  /** The undo of `create`, only while the stored one is the one created (`createdAt`). */
  remove(category: Pick<CategoryRecord, 'slug' | 'createdAt'>): Promise<void>;
}

/** Views per post per day and searches that found nothing, per day (no person in either). */
export interface ContentCounters {
  /** Every `(date, postId, views)` of the UTC dates `from`…`to` (`YYYY-MM-DD`, inclusive). */
  views(from: string, to: string): Promise<{ date: string; postId: string; views: number }[]>;
  /** Every `(date, term, count)` of the UTC dates `from`…`to` (inclusive). */
  noHits(from: string, to: string): Promise<{ date: string; term: string; count: number }[]>;
  /** The working copies of these posts (unknown ids left out), in one batch. */
  posts(postIds: readonly string[]): Promise<Pick<PostRecord, 'id' | 'slug' | 'title'>[]>;
}

/** "The library changed": the content worker re-renders and rebuilds the index. */
export interface ContentQueue {
  /** Sends `{ kind: 'rebuild' }`; throws when it cannot (the caller decides whether that fails the request). */
  requestRebuild(): Promise<void>;
}

/** Every port of the area; a use case asks only for the ones it uses (`Pick<ContentDeps, …>`). */
export interface ContentDeps {
  readonly posts: PostRepository;
  readonly slugs: SlugClaims;
  readonly snapshots: PublishedSnapshots;
  readonly categories: CategoryRepository;
  readonly counters: ContentCounters;
  readonly queue: ContentQueue;
  /** The reviewer's practitioner profile (records table): its display name is what readers see. */
  readonly reviewers: Pick<PractitionerRepository, 'get'>;
  /**
   * The caller's account, read before every write: a token outlives its account, and a revoked role, by up to 15
   * minutes, and neither may change what patients read (`requireActiveAccount`).
   */
  readonly users: AccountStatusReader;
  readonly audit: AuditLog;
  readonly clock: Clock;
}
