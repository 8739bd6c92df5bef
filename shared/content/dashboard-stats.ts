import { type DashboardStats, MAX_NO_HIT_TERMS, MAX_TOP_POSTS, POST_STATUSES } from '../contracts/content';
import { APPOINTMENT_FIGURES, PRODUCT_WEEKS, type ProductWeek } from '../contracts/content';
import { TRIAGE_LEVELS } from '../contracts/triage-scale';
import { lastWeeks, suppressed } from './figures';
import type { ProductFigures, WeekCounts } from './figures-ports';
import type { ContentDeps } from './ports';

const DAY_MS = 86_400_000;
const dateOf = (at: Date): string => at.toISOString().slice(0, 10);

/** The `max` keys with the highest totals, highest first (ties by key, so the answer is stable). */
const top = (totals: Map<string, number>, max: number): [string, number][] =>
  [...totals.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).slice(0, max);

/** Each of `names` with its suppressed figure (`'<11'` under 11, a week or counter never counted being 0). */
const shown = <N extends string>(names: readonly N[], count: (name: N) => number | undefined) =>
  Object.fromEntries(names.map((name) => [name, suppressed(count(name) ?? 0)])) as Record<N, ProductWeek['newAccounts']>;

/** One week as the dashboard shows it: every figure suppressed, so no number under 11 ever leaves. */
const productWeek = (week: string, counts: WeekCounts = {}): ProductWeek => ({
  week,
  newAccounts: suppressed(counts.accounts ?? 0),
  symptomSessions: shown(TRIAGE_LEVELS, (level) => counts[`sessions_${level}`]),
  appointments: shown(APPOINTMENT_FIGURES, (status) => counts[`appointments_${status}`]),
});

/**
 * The dashboard's content figures (editors and admins): posts by status, views over the last 7 and 30 days (UTC
 * dates, today included), the 30 days' most viewed posts (≤ 10) and the searches that found nothing (≤ 20 terms).
 * Every figure is a count over posts, days or terms: the counters hold no user, IP or cookie, so no figure can be
 * about a person. Not audited: nothing here is PHI or personal.
 *
 * With them, the product figures of the last 8 ISO weeks (the current one last, one BatchGetItem): new accounts,
 * symptom sessions by level and appointments by status, each an aggregate over everyone in which any count under 11
 * (0 included) is shown as `'<11'`. No total is given, so a suppressed cell cannot be recovered by subtraction.
 */
export const dashboardStats = async (
  deps: Pick<ContentDeps, 'posts' | 'counters' | 'clock'> & { readonly figures: Pick<ProductFigures, 'weeks'> },
): Promise<DashboardStats> => {
  const now = deps.clock.now();
  const today = dateOf(now);
  const weekStart = dateOf(new Date(now.getTime() - 6 * DAY_MS));
  const monthStart = dateOf(new Date(now.getTime() - 29 * DAY_MS));
  const weeks = lastWeeks(now, PRODUCT_WEEKS);
  const [counts, views, noHits, figures] = await Promise.all([
    Promise.all(POST_STATUSES.map((status) => deps.posts.countByStatus(status))),
    deps.counters.views(monthStart, today),
    deps.counters.noHits(monthStart, today),
    deps.figures.weeks(weeks),
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
    product: { weeks: weeks.map((week) => productWeek(week, figures.get(week))) },
  };
};
