import * as z from '../zod';
import { page, PageQuery } from './common';

export const AuditEventView = z
  .object({
    subjectId: z.string(),
    seq: z.int(),
    at: z.iso.datetime(),
    action: z.string(),
    outcome: z.enum(['success', 'failure', 'denied']),
    actor: z.object({ userId: z.string(), roles: z.array(z.string()) }),
    resource: z.object({ type: z.string(), id: z.optional(z.string()) }),
    requestId: z.string(),
    sourceIp: z.string(),
    reason: z.optional(z.string()),
  })
  .register(z.globalRegistry, { id: 'AuditEvent' });

const Subject = z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[A-Za-z0-9:_#.-]+$/));

export const AuditEventsQuery = z
  .strictObject({
    subjectId: z.optional(Subject),
    actorId: z.optional(Subject),
    action: z.optional(z.string().check(z.maxLength(64), z.regex(/^[a-z_.]+$/))),
    from: z.optional(z.iso.datetime()),
    to: z.optional(z.iso.datetime()),
    ...PageQuery,
  })
  .check(z.refine((q) => q.subjectId !== undefined || q.actorId !== undefined, 'give subjectId or actorId'));
export const AuditEventPage = page(AuditEventView).register(z.globalRegistry, { id: 'AuditEventPage' });

export const AuditVerifyQuery = z.strictObject({ subjectId: Subject });
export const AuditVerifyResponse = z
  .union([
    z.object({ ok: z.literal(true), events: z.int() }),
    z.object({ ok: z.literal(false), brokenAt: z.int(), reason: z.string() }),
  ])
  .register(z.globalRegistry, { id: 'AuditVerifyResponse' });

export const AccessLogEntry = z
  .object({ at: z.iso.datetime(), action: z.string(), outcome: z.string(), actor: z.object({ userId: z.string(), roles: z.array(z.string()) }), resource: z.object({ type: z.string(), id: z.optional(z.string()) }) })
  .register(z.globalRegistry, { id: 'AccessLogEntry' });
export const AccessLogQuery = z.strictObject(PageQuery);
export const AccessLogPage = page(AccessLogEntry).register(z.globalRegistry, { id: 'AccessLogPage' });
