/** The per-user AI quota. */
export interface AiQuota {
  /** Takes one request from the user's bucket: allowed, or when to retry. */
  take(userId: string): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}
