import { actorOf, requestFacts } from '../audit/actor';
import { type AccountStatusReader, requireActiveAccount } from '../audit/active-account';
import type { AuditEvent } from '../audit/ports';
import type { AppointmentReview, ReviewAppointmentRequest } from '../contracts/care-appointments';
import type { Caller, RequestMeta } from '../domain/caller';
import { ConflictError, NotFoundError } from '../errors';
import { appointmentPlaces } from './places';
import type { BookingDeps, PractitionerRepository, StoredReview } from './ports';

type Deps = Pick<BookingDeps, 'appointments' | 'reviews' | 'ratings' | 'vault' | 'audit' | 'clock'> & {
  /** Only read: a review of a deleted practitioner's visit would bring back their aggregate. */
  readonly practitioners: Pick<PractitionerRepository, 'get'>;
  /** A token that outlived the patient's account reviews nothing: a review with stars only seals nothing for the vault to refuse. */
  readonly users: AccountStatusReader;
};

/** Why a review is refused (the audit event's `reason`). */
type Refusal = 'not_found' | 'not_reviewable' | 'already_reviewed' | 'practitioner_removed' | 'error';

/**
 * The patient reviews a fulfilled visit, once: 1–5 stars and an optional comment (PHI, sealed with
 * the patient's data key). It feeds the practitioner's rating aggregate (`ratingView`), which is all
 * anyone else ever sees of it: the practitioner never sees the review, its comment or who wrote it.
 *
 * Writes, in this order, each one conditional or atomic (no transaction):
 * 1. the review on the patient's appointment copy, in ONE conditional update that holds every rule:
 *    the copy is the caller's own as the patient, it is `fulfilled`, it holds no review yet. Of two
 *    concurrent reviews exactly one passes; the other is 409 `already_reviewed`;
 * 2. the practitioner's `RATING` aggregate: one atomic `ADD` (sum + stars, count + 1);
 * 3. the audit event (on the patient's chain). If it fails, the `ADD` is taken back (same amounts,
 *    negated) and then the review removed, and the request fails. If step 2 fails, the review is removed.
 *
 * Limits (a crash between writes; docs/adr/0006-booking-ledger.md):
 * - between 1 and 2: the review is stored but not counted. The aggregate misses one review (its
 *   count and sum stay consistent with each other, the average barely moves), and a retry is 409
 *   `already_reviewed`: it is never counted twice. Undoes run in the same order (the `ADD` taken
 *   back before the review goes), so a crash inside an undo also errs on the side of uncounted.
 * - between 2 and 3: the review is stored and counted without its audit event, as any write of a
 *   process that dies before its append.
 * - an `ADD` whose answer is lost (a timeout after DynamoDB applied it, possibly retried by the
 *   SDK) may count a review that step 2's failure then removes, or count one twice: `ADD` is not
 *   idempotent. The aggregate is a display figure; a repair can recount a practitioner from their
 *   fulfilled appointments' patient copies.
 * - the review does not bump the copy's `version` (both copies keep the same one), so a whole-item
 *   write of the patient's copy built from an earlier read drops it. The only such write of a
 *   fulfilled copy is the status route's undo when its own audit append fails: a review landing in
 *   those milliseconds is lost while its stars stay counted.
 * - the practitioner's profile is read before step 1, so a review of a practitioner whose account
 *   is deleted is refused; one racing the deletion can leave a `RATING` item behind in the deleted
 *   partition (a sum and a count, no person named).
 *
 * Outcomes: 201 with the review; 404 when the caller holds no copy of it as the patient (a stranger,
 * the practitioner, an admin), or the caller's account is gone (a token that outlived it); 409
 * `not_reviewable` before the visit is fulfilled (or after its practitioner's account was deleted);
 * 409 `already_reviewed`. Exactly one audit event, success or not.
 */
export const reviewAppointment = async (
  deps: Deps,
  caller: Caller,
  appointmentId: string,
  body: ReviewAppointmentRequest,
  meta: RequestMeta,
): Promise<AppointmentReview> => {
  await requireActiveAccount(deps, caller, meta, { action: 'appointment.review', resource: { type: 'appointment', id: appointmentId } });
  const copy = await deps.appointments.get(caller.userId, appointmentId);
  const own = copy && copy.status !== 'pending' && copy.patientId === caller.userId ? copy : undefined;
  let refused: Refusal | undefined = !own ? 'not_found' : own.review ? 'already_reviewed' : own.status !== 'fulfilled' ? 'not_reviewable' : undefined;
  if (refused === undefined && (await deps.practitioners.get(own!.practitionerId)) === undefined) refused = 'practitioner_removed';
  let written: StoredReview | undefined;
  let failure: unknown;
  if (refused === undefined) {
    const review: StoredReview = {
      rating: body.rating,
      ...(body.comment === undefined
        ? {}
        : { commentSealed: await deps.vault.seal(appointmentPlaces.reviewComment(caller.userId, appointmentId), body.comment) }),
      createdAt: deps.clock.now().toISOString(),
    };
    try {
      if (await deps.reviews.add(caller.userId, appointmentId, review)) {
        written = review;
        await deps.ratings.add(own!.practitionerId, review.rating);
      } else {
        // Lost to a concurrent review (or the copy changed): say which.
        refused = (await deps.appointments.get(caller.userId, appointmentId))?.review ? 'already_reviewed' : 'not_reviewable';
      }
    } catch (error) {
      failure = error;
      refused = 'error';
      // Best effort: the store error is what the request fails with (after its audit event).
      if (written) await deps.reviews.remove(caller.userId, appointmentId, written).catch(() => false);
      written = undefined;
    }
  }
  const audit: AuditEvent = {
    action: 'appointment.review',
    outcome: written ? 'success' : 'failure',
    subjectId: caller.userId,
    actor: actorOf(caller),
    resource: { type: 'appointment', id: appointmentId },
    ...requestFacts(meta),
    ...(refused ? { reason: refused } : {}),
  };
  try {
    await deps.audit.append(audit);
  } catch (error) {
    if (written) {
      await deps.ratings.subtract(own!.practitionerId, written.rating);
      await deps.reviews.remove(caller.userId, appointmentId, written);
    }
    throw error;
  }
  if (failure !== undefined) throw failure;
  if (refused === 'not_found') throw new NotFoundError();
  if (refused === 'already_reviewed') throw new ConflictError('This visit has been reviewed already.', 'already_reviewed');
  if (refused !== undefined || written === undefined) {
    throw new ConflictError('Only a fulfilled visit, with a practitioner whose account still exists, can be reviewed.', 'not_reviewable');
  }
  return {
    appointmentId,
    practitionerId: own!.practitionerId,
    rating: written.rating,
    ...(body.comment === undefined ? {} : { comment: body.comment }),
    createdAt: written.createdAt,
  };
};
