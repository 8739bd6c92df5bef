import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getContact, putContact, verifyContact } from '../../shared/notifications/contact';
import { deliver, MAX_DELAY_SECONDS } from '../../shared/notifications/deliver';
import { listDeliveries } from '../../shared/notifications/deliveries';
import { notificationEvent, type NotificationEvent } from '../../shared/notifications/events';
import { getPreferences, putPreferences } from '../../shared/notifications/preferences';
import { suppressBouncedAddress } from '../../shared/notifications/suppress';
import { hashCode } from '../../shared/notifications/verification';
import type { Caller } from '../../shared/domain/caller';
import type { CareBowError } from '../../shared/errors';
import { META } from '../helpers/in-memory';
import { APP_BASE_URL, notificationWorld } from '../helpers/fakes/notifications';

type World = ReturnType<typeof notificationWorld>;

const failingAudit = { append: async () => Promise.reject(new Error('audit down')) };

const codeOf = (text: string): string => /\b(\d{6})\b/.exec(text)![1]!;

/** Delivers every event the world's queue holds (as the worker would), returning the outcomes. */
const drain = async (world: World) => {
  const outcomes = [];
  for (const { event } of world.queue.sent.splice(0)) outcomes.push(await deliver(world.deps, event, `msg-${event.id}`));
  return outcomes;
};

/** A user with a verified phone, as PUT + verify leave it. */
const withVerifiedPhone = async (world: World, caller: Caller, phone = '+447700900123') => {
  await putContact(world.deps, caller, { phone }, META);
  await drain(world);
  const code = codeOf(world.channel.messages.at(-1)!.text);
  await verifyContact(world.deps, caller, code, META);
  world.channel.messages.length = 0;
};

const errorOf = async (promise: Promise<unknown>): Promise<CareBowError> => {
  try {
    await promise;
  } catch (error) {
    return error as CareBowError;
  }
  throw new Error('expected a rejection');
};

describe('Use case: putContact and verifyContact (phone verification)', () => {
  it('seals the phone, stores the code hashed and sealed, queues a phone_verification event with ids only, and audits once', async () => {
    // Prepare
    const world = notificationWorld();
    const ann = await world.addUser();

    // Act
    const view = await putContact(world.deps, ann, { phone: '+447700900123' }, META);

    // Assess
    const stored = world.contacts.rows.get(ann.userId)!;
    expect(view).toMatchObject({ phone: '+447700900123', phoneVerified: false, verification: { attemptsLeft: 5 } });
    expect(JSON.stringify(stored)).not.toContain('447700900123');
    expect(stored.verification!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(world.queue.sent).toHaveLength(1);
    const { event } = world.queue.sent[0]!;
    expect(event).toEqual({
      id: expect.any(String),
      type: 'phone_verification',
      recipientId: ann.userId,
      refs: { verificationId: stored.verification!.id },
      occurredAt: expect.any(String),
    });
    expect(world.events.map((e) => [e.action, e.outcome, e.reason])).toEqual([['contact.write', 'success', 'verification_sent']]);
  });

  it('sends the code once by SMS to the unverified number, then forgets the sealed copy; the right code verifies the phone', async () => {
    // Prepare
    const world = notificationWorld();
    const ann = await world.addUser();
    await putContact(world.deps, ann, { phone: '+447700900123' }, META);
    const { event } = world.queue.sent[0]!;

    // Act
    await drain(world);
    const again = await deliver(world.deps, event, 'redelivered');
    const code = codeOf(world.channel.messages[0]!.text);
    const view = await verifyContact(world.deps, ann, code, META);

    // Assess
    expect(world.channel.messages).toHaveLength(1);
    expect(world.channel.messages[0]).toMatchObject({ channel: 'sms', to: '+447700900123', type: 'phone_verification' });
    expect(again).toEqual({ kind: 'done', channels: { sms: 'already_settled' } });
    expect(view).toMatchObject({ phone: '+447700900123', phoneVerified: true });
    expect(view.verification).toBeUndefined();
    expect(world.contacts.rows.get(ann.userId)!.verification).toBeUndefined();
    expect(world.events.filter((e) => e.action === 'contact.verify').map((e) => e.outcome)).toEqual(['success']);
  });

  it('locks the code after five attempts: the sixth is refused even with the right code (brute force)', async () => {
    // Prepare
    const world = notificationWorld();
    const ann = await world.addUser();
    await putContact(world.deps, ann, { phone: '+447700900123' }, META);
    await drain(world);
    const code = codeOf(world.channel.messages[0]!.text);
    const wrong = code === '000000' ? '000001' : '000000';

    // Act
    const attempts = [];
    for (let i = 0; i < 5; i++) attempts.push(await errorOf(verifyContact(world.deps, ann, wrong, META)));
    const sixth = await errorOf(verifyContact(world.deps, ann, code, META));

    // Assess
    expect(attempts.map((e) => [e.status, e.code, (e.details as { attemptsLeft: number }).attemptsLeft])).toEqual([
      [400, 'invalid_code', 4],
      [400, 'invalid_code', 3],
      [400, 'invalid_code', 2],
      [400, 'invalid_code', 1],
      [400, 'invalid_code', 0],
    ]);
    expect([sixth.status, sixth.code]).toEqual([409, 'verification_locked']);
    expect(world.contacts.rows.get(ann.userId)!.phoneVerified).toBe(false);
    expect(world.events.filter((e) => e.action === 'contact.verify')).toHaveLength(6);
  });

  it('never lets concurrent guesses spend more than five attempts', async () => {
    // Prepare
    const world = notificationWorld();
    const ann = await world.addUser();
    await putContact(world.deps, ann, { phone: '+447700900123' }, META);
    const guesses = Array.from({ length: 20 }, (_, i) => String(100000 + i));

    // Act
    const results = await Promise.allSettled(guesses.map((guess) => verifyContact(world.deps, ann, guess, META)));

    // Assess
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as CareBowError).code : 'verified'));
    expect(codes.filter((c) => c === 'invalid_code' || c === 'verified').length).toBeLessThanOrEqual(5);
    expect(world.contacts.rows.get(ann.userId)!.verification!.attempts).toBe(5);
  });

  it('refuses an expired code with 409 verification_expired, and no pending one with 409 no_pending_verification', async () => {
    // Prepare
    const world = notificationWorld();
    const ann = await world.addUser();
    const bob = await world.addUser();
    await putContact(world.deps, ann, { phone: '+447700900123' }, META);
    await drain(world);
    const code = codeOf(world.channel.messages[0]!.text);
    world.clock.advance(10 * 60_000);

    // Act
    const expired = await errorOf(verifyContact(world.deps, ann, code, META));
    const none = await errorOf(verifyContact(world.deps, bob, '123456', META));

    // Assess
    expect([expired.status, expired.code]).toEqual([409, 'verification_expired']);
    expect([none.status, none.code]).toEqual([409, 'no_pending_verification']);
  });

  it('sends an expired code never: a late queue message is stale', async () => {
    // Prepare
    const world = notificationWorld();
    const ann = await world.addUser();
    await putContact(world.deps, ann, { phone: '+447700900123' }, META);
    world.clock.advance(11 * 60_000);

    // Act
    const [outcome] = await drain(world);

    // Assess
    expect(outcome).toEqual({ kind: 'done', channels: { sms: 'suppressed:stale' } });
    expect(world.channel.messages).toEqual([]);
  });

  it('limits codes to one a minute and five a day per user (429 with Retry-After)', async () => {
    // Prepare
    const world = notificationWorld();
    const ann = await world.addUser();

    // Act
    await putContact(world.deps, ann, { phone: '+447700900123' }, META);
    const tooSoon = await errorOf(putContact(world.deps, ann, { phone: '+447700900124' }, META));
    for (let i = 0; i < 4; i++) {
      world.clock.advance(61_000);
      await putContact(world.deps, ann, { phone: '+447700900123' }, META);
    }
    world.clock.advance(61_000);
    const sixth = await errorOf(putContact(world.deps, ann, { phone: '+447700900123' }, META));

    // Assess
    expect([tooSoon.status, (tooSoon as unknown as { retryAfterSeconds: number }).retryAfterSeconds]).toEqual([429, 60]);
    expect(sixth.status).toBe(429);
    expect((sixth as unknown as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(20 * 3600);
    expect(world.queue.sent).toHaveLength(5);
  });

  it('leaves nothing written when the audit append fails, and nothing queued when the queue is down', async () => {
    // Prepare
    const world = notificationWorld();
    const ann = await world.addUser();
    world.queue.failNext();

    // Act
    const queueDown = await errorOf(putContact(world.deps, ann, { phone: '+447700900123' }, META));
    const auditDown = await errorOf(putContact({ ...world.deps, audit: failingAudit }, ann, { phone: '+447700900123' }, META));

    // Assess
    expect(queueDown.message).toBe('queue down');
    expect(auditDown.message).toBe('audit down');
    expect(world.contacts.rows.get(ann.userId)).toBeUndefined();
    expect(world.events.map((e) => [e.action, e.outcome, e.reason])).toEqual([['contact.write', 'failure', 'queue_unavailable']]);
  });

  it('puts the phone back to unverified when the audit of a right code fails (the spent attempt stays spent)', async () => {
    // Prepare
    const world = notificationWorld();
    const ann = await world.addUser();
    await putContact(world.deps, ann, { phone: '+447700900123' }, META);
    await drain(world);
    const code = codeOf(world.channel.messages[0]!.text);

    // Act
    const failed = await errorOf(verifyContact({ ...world.deps, audit: failingAudit }, ann, code, META));

    // Assess
    expect(failed.message).toBe('audit down');
    const stored = world.contacts.rows.get(ann.userId)!;
    expect(stored.phoneVerified).toBe(false);
    expect(stored.verification!.attempts).toBe(1);
  });

  it('keeps a verified number as it is, and removes the phone on null', async () => {
    // Prepare
    const world = notificationWorld();
    const ann = await world.addUser();
    await withVerifiedPhone(world, ann);

    // Act
    const same = await putContact(world.deps, ann, { phone: '+447700900123' }, META);
    const removed = await putContact(world.deps, ann, { phone: null }, META);
    const read = await getContact(world.deps, ann, META);

    // Assess
    expect(same).toMatchObject({ phone: '+447700900123', phoneVerified: true });
    expect(world.queue.sent).toEqual([]);
    expect(removed).toEqual({ phoneVerified: false, emailSuppressed: false, updatedAt: expect.any(String) });
    expect(read).toEqual(removed);
  });

  it('stores a hash that matches only its own salt and code', () => {
    // Act, Assess
    expect(hashCode('00'.repeat(16), '123456')).not.toBe(hashCode('01'.repeat(16), '123456'));
    expect(hashCode('00'.repeat(16), '123456')).toBe(hashCode('00'.repeat(16), '123456'));
  });
});

describe('Use case: getPreferences and putPreferences', () => {
  it('answers the defaults before any write: e-mail on, SMS off, every type on but marketing', async () => {
    // Prepare
    const world = notificationWorld();
    const ann = await world.addUser();

    // Act
    const view = await getPreferences(world.deps, ann, META);

    // Assess
    expect(view).toEqual({
      channels: { email: true, sms: false },
      types: { appointment_reminder: true, appointment_change: true, triage_ready: true, security: true, marketing: false },
      version: 0,
    });
    expect(world.events.map((e) => e.action)).toEqual(['notification_preferences.read']);
  });

  it('replaces them over the defaults, versioned, and undoes the write when the audit append fails', async () => {
    // Prepare
    const world = notificationWorld();
    const ann = await world.addUser();
    const quietHours = { start: '21:00', end: '08:00', timeZone: 'Europe/London' };

    // Act
    const first = await putPreferences(world.deps, ann, { channels: { sms: true }, quietHours }, META);
    const failed = await errorOf(putPreferences({ ...world.deps, audit: failingAudit }, ann, { types: { triage_ready: false } }, META));

    // Assess
    expect(first).toMatchObject({ channels: { email: true, sms: true }, quietHours, version: 1 });
    expect(failed.message).toBe('audit down');
    expect(world.preferences.rows.get(ann.userId)).toMatchObject({ version: 1, preferences: { types: { triage_ready: true } } });
  });
});

describe('Use case: deliver', () => {
  const appointmentWorld = async () => {
    const world = notificationWorld();
    const ann = await world.addUser();
    const appointmentId = randomUUID();
    const startMs = Date.parse('2026-11-27T10:00:00Z');
    world.appointments.set(ann.userId, appointmentId, { status: 'booked', startMs, timeZone: 'Europe/London' });
    const event = (type: NotificationEvent['type'] = 'appointment_booked', offset?: '24h' | '1h') =>
      notificationEvent(type, ann.userId, { appointmentId, ...(offset ? { offset } : {}) }, world.clock.now());
    return { world, ann, appointmentId, startMs, event };
  };

  it('sends nothing for a booking event of an earlier attempt that was undone and booked again under the same id', async () => {
    // Prepare: the retry under the same Idempotency-Key made the appointment a minute after the earlier attempt's event.
    const { world, ann, appointmentId, startMs, event } = await appointmentWorld();
    const earlier = event();
    const madeAt = new Date(Date.parse(earlier.occurredAt) + 60_000).toISOString();
    world.appointments.set(ann.userId, appointmentId, { status: 'booked', startMs, timeZone: 'Europe/London', createdAt: madeAt });

    // Act
    const stale = await deliver(world.deps, earlier, 'm1');
    const own = await deliver(world.deps, { ...event(), occurredAt: madeAt }, 'm2');

    // Assess
    expect(stale).toEqual({ kind: 'done', channels: { email: 'suppressed:stale', sms: 'suppressed:stale' } });
    expect(own).toMatchObject({ channels: { email: 'sent' } });
    expect(world.channel.messages).toHaveLength(1);
  });

  it('e-mails by default, with the local time, the zone and a link of ids, and records sent and suppressed deliveries', async () => {
    // Prepare
    const { world, ann, appointmentId, event } = await appointmentWorld();
    const booked = event();

    // Act
    const outcome = await deliver(world.deps, booked, 'm1');

    // Assess
    expect(outcome).toEqual({ kind: 'done', channels: { email: 'sent', sms: 'suppressed:preference' } });
    expect(world.channel.messages).toEqual([
      {
        channel: 'email',
        to: `${ann.userId}@example.com`,
        subject: 'Appointment booked',
        text: expect.stringContaining(`Fri 27 Nov 2026, 10:00 (Europe/London)`),
        eventId: booked.id,
        recipientId: ann.userId,
        type: 'appointment_booked',
      },
    ]);
    expect(world.channel.messages[0]!.text).toContain(`${APP_BASE_URL}/appointments/${appointmentId}`);
    const records = (await listDeliveries(world.deps, ann, { limit: 10 }, META)).items;
    expect(records.map((r) => [r.channel, r.status, r.reason])).toEqual([
      ['sms', 'suppressed', 'preference'],
      ['email', 'sent', undefined],
    ]);
    expect(world.events.filter((e) => e.action === 'notification.send').map((e) => e.reason)).toEqual(['appointment_booked:email']);
  });

  it('sends nothing for a type turned off, and nothing on a channel turned off', async () => {
    // Prepare
    const { world, ann, event } = await appointmentWorld();
    await putPreferences(world.deps, ann, { types: { appointment_change: false }, channels: { sms: true } }, META);

    // Act
    const outcome = await deliver(world.deps, event(), 'm1');

    // Assess
    expect(outcome).toEqual({ kind: 'done', channels: { email: 'suppressed:preference', sms: 'suppressed:preference' } });
    expect(world.channel.messages).toEqual([]);
  });

  it('never texts an unverified number, and texts a verified one when SMS is on', async () => {
    // Prepare
    const { world, ann, event } = await appointmentWorld();
    await putPreferences(world.deps, ann, { channels: { sms: true } }, META);
    await putContact(world.deps, ann, { phone: '+447700900123' }, META);
    world.queue.sent.length = 0;

    // Act
    const unverified = await deliver(world.deps, event(), 'm1');
    world.clock.advance(61_000);
    await withVerifiedPhone(world, ann);
    const verified = await deliver(world.deps, event(), 'm2');

    // Assess
    expect(unverified).toEqual({ kind: 'done', channels: { email: 'sent', sms: 'suppressed:unverified' } });
    expect(verified).toEqual({ kind: 'done', channels: { email: 'sent', sms: 'sent' } });
    expect(world.channel.messages.map((m) => [m.channel, m.to])).toEqual([
      ['email', `${ann.userId}@example.com`],
      ['sms', '+447700900123'],
    ]);
  });

  it('always e-mails security messages, whatever the preferences, and never holds them for quiet hours', async () => {
    // Prepare
    const world = notificationWorld();
    const ann = await world.addUser();
    await putPreferences(
      world.deps,
      ann,
      { channels: { email: false }, types: { appointment_change: false }, quietHours: { start: '00:00', end: '23:59', timeZone: 'UTC' } },
      META,
    );

    // Act
    const outcome = await deliver(world.deps, notificationEvent('security_new_login', ann.userId, {}, world.clock.now()), 'm1');

    // Assess
    expect(outcome).toEqual({ kind: 'done', channels: { email: 'sent', sms: 'suppressed:preference' } });
    expect(world.channel.messages[0]).toMatchObject({ channel: 'email', subject: 'New sign-in to your CareBow account' });
    expect(world.channel.messages[0]!.text).toContain(`${APP_BASE_URL}/account/security`);
  });

  it('holds a message in quiet hours until they end, then sends it once', async () => {
    // Prepare: 12:00Z on 2026-11-25 is 12:00 in London; quiet 11:00–13:00.
    const world = notificationWorld();
    const ann = await world.addUser();
    await putPreferences(world.deps, ann, { quietHours: { start: '11:00', end: '13:00', timeZone: 'Europe/London' } }, META);
    const ready = notificationEvent('triage_ready', ann.userId, { sessionId: randomUUID() }, world.clock.now());

    // Act
    const held = await deliver(world.deps, ready, 'm1');
    const record = await world.deps.deliveries.get({ recipientId: ann.userId, eventId: ready.id, channel: 'email' });
    world.clock.advance(3600_000);
    const after = await deliver(world.deps, ready, 'm2');

    // Assess
    expect(held).toEqual({ kind: 'delay', seconds: 3600 });
    expect(record).toMatchObject({ status: 'queued', reason: 'quiet_hours', notBefore: '2026-11-25T13:00:00.000Z' });
    expect(after).toEqual({ kind: 'done', channels: { email: 'sent', sms: 'already_settled' } });
    expect(world.channel.messages).toHaveLength(1);
    expect(MAX_DELAY_SECONDS).toBe(900);
  });

  it('drops a reminder whose quiet hours end after the visit starts', async () => {
    // Prepare: the visit is at 10:00Z, the 1 h reminder at 09:00Z; quiet until 11:00 London.
    const { world, ann, startMs, event } = await appointmentWorld();
    await putPreferences(world.deps, ann, { quietHours: { start: '08:00', end: '11:00', timeZone: 'Europe/London' } }, META);
    world.clock.set(new Date(startMs - 3600_000).toISOString());

    // Act
    const outcome = await deliver(world.deps, event('appointment_reminder', '1h'), 'm1');

    // Assess
    expect(outcome).toEqual({ kind: 'done', channels: { email: 'suppressed:quiet_hours', sms: 'suppressed:preference' } });
  });

  it('sends a due reminder, and nothing for a cancelled or moved visit (stale)', async () => {
    // Prepare
    const { world, ann, appointmentId, startMs, event } = await appointmentWorld();
    world.clock.set(new Date(startMs - 86_400_000).toISOString());
    const due = event('appointment_reminder', '24h');
    const moved = event('appointment_reminder', '24h');
    const cancelled = event('appointment_reminder', '1h');

    // Act
    const sent = await deliver(world.deps, due, 'm1');
    world.appointments.set(ann.userId, appointmentId, { status: 'booked', startMs: startMs + 2 * 86_400_000, timeZone: 'Europe/London' });
    const early = await deliver(world.deps, moved, 'm2');
    world.appointments.set(ann.userId, appointmentId, { status: 'cancelled', startMs, timeZone: 'Europe/London' });
    world.clock.set(new Date(startMs - 3600_000).toISOString());
    const gone = await deliver(world.deps, cancelled, 'm3');

    // Assess
    expect(sent.kind).toBe('done');
    expect(early).toEqual({ kind: 'done', channels: { email: 'suppressed:stale', sms: 'suppressed:stale' } });
    expect(gone).toEqual({ kind: 'done', channels: { email: 'suppressed:stale', sms: 'suppressed:stale' } });
    expect(world.channel.messages.map((m) => m.subject)).toEqual(['Appointment reminder']);
  });

  it('sends once per event id and channel, however often the event is redelivered, even concurrently', async () => {
    // Prepare
    const { world, event } = await appointmentWorld();
    const booked = event();

    // Act
    const outcomes = await Promise.all(Array.from({ length: 5 }, (_, i) => deliver(world.deps, booked, `m${i}`)));
    const later = await deliver(world.deps, booked, 'm9');

    // Assess
    expect(world.channel.messages).toHaveLength(1);
    expect(later).toEqual({ kind: 'done', channels: { email: 'already_settled', sms: 'already_settled' } });
    expect(outcomes.filter((o) => o.kind === 'done' && o.channels.email === 'sent')).toHaveLength(1);
  });

  it('retries a transient failure (queued again) and records a permanent one as failed, never retried', async () => {
    // Prepare
    const { world, ann, event } = await appointmentWorld();
    const first = event();
    const second = event('appointment_rescheduled');
    world.channel.answer({ outcome: 'transient', code: 'Throttling' });

    // Act
    const retry = await deliver(world.deps, first, 'm1');
    const queued = await world.deps.deliveries.get({ recipientId: ann.userId, eventId: first.id, channel: 'email' });
    const retried = await deliver(world.deps, first, 'm1-again');
    world.channel.answer({ outcome: 'permanent', code: 'MessageRejected' });
    const permanent = await deliver(world.deps, second, 'm2');
    const again = await deliver(world.deps, second, 'm2-again');

    // Assess
    expect(retry).toEqual({ kind: 'retry', channels: { email: 'transient', sms: 'suppressed:preference' } });
    expect(queued).toMatchObject({ status: 'queued', reason: 'transient', attempts: 1 });
    expect(retried).toEqual({ kind: 'done', channels: { email: 'sent', sms: 'already_settled' } });
    expect(await world.deps.deliveries.get({ recipientId: ann.userId, eventId: first.id, channel: 'email' })).toMatchObject({ status: 'sent', attempts: 2 });
    expect(permanent.kind).toBe('done');
    expect(again).toEqual({ kind: 'done', channels: { email: 'already_settled', sms: 'already_settled' } });
    expect(await world.deps.deliveries.get({ recipientId: ann.userId, eventId: second.id, channel: 'email' })).toMatchObject({
      status: 'failed',
      reason: 'permanent',
    });
    expect(world.channel.messages).toHaveLength(3);
  });

  it('sends nothing when the audit append fails, and sends once on the retry', async () => {
    // Prepare
    const { world, event } = await appointmentWorld();
    const booked = event();

    // Act
    const failed = await errorOf(deliver({ ...world.deps, audit: failingAudit }, booked, 'm1'));
    const retried = await deliver(world.deps, booked, 'm1-again');

    // Assess
    expect(failed.message).toBe('audit down');
    expect(retried).toEqual({ kind: 'done', channels: { email: 'sent', sms: 'already_settled' } });
    expect(world.channel.messages).toHaveLength(1);
  });

  it('e-mails no address that bounced, and sends nothing to an account no longer active', async () => {
    // Prepare
    const { world, ann, event } = await appointmentWorld();
    const bob = await world.addUser(['patient'], 'disabled');
    const suppressed = await suppressBouncedAddress(world.deps, {
      kind: 'bounce',
      permanent: true,
      addresses: [`${ann.userId.toUpperCase()}@EXAMPLE.COM`],
      recipientId: ann.userId,
      feedbackId: 'ses-1',
    });

    // Act
    const toAnn = await deliver(world.deps, event(), 'm1');
    const toBob = await deliver(world.deps, notificationEvent('triage_ready', bob.userId, { sessionId: randomUUID() }, world.clock.now()), 'm2');

    // Assess
    expect(suppressed).toBe('suppressed');
    expect(toAnn).toEqual({ kind: 'done', channels: { email: 'suppressed:address_suppressed', sms: 'suppressed:preference' } });
    expect(toBob).toEqual({ kind: 'done', channels: { email: 'suppressed:account_inactive', sms: 'suppressed:account_inactive' } });
    expect(world.channel.messages).toEqual([]);
  });

  it('suppresses only for a permanent bounce or a complaint about the account’s current address', async () => {
    // Prepare
    const world = notificationWorld();
    const ann = await world.addUser();
    const feedback = { recipientId: ann.userId, feedbackId: 'ses-2' };

    // Act
    const transient = await suppressBouncedAddress(world.deps, { ...feedback, kind: 'bounce', permanent: false, addresses: [`${ann.userId}@example.com`] });
    const other = await suppressBouncedAddress(world.deps, { ...feedback, kind: 'complaint', permanent: true, addresses: ['old@example.com'] });
    const complaint = await suppressBouncedAddress(world.deps, { ...feedback, kind: 'complaint', permanent: true, addresses: [`${ann.userId}@example.com`] });
    const repeat = await suppressBouncedAddress(world.deps, { ...feedback, kind: 'complaint', permanent: true, addresses: [`${ann.userId}@example.com`] });

    // Assess
    expect([transient, other, complaint, repeat]).toEqual(['ignored', 'ignored', 'suppressed', 'already']);
    expect(world.events.filter((e) => e.action === 'notification.suppress')).toHaveLength(1);
    expect((await getContact(world.deps, ann, META)).emailSuppressed).toBe(true);
  });
});

describe('Use case: listDeliveries', () => {
  it('lists only the caller’s own deliveries, newest first, and audits the read', async () => {
    // Prepare
    const world = notificationWorld();
    const ann = await world.addUser();
    const bob = await world.addUser();
    await deliver(world.deps, notificationEvent('security_password_changed', ann.userId, {}, world.clock.now()), 'm1');
    world.clock.advance(1000);
    await deliver(world.deps, notificationEvent('security_new_login', ann.userId, {}, world.clock.now()), 'm2');
    await deliver(world.deps, notificationEvent('security_new_login', bob.userId, {}, world.clock.now()), 'm3');

    // Act
    const page = await listDeliveries(world.deps, ann, { limit: 3 }, META);

    // Assess
    expect(page.items.map((d) => [d.type, d.channel])).toEqual([
      ['security_new_login', 'sms'],
      ['security_new_login', 'email'],
      ['security_password_changed', 'sms'],
    ]);
    expect(page.nextCursor).toBeDefined();
    expect(world.events.at(-1)).toMatchObject({ action: 'notifications.list', subjectId: ann.userId });
  });
});
