import { describe, expect, it } from 'vitest';
import { setAppointmentStatus } from '../../shared/care/appointment-status';
import { bookAppointment } from '../../shared/care/book-appointment';
import { reviewAppointment } from '../../shared/care/review-appointment';
import { putOwnPractitioner, verifyPractitioner } from '../../shared/care/practitioners';
import { putOwnAvailability } from '../../shared/care/schedule';
import type { Caller } from '../../shared/domain/caller';
import type { Role } from '../../shared/domain/roles';
import { requireActiveAccount } from '../../shared/audit/active-account';
import { errorResponse } from '../../shared/http/error-response';
import { changeRoleAsAdmin } from '../../shared/identity/manage-roles';
import { putPreferences } from '../../shared/notifications/preferences';
import { createConsent } from '../../shared/records/consents';
import { giveFeedback } from '../../shared/records/feedback';
import { createCategory } from '../../shared/content/categories';
import { archivePost, createPost, publishPost, reviewPost, updatePost } from '../../shared/content/posts';
import { inMemoryContent } from '../helpers/fakes/content';
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
      [...w.app.records.feedback.values()],
      [...w.ratings.aggregates.entries()],
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
    const deps = {
      users: { get: async () => (account === undefined ? undefined : { ...account, roles: ['patient'] }) },
      audit: { append: async (event: unknown) => void events.push(event) },
    };
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

describe('Function: requireActiveAccount, with the roles a write needs', () => {
  const check = async (tokenRoles: Role[], accountRoles: Role[], needs: Role[]) => {
    const events: unknown[] = [];
    const deps = {
      users: { get: async () => ({ status: 'active', roles: accountRoles }) },
      audit: { append: async (event: unknown) => void events.push(event) },
    };
    const caller: Caller = { userId: 'u1', roles: tokenRoles, clientId: 'app', tokenId: 't' };
    const outcome = await requireActiveAccount(deps, caller, META, { action: 'content.publish', resource: { type: 'post', id: 'p1' }, roles: needs }).then(
      () => 'allowed',
      (error: unknown) => `${errorResponse(error, 'r').statusCode} ${(error as { code?: string }).code}`,
    );
    return { outcome, events };
  };

  it.each([
    ['the role the token claims is revoked', ['patient', 'editor'], ['patient'], ['editor', 'admin'], '403 role_revoked'],
    ['one of two claimed roles is revoked', ['patient', 'editor', 'admin'], ['patient', 'admin'], ['editor', 'admin'], 'allowed'],
    ['the account still holds the claimed role', ['patient', 'editor'], ['patient', 'editor'], ['editor', 'admin'], 'allowed'],
    ['the token claims none of them (the use case decides)', ['patient'], ['patient'], ['editor'], 'allowed'],
  ] as const)('when %s: %s', async (_label, tokenRoles, accountRoles, needs, expected) => {
    // Act
    const { outcome, events } = await check([...tokenRoles], [...accountRoles], [...needs]);

    // Assess: a 403 is audited once by the HTTP stack (route.denied), not here
    expect(outcome).toBe(expected);
    expect(events).toEqual([]);
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
  it('a deleted patient reviews no visit, not even with stars only, and the rating stays as it was (404)', async () => {
    // Prepare: a fulfilled visit; a review without a comment seals nothing for the vault to refuse
    const { w, provider, patient, gone, state } = await world();
    const visit = await bookAppointment(w.deps, patient, { practitionerId: provider.userId, start: NINE, mode: 'video' }, META);
    w.app.clock.set('2026-11-27T09:35:00Z');
    await setAppointmentStatus(w.deps, provider, visit.id, 'fulfilled', META);
    gone(patient, 'deleted');
    w.app.events.length = 0;
    const before = state();

    // Act
    const refused = await reviewAppointment(w.deps, patient, visit.id, { rating: 1 }, META).catch((error: unknown) => error);

    // Assess
    expect(errorResponse(refused, 'r').statusCode).toBe(404);
    expect(state()).toBe(before);
    expect(await w.deps.ratings.get(provider.userId)).toEqual({ sum: 0, count: 0 });
    expect(w.app.events.map((event) => [event.action, event.outcome, event.reason])).toEqual([['appointment.review', 'failure', 'account_inactive']]);
  });

  it('a deleted practitioner records no visit’s outcome (404), and one whose role was revoked neither (403)', async () => {
    // Prepare: a visit that has started
    const { w, provider, patient, gone, state } = await world();
    const visit = await bookAppointment(w.deps, patient, { practitionerId: provider.userId, start: NINE, mode: 'video' }, META);
    w.app.clock.set('2026-11-27T09:35:00Z');
    const before = state();
    w.app.events.length = 0;

    // Act
    w.app.users.set(provider.userId, { ...w.app.users.get(provider.userId)!, roles: ['patient'] });
    const revoked = await setAppointmentStatus(w.deps, provider, visit.id, 'fulfilled', META).catch((error: unknown) => error);
    gone(provider, 'deleted');
    const deleted = await setAppointmentStatus(w.deps, provider, visit.id, 'noshow', META).catch((error: unknown) => error);

    // Assess
    expect(errorResponse(revoked, 'r').statusCode).toBe(403);
    expect(errorResponse(deleted, 'r').statusCode).toBe(404);
    expect(state()).toBe(before);
    expect(w.app.events.map((event) => [event.action, event.reason])).toEqual([['appointment.status', 'account_inactive']]);
  });

  it('a deleted account leaves no feedback, not even a rating alone (404)', async () => {
    // Prepare
    const { w, patient, gone, state } = await world();
    gone(patient, 'deleted');
    const before = state();

    // Act
    const refused = await giveFeedback(w.deps, patient, { rating: 5 }, META).catch((error: unknown) => error);

    // Assess
    expect(errorResponse(refused, 'r').statusCode).toBe(404);
    expect(state()).toBe(before);
    expect(w.app.events.map((event) => [event.action, event.reason])).toEqual([['feedback.create', 'account_inactive']]);
  });
});

describe('Use cases: an admin’s writes, with a token that outlived the account or the admin role', () => {
  it.each([
    ['disabled', { status: 'disabled', roles: ['patient', 'admin'] }, 404],
    ['no longer an admin', { status: 'active', roles: ['patient'] }, 403],
  ] as const)('an admin %s verifies no practitioner and grants no role (%s)', async (_label, now, status) => {
    // Prepare: a provider's profile to verify, a patient to promote, and the admin's account as it is now
    const { w, patient, state } = await world();
    const provider = await w.app.addUser(['patient', 'provider']);
    await putOwnPractitioner(w.deps, provider, providerProfile(), undefined, META);
    w.app.users.set(w.admin.userId, { ...w.app.users.get(w.admin.userId)!, ...now, roles: [...now.roles] });
    const before = state();
    w.app.events.length = 0;

    // Act
    const verify = await verifyPractitioner(w.deps, w.admin, provider.userId, true, undefined, META).catch((error: unknown) => error);
    const grant = await changeRoleAsAdmin(w.deps, w.admin, patient.userId, 'grant', 'provider', META).catch((error: unknown) => error);

    // Assess
    expect([errorResponse(verify, 'r').statusCode, errorResponse(grant, 'r').statusCode]).toEqual([status, status]);
    expect(state()).toBe(before);
    expect(w.app.users.get(patient.userId)?.roles).toEqual(['patient']);
    // A 404 is audited here; a 403 by the HTTP stack, as `route.denied`.
    expect(w.app.events.map((event) => [event.action, event.reason])).toEqual(
      status === 404
        ? [
            ['practitioner.verify', 'account_inactive'],
            ['admin.role_grant', 'account_inactive'],
          ]
        : [],
    );
  });
});

describe('Use cases: the content library, with a token that outlived its account or its role', () => {
  const POST = { title: 'Heat', summary: 'Drink water.', body: 'Drink.', category: 'wellbeing', tags: [], language: 'en' };
  const staff = (userId: string, roles: Role[]): Caller => ({ userId, roles, clientId: 'app', tokenId: 't' });

  it('writes, reviews, publishes, archives and adds nothing: 404 for a deleted account, 403 for a revoked role', async () => {
    // Prepare: a post in review, and its approval, made while every role was held
    const content = inMemoryContent();
    const events: { action: string; outcome: string; reason?: string }[] = [];
    const clock = { now: () => new Date('2026-11-27T09:00:00Z') };
    const deps = { ...content.deps, audit: { append: async (event: never) => void events.push(event) }, clock };
    const editor = staff('editor-1', ['patient', 'editor']);
    const reviewer = staff('provider-1', ['patient', 'provider']);
    const admin = staff('admin-1', ['admin']);
    await createCategory(deps, admin, { slug: 'wellbeing', name: 'Wellbeing' }, META);
    const post = await createPost(deps, editor, { slug: 'heat', ...POST }, META);
    const inReview = await updatePost(deps, editor, post.id, { ...POST, status: 'in_review' }, '"1"', META);
    content.profiles.set(reviewer.userId, { userId: reviewer.userId, displayName: 'Dr R', verified: true } as never);
    const approved = await reviewPost(deps, reviewer, post.id, { decision: 'approve' }, `"${inReview.version}"`, META);
    const before = JSON.stringify([[...content.posts.values()], [...content.snapshots.values()], [...content.categories.values()], [...content.claims]]);
    events.length = 0;

    // Act
    content.accounts.set(editor.userId, { status: 'active', roles: ['patient'] });
    content.accounts.set(reviewer.userId, { status: 'active', roles: ['patient'] });
    content.accounts.set(admin.userId, { status: 'deleted', roles: ['admin'] });
    const etag = `"${approved.version}"`;
    const answers = await Promise.all(
      [
        createPost(deps, editor, { slug: 'heat-2', ...POST }, META),
        updatePost(deps, editor, post.id, { ...POST, title: 'Cold' }, etag, META),
        reviewPost(deps, reviewer, post.id, { decision: 'request_changes' }, etag, META),
        publishPost(deps, editor, post.id, etag, META),
        archivePost(deps, editor, post.id, etag, META),
        publishPost(deps, admin, post.id, etag, META),
        archivePost(deps, admin, post.id, etag, META),
        createCategory(deps, admin, { slug: 'sleep', name: 'Sleep' }, META),
      ].map((write) =>
        write.then(
          () => 200,
          (error: unknown) => errorResponse(error, 'r').statusCode,
        ),
      ),
    );

    // Assess
    expect(answers).toEqual([403, 403, 403, 403, 403, 404, 404, 404]);
    expect(JSON.stringify([[...content.posts.values()], [...content.snapshots.values()], [...content.categories.values()], [...content.claims]])).toBe(before);
    expect(content.rebuilds).toEqual([]);
    expect(events.map((event) => [event.action, event.outcome, event.reason])).toEqual([
      ['content.publish', 'failure', 'account_inactive'],
      ['content.archive', 'failure', 'account_inactive'],
      ['content.category.create', 'failure', 'account_inactive'],
    ]);
  });
});
