import type { Throttle } from '../../shared/http/route';

/** Credential routes are what attackers hammer: tighter than the stage's default. */
export const AUTH_THROTTLE: Throttle = { rateLimit: 10, burstLimit: 20 };

/** Bodies that carry symptoms (the default limit is `DEFAULT_MAX_BODY_BYTES`). */
export const SYMPTOMS_BODY = 32 * 1024;
/** A chat message: its text and attachments are bounded by its schema well under this. */
export const CHAT_BODY = 8 * 1024;
/** A practitioner's availability: a week of windows and up to a year of dated exceptions. */
export const AVAILABILITY_BODY = 64 * 1024;
