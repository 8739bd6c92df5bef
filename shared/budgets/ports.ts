/**
 * Ports of the per-user budgets. Implemented by `DynamoUsageCounters` (shared/adapters/aws/dynamo-usage-counters.ts,
 * the records table; on dynalite locally); the fake is `inMemoryUsageCounters` (test/helpers/fakes/budgets.ts).
 */

/** Per-user counters, one per budget window. */
export interface UsageCounters {
  /**
   * Adds one to the user's counter `counterId` unless it already holds `limit`: one conditional write, so
   * concurrent requests never both take the last unit. A new counter starts at one and is kept until `expiresAt`
   * (epoch seconds), after which the store may drop it.
   *
   * @returns whether the unit was taken (`false`: the window is full; nothing was written).
   */
  increment(userId: string, counterId: string, limit: number, expiresAt: number): Promise<boolean>;
}
