import * as z from '../zod';
import { declared } from '../zod';
import { Instant, list, page, PageQuery, text } from './common';

/**
 * Stored audit fields, as the writers produce them: ids (a UUID, `anonymous:<hex>`, `email:<16>`,
 * `system:triage-worker`, `cli:<user>`), dotted action names, request ids, IP addresses and short
 * reasons, all well under this bound; the margin keeps an edited record readable, so it can be found.
 */
const Field = /* @__PURE__ */ declared(() => text(1024));
/** An actor's roles: the caller's distinct roles, `operator` (the CLI), or none. */
const Actor = /* @__PURE__ */ declared(() => z.object({ userId: Field, roles: list(Field, 16) }));
const Resource = /* @__PURE__ */ declared(() => z.object({ type: Field, id: z.optional(Field) }));

export const AuditEventView = /* @__PURE__ */ z
  .object({
    subjectId: Field,
    /** The event's lane of the subject's trail (ADR 0019), 1 to 15; absent for lane 0. */
    lane: z.optional(z.int()),
    seq: z.int(),
    at: Instant,
    action: Field,
    outcome: z.enum(['success', 'failure', 'denied']),
    actor: Actor,
    resource: Resource,
    requestId: Field,
    sourceIp: Field,
    reason: z.optional(Field),
    /** `high` on break-glass events; absent otherwise. */
    severity: z.optional(z.enum(['high'])),
  })
  .register(z.globalRegistry, { id: 'AuditEvent' });

const Subject = /* @__PURE__ */ declared(() => z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[A-Za-z0-9:_#.-]+$/)));

export const AuditEventsQuery = /* @__PURE__ */ declared(() =>
  z
    .strictObject({
      subjectId: z.optional(Subject),
      actorId: z.optional(Subject),
      action: z.optional(z.string().check(z.maxLength(64), z.regex(/^[a-z_.]+$/))),
      from: z.optional(Instant),
      to: z.optional(Instant),
      ...PageQuery,
    })
    .check(
      z.refine((q) => q.subjectId !== undefined || q.actorId !== undefined, 'give subjectId or actorId'),
      // Reversed bounds are the caller's mistake (400): the store refuses a BETWEEN whose bounds are reversed, which was a 500.
      z.refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) <= Date.parse(q.to), {
        error: 'from must not be after to',
        path: ['to'],
      }),
    ),
);
export const AuditEventPage = /* @__PURE__ */ page(AuditEventView).register(z.globalRegistry, { id: 'AuditEventPage' });

export const AuditVerifyQuery = /* @__PURE__ */ declared(() => z.strictObject({ subjectId: Subject }));
/**
 * The chain checked against the signed digests (ADR 0014): `not_anchored` when none of the digests read names the
 * subject; `anchoredSeq` is how many of the subject's events they anchor (per lane the highest anchored seq,
 * summed: ADR 0019); `digestsRead` how many were read, newest first.
 */
const AnchoredCheck = /* @__PURE__ */ declared(() =>
  z.object({
    result: z.enum(['ok', 'truncated', 'recomputed', 'broken', 'not_anchored']),
    anchoredSeq: z.optional(z.int()),
    digestsRead: z.int(),
  }),
);
export const AuditVerifyResponse = /* @__PURE__ */ declared(() =>
  z
    .union([
      z.object({ ok: z.literal(true), events: z.int(), anchored: AnchoredCheck }),
      /**
       * `reason` is one of the verifiers' fixed sentences (shared/audit/chain.ts, anchored-verify.ts); `brokenAt` (a
       * seq) and `lane` (its lane of the trail, ADR 0019) are absent when the digests themselves are broken.
       */
      z.object({ ok: z.literal(false), brokenAt: z.optional(z.int()), lane: z.optional(z.int()), reason: text(256), anchored: AnchoredCheck }),
    ])
    .register(z.globalRegistry, { id: 'AuditVerifyResponse' }),
);

export const AccessLogEntry = /* @__PURE__ */ z
  .object({
    at: Instant,
    action: Field,
    outcome: z.enum(['success', 'failure', 'denied']),
    actor: Actor,
    resource: Resource,
    severity: z.optional(z.enum(['high'])),
  })
  .register(z.globalRegistry, { id: 'AccessLogEntry' });
export const AccessLogQuery = /* @__PURE__ */ declared(() => z.strictObject(PageQuery));
export const AccessLogPage = /* @__PURE__ */ page(AccessLogEntry).register(z.globalRegistry, { id: 'AccessLogPage' });
