import * as z from '../zod';
import { text } from './common';

/**
 * The error body every non-2xx response carries (`shared/http/error-response.ts` builds it; API
 * Gateway's own answers use the same shape, `lib/api.ts`). Only the OpenAPI document reads this
 * schema, so it lives apart from the contracts the functions bundle.
 */
export const ErrorResponse = /* @__PURE__ */ z
  .object({
    error: z.object({
      /** Stable and machine-readable, e.g. `invalid_body`, `not_found`. */
      code: text(64),
      /** For people; never PHI, and generic on a 5xx. */
      message: text(1024),
      requestId: text(128),
      /** Safe, caller-facing details (validation issues, password reasons); never PHI or a value sent. */
      details: z.optional(z.unknown()),
    }),
  })
  .register(z.globalRegistry, { id: 'ErrorResponse' });
