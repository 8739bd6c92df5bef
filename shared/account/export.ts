import type { AppDeps } from '../deps';
import { NotFoundError } from '../errors';
import type { Caller, RequestMeta } from '../domain/caller';
import { actorOf, requestFacts } from '../audit/actor';
import type { ConsentRecord, ConsentRepository, FeedbackRepository, ProfileRepository } from '../records/ports';
import type { ConversationRepository, StoredConversation } from '../chat/ports';
import type { Page, PageRequest } from '../domain/page';
import type { StoredSymptomSession, SymptomSessionReader } from '../triage/ports';
import type { HealthProfile } from '../contracts/records';
import { conversationPlace, type StoredMessage } from '../chat/conversation';
import { sessionPlaces } from '../triage/places';
import type { SessionInput } from '../triage/sessions';
import { sessionView } from '../triage/session-view';
import { accessLogEntry } from '../audit/trail';
import { consentView } from '../records/consents';
import { places } from '../vault/places';
import { exportAppointments, ownAvailabilityView } from '../care/account-data';
import { ownView } from '../care/views';
import type { BookingDeps } from '../care/ports';
import type { UserRepository } from '../identity/ports';
import { exportNotifications } from '../notifications/account-data';
import type { NotificationAccountData } from '../notifications/ports';
import { spendBudget } from '../budgets/spend';
import type { UsageCounters } from '../budgets/ports';

const PAGE = 100;

/** Every page of a paged list. */
const all = async <T>(fetch: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> => {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch({ limit: PAGE, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return items;
};

export type ExportDeps = Pick<AppDeps, 'auditTrail' | 'vault' | 'audit' | 'clock'> & {
  readonly profiles: Pick<ProfileRepository, 'get'>;
  readonly consents: Pick<ConsentRepository, 'granted' | 'received'>;
  readonly feedback: Pick<FeedbackRepository, 'ofUser'>;
  readonly users: Pick<UserRepository, 'get'>;
  readonly sessions: SymptomSessionReader;
  readonly conversations: ConversationRepository;
  readonly notificationData: Pick<NotificationAccountData, 'read'>;
  /** The caller's `dataExport` budget (shared/budgets/limits.ts). */
  readonly counters: UsageCounters;
} & Pick<BookingDeps, 'practitioners'> & {
    readonly appointments: Pick<BookingDeps['appointments'], 'list'>;
    readonly availability: Pick<BookingDeps['availability'], 'get'>;
  };

/**
 * Everything CareBow holds about the caller, decrypted (HIPAA right of access). Audited. Care: their
 * appointments as patient and as practitioner (the reasons opened on their own copies as the
 * patient), and for a practitioner their own profile (credentials included) and availability.
 * Notifications: their contact (the phone opened), preferences and every delivery record.
 * Each export spends one unit of the caller's `dataExport` budget first (429 `budget_exceeded` past it,
 * before anything else is read).
 */
export const exportAccount = async (deps: ExportDeps, caller: Caller, meta: RequestMeta) => {
  const user = await deps.users.get(caller.userId);
  if (user === undefined || user.status !== 'active') throw new NotFoundError();
  await spendBudget(deps, caller, meta, 'dataExport', { action: 'account.export', resource: { type: 'account', id: user.id } });
  const now = deps.clock.now();
  const [profile, granted, received, feedback, sessions, conversations, chain, practitioner, availability, appointments, notifications] = await Promise.all([
    deps.profiles.get(user.id),
    all<ConsentRecord>((page) => deps.consents.granted(user.id, page)),
    all<ConsentRecord>((page) => deps.consents.received(user.id, page)),
    deps.feedback.ofUser(user.id),
    all<StoredSymptomSession>((page) => deps.sessions.sessionsOf(user.id, page)),
    all<StoredConversation>((page) => deps.conversations.conversationsOf(user.id, page)),
    deps.auditTrail.chain(user.id),
    deps.practitioners.get(user.id),
    deps.availability.get(user.id),
    exportAppointments(deps, user.id),
    exportNotifications(deps, user.id, now.getTime()),
  ]);
  const document = {
    exportedAt: now.toISOString(),
    account: {
      id: user.id,
      email: await deps.vault.open(places.userEmail(user.id), user.emailSealed),
      ...(user.nameSealed ? { name: await deps.vault.open(places.userName(user.id), user.nameSealed) } : {}),
      roles: [...user.roles],
      createdAt: user.createdAt,
    },
    profile:
      profile === undefined
        ? null
        : {
            profile: await deps.vault.openJson<HealthProfile>(places.profile(user.id), profile.sealed),
            version: profile.version,
            updatedAt: profile.updatedAt,
          },
    consents: { granted: granted.map((c) => consentView(c, now)), received: received.map((c) => consentView(c, now)) },
    feedback: await Promise.all(
      feedback.map(async (f) => ({
        id: f.id,
        rating: f.rating,
        createdAt: f.createdAt,
        ...(f.commentsSealed ? { comments: await deps.vault.open(places.feedbackComments(user.id, f.id), f.commentsSealed) } : {}),
      })),
    ),
    symptomSessions: await Promise.all(
      sessions.map(async (stored) => ({
        ...(await sessionView(deps, stored)),
        ...(await deps.vault.openJson<SessionInput>(sessionPlaces.input(user.id, stored.id), stored.inputSealed)),
      })),
    ),
    conversations: await Promise.all(
      conversations.map(async (stored) => ({
        id: stored.id,
        persona: stored.persona,
        status: stored.status,
        messages: await deps.vault.openJson<StoredMessage[]>(conversationPlace(user.id, stored.id), stored.messagesSealed),
        createdAt: stored.createdAt,
        updatedAt: stored.updatedAt,
      })),
    ),
    appointments,
    practitioner: practitioner === undefined ? null : ownView(practitioner),
    availability: practitioner === undefined || availability === undefined ? null : ownAvailabilityView(availability, practitioner.timeZone),
    notifications,
    accessLog: chain.map(accessLogEntry),
  };
  await deps.audit.append({
    action: 'account.export',
    outcome: 'success',
    subjectId: user.id,
    actor: actorOf(caller),
    resource: { type: 'account', id: user.id },
    ...requestFacts(meta),
  });
  return document;
};
