/**
 * Login throttling (ADR 0018). Two counters per wrong password: one per (e-mail, source) and one per
 * e-mail over all sources. The per-source one is the tight one: the first failures are free (typos),
 * then each further failure doubles the wait, capped at an hour; a stranger hammering an e-mail from
 * one source throttles only that source. The per-e-mail one is a ceiling for distributed guessing
 * (NIST SP 800-63B: at most 100 consecutive failures): past it, only a device the account has signed
 * in from may try, for an hour at a time. Counting per e-mail, known or not, makes neither an
 * existence oracle.
 */
export const FREE_FAILURES = 5;
const BASE_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 3600;
/**
 * Reads and conditional writes a claim of one attempt makes at most (`LoginAttemptStore.claim`) before it is refused
 * as busy: each lost round means another attempt on the same counter was counted meanwhile.
 */
export const LOGIN_CLAIM_ATTEMPTS = 8;
/** Failures of one e-mail from all sources after which an unknown device is refused. */
export const CEILING_FAILURES = 100;

/** Seconds to lock a tight counter (one e-mail and source; a password change; MFA codes) after its `failures`-th consecutive failure (0: no lock). */
export const lockSecondsAfter = (failures: number): number =>
  failures < FREE_FAILURES ? 0 : Math.min(MAX_LOCK_SECONDS, BASE_LOCK_SECONDS * 2 ** (failures - FREE_FAILURES));

/** Seconds to close an e-mail to unknown devices after its `failures`-th consecutive failure from any source (0: none). */
export const ceilingSecondsAfter = (failures: number): number => (failures < CEILING_FAILURES ? 0 : MAX_LOCK_SECONDS);

/**
 * The source a throttle counts by: an IPv4 address as is (also IPv4-mapped IPv6), an IPv6 address
 * by its /64 (one subscriber gets a whole /64, so a single address would be free to rotate).
 *
 * @example
 * throttleSource('203.0.113.9'); // '203.0.113.9'
 * throttleSource('2001:db8:0:1::5'); // '2001:db8:0:1::/64'
 */
export const throttleSource = (ip: string): string => {
  const address = ip
    .split('%')[0]!
    .toLowerCase()
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('::');
  const groups = (text: string | undefined) => (text ? text.split(':') : []);
  const given = [...groups(head), ...groups(tail)].length;
  const full = tail === undefined ? groups(head) : [...groups(head), ...Array<string>(Math.max(0, 8 - given)).fill('0'), ...groups(tail)];
  return `${full
    .slice(0, 4)
    .map((group) => (Number.parseInt(group, 16) || 0).toString(16))
    .join(':')}::/64`;
};

/** What the per-source counter's keyed hash is taken over (no `@`, so never an e-mail's blind index). */
export const sourceThrottleKey = (emailIndex: string, sourceIp: string): string => `login-source|${emailIndex}|${throttleSource(sourceIp)}`;
