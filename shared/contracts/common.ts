import { z } from 'zod';

/** The error body every non-2xx response carries. */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      requestId: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ErrorResponse' });

/** Ids are random UUIDs; a path that is not one cannot name a record. */
export const Id = z.uuid();
