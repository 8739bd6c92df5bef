/**
 * The OpenAPI 3.1 document of the API, built with zod-openapi from the route table and its zod
 * schemas (`shared/contracts/`), and written to `functions/platform/openapi.generated.json`
 * (`npm run openapi`). The openapi function serves that file, so no function bundles zod-openapi,
 * every route's schemas or this module (the bundle budgets could not carry them). Tests fail while
 * the file is stale, while it lists a route the table does not (or misses one), and while Spectral
 * with the OWASP API Security ruleset finds an error in it (`test/build/openapi-lint.test.ts`).
 *
 * What the route table says, the document says: paths, methods, who may call (`security`, roles),
 * request bodies, path and query parameters, request headers, the success response, throttling.
 * What only the handlers know (other success statuses, response headers, the outcomes of their use
 * cases) is listed here, per route id, from reading them.
 */
import { writeFileSync } from 'node:fs';
import { createDocument, type ZodOpenApiObject } from 'zod-openapi';
import { routes, type RouteId } from '../functions/routes';
import { accountRoutes } from '../functions/routes/account';
import { accountExportRoutes } from '../functions/routes/account-export';
import { assessmentRoutes } from '../functions/routes/assessment';
import { auditRoutes } from '../functions/routes/audit';
import { careRoutes } from '../functions/routes/care';
import { appointmentRoutes } from '../functions/routes/care-appointments';
import { matchingRoutes } from '../functions/routes/care-matching';
import { optionsRoutes } from '../functions/routes/care-options';
import { contentRoutes } from '../functions/routes/content';
import { libraryRoutes } from '../functions/routes/library';
import { notificationRoutes } from '../functions/routes/notifications';
import { chatRoutes } from '../functions/routes/chat';
import { identityRoutes } from '../functions/routes/identity';
import { mfaRoutes } from '../functions/routes/identity-mfa';
import { platformRoutes } from '../functions/routes/platform';
import { recordRoutes } from '../functions/routes/records';
import { triageRoutes } from '../functions/routes/triage';
import { PageQuery } from '../shared/contracts/common';
import { ErrorResponse } from '../shared/contracts/errors';
import { ROLES } from '../shared/domain/roles';
import { isPublic, type RequestHeader, type RouteDef, type Throttle } from '../shared/http/route';
import * as z from '../shared/zod';
import type { Schema } from '../shared/zod';

type Json = Record<string, unknown>;

// `?limit=` comes as text, is coerced, and must be a whole number (a refinement, which JSON Schema
// cannot show): document it as the integer it is. Metadata only, added here at build time.
PageQuery.limit.register(z.globalRegistry, { override: { type: 'integer', format: 'int32' } });

/** The areas of the route table (one module of `functions/routes/` each): the document's tags. */
export const AREAS = {
  platform: { routes: platformRoutes, description: 'Health checks and the published documents: token keys, issuer discovery, this document.' },
  identity: {
    routes: { ...identityRoutes, ...mfaRoutes },
    description: 'Registration, credentials and tokens, MFA, the caller’s account, role administration.',
  },
  records: { routes: recordRoutes, description: 'PHI records: the health profile, consent-gated sharing, feedback.' },
  triage: { routes: triageRoutes, description: 'Symptom sessions and their asynchronous triage.' },
  assessment: { routes: assessmentRoutes, description: 'Instant rules-only assessments, consultation summaries and the urgency scale (AI quota).' },
  chat: { routes: chatRoutes, description: 'The health assistant: red flags answered at once; model replies come from the worker.' },
  account: { routes: { ...accountRoutes, ...accountExportRoutes }, description: 'The account as a whole: export, deletion, and who accessed it.' },
  audit: { routes: auditRoutes, description: 'The audit trail, for compliance officers.' },
  care: { routes: careRoutes, description: 'Care: practitioner profiles of providers and caregivers, their verification, and the public view.' },
  appointments: {
    routes: appointmentRoutes,
    description: 'Care: booking a practitioner’s free slot, and the appointment’s life (cancel, reschedule, outcome).',
  },
  matching: { routes: matchingRoutes, description: 'Care: caregivers ranked for a patient’s needs, with the reasons for each score.' },
  options: {
    routes: optionsRoutes,
    description: 'Care: from a triage result to care, the providers to book with their earliest slot, or the emergency advice.',
  },
  notifications: {
    routes: notificationRoutes,
    description: 'Notifications: the caller’s phone and its verification, notification preferences, and what was sent (never the text).',
  },
  content: {
    routes: contentRoutes,
    description: 'The content library’s editorial side: posts, revisions, medical review, publishing, categories, the dashboard.',
  },
  library: { routes: libraryRoutes, description: 'The published content library, for anyone: search, posts, categories, view counts. Cached at the edge.' },
} as const;

export type Area = keyof typeof AREAS;

/** The area a route id belongs to; throws for a route no area lists (add its module to `AREAS`). */
export const areaOf = (id: string): Area => {
  const area = (Object.keys(AREAS) as Area[]).find((name) => id in AREAS[name].routes);
  if (area === undefined) throw new Error(`Route ${id} belongs to no area of AREAS (scripts/generate-openapi.ts)`);
  return area;
};

/** What a route's handler and use case answer that its route-table line does not say. */
interface RouteFacts {
  /** Success statuses besides the route's own, and what each means. */
  readonly statuses?: Readonly<Record<number, string>>;
  /** Response headers its successes carry. */
  readonly headers?: readonly ('ETag' | 'Location' | 'Content-Disposition')[];
  /** Error outcomes of its use case, with what each means here. */
  readonly errors?: Readonly<Partial<Record<ErrorStatus, string>>>;
}

/** The body of a streamed route (`route.stream`): server-sent events (docs/adr/0012-streamed-chat.md). */
const SSE_EVENTS =
  'Server-sent events, each `event: <name>` and one line of JSON `data`: `delta` `{ text }` as the model sends it, then `citation` `{ postId, slug, title }` per library post the reply cites, then `done` `{ conversationId, revision }`; `error` `{ code, message }` if the reply failed after the stream started (then `done` if the turn was stored with the offline reply).';

const QUOTA = 'The caller’s AI quota is used up; Retry-After says when the next request is allowed.';
const SESSION_GONE = 'No such session of the caller’s.';

/** Read off the handlers (`functions/`) and their use cases (`shared/`). */
const FACTS: Partial<Record<RouteId, RouteFacts>> = {
  healthDetailed: { errors: { 503: 'A dependency is down; the body is the same report, with `status: degraded`.' } },
  register: { errors: { 400: 'Invalid input, or a weak password (`details` lists the reasons).', 409: 'The e-mail is already registered.' } },
  login: {
    errors: { 401: 'The e-mail or password is incorrect (never which).', 429: 'Too many failed attempts for this e-mail; Retry-After says when to try again.' },
  },
  loginMfa: {
    errors: {
      401: 'The challenge is unknown, expired or used, or the code is wrong, replayed or used (never which).',
      429: 'Too many wrong codes for this account; Retry-After says when to try again.',
    },
  },
  mfaEnrol: { errors: { 404: 'The account no longer exists.', 409: 'MFA is already enabled (`mfa_already_enabled`).' } },
  mfaConfirm: {
    errors: {
      400: 'The code is wrong (`invalid_code`); it counts toward the lockout.',
      404: 'The account no longer exists.',
      409: 'No enrolment is waiting for confirmation (`mfa_not_pending`).',
      429: 'Too many wrong codes for this account; Retry-After says when to try again.',
    },
  },
  mfaDisable: {
    errors: {
      400: 'The code or recovery code is wrong or used (`invalid_code`); it counts toward the lockout.',
      403: 'The caller’s roles require MFA (`mfa_mandatory`).',
      404: 'The account no longer exists.',
      409: 'MFA is not enabled (`mfa_not_enabled`).',
      429: 'Too many wrong codes for this account; Retry-After says when to try again.',
    },
  },
  refresh: { errors: { 401: 'The refresh token is invalid, expired or revoked; a replayed one also revokes its family.' } },
  me: { errors: { 404: 'The account no longer exists.' } },
  passwordChange: {
    errors: {
      400: 'The current password is incorrect (`invalid_credentials`), the new one equals it (`same_password`) or fails the policy (`weak_password`, `details` lists the reasons).',
      404: 'The account no longer exists.',
      409: 'The password was changed meanwhile by another request.',
      429: 'Too many failed attempts for this account; Retry-After says when to try again.',
    },
  },
  adminRoles: {
    errors: {
      404: 'No such account, or the caller’s own account no longer exists or is disabled (a token that outlived it).',
      409: 'The patient role cannot be revoked, or the roles changed meanwhile.',
    },
  },
  profileGet: { headers: ['ETag'], errors: { 404: 'No profile yet.' } },
  profilePut: { statuses: { 201: 'The profile was created (there was none).' }, headers: ['ETag'] },
  patientProfile: {
    headers: ['ETag'],
    errors: {
      404: 'No such patient, no active consent with `profile.read`, no profile, or the caller’s own account disabled or its care role revoked since the token was issued: never told apart.',
    },
  },
  breakGlass: {
    statuses: { 200: 'A grant of the caller’s on this patient is still live: that grant, unchanged (nothing new granted or counted).' },
    errors: {
      400: 'Invalid input (`reason` is 20 to 500 characters), or the caller’s own id (`own_record`).',
      403: 'The caller is not a verified provider (`practitioner_not_verified`): profile unverified, account inactive or role revoked.',
      404: 'No such patient, or a deleted one.',
      429: 'The caller opened 3 grants today (UTC) already (`break_glass_limit`); Retry-After says when midnight UTC is.',
    },
  },
  consentCreate: {
    errors: { 404: 'No caregiver or provider with that id, or the caller’s account no longer exists.', 409: 'AI processing is already allowed.' },
  },
  consentRevoke: { errors: { 404: 'No such consent of the caller’s.' } },
  exportMe: {
    headers: ['Content-Disposition'],
    errors: {
      404: 'The account no longer exists.',
      429: '`budget_exceeded`: the caller exported their data 5 times this hour or 20 today (UTC); Retry-After says when the window ends.',
    },
  },
  deleteMe: { errors: { 503: 'Deleted, but booked time could not all be freed yet (or a notice not queued): send the same deletion again to finish it.' } },
  sessionCreate: {
    statuses: { 202: 'Queued for triage: poll `GET /api/v1/symptom-sessions/{id}` (Location).' },
    headers: ['Location'],
    errors: {
      429: '`budget_exceeded`: the caller started 10 non-emergency sessions this hour or 30 today (UTC); Retry-After says when the window ends. An emergency is never refused.',
    },
  },
  sessionGet: { errors: { 404: SESSION_GONE } },
  patientSession: {
    errors: {
      404: 'No such session, no live consent of a booking with this practitioner that names it (revoked, expired, cancelled, or another session), or the caller’s own account disabled or its care role revoked since the token was issued: never told apart.',
    },
  },
  careOptions: {
    errors: {
      404: SESSION_GONE,
      409: '`triage_pending`: the session has no result yet (poll it, then ask again); `triage_failed`: it could not be triaged.',
    },
  },
  sessionAnswers: {
    errors: {
      404: SESSION_GONE,
      409: 'The session changed meanwhile, or the Idempotency-Key was used for another request or is still running.',
      429: '`budget_exceeded`: the caller sent 20 sets of answers this hour or 60 today (UTC); Retry-After says when the window ends.',
    },
  },
  analyzeSymptoms: { errors: { 429: QUOTA } },
  followUpQuestions: { errors: { 429: QUOTA } },
  quickAssessment: { errors: { 429: QUOTA } },
  consultation: { errors: { 404: SESSION_GONE, 429: QUOTA } },
  chat: {
    statuses: { 202: 'Queued for the model: poll `GET /api/v1/ai/chat/{id}` (Location) until `status` is `answered`.' },
    headers: ['Location'],
    errors: {
      404: 'No such conversation of the caller’s.',
      406: '`Accept: text/event-stream`: streamed replies come from `POST /api/v1/ai/chat/stream`.',
      409: 'The conversation changed meanwhile, or the Idempotency-Key was used for another request or is still running.',
      429: QUOTA,
    },
  },
  chatStream: {
    errors: {
      404: 'No such conversation of the caller’s.',
      409: 'The conversation changed meanwhile (sent before the stream starts only for an immediate reply; later, as an `error` event).',
      429: QUOTA,
    },
  },
  chatGet: { errors: { 404: 'No such conversation of the caller’s.' } },
  practitionerGetOwn: { headers: ['ETag'], errors: { 404: 'No practitioner profile yet.' } },
  practitionerPut: {
    statuses: { 201: 'The profile was created (there was none), unverified.' },
    headers: ['ETag'],
    errors: {
      400: 'Invalid input; also `kind_required` (the caller holds both roles and named no kind), `kind_not_held`, `kind_mismatch`.',
      404: 'The caller’s account no longer exists (a token that outlived it).',
      409: '`time_zone_change_with_bookings`: a new `timeZone` while a booked visit has not ended (the ledger’s days are dates of the current zone): cancel those visits first.',
    },
  },
  practitionerVerify: {
    headers: ['ETag'],
    errors: {
      404: 'No such practitioner profile, or the caller’s own account no longer exists or is disabled (a token that outlived it).',
      409: 'The profile changed meanwhile: review it again.',
      412: 'If-Match named a version that is no longer the profile’s: review it again.',
    },
  },
  practitionerGet: {
    errors: {
      404: 'No such practitioner, not verified, none of their credentials valid today, or their account no longer active or in the role: never told apart.',
    },
  },
  availabilityGetOwn: { headers: ['ETag'], errors: { 404: 'No availability yet, or no practitioner profile.' } },
  availabilityPut: {
    headers: ['ETag'],
    errors: {
      404: 'The caller’s account no longer exists (a token that outlived it).',
      409: '`practitioner_profile_required`: create the practitioner profile first; its time zone reads these hours.',
    },
  },
  appointmentBook: {
    headers: ['Location'],
    errors: {
      404: 'No such practitioner shown (unverified, the caller themself, or their account inactive or out of the role), a `symptomSessionId` not of the caller’s, or the caller’s own account no longer exists: never told apart.',
      409: '`slot_unavailable`: the start is not bookable, `details.reason` says why (a date without a valid credential reads `outside_hours`); `mode_unavailable`: in person is at a provider’s, a home visit by a caregiver, video only with telehealth; or the Idempotency-Key was used for another request or is still running.',
      429: '`budget_exceeded`: the caller booked, rescheduled or cancelled 30 appointments this hour or 100 today (UTC), each of which messages both parties; Retry-After says when the window ends.',
      503: 'The parties could not be told (the notifications queue refused), so nothing was booked: send it again.',
    },
  },
  appointmentList: { errors: { 400: 'Invalid input, or `invalid_cursor`: a cursor from another list, or outside the window asked for.' } },
  appointmentReschedule: {
    errors: {
      404: 'No such appointment of the caller’s, its practitioner no longer shown, or the caller’s account no longer exists (a token that outlived it): never told apart.',
      409: '`slot_unavailable` (`details.reason`), `mode_unavailable` (the practitioner no longer offers the visit’s mode), `not_reschedulable` or `conflict`: the old time is kept.',
      429: '`budget_exceeded`: the caller booked, rescheduled or cancelled 30 appointments this hour or 100 today (UTC), each of which messages both parties; Retry-After says when the window ends.',
      503: 'The parties could not be told (the notifications queue refused), so the old time is kept: send it again.',
    },
  },
  appointmentCancel: {
    errors: {
      404: 'No such appointment of the caller’s (as either party), or the caller’s account no longer exists (a token that outlived it).',
      409: '`not_cancellable`: the visit is fulfilled or a no-show. An appointment already cancelled answers 200 with it.',
      429: '`budget_exceeded`: the caller booked, rescheduled or cancelled 30 appointments this hour or 100 today (UTC), each of which messages both parties; Retry-After says when the window ends.',
      503: 'Either not cancelled, because the parties could not be told (the notifications queue refused), or cancelled but the slot not released yet: send the same cancel again.',
    },
  },
  appointmentReview: {
    errors: {
      404: 'No such appointment of the caller’s as the patient (the practitioner, anyone else, or an unknown id), or the caller’s account no longer exists (a token that outlived it): never told apart.',
      409: '`not_reviewable`: the visit is not fulfilled (or its practitioner’s account was deleted); `already_reviewed`: it has its review.',
    },
  },
  appointmentStatus: {
    errors: {
      404: 'No such appointment of the caller’s, or the caller’s account no longer exists (a token that outlived it).',
      409: '`not_the_practitioner`: only the practitioner records how a visit went; `status_not_allowed`: only a booked visit that has started.',
    },
  },
  feedback: { errors: { 404: 'The caller’s account no longer exists (a token that outlived it).' } },
  auditEvents: { errors: { 404: 'The caller’s own account no longer exists or is disabled (a token that outlived it).' } },
  auditVerify: { errors: { 404: 'The caller’s own account no longer exists or is disabled (a token that outlived it).' } },
  contactPut: {
    errors: {
      409: 'The contact details changed meanwhile; retry.',
      429: 'A code was sent less than a minute ago, or five in the last day; Retry-After says when the next may be.',
    },
  },
  contactVerify: {
    errors: {
      400: 'Invalid input, or `invalid_code`: the code is wrong (`details.attemptsLeft`).',
      409: '`verification_locked`: five attempts were spent, request a new code; `verification_expired`: ten minutes passed; `no_pending_verification`.',
    },
  },
  notificationPreferencesPut: {
    errors: { 404: 'The caller’s account no longer exists (a token that outlived it).', 409: 'The preferences kept changing meanwhile; retry.' },
  },
  postCreate: {
    headers: ['ETag'],
    errors: {
      404: 'The caller’s account no longer exists (a token that outlived it).',
      409: '`slug_taken`: another post has the slug (a slug belongs to one post for good); `unknown_category`: create the category first.',
    },
  },
  postUpdate: {
    headers: ['ETag'],
    errors: {
      404: 'No such post, or the caller’s account no longer exists (a token that outlived it).',
      409: '`archived`: an archived post cannot change; `unknown_category`: create the category first.',
      412: 'If-Match is missing or names another version than the post’s: reload it and retry.',
    },
  },
  postManageList: { errors: { 400: 'Invalid input, or `invalid_cursor`: the cursor was made for another status.' } },
  postManageGet: { headers: ['ETag'], errors: { 404: 'No such post.' } },
  postRevisions: { errors: { 400: 'Invalid input, or `invalid_cursor`: the cursor was made for another post.', 404: 'No such post.' } },
  postReview: {
    headers: ['ETag'],
    errors: {
      404: 'No such post, or the caller’s account no longer exists (a token that outlived it).',
      409: '`own_post`: the caller wrote it; `not_in_review`: only a post in review is reviewed; `reviewer_profile_required`: an approval needs the caller’s verified practitioner profile (its display name is shown to readers); or the post changed meanwhile.',
      412: 'If-Match named a version that is no longer the post’s: review it again.',
    },
  },
  postPublish: {
    headers: ['ETag'],
    errors: {
      404: 'No such post, or the caller’s account no longer exists (a token that outlived it).',
      409: '`not_approved`: only a post in review whose current version a reviewer approved is published; `archived`; or the post changed meanwhile.',
      412: 'If-Match named a version that is no longer the post’s.',
    },
  },
  postArchive: {
    headers: ['ETag'],
    errors: {
      404: 'No such post, or the caller’s account no longer exists (a token that outlived it).',
      409: '`archived`: it is archived already; or the post changed meanwhile.',
      412: 'If-Match named a version that is no longer the post’s.',
    },
  },
  categoryCreate: { errors: { 404: 'The caller’s account no longer exists (a token that outlived it).', 409: '`category_exists`: a category has this slug.' } },
  libraryPosts: { errors: { 400: 'Invalid input, or `invalid_cursor`: the cursor was made for another query.' } },
  libraryPost: { errors: { 404: 'No published post has this slug (a draft, an archived post, one not rendered yet, or none): never told apart.' } },
  libraryPostView: { errors: { 404: 'No published post has this slug: nothing is counted.' } },
};

type ErrorStatus = 400 | 401 | 403 | 404 | 406 | 409 | 412 | 429 | 500 | 503;

const ERRORS: Readonly<Record<ErrorStatus, string>> = {
  400: 'The request is invalid: `code` says how, `details` where (never the value).',
  401: 'No valid access token (or, on credential routes, invalid credentials).',
  403: 'The caller holds none of the roles this route allows; on a write, `role_revoked` when the token still claims a role an admin has since revoked.',
  404: 'Not found, or not visible to the caller: never told apart (a crypto-shredded account’s records are not found either).',
  406: 'The `Accept` header asks for a representation this route does not answer.',
  409: 'Conflicts with the current state, or the Idempotency-Key was used for another request or is still running.',
  412: 'If-Match is missing (the record exists) or stale: reload, then retry with the new ETag.',
  429: 'Too many requests: the route’s throttle, or a per-caller limit. Retry-After says when to retry.',
  500: 'Something went wrong. The body is generic; quote its `requestId`.',
  503: 'A dependency is busy or failing for a moment (`service_unavailable`, `audit_busy`): nothing was half-written; Retry-After says when to send it again (ADR 0020).',
};

/** Request headers the route table can name, as documented parameters, and the error each can add. */
const REQUEST_HEADERS: Readonly<Record<RequestHeader, { parameter: Json; status: ErrorStatus }>> = {
  'Idempotency-Key': {
    parameter: {
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'A client-chosen key (8–64 of A–Z a–z 0–9 - _), kept 24 h per user. A retry with the same key and body replays the first answer without doing the work again; the same key with another body or route, or while the first is still running, is 409 (`idempotency_in_progress` with Retry-After: the seconds until the first one’s claim lapses).',
      schema: { type: 'string', minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]{8,64}$' },
    },
    status: 409,
  },
  'If-Match': {
    parameter: {
      name: 'If-Match',
      in: 'header',
      required: false,
      description: 'The ETag last read. Required to replace an existing record; a missing or stale one is 412.',
      schema: { type: 'string', maxLength: 16, pattern: '^"\\d{1,14}"$' },
    },
    status: 412,
  },
};

const headerRef = (name: string): Json => ({ $ref: `#/components/headers/${name}` });

/** The route's limits, sent by its function on every response (`shared/http/rate-limit.ts`). */
const RATE_LIMIT_HEADERS: Readonly<Record<string, Json>> = {
  'RateLimit-Policy': {
    description:
      'The route’s throttle as an IETF RateLimit policy, `"route";q=<requests>;w=1`: the pace, in requests per second for all callers together, at which API Gateway never throttles a caller on its own.',
    required: true,
    schema: { type: 'string', maxLength: 64, pattern: '^"route";q=\\d{1,5};w=1$' },
  },
  'X-RateLimit-Limit': {
    description: 'The route’s steady-state limit, requests per second (API Gateway method throttling, shared by all callers).',
    required: true,
    schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 10000 },
  },
  'X-RateLimit-Burst': {
    description: 'The route’s burst limit: how many requests API Gateway admits at once.',
    required: true,
    schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 10000 },
  },
};

/** Every response header the document names, described once (`components.headers`). */
const HEADERS: Readonly<Record<string, Json>> = {
  'X-Request-Id': {
    description: 'The request id: quote it to find the request in the logs.',
    required: true,
    schema: { type: 'string', maxLength: 128, pattern: '^[A-Za-z0-9#:_-]+$' },
  },
  ...RATE_LIMIT_HEADERS,
  'Access-Control-Allow-Origin': {
    description: 'The request’s `Origin`, when it is one of the stage’s allowed browser origins (CORS); absent otherwise.',
    schema: { type: 'string', maxLength: 2048, format: 'uri' },
  },
  'Retry-After': {
    description: 'Seconds to wait before retrying: the lockout’s or the AI quota’s own wait, else 1.',
    required: true,
    schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 3600 },
  },
  ETag: {
    description: 'The record’s version, quoted; send it back as If-Match to replace the record.',
    required: true,
    schema: { type: 'string', maxLength: 16, pattern: '^"\\d{1,14}"$' },
  },
  Location: {
    description: 'Where to read the created or queued resource.',
    required: true,
    schema: { type: 'string', maxLength: 256, format: 'uri-reference' },
  },
  'Content-Disposition': {
    description: 'The export is offered as a file.',
    required: true,
    schema: { type: 'string', const: 'attachment; filename="carebow-export.json"' },
  },
  'WWW-Authenticate': {
    description: 'Sent with API Gateway’s own 401 (a missing or rejected token).',
    schema: { type: 'string', const: 'Bearer' },
  },
};

/** Headers every response of a route function carries; absent when API Gateway answers itself. */
const FUNCTION_HEADERS = ['X-Request-Id', ...Object.keys(RATE_LIMIT_HEADERS)];

/**
 * The headers of a response. A route's function sends the request id and the route's limits on
 * every answer (`shared/http/http-route.ts`), but an error may also come from API Gateway itself
 * (authorizer denials, its throttling, its own failures), without them: on errors they are optional.
 */
const responseHeaders = (fromFunction: boolean, extra: readonly string[] = []): Json =>
  Object.fromEntries(
    [...FUNCTION_HEADERS, 'Access-Control-Allow-Origin', ...extra].map((name) => [
      name,
      fromFunction || !FUNCTION_HEADERS.includes(name) ? headerRef(name) : { ...HEADERS[name], required: false },
    ]),
  );

const errorContent = { 'application/json': { schema: ErrorResponse } };

const errorResponse = (status: ErrorStatus, description = ERRORS[status]): Json => ({
  description,
  // A 503 always comes from the route's function (ADR 0020); other errors may come from API Gateway itself.
  headers: responseHeaders(status === 503, status === 429 || status === 503 ? ['Retry-After'] : status === 401 ? ['WWW-Authenticate'] : []),
  content: errorContent,
});

/** The errors a route can answer: from its table line, then its use case's own outcomes. */
const errorStatuses = (route: RouteDef): ErrorStatus[] => {
  const facts = FACTS[route.id as RouteId]?.errors ?? {};
  // A dependency failing past the SDK's retries is a 503 with Retry-After, on any route that calls one (ADR 0020).
  const statuses = new Set<ErrorStatus>([400, 429, 500, 503]);
  if (!isPublic(route.access)) {
    statuses.add(401);
    statuses.add(403);
  }
  // A path names a record; a route that opens sealed PHI meets crypto-shredded accounts.
  if (route.params !== undefined || route.grants.dataKeys !== undefined) statuses.add(404);
  for (const header of route.headers ?? []) statuses.add(REQUEST_HEADERS[header].status);
  for (const status of Object.keys(facts)) statuses.add(Number(status) as ErrorStatus);
  return [...statuses].sort();
};

const describeAccess = (route: RouteDef): string =>
  isPublic(route.access)
    ? 'Public: no token.'
    : route.access.roles.length === ROLES.length
      ? 'Any authenticated caller (any role).'
      : `Roles: ${route.access.roles.join(', ')}.`;

const describeThrottle = (throttle: Throttle | undefined): string =>
  throttle === undefined
    ? 'Throttled at the stage’s default method limits (RateLimit-Policy says which).'
    : `Throttled at ${throttle.rateLimit} requests per second, bursts of ${throttle.burstLimit}, all callers together.`;

/**
 * Who may call: no requirement on a public route, else a bearer token. The roles a route allows
 * are checked by its function (`shared/http/caller.ts`, each denial audited) and listed as
 * `x-carebow-roles`: role names in the requirement itself, which OpenAPI 3.1 allows for http schemes,
 * read as undefined OAuth scopes to most tools.
 */
const securityOf = (route: RouteDef): Json =>
  isPublic(route.access) ? { security: [] } : { security: [{ bearer: [] }], 'x-carebow-roles': route.access.roles };

const json = (schema: Schema) => ({ 'application/json': { schema } });

const INT32 = 2 ** 31;

/**
 * zod writes an integer's range (`z.int()`: the safe integers, or the schema's own bounds) but no
 * format; the format follows from the range: `int32` when it fits, else `int64` (a safe integer
 * always does).
 */
const integerFormat = ({ jsonSchema }: { jsonSchema: Json }): void => {
  if (jsonSchema['type'] !== 'integer' || jsonSchema['format'] !== undefined) return;
  const { minimum, maximum } = jsonSchema as { minimum?: number; maximum?: number };
  jsonSchema['format'] = minimum !== undefined && maximum !== undefined && minimum >= -INT32 && maximum < INT32 ? 'int32' : 'int64';
};

const operation = (route: RouteDef, referenced: Set<ErrorStatus>): Json => {
  const facts = FACTS[route.id as RouteId] ?? {};
  const successHeaders = responseHeaders(true, facts.headers);
  const success = (description: string): Json => ({
    description,
    headers: successHeaders,
    ...(route.stream === true ? { content: { 'text/event-stream': { schema: { type: 'string', maxLength: 65_536, description: SSE_EVENTS } } } } : {}),
    ...(route.response !== undefined && route.status !== 204 ? { content: json(route.response) } : {}),
  });
  const responses: Record<string, unknown> = { [String(route.status)]: success(route.summary) };
  for (const [status, description] of Object.entries(facts.statuses ?? {})) responses[status] = success(description);
  for (const status of errorStatuses(route)) {
    const specific = facts.errors?.[status];
    if (status === 503 && specific !== undefined && route.response !== undefined) {
      responses[String(status)] = { description: specific ?? ERRORS[503], headers: responseHeaders(true), content: json(route.response) };
    } else if (status === 503 && specific !== undefined) {
      // The route's own function answers it (e.g. a deletion to send again), so it carries the route's headers.
      responses[String(status)] = { description: specific, headers: responseHeaders(true), content: errorContent };
    } else {
      referenced.add(status);
      responses[String(status)] = { $ref: `#/components/responses/${status}`, ...(specific === undefined ? {} : { description: specific }) };
    }
  }
  const requestParams = {
    ...(route.params !== undefined ? { path: route.params } : {}),
    ...(route.query !== undefined ? { query: route.query } : {}),
  };
  const headers = (route.headers ?? []).map((header) => REQUEST_HEADERS[header].parameter);
  return {
    operationId: route.id,
    tags: [areaOf(route.id)],
    summary: route.summary,
    description: [
      describeAccess(route),
      describeThrottle(route.throttle),
      ...(route.body !== undefined ? [`Bodies up to ${route.maxBodyBytes} bytes.`] : []),
    ].join(' '),
    ...securityOf(route),
    ...(Object.keys(requestParams).length > 0 ? { requestParams } : {}),
    ...(headers.length > 0 ? { parameters: headers } : {}),
    ...(route.body !== undefined ? { requestBody: { required: true, content: json(route.body) } } : {}),
    responses,
  };
};

/**
 * The OpenAPI 3.1 document of `routes`, which must all belong to an area of {@link AREAS}.
 *
 * @example
 * const document = openApiDocument(Object.values(routes), { version: '0.1.0' });
 */
export const openApiDocument = (list: readonly RouteDef[], info: { version: string }): Json => {
  const paths: Record<string, Record<string, Json>> = {};
  const referenced = new Set<ErrorStatus>();
  for (const route of list) {
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation(route, referenced);
  }
  const document: ZodOpenApiObject = {
    openapi: '3.1.0',
    info: {
      title: 'CareBow API',
      version: info.version,
      description:
        'The CareBow backend. Errors are always JSON (`ErrorResponse`); every response is `Cache-Control: no-store` (but the successes of the public library’s GETs: `public, max-age=300`) and carries `X-Request-Id` and the route’s rate limits (`RateLimit-Policy`, `X-RateLimit-Limit`); every 429 carries `Retry-After`. ' +
        'Protected routes take an ES256 access token as `Authorization: Bearer`. Lists are `{ items, nextCursor? }` with `?limit=` (default 20, at most 100) and `?cursor=`. A record the caller may not see is 404, never 403.',
    },
    security: [{ bearer: [] }],
    tags: (Object.keys(AREAS) as Area[]).map((name) => ({ name, description: AREAS[name].description })),
    paths: paths as never,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'An access token from `POST /api/v1/auth/login` or `/refresh`: a JWS signed with ES256, valid for at most 15 minutes, verified per RFC8725 (the algorithm is pinned, never taken from the token; issuer, audience and expiry are checked).',
        },
      },
      headers: HEADERS as never,
      responses: Object.fromEntries([...referenced].sort().map((status) => [String(status), errorResponse(status)])) as never,
    },
  };
  return createDocument(document, { override: integerFormat }) as unknown as Json;
};

export const OPENAPI_FILE = new URL('../functions/platform/openapi.generated.json', import.meta.url);

/** The document as generated: the openapi function fills in the version from CAREBOW_VERSION. */
export const generatedOpenApi = (): Json => openApiDocument(Object.values(routes), { version: '0.0.0' });

/** The file's text: what `npm run openapi` writes and the freshness test compares. */
export const generatedOpenApiText = (): string => `${JSON.stringify(generatedOpenApi(), null, 2)}\n`;

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(OPENAPI_FILE, generatedOpenApiText());
  console.log(`wrote ${OPENAPI_FILE.pathname}`);
}
