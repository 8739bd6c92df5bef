import type { UsageCounters } from '../../../shared/budgets/ports';

/** Per-user budget counters in a map, with the adapter's contract: a full counter refuses and stays as it was. */
export const inMemoryUsageCounters = () => {
  const counts = new Map<string, { count: number; expiresAt: number }>();
  const counters: UsageCounters = {
    increment: async (userId, counterId, limit, expiresAt) => {
      const key = `${userId}/${counterId}`;
      const count = counts.get(key)?.count ?? 0;
      if (count >= limit) return false;
      counts.set(key, { count: count + 1, expiresAt });
      return true;
    },
  };
  return { counters, counts };
};
