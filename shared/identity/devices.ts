import type { RequestMeta } from '../domain/caller';
import { log } from '../logger';
import { notificationEvent } from '../notifications/events';
import type { NotificationQueue } from '../notifications/ports';
import type { BlindIndex, KnownDevices, KnownDeviceStore } from './ports';

/**
 * New-device sign-in alerts (issue 11). A device is known by a coarse fingerprint: the browser (or
 * client) family and the operating system from the User-Agent, without versions, and the network
 * the request came from (the IPv4 /16, the IPv6 /48). Only a keyed hash of it is stored (the blind
 * index's HMAC key, over the account's id and the fingerprint), so the store holds no User-Agent
 * and no IP, cannot be reversed without the key, and cannot link one person's devices across
 * accounts. Coarse on purpose: a browser update or a new address in the same network is no new
 * device; a phone moving between carriers, or a new browser, is (one e-mail, never a block).
 *
 * An account keeps the last `MAX_KNOWN_DEVICES` new devices. Its first login records the device
 * and alerts nobody (there is nothing to compare with); from then on a login from a device not in
 * the list queues a `security_new_login` event (ids only), always e-mailed, never held by quiet hours.
 */

/** How many devices an account remembers: the newest ones. */
export const MAX_KNOWN_DEVICES = 10;

/** Browser families, the first that matches (Edge and Opera also say Chrome and Safari; Chrome says Safari). */
const BROWSERS: readonly (readonly [RegExp, string])[] = [
  [/\bEdg(?:e|A|iOS)?\//, 'edge'],
  [/\bOPR\/|\bOpera\b/, 'opera'],
  [/\bSamsungBrowser\//, 'samsung'],
  [/\bFirefox\/|\bFxiOS\//, 'firefox'],
  [/\bChrome\/|\bCriOS\/|\bChromium\//, 'chrome'],
  [/\bSafari\//, 'safari'],
];
/** Operating systems, the first that matches (Android says Linux; iOS says Mac OS X). */
const SYSTEMS: readonly (readonly [RegExp, string])[] = [
  [/\bWindows\b/, 'windows'],
  [/\bAndroid\b/, 'android'],
  [/\biPhone|\biPad|\biPod/, 'ios'],
  [/\bCrOS\b/, 'chromeos'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macos'],
  [/\bLinux\b/, 'linux'],
];

/** `chrome/windows`: the browser and system families of a User-Agent; another client is its first product name (`carebow/ios`, `curl/other`). */
export const deviceFamily = (userAgent: string | undefined): string => {
  const ua = (userAgent ?? '').slice(0, 256);
  const browser = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1] ?? /^[A-Za-z][\w.-]{0,31}/.exec(ua)?.[0].toLowerCase() ?? 'none';
  const system = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1] ?? 'other';
  return `${browser}/${system}`;
};

/** The network of an address: `203.0/16` for IPv4 (also IPv4-mapped IPv6), `2001:db8:1::/48` for IPv6, else `unknown`. */
export const networkOf = (ip: string): string => {
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/i.exec(ip);
  if (v4) return `${Number(v4[1])}.${Number(v4[2])}/16`;
  const address = ip.split('%')[0]!.toLowerCase();
  if (!/^[0-9a-f:]{2,39}$/.test(address) || address.split('::').length > 2) return 'unknown';
  const [head = '', tail = ''] = address.split('::');
  const part = (text: string) => (text === '' ? [] : text.split(':'));
  const given = part(head).length + part(tail).length;
  if (address.includes('::') ? given > 7 : given !== 8) return 'unknown';
  const first = [...part(head), ...Array<string>(8 - given).fill('0'), ...part(tail)].slice(0, 3);
  if (first.some((group) => !/^[0-9a-f]{1,4}$/.test(group))) return 'unknown';
  return `${first.map((group) => Number.parseInt(group, 16).toString(16)).join(':')}::/48`;
};

/** What the keyed hash is taken over: the account, then the fingerprint (no `@`, so never an e-mail's blind index). */
export const deviceFingerprint = (userId: string, meta: Pick<RequestMeta, 'userAgent' | 'sourceIp'>): string =>
  `device|${userId}|${deviceFamily(meta.userAgent)}|${networkOf(meta.sourceIp)}`;

export interface DeviceCheck {
  /** The keyed hash of this login's device. */
  readonly hash: string;
  /** What the account knew before this login; `undefined` before its first. */
  readonly known: KnownDevices | undefined;
  /** A device the account has not signed in from (never true on the first login). */
  readonly isNew: boolean;
}

export interface DeviceDeps {
  readonly blindIndex: BlindIndex;
  readonly knownDevices: KnownDeviceStore;
  readonly notifications: NotificationQueue;
}

/**
 * Hashes this login's device and reads what the account knows; writes nothing. `undefined` when
 * either fails: the login goes on without the check (logged, ids only), as it never fails for an alert.
 */
export const checkDevice = async (
  deps: Pick<DeviceDeps, 'blindIndex' | 'knownDevices'>,
  userId: string,
  meta: RequestMeta,
): Promise<DeviceCheck | undefined> => {
  try {
    const [hash, known] = await Promise.all([deps.blindIndex.of(deviceFingerprint(userId, meta)), deps.knownDevices.get(userId)]);
    return { hash, known, isNew: known !== undefined && !known.hashes.includes(hash) };
  } catch (error) {
    log.warn('sign-in device not checked', { userId, action: 'security_new_login', outcome: 'check_failed', errorName: (error as Error)?.name });
    return undefined;
  }
};

/**
 * After a successful, audited login: queues the new-device alert, then remembers the device (one
 * conditional put on the version read; a concurrent login's write is read again and merged once).
 * A known device does nothing. It never fails the login: if the queue is down the device is not
 * remembered, so the next login from it alerts again; the failure is logged (ids only).
 */
export const rememberDevice = async (
  deps: Pick<DeviceDeps, 'knownDevices' | 'notifications'>,
  userId: string,
  check: DeviceCheck | undefined,
  now: Date,
): Promise<void> => {
  if (check === undefined || (check.known !== undefined && !check.isNew)) return;
  try {
    if (check.isNew) await deps.notifications.enqueue(notificationEvent('security_new_login', userId, {}, now));
    let current = check.known;
    for (let attempt = 0; attempt < 2 && !current?.hashes.includes(check.hash); attempt++) {
      const next = { hashes: [...(current?.hashes ?? []), check.hash].slice(-MAX_KNOWN_DEVICES), version: (current?.version ?? 0) + 1 };
      if (await deps.knownDevices.put(userId, next)) return;
      current = await deps.knownDevices.get(userId);
    }
  } catch (error) {
    log.warn('sign-in device not recorded', {
      userId,
      action: 'security_new_login',
      outcome: check.isNew ? 'alert_failed' : 'baseline_failed',
      errorName: (error as Error)?.name,
    });
  }
};
