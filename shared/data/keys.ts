/**
 * Key builders: the one place each key shape of the tables (`tables.ts`) is spelled. The DynamoDB
 * adapters build item keys with them and the places files (`shared/vault/places.ts`,
 * `shared/triage/places.ts`) build the places sealed fields are bound to, so these strings are part
 * of every existing ciphertext's associated data: never change what one returns
 * (test/unit/dynamo-kit-keys.test.ts pins them). Pure functions, below both the areas and the
 * adapters.
 */

/** A user's partition: the account (identity), the data keys (keys), the records (records). */
export const userKey = (userId: string) => `USER#${userId}`;
/** The unique claim of an e-mail's blind index (identity). */
export const emailKey = (emailIndex: string) => `EMAIL#${emailIndex}`;
/** A login-failure count (identity): of an e-mail's blind index, or of a keyed hash (e-mail and source, ADR 0018; `mfa:<id>`). */
export const loginKey = (emailIndex: string) => `LOGIN#${emailIndex}`;
/** A user's known sign-in devices (identity): keyed hashes of a device's coarse fingerprint, never a User-Agent or an IP. */
export const devicesKey = (userId: string) => `DEVICES#${userId}`;
/** A user's MFA enrolment (identity): the sealed TOTP secret, the last step used, recovery-code hashes. */
export const mfaKey = (userId: string) => `MFA#${userId}`;
/** A pending login's second-factor challenge, by the SHA-256 of its value (identity; TTL). */
export const mfaChallengeKey = (challengeHash: string) => `MFACHALLENGE#${challengeHash}`;
/** A refresh-token family (sessions). */
export const familyKey = (familyId: string) => `FAMILY#${familyId}`;
/** A data subject's audit chain (audit). */
export const subjectKey = (subjectId: string) => `SUBJECT#${subjectId}`;
/** A record's place in its audit chain, zero-padded so the sort key orders by number (audit). */
export const seqKey = (seq: number) => `SEQ#${String(seq).padStart(12, '0')}`;
/**
 * The prefix of an audit lane's sort keys (ADR 0019): lane 0 is the subject's original chain and keeps `SEQ#`, so
 * records appended before lanes keep their keys; lane n > 0 is `L<nn>#SEQ#` (`L01#SEQ#`).
 */
export const lanePrefix = (lane: number) => (lane === 0 ? 'SEQ#' : `L${String(lane).padStart(2, '0')}#SEQ#`);
/** A record's place in one lane of its subject's audit trail: `SEQ#<n>` (lane 0) or `L<nn>#SEQ#<n>`. */
export const laneSeqKey = (lane: number, seq: number) => (lane === 0 ? seqKey(seq) : `${lanePrefix(lane)}${String(seq).padStart(12, '0')}`);

/** Sort keys in a user's records partition. */
export const PROFILE = 'PROFILE';
export const AI_QUOTA = 'AIQUOTA';
/** One window's counter of a per-user budget (records; TTL), e.g. `BUDGET#symptomSession#3600#1767261600`. */
export const budgetKey = (counterId: string) => `BUDGET#${counterId}`;
/** A provider's or caregiver's practitioner profile (care): one per user, beside their own records. */
export const PRACTITIONER = 'PRACTITIONER';
/**
 * The practitioner directory (care), the sparse `byDirectory` index of the records table: a verified
 * profile carries `dirKey` = `DIR#<kind>` and `dirSort` = `<geohash>#<id>`, so a covering cell is a
 * `begins_with(dirSort, cell)` on one kind's partition.
 */
export const directoryKey = (kind: string) => `DIR#${kind}`;
export const directorySort = (geohash: string, userId: string) => `${geohash}#${userId}`;
/** The prefixes of the item kinds that are listed, for `begins_with(sk, …)`. */
export const CONSENT_PREFIX = 'CONSENT#';
export const FEEDBACK_PREFIX = 'FEEDBACK#';
export const SESSION_PREFIX = 'SESSION#';
export const CHAT_PREFIX = 'CHAT#';
export const consentKey = (consentId: string) => CONSENT_PREFIX + consentId;
/** A provider's break-glass count of one UTC day (records, the provider's own partition): `BREAKGLASS#<YYYY-MM-DD>`. */
export const breakGlassCountKey = (date: string) => `BREAKGLASS#${date}`;
/**
 * A feedback item's sort key: `FEEDBACK#<createdAt>#<id>`, so a user's feedback sorts by time. The
 * sealed comments' place names the feedback by id alone (`FEEDBACK#<id>`, one part): ciphertexts
 * are bound to that, so it stays.
 */
export const feedbackKey = (...parts: string[]) => FEEDBACK_PREFIX + parts.join('#');
export const sessionKey = (sessionId: string) => SESSION_PREFIX + sessionId;
export const chatKey = (conversationId: string) => CHAT_PREFIX + conversationId;
export const idempotencyKey = (key: string) => `IDEMPOTENCY#${key}`;
/** A practitioner's weekly hours and slot rules (care): one per practitioner, in their own partition. */
export const AVAILABILITY = 'AVAILABILITY';
/** A practitioner's booking ledger of one local day (care, ADR 0006): `LEDGER#<YYYY-MM-DD>`, so a range of days is one Query. */
export const LEDGER_PREFIX = 'LEDGER#';
export const ledgerKey = (date: string) => LEDGER_PREFIX + date;
/** An appointment (care), one item in each party's partition under the same sort key: either party finds it by id in their own. */
export const APPOINTMENT_PREFIX = 'APPT#';
export const appointmentKey = (appointmentId: string) => APPOINTMENT_PREFIX + appointmentId;
/**
 * The appointment list by time (care), the sparse `byPartyTime` index of the records table: every
 * copy but a pending one carries `apptParty` = `<holder>#patient|practitioner` (whose list it is in)
 * and `apptStart` = the start in epoch milliseconds, zero-padded to 16 digits (so the strings sort as
 * the numbers, up to the last instant a Date holds), then `#<id>`. A window is one `BETWEEN` on one
 * party's partition, in start order.
 */
export const appointmentPartyKey = (holderId: string, side: 'patient' | 'practitioner') => `${holderId}#${side}`;
export const appointmentStartKey = (startMs: number, appointmentId = '') => String(startMs).padStart(16, '0') + (appointmentId && `#${appointmentId}`);
/**
 * A practitioner's rating aggregate (care): the sum and count of their reviews' stars, one item in their
 * own partition, changed only by atomic `ADD`s. The reviews themselves live on the patients' appointment copies.
 */
export const RATING = 'RATING';
/**
 * A user's contact details for notifications: the phone (sealed), whether it is verified, a pending
 * verification and e-mail suppression after a bounce or complaint. One item per user, in their partition.
 */
export const CONTACT = 'CONTACT';
/** A user's notification preferences (channels, types, quiet hours): not PHI, one item per user. */
export const NOTIFY_PREFS = 'NOTIFYPREFS';
/** One delivery of a notification event on one channel: `DELIVERY#<eventId>#<channel>` (uuid v7 ids, so newest last). */
export const DELIVERY_PREFIX = 'DELIVERY#';
export const deliveryKey = (eventId: string, channel: string) => `${DELIVERY_PREFIX}${eventId}#${channel}`;
/**
 * A deleted account's deletion notice (notifications): the e-mail address sealed under a data key of
 * its own (the event's), kept only until the worker has sent the notice (ADR 0010, "The deletion notice").
 */
export const DELETION_NOTICE = 'NOTICE#account_deleted';

/*
 * The content library (content table): not PHI. A post's partition holds its working copy (`POST`)
 * and its revisions; a slug's partition holds its claim and, while published, the public snapshot.
 */
export const postKey = (postId: string) => `POST#${postId}`;
export const POST = 'POST';
/** A post's revision `n` (1, 2, …), zero-padded so the sort key orders by number. */
export const REVISION_PREFIX = 'REV#';
export const revisionKey = (version: number) => REVISION_PREFIX + String(version).padStart(10, '0');
export const slugKey = (slug: string) => `SLUG#${slug}`;
/** Under `slugKey`: the claim (which post owns the slug, forever) and the published snapshot. */
export const SLUG_CLAIM = 'CLAIM';
export const PUBLISHED = 'PUBLIC';
/** The `byStatus` index: `postStatus` = the status, `updatedSort` = `<updatedAt>#<id>` (newest last). */
export const postStatusSort = (updatedAt: string, postId: string) => `${updatedAt}#${postId}`;
/** Categories: one partition, one item per category slug. */
export const CATEGORIES = 'CATEGORY';
/** The lexical search index: a pointer to the current version, and that version's gzip chunks. */
export const SEARCH_INDEX = 'INDEX';
export const SEARCH_INDEX_POINTER = 'POINTER';
export const searchIndexKey = (version: number) => `INDEX#${version}`;
export const chunkKey = (n: number) => `CHUNK#${String(n).padStart(4, '0')}`;
/** Views per post per day and searches that found nothing, one partition per month (`YYYY-MM`); sort key `<YYYY-MM-DD>#<postId|term>`. */
export const viewsKey = (month: string) => `VIEWS#${month}`;
export const noHitKey = (month: string) => `NOHIT#${month}`;
export const dayEntryKey = (date: string, what: string) => `${date}#${what}`;
/**
 * Product figures, anonymous weekly aggregates (shared/content/figures.ts): one item per ISO week (`YYYY-Www`), whose
 * numeric attributes change only by atomic `ADD`; and one marker per counted source, so each source counts once. The
 * marker's `what` is a digest of the source id, never the id itself (the public routes can read this table).
 */
export const figuresKey = (week: string) => `FIGURES#${week}`;
export const FIGURES = 'FIGURES';
export const countedKey = (kind: string, what: string) => `COUNTED#${kind}#${what}`;
export const COUNTED = 'COUNTED';
/** The token-signing key ring (keys table): one item, beside the per-user data keys (ADR 0013). */
export const SIGNING_KEY_RING = 'SIGNING_KEYS';
