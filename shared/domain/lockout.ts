/**
 * Login lockout: the first failures are free (typos), then each further failure doubles the wait,
 * capped at an hour. Counting per e-mail, known or not, makes the lockout no existence oracle.
 */
export const FREE_FAILURES = 5;
const BASE_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 3600;

/** Seconds to lock after the `failures`-th consecutive failure (0: no lock). */
export const lockSecondsAfter = (failures: number): number =>
  failures < FREE_FAILURES ? 0 : Math.min(MAX_LOCK_SECONDS, BASE_LOCK_SECONDS * 2 ** (failures - FREE_FAILURES));
