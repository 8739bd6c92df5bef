import * as z from '../zod';
import { declared } from '../zod';
import { ROLES, RoleSchema } from '../domain/roles';
import { AccessLogEntry } from './audit';
import { Id, Instant, list, MAX_RESPONSE_ITEMS, text } from './common';
import { Consent, HealthProfile } from './records';
import { Conversation } from './chat';
import { FollowUpAnswer, SymptomSession, TriageInput } from './triage';
import type { PractitionerProfile } from './care';
import type { Appointment, AppointmentReview, AvailabilityView } from './care-appointments';
import type { Contact, Delivery, Preferences } from './notifications';
import { DELIVERY_CHANNELS, NOTIFICATION_TYPES } from '../domain/notifications';

/** Every list of the export holds all the caller's records: bounded only by the response size. */
const all = <T extends z.ZodMiniType>(item: T) => list(item, MAX_RESPONSE_ITEMS);

/*
 * The care parts of the export, as plain bounded shapes: importing the care schemas would register
 * all of them (and their checks) in the export's and the deletion's bundles, which share this route
 * table. They describe what the care views (`Appointment`, `PractitionerProfile`, `AvailabilityView`)
 * produce; `Fits` below makes the compiler prove every such view fits them.
 */
const Time = /* @__PURE__ */ declared(() => text(5).check(z.regex(/^\d\d:\d\d$/)));
const LocalDate = /* @__PURE__ */ declared(() => z.iso.date().check(z.maxLength(10)));
const ZonedInstant = /* @__PURE__ */ declared(() => z.iso.datetime({ offset: true }).check(z.maxLength(32)));
const ExportedAppointment = /* @__PURE__ */ declared(() =>
  z.object({
    id: Id,
    status: z.enum(['booked', 'cancelled', 'fulfilled', 'noshow']),
    practitionerId: Id,
    patientId: Id,
    start: ZonedInstant,
    end: ZonedInstant,
    mode: z.enum(['in_person', 'video', 'home_visit']),
    /** Opened on the caller's own copies as the patient only. */
    reason: z.optional(text(1000)),
    cancelReason: z.optional(text(1000)),
    /** The caller's own review of the visit, as the patient (its comment opened). */
    review: z.optional(
      z.object({ appointmentId: Id, practitionerId: Id, rating: z.int().check(z.gte(1), z.lte(5)), comment: z.optional(text(2000)), createdAt: Instant }),
    ),
    createdAt: Instant,
    updatedAt: Instant,
  }),
);
const ExportedPractitioner = /* @__PURE__ */ declared(() =>
  z.object({
    id: Id,
    kind: z.enum(['provider', 'caregiver']),
    verified: z.boolean(),
    verifiedAt: z.optional(Instant),
    displayName: text(120),
    specialties: z.optional(list(text(64), 32)),
    skills: z.optional(list(text(64), 32)),
    languages: list(text(35), 20),
    timeZone: text(64),
    location: z.object({ lat: z.number(), lon: z.number(), city: text(100) }),
    serviceRadiusKm: z.optional(z.number()),
    telehealth: z.boolean(),
    bio: z.optional(text(2000)),
    /** Their own credentials, numbers included. */
    credentials: list(z.object({ kind: text(64), number: text(64), expiresOn: LocalDate }), 10),
    version: z.int(),
    updatedAt: Instant,
  }),
);
const Hours = { start: Time, end: Time };
const ExportedAvailability = /* @__PURE__ */ declared(() =>
  z.object({
    availability: z.object({
      weekly: list(z.object({ day: z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), ...Hours }), 35),
      exceptions: list(z.object({ date: LocalDate, closed: z.optional(z.boolean()), start: z.optional(Time), end: z.optional(Time) }), 366),
      slotMinutes: z.int(),
      bufferBeforeMinutes: z.int(),
      bufferAfterMinutes: z.int(),
      horizonDays: z.int(),
    }),
    timeZone: text(64),
    version: z.int(),
    updatedAt: Instant,
  }),
);
/*
 * The notifications part, plain for the same reason (shared/contracts/notifications.ts registers its
 * schemas): the caller's contact with the phone opened, their preferences, every delivery record.
 */
const Toggles = /* @__PURE__ */ declared(() => ({
  appointment_reminder: z.boolean(),
  appointment_change: z.boolean(),
  triage_ready: z.boolean(),
  security: z.boolean(),
  marketing: z.boolean(),
}));
const ExportedNotifications = /* @__PURE__ */ declared(() =>
  z.object({
    contact: z.nullable(
      z.object({
        phone: z.optional(text(16)),
        phoneVerified: z.boolean(),
        verification: z.optional(z.object({ expiresAt: Instant, attemptsLeft: z.int() })),
        emailSuppressed: z.boolean(),
        updatedAt: z.optional(Instant),
      }),
    ),
    preferences: z.object({
      channels: z.object({ email: z.boolean(), sms: z.boolean() }),
      types: z.object(Toggles),
      quietHours: z.optional(z.object({ start: Time, end: Time, timeZone: text(64) })),
      version: z.int(),
      updatedAt: z.optional(Instant),
    }),
    deliveries: all(
      z.object({
        eventId: Id,
        type: z.enum(NOTIFICATION_TYPES),
        channel: z.enum(DELIVERY_CHANNELS),
        status: z.enum(['queued', 'sent', 'failed', 'suppressed']),
        reason: z.optional(text(32)),
        notBefore: z.optional(Instant),
        attempts: z.int(),
        createdAt: Instant,
        updatedAt: Instant,
        sentAt: z.optional(Instant),
      }),
    ),
  }),
);
/** Compile-time only: every value of `View` is a value of `Export`'s shape. */
type Fits<View, Export extends z.ZodMiniType> = View extends z.infer<Export> ? true : never;
const fits: [
  Fits<Appointment & { cancelReason?: string; review?: AppointmentReview }, typeof ExportedAppointment>,
  Fits<PractitionerProfile, typeof ExportedPractitioner>,
  Fits<AvailabilityView, typeof ExportedAvailability>,
  Fits<{ contact: Contact | null; preferences: Preferences; deliveries: Delivery[] }, typeof ExportedNotifications>,
] = [true, true, true, true];
void fits;

export const ExportResponse = /* @__PURE__ */ z
  .object({
    exportedAt: Instant,
    account: z.object({ id: Id, email: text(254), name: z.optional(text(120)), roles: list(RoleSchema, ROLES.length), createdAt: Instant }),
    profile: z.nullable(z.object({ profile: HealthProfile, version: z.int(), updatedAt: Instant })),
    consents: z.object({ granted: all(Consent), received: all(Consent) }),
    feedback: all(z.object({ id: Id, rating: z.int(), comments: z.optional(text(2000)), createdAt: Instant })),
    /** Every symptom session: what was reported, the follow-up answers (its last 30), the latest result. */
    symptomSessions: all(z.extend(SymptomSession, { input: TriageInput, answers: list(FollowUpAnswer, 30) })),
    /** Every assistant conversation, with its messages. */
    conversations: all(
      z.object({
        id: Id,
        persona: text(32),
        status: Conversation.shape.status,
        messages: Conversation.shape.messages,
        createdAt: Instant,
        updatedAt: Instant,
      }),
    ),
    /** Every appointment, as patient and as practitioner; the reasons only on the caller's own copies as the patient. */
    appointments: all(ExportedAppointment),
    /** A provider's or caregiver's own profile, credentials included; `null` for anyone else. */
    practitioner: z.nullable(ExportedPractitioner),
    /** The practitioner's stored availability, in their profile's zone; `null` when none. */
    availability: z.nullable(ExportedAvailability),
    /** The caller's notification contact (the phone opened), preferences and deliveries (never an address or a text). */
    notifications: ExportedNotifications,
    accessLog: all(AccessLogEntry),
  })
  .register(z.globalRegistry, { id: 'ExportResponse' });
