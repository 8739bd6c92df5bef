import { type DashboardStats, MAX_NO_HIT_TERMS, MAX_TOP_POSTS, POST_STATUSES } from '../contracts/content';
import type { ContentDeps } from './ports';

const DAY_MS = 86_400_000;
const dateOf = (at: Date): string => at.toISOString().slice(0, 10);

/** The `max` keys with the highest totals, highest first (ties by key, so the answer is stable). */
const top = (totals: Map<string, number>, max: number): [string, number][] =>
  [...totals.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).slice(0, max);

/**
 * The dashboard's content figures (editors and admins): posts by status, views over the last 7 and 30 days (UTC
 * dates, today included), the 30 days' most viewed posts (≤ 10) and the searches that found nothing (≤ 20 terms).
 * Every figure is a count over posts, days or terms: the counters hold no user, IP or cookie, so no figure can be
 * about a person. Not audited: nothing here is PHI or personal.
 */
export const dashboardStats = async (deps: Pick<ContentDeps, 'posts' | 'counters' | 'clock'>): Promise<DashboardStats> => {
  const now = deps.clock.now();
  const today = dateOf(now);
  const weekStart = dateOf(new Date(now.getTime() - 6 * DAY_MS));
  const monthStart = dateOf(new Date(now.getTime() - 29 * DAY_MS));
  const [counts, views, noHits] = await Promise.all([
    Promise.all(POST_STATUSES.map((status) => deps.posts.countByStatus(status))),
    deps.counters.views(monthStart, today),
    deps.counters.noHits(monthStart, today),
  ]);
  let last7Days = 0;
  let last30Days = 0;
  const perPost = new Map<string, number>();
  for (const entry of views) {
    last30Days += entry.views;
    if (entry.date >= weekStart) last7Days += entry.views;
    perPost.set(entry.postId, (perPost.get(entry.postId) ?? 0) + entry.views);
  }
  const perTerm = new Map<string, number>();
  for (const entry of noHits) perTerm.set(entry.term, (perTerm.get(entry.term) ?? 0) + entry.count);
  const leaders = top(perPost, MAX_TOP_POSTS);
  const posts = new Map((await deps.counters.posts(leaders.map(([postId]) => postId))).map((post) => [post.id, post]));
  return {
    posts: { draft: counts[0]!, in_review: counts[1]!, published: counts[2]!, archived: counts[3]! },
    views: { last7Days, last30Days },
    topPosts: leaders.flatMap(([postId, total]) => {
      const post = posts.get(postId);
      return post ? [{ postId, slug: post.slug, title: post.title, views: total }] : [];
    }),
    searchesWithoutResults: top(perTerm, MAX_NO_HIT_TERMS).map(([term, count]) => ({ term, count })),
  };
};
