import { describe, expect, it } from 'vitest';
import { bookAppointment } from '../../shared/care/book-appointment';
import { putOwnPractitioner } from '../../shared/care/practitioners';
import { putOwnAvailability } from '../../shared/care/schedule';
import type { Caller } from '../../shared/domain/caller';
import { requireActiveAccount } from '../../shared/audit/active-account';
import { errorResponse } from '../../shared/http/error-response';
import { putPreferences } from '../../shared/notifications/preferences';
import { createConsent } from '../../shared/records/consents';
import { providerProfile, weeklyHours } from '../helpers/care-fixtures';
import { careWorld } from '../helpers/fakes/care-world';
import { notificationWorld } from '../helpers/fakes/notifications';
import { META } from '../helpers/in-memory';

/**
 * An access token outlives its account's deletion (or disabling) by up to 15 minutes. The writes that seal
 * nothing refuse it themselves (`requireActiveAccount`), as `404` with one `account_inactive` audit event,
 * before they read or write anything else: found by the request-sequence fuzzer (test/fuzz/sequences.test.ts;
 * docs/security.md #8).
 */
const NINE = '2026-11-27T09:00:00+00:00';

/** A care world with a verified provider and a patient; `gone` marks an account deleted or disabled. */
const world = async () => {
  const w = await careWorld();
  const provider = await w.verifiedProvider(providerProfile(), weeklyHours('09:00', '17:00'));
  const patient = await w.app.addUser(['patient']);
  const gone = (caller: Caller, status: 'deleted' | 'disabled') => w.app.users.set(caller.userId, { ...w.app.users.get(caller.userId)!, status });
  /** Everything a refused write could have touched. */
  const state = () =>
    JSON.stringify([
      [...w.bookings.appointments.values()],
      [...w.bookings.ledgers.values()],
      [...w.care.practitioners.values()],
      [...w.app.budgetCounts.entries()],
      [...w.app.records.consents.values()],
    ]);
  w.app.events.length = 0;
  return { w, provider, patient, gone, state };
};

describe('Function: requireActiveAccount', () => {
  it.each([
    ['an active account', { status: 'active' }, undefined],
    ['a deleted one', { status: 'deleted' }, 404],
    ['a disabled one', { status: 'disabled' }, 404],
    ['none at all', undefined, 404],
  ])('answers %s with %s, auditing a refusal once', async (_label, account, status) => {
    // Prepare
    const events: unknown[] = [];
    const deps = { users: { get: async () => account }, audit: { append: async (event: unknown) => void events.push(event) } };
    const caller: Caller = { userId: 'u1', roles: ['patient'], clientId: 'app', tokenId: 't' };
    const refusal = { action: 'appointment.book', resource: { type: 'appointment' } };

    // Act
    const outcome = await requireActiveAccount(deps as never, caller, META, refusal).catch((error: unknown) => errorResponse(error, 'r').statusCode);

    // Assess
    expect(outcome).toBe(status);
    expect(events).toEqual(
      status === undefined
        ? []
        : [
            expect.objectContaining({
              action: 'appointment.book',
              outcome: 'failure',
              reason: 'account_inactive',
              subjectId: 'u1',
              resource: refusal.resource,
            }),
          ],
    );
  });
});

describe('Use cases: writes with a token whose account is gone', () => {
  it.each(['deleted', 'disabled'] as const)('a %s patient books nothing, spends no budget and messages no one (404)', async (status) => {
    // Prepare
    const { w, provider, patient, gone, state } = await world();
    gone(patient, status);
    const before = state();

    // Act
    const refused = await bookAppointment(w.deps, patient, { practitionerId: provider.userId, start: NINE, mode: 'video' }, META).catch(
      (error: unknown) => error,
    );

    // Assess
    expect(errorResponse(refused, 'r').statusCode).toBe(404);
    expect(state()).toBe(before);
    expect(w.notices.sent).toEqual([]);
    expect(w.app.events).toEqual([expect.objectContaining({ action: 'appointment.book', outcome: 'failure', reason: 'account_inactive' })]);
  });

  it('a deleted practitioner writes no profile and no availability (404)', async () => {
    // Prepare
    const { w, provider, gone, state } = await world();
    gone(provider, 'deleted');
    const before = state();

    // Act
    const profile = await putOwnPractitioner(w.deps, provider, providerProfile(), undefined, META).catch((error: unknown) => error);
    const hours = await putOwnAvailability(w.deps, provider, weeklyHours('10:00', '12:00'), META, '"1"').catch((error: unknown) => error);

    // Assess
    expect(errorResponse(profile, 'r').statusCode).toBe(404);
    expect(errorResponse(hours, 'r').statusCode).toBe(404);
    expect(state()).toBe(before);
    expect(w.app.events.map((event) => [event.action, event.outcome, event.reason])).toEqual([
      ['practitioner.write', 'failure', 'account_inactive'],
      ['availability.write', 'failure', 'account_inactive'],
    ]);
  });

  it('a deleted patient writes no notification preferences and grants no consent (404)', async () => {
    // Prepare
    const { w, provider, patient, gone, state } = await world();
    gone(patient, 'deleted');
    const before = state();
    const notifications = notificationWorld();
    const ann = await notifications.addUser(['patient'], 'deleted');

    // Act
    const preferences = await putPreferences(notifications.deps, ann, { channels: { sms: true } }, META).catch((error: unknown) => error);
    const consent = await createConsent(w.deps, patient, { granteeId: provider.userId, scopes: ['profile.read'], purpose: 'caregiving' }, META).catch(
      (error: unknown) => error,
    );

    // Assess
    expect(errorResponse(preferences, 'r').statusCode).toBe(404);
    expect(errorResponse(consent, 'r').statusCode).toBe(404);
    expect(await notifications.deps.preferences.get(ann.userId)).toBeUndefined();
    expect(notifications.events.map((event) => [event.action, event.reason])).toEqual([['notification_preferences.write', 'account_inactive']]);
    expect(state()).toBe(before);
    expect(w.app.events.map((event) => [event.action, event.reason])).toEqual([['consent.grant', 'account_inactive']]);
  });
});
