import { ConfigError } from '../../errors';

/**
 * What both OpenAI adapters (the `openai` client's and the streamed chat's fetch) accept from
 * configuration and from the provider's answers. One module, so the two rules cannot drift apart.
 */

/** Chat bounds both adapters send: turns, characters per turn (and per reply), answer tokens. */
export const MAX_CHAT_TURNS = 10;
export const MAX_CHAT_CHARS = 2000;
export const CHAT_MAX_TOKENS = 400;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Provider-supplied identifiers are passed on only when they look like identifiers. */
const SAFE_ID = /^[\w.:/-]{1,128}$/;

export const safeId = (value: unknown): string | undefined => (typeof value === 'string' && SAFE_ID.test(value) ? value : undefined);

/** A token count as the provider reported it, or 0 when it is not a non-negative safe integer. */
export const tokens = (value: unknown): number => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0);

/**
 * A model endpoint from configuration only (docs/security.md #20): https, or http to a loopback host
 * (tests, the local stage), never with credentials; without its trailing slash. `owner` names the
 * adapter in the error.
 */
export const checkBaseUrl = (raw: string, owner: string): string => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${owner}: baseURL is not a URL`);
  }
  if (url.username !== '' || url.password !== '') throw new ConfigError(`${owner}: baseURL must not carry credentials`);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) return url.href.replace(/\/$/, '');
  throw new ConfigError(`${owner}: baseURL must be https (http only to a loopback host)`);
};
