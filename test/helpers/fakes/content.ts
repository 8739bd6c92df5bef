import type { PractitionerRecord } from '../../../shared/care/ports';
import type { CategoryRecord, ContentDeps, PostRecord, PublishedSnapshot, RevisionRecord } from '../../../shared/content/ports';
import { postStatusSort } from '../../../shared/data/keys';
import { ROLES } from '../../../shared/domain/roles';
import { pageOf } from './page';

type StoredSnapshot = PublishedSnapshot & Record<string, unknown>;

/**
 * The content ports in memory, honouring their contracts like `shared/adapters/aws/dynamo-content-posts.ts`: a
 * working copy is put only over version `version - 1` (over nothing for 1) and undone only while it is the version
 * written; a revision, a slug claim and a category are written once; a snapshot only over an older one; lists newest
 * first. Stored records are frozen, so a use case that mutated what it read throws. `failNextRevision` makes the next
 * `addRevision` refuse (as an existing `REV#<n>` would), and `failQueue` makes the queue throw. An account not in
 * `accounts` reads as active with every role.
 */
export const inMemoryContent = () => {
  const posts = new Map<string, PostRecord>();
  const revisions = new Map<string, RevisionRecord[]>();
  const claims = new Map<string, string>();
  const snapshots = new Map<string, StoredSnapshot>();
  const categories = new Map<string, CategoryRecord>();
  const views: { date: string; postId: string; views: number }[] = [];
  const noHits: { date: string; term: string; count: number }[] = [];
  const profiles = new Map<string, PractitionerRecord>();
  const accounts = new Map<string, { status: string; roles: readonly string[] }>();
  const rebuilds: string[] = [];
  const control = { failNextRevision: false, failQueue: false };

  const freeze = <T extends object>(record: T): T =>
    Object.freeze({ ...record, ...('tags' in record ? { tags: Object.freeze([...(record.tags as string[])]) } : {}) });

  const deps: Omit<ContentDeps, 'audit' | 'clock'> = {
    posts: {
      get: async (id) => posts.get(id),
      put: async (record) => {
        const current = posts.get(record.id);
        if (record.version === 1 ? current !== undefined : current?.version !== record.version - 1) return false;
        posts.set(record.id, freeze(record));
        return true;
      },
      undoPut: async (written, previous) => {
        if (posts.get(written.id)?.version !== written.version) return false;
        if (previous === undefined) posts.delete(written.id);
        else posts.set(written.id, freeze(previous));
        return true;
      },
      addRevision: async (postId, revision) => {
        const list = revisions.get(postId) ?? [];
        if (control.failNextRevision || list.some((r) => r.version === revision.version)) {
          control.failNextRevision = false;
          return false;
        }
        revisions.set(postId, [...list, freeze(revision)]);
        return true;
      },
      removeRevision: async (postId, revision) => {
        const list = revisions.get(postId) ?? [];
        revisions.set(
          postId,
          list.filter((r) => !(r.version === revision.version && r.at === revision.at && r.actorId === revision.actorId)),
        );
      },
      revisions: async (postId, page) =>
        pageOf(revisions.get(postId) ?? [], postId, page, { key: (r) => String(r.version).padStart(10, '0'), descending: true }),
      byStatus: async (status, page) =>
        pageOf(
          [...posts.values()].filter((p) => p.status === status),
          status,
          page,
          { key: (p) => postStatusSort(p.updatedAt, p.id), descending: true },
        ),
      countByStatus: async (status) => [...posts.values()].filter((p) => p.status === status).length,
    },
    slugs: {
      claim: async (slug, postId) => {
        if (claims.has(slug)) return false;
        claims.set(slug, postId);
        return true;
      },
      release: async (slug, postId) => {
        if (claims.get(slug) === postId) claims.delete(slug);
      },
    },
    snapshots: {
      get: async (slug) => snapshots.get(slug),
      put: async (snapshot) => {
        const current = snapshots.get(snapshot.slug);
        if (current !== undefined && current.publishedVersion >= snapshot.publishedVersion) return false;
        snapshots.set(snapshot.slug, freeze(snapshot as StoredSnapshot));
        return true;
      },
      restore: async (slug, previous) => {
        if (previous === undefined) snapshots.delete(slug);
        else snapshots.set(slug, previous);
      },
      remove: async (slug, postId) => {
        if (snapshots.get(slug)?.postId === postId) snapshots.delete(slug);
      },
    },
    categories: {
      get: async (slug) => categories.get(slug),
      create: async (category) => {
        if (categories.has(category.slug)) return false;
        categories.set(category.slug, freeze(category));
        return true;
      },
      remove: async (category) => {
        if (categories.get(category.slug)?.createdAt === category.createdAt) categories.delete(category.slug);
      },
    },
    counters: {
      views: async (from, to) => views.filter((v) => v.date >= from && v.date <= to),
      noHits: async (from, to) => noHits.filter((n) => n.date >= from && n.date <= to),
      posts: async (ids) => ids.flatMap((id) => (posts.has(id) ? [posts.get(id)!] : [])),
    },
    queue: {
      requestRebuild: async () => {
        if (control.failQueue) throw new Error('queue down');
        rebuilds.push('rebuild');
      },
    },
    reviewers: { get: async (userId) => profiles.get(userId) },
    users: { get: async (userId) => accounts.get(userId) ?? { status: 'active', roles: ROLES } },
  };
  return { deps, posts, revisions, claims, snapshots, categories, views, noHits, profiles, accounts, rebuilds, control };
};
