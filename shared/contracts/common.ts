import * as z from '../zod';
import { declared } from '../zod';

/**
 * Bounds. Every string and list the API takes or returns is bounded (OWASP API4, unrestricted
 * resource consumption), and the OpenAPI document shows each bound as `maxLength` / `maxItems`.
 * A response's bounds hold for every real response (its schema parses what the handler returns,
 * and a failed parse is a 500): each is the producer's own limit, with the reason beside it.
 */

/** A string of at most `max` characters. */
export const text = (max: number) => z.string().check(z.maxLength(max));

/** A list of at most `max` items. */
export const list = <T extends z.ZodMiniType>(item: T, max: number) => z.array(item).check(z.maxLength(max));

/** A record id: a UUID, 36 characters. */
export const Id = /* @__PURE__ */ declared(() => z.uuid().check(z.maxLength(36)));

/** A moment in UTC (`Z`), as the API writes it (`toISOString`, 24 characters) and accepts it. */
export const Instant = /* @__PURE__ */ declared(() => z.iso.datetime().check(z.maxLength(32)));

/**
 * The most items a list in one response can hold when nothing pages it (the export): a function's
 * response is at most 6 MB (Lambda's limit), and no item of ours serialises to fewer than 63 bytes.
 */
export const MAX_RESPONSE_ITEMS = 100_000;

/** The largest page any list returns; a client may ask for less. */
export const MAX_PAGE_SIZE = 100;

/** Opaque list cursors (base64url of a DynamoDB key) are at most this long, in and out. */
const MAX_CURSOR = 1024;

/** `?limit=&cursor=` of every list. The cursor is opaque and only valid for the list that made it. */
export const PageQuery = /* @__PURE__ */ declared(() => ({
  limit: z.optional(z.coerce.number().check(z.refine(Number.isInteger, 'must be a whole number'), z.gte(1), z.lte(MAX_PAGE_SIZE))),
  cursor: z.optional(text(MAX_CURSOR).check(z.regex(/^[A-Za-z0-9_-]+$/))),
}));

/** `{ items, nextCursor? }`: the shape of every list. */
export const page = <T extends z.ZodMiniType>(item: T) => z.object({ items: list(item, MAX_PAGE_SIZE), nextCursor: z.optional(text(MAX_CURSOR)) });

/** A path parameter that names a record: always a UUID, so nothing else can reach a key. */
export const IdParams = /* @__PURE__ */ declared(() => z.strictObject({ id: Id }));
