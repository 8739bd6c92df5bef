import * as z from '../zod';

export const HealthResponse = z
  .object({ status: z.literal('ok'), version: z.string(), time: z.iso.datetime() })
  .register(z.globalRegistry, { id: 'HealthResponse' });

export const DependencyStatus = z.object({
  name: z.string(),
  status: z.enum(['ok', 'down']),
  latencyMs: z.number(),
  detail: z.optional(z.string()),
});

export const DetailedHealthResponse = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    time: z.iso.datetime(),
    dependencies: z.array(DependencyStatus),
  })
  .register(z.globalRegistry, { id: 'DetailedHealthResponse' });
