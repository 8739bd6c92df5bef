import type { Throttle } from '../../shared/http/route';

/** Credential routes are what attackers hammer: tighter than the stage's default. */
export const AUTH_THROTTLE: Throttle = { rateLimit: 10, burstLimit: 20 };

/** Bodies that carry symptoms (the default limit is `DEFAULT_MAX_BODY_BYTES`). */
export const SYMPTOMS_BODY = 32 * 1024;
