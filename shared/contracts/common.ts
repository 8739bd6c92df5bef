import * as z from '../zod';

/** The error body every non-2xx response carries. */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      requestId: z.string(),
      details: z.optional(z.unknown()),
    }),
  })
  .register(z.globalRegistry, { id: 'ErrorResponse' });

/** The largest page any list returns; a client may ask for less. */
export const MAX_PAGE_SIZE = 100;

/** `?limit=&cursor=` of every list. The cursor is opaque and only valid for the list that made it. */
export const PageQuery = {
  limit: z.optional(z.coerce.number().check(z.refine(Number.isInteger, 'must be a whole number'), z.gte(1), z.lte(MAX_PAGE_SIZE))),
  cursor: z.optional(z.string().check(z.maxLength(1024), z.regex(/^[A-Za-z0-9_-]+$/))),
};

/** `{ items, nextCursor? }`: the shape of every list. */
export const page = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item), nextCursor: z.optional(z.string()) });

/** A path parameter that names a record: always a UUID, so nothing else can reach a key. */
export const IdParams = z.strictObject({ id: z.uuid() });
