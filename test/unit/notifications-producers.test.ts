import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deleteAccount } from '../../shared/account/delete-account';
import { type ExportDeps, exportAccount } from '../../shared/account/export';
import { login } from '../../shared/identity/login';
import { register } from '../../shared/identity/register';
import { deviceFamily, MAX_KNOWN_DEVICES, networkOf } from '../../shared/identity/devices';
import { deliver } from '../../shared/notifications/deliver';
import { NOTICE_TTL_MS } from '../../shared/notifications/deletion-notice';
import { contactPlaces, noticePlaces } from '../../shared/notifications/places';
import { sessionPlaces } from '../../shared/triage/places';
import { processSession, type WorkerDeps } from '../../shared/triage/process-session';
import type { SessionInput } from '../../shared/triage/sessions';
import { places } from '../../shared/vault/places';
import { careWorld } from '../helpers/fakes/care-world';
import { inMemoryNotificationAccountData, inMemoryDeletionNotices } from '../helpers/fakes/notification-account';
import {
  APP_BASE_URL,
  inMemoryAppointmentLookup,
  inMemoryContacts,
  inMemoryDeliveries,
  inMemoryPreferences,
  notificationWorld,
  recordingChannel,
} from '../helpers/fakes/notifications';
import { inMemoryIdentity, META } from '../helpers/in-memory';

/**
 * The producers of notifications outside the notifications area (issue 11), on fakes: the triage
 * worker's `triage_ready`, login's `security_new_login` from a new device, and account deletion's
 * `security_account_deleted` with its deletion notice (the address kept under a key of its own,
 * crypto-shredded once sent); and the account's export and deletion of the notification items.
 */

/** Canary PHI in a patient's symptoms: never in a message. */
const SYMPTOM = `canary-symptom-haemoptysis-${randomUUID().slice(0, 8)}`;
const FREE_TEXT = `canary free text: coughing blood since Tuesday ${randomUUID().slice(0, 8)}`;

const CHROME_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SAFARI_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/** A patient with a queued session (canary symptoms sealed), every notification port in memory, and the triage worker's deps over them. */
const triageWorld = async () => {
  const world = notificationWorld();
  const patient = await world.addUser();
  const sessionId = randomUUID();
  const at = world.clock.now().toISOString();
  const input: SessionInput = { input: { symptoms: [{ name: SYMPTOM, severity: 3 }], freeText: FREE_TEXT }, answers: [] };
  await world.sessions.repository.create({
    id: sessionId,
    patientId: patient.userId,
    status: 'queued',
    revision: 1,
    processedRevision: 0,
    inputSealed: await world.deps.vault.sealJson(sessionPlaces.input(patient.userId, sessionId), input),
    createdAt: at,
    updatedAt: at,
  });
  const worker: WorkerDeps = {
    sessions: world.sessions.repository,
    vault: world.deps.vault,
    consents: world.records.consentRepository,
    audit: world.deps.audit,
    clock: world.clock,
    metrics: world.metrics.metrics,
    notifications: world.queue.queue,
  };
  world.events.length = 0;
  return { world, patient, sessionId, worker, message: { sessionId, patientId: patient.userId, revision: 1 } };
};

describe('Use case: processSession tells the patient (triage_ready)', () => {
  it('queues one triage_ready with ids only once the result is stored and audited; the worker sends “Your assessment is ready” without a symptom', async () => {
    // Prepare
    const { world, patient, sessionId, worker, message } = await triageWorld();
    world.clock.advance(2_000);

    // Act
    const outcome = await processSession(worker, message, 1);
    const [queued] = world.queue.sent.splice(0);
    const delivered = await deliver(world.deps, queued!.event, 'msg-1');

    // Assess
    expect(outcome).toBe('completed');
    expect(queued!.event).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      type: 'triage_ready',
      recipientId: patient.userId,
      refs: { sessionId },
      occurredAt: '2026-11-25T12:00:02.000Z',
    });
    expect((await world.sessions.repository.getSession(patient.userId, sessionId))?.status).toBe('completed');
    expect(world.events.map((e) => e.action)).toEqual(['triage.complete', 'notification.send']);
    expect(delivered).toEqual({ kind: 'done', channels: { email: 'sent', sms: 'suppressed:preference' } });
    const [mail] = world.channel.messages;
    expect(mail).toMatchObject({ channel: 'email', subject: 'Your assessment is ready', to: `${patient.userId}@example.com` });
    expect(mail!.text).toContain(`${APP_BASE_URL}/symptom-sessions/${sessionId}`);
    const everything = JSON.stringify([queued, world.channel.messages, [...world.deliveries.rows.values()]]);
    for (const canary of [SYMPTOM, FREE_TEXT, 'haemoptysis']) expect(everything).not.toContain(canary);
  });

  it('queues the same event id again on a redelivery, and the worker sends it once per channel', async () => {
    // Prepare
    const { world, worker, message } = await triageWorld();
    await processSession(worker, message, 1);

    // Act
    const again = await processSession(worker, message, 2);
    const events = world.queue.sent.splice(0).map((s) => s.event);
    for (const event of events) await deliver(world.deps, event, `msg-${randomUUID()}`);

    // Assess
    expect(again).toBe('duplicate');
    expect(events).toHaveLength(2);
    expect(events[1]).toEqual(events[0]);
    expect(world.channel.messages).toHaveLength(1);
  });

  it('fails the message when the queue is down, and its redelivery finds the result stored once and queues the event', async () => {
    // Prepare
    const { world, patient, sessionId, worker, message } = await triageWorld();
    world.queue.failNext();

    // Act
    const first = processSession(worker, message, 1);
    await expect(first).rejects.toThrow('queue down');
    const retried = await processSession(worker, message, 2);

    // Assess
    expect(retried).toBe('duplicate');
    expect(world.queue.sent.map((s) => s.event.type)).toEqual(['triage_ready']);
    expect(world.events.filter((e) => e.action === 'triage.complete')).toHaveLength(1);
    expect((await world.sessions.repository.getSession(patient.userId, sessionId))?.processedRevision).toBe(1);
  });

  it('queues nothing for a revision a newer one superseded, nor for a session that is gone', async () => {
    // Prepare
    const { world, worker, message } = await triageWorld();

    // Act
    const superseded = await processSession(worker, { ...message, revision: 2 }, 1);
    const gone = await processSession(worker, { ...message, sessionId: randomUUID() }, 1);

    // Assess
    expect([superseded, gone]).toEqual(['duplicate', 'gone']);
    expect(world.queue.sent).toEqual([]);
  });
});

describe('Module: shared/identity/devices', () => {
  it.each([
    [CHROME_WINDOWS, 'chrome/windows'],
    [CHROME_WINDOWS.replace('131.0.0.0', '132.0.6834.83'), 'chrome/windows'],
    [SAFARI_IPHONE, 'safari/ios'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86', 'edge/macos'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 'chrome/android'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'firefox/linux'],
    ['CareBow/2.3.1 (iOS 17.5; iPhone15,2)', 'carebow/ios'],
    ['curl/8.5.0', 'curl/other'],
    [undefined, 'none/other'],
  ])('reduces %s to its families without versions (%s)', (userAgent, family) => {
    // Act, Assess
    expect(deviceFamily(userAgent)).toBe(family);
  });

  it.each([
    ['203.0.113.9', '203.0/16'],
    ['203.0.200.1', '203.0/16'],
    ['::ffff:198.51.100.7', '198.51/16'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::/48'],
    ['2001:0db8:0001::1', '2001:db8:1::/48'],
    ['2001:db8::1', '2001:db8:0::/48'],
    ['fe80::1%eth0', 'fe80:0:0::/48'],
    ['::1:2:3:4:5:6:7', '0:1:2::/48'],
    ['unknown', 'unknown'],
    ['1:2:3:4:5:6:7:8:9:10', 'unknown'],
  ])('reduces %s to its network %s', (ip, network) => {
    // Act, Assess
    expect(networkOf(ip)).toBe(network);
  });
});

describe('Use case: login, new-device alerts', () => {
  const input = { email: 'ivy@example.com', password: 'a perfectly long passphrase' };
  const from = (userAgent: string, sourceIp = '203.0.113.9') => ({ ...META, userAgent, sourceIp });
  const signedUp = async () => {
    const identity = inMemoryIdentity();
    const { user } = await register(identity.deps, input, META);
    identity.events.length = 0;
    return { ...identity, userId: user.id };
  };

  it('records the first login’s device without an alert, and alerts nothing when it signs in again (a browser update, another address of its network)', async () => {
    // Prepare
    const { deps, devices, notifications, events, userId } = await signedUp();

    // Act
    await login(deps, input, from(CHROME_WINDOWS));
    await login(deps, input, from(CHROME_WINDOWS.replace('131.0.0.0', '132.0.6834.83'), '203.0.77.1'));

    // Assess
    expect(notifications.sent).toEqual([]);
    expect(devices.rows.get(userId)).toEqual({ hashes: [expect.any(String)], version: 1 });
    expect(events.map((e) => [e.action, e.outcome, e.reason])).toEqual([
      ['auth.login', 'success', undefined],
      ['auth.login', 'success', undefined],
    ]);
  });

  it('queues one security_new_login (ids only) for a new device, says new_device in its one audit event, and remembers it', async () => {
    // Prepare
    const { deps, devices, notifications, events, userId } = await signedUp();
    await login(deps, input, from(CHROME_WINDOWS));
    events.length = 0;

    // Act
    await login(deps, input, from(SAFARI_IPHONE, '198.51.100.7'));
    await login(deps, input, from(SAFARI_IPHONE, '198.51.100.7'));

    // Assess
    expect(notifications.sent).toEqual([{ id: expect.any(String), type: 'security_new_login', recipientId: userId, refs: {}, occurredAt: expect.any(String) }]);
    expect(events.map((e) => [e.action, e.outcome, e.reason])).toEqual([
      ['auth.login', 'success', 'new_device'],
      ['auth.login', 'success', undefined],
    ]);
    expect(devices.rows.get(userId)?.hashes).toHaveLength(2);
  });

  it(`keeps the last ${MAX_KNOWN_DEVICES} new devices only: the oldest is new again`, async () => {
    // Prepare
    const { deps, devices, notifications, userId } = await signedUp();
    await login(deps, input, from(CHROME_WINDOWS, '10.0.0.1'));

    // Act
    for (let i = 1; i <= MAX_KNOWN_DEVICES; i++) await login(deps, input, from(CHROME_WINDOWS, `10.${i}.0.1`));
    await login(deps, input, from(CHROME_WINDOWS, '10.0.0.1'));

    // Assess
    expect(devices.rows.get(userId)?.hashes).toHaveLength(MAX_KNOWN_DEVICES);
    expect(notifications.sent).toHaveLength(MAX_KNOWN_DEVICES + 1);
  });

  it('never fails the login when the queue is down; the device is not remembered, so its next login alerts again', async () => {
    // Prepare
    const { deps, devices, notifications, userId } = await signedUp();
    await login(deps, input, from(CHROME_WINDOWS));
    notifications.failNext();

    // Act
    const tokens = await login(deps, input, from(SAFARI_IPHONE));
    await login(deps, input, from(SAFARI_IPHONE));

    // Assess
    expect(tokens).toHaveProperty('accessToken', expect.any(String));
    expect(notifications.sent.map((e) => e.type)).toEqual(['security_new_login']);
    expect(devices.rows.get(userId)?.hashes).toHaveLength(2);
  });

  it('never fails the login when the device store is down: it goes on without the check', async () => {
    // Prepare
    const { deps, notifications, events } = await signedUp();
    const down = { ...deps.knownDevices, get: async () => Promise.reject(new Error('store down')) };

    // Act
    const tokens = await login({ ...deps, knownDevices: down }, input, from(SAFARI_IPHONE));

    // Assess
    expect(tokens).toHaveProperty('accessToken', expect.any(String));
    expect(notifications.sent).toEqual([]);
    expect(events.map((e) => [e.action, e.outcome, e.reason])).toEqual([['auth.login', 'success', undefined]]);
  });
});

/** A patient with notification items (a verified phone, preferences, two deliveries), the care world's ports, and the worker's deps over the same stores. */
const accountWorld = async () => {
  const w = await careWorld();
  const contacts = inMemoryContacts();
  const preferences = inMemoryPreferences();
  const deliveries = inMemoryDeliveries();
  const data = inMemoryNotificationAccountData({ contacts: contacts.rows, preferences: preferences.rows, deliveries: deliveries.rows });
  const notices = inMemoryDeletionNotices();
  const channel = recordingChannel();
  const patient = await w.app.addUser(['patient']);
  const other = await w.app.addUser(['patient']);
  const at = w.app.clock.now().toISOString();
  for (const owner of [patient, other]) {
    contacts.rows.set(owner.userId, {
      phoneSealed: await w.app.deps.vault.seal(contactPlaces.phone(owner.userId), '+447700900123'),
      phoneVerified: true,
      version: 2,
      updatedAt: at,
    });
    await preferences.repository.put(owner.userId, {
      preferences: {
        channels: { email: true, sms: true },
        types: { appointment_reminder: true, appointment_change: true, triage_ready: true, security: true, marketing: false },
      },
      version: 1,
      updatedAt: at,
    });
    for (const channel of ['email', 'sms'] as const) {
      await deliveries.repository.settle(
        { recipientId: owner.userId, eventId: randomUUID(), channel, type: 'triage_ready' },
        { status: 'sent' },
        w.app.clock.now().getTime(),
      );
    }
  }
  const deps = {
    ...w.deps,
    notificationData: data.data,
    notices: notices.repository,
    auditTrail: { chain: async () => [] } as unknown as ExportDeps['auditTrail'],
  };
  const worker = {
    users: w.app.deps.users,
    vault: w.app.deps.vault,
    audit: w.app.deps.audit,
    clock: w.app.clock,
    contacts: contacts.repository,
    preferences: preferences.repository,
    deliveries: deliveries.repository,
    appointments: inMemoryAppointmentLookup().lookup,
    channel: channel.channel,
    appBaseUrl: APP_BASE_URL,
    notices: notices.repository,
  };
  w.app.events.length = 0;
  return { w, deps, worker, patient, other, contacts, preferences, deliveries, notices, channel, queue: w.notices };
};

describe('Use case: deleteAccount, the deletion notice and the notification items', () => {
  it('keeps the address under a key of the notice’s own, erases the notification items, queues the event; the worker e-mails it, then shreds the notice', async () => {
    // Prepare
    const { w, deps, worker, patient, other, contacts, preferences, deliveries, notices, channel, queue } = await accountWorld();
    const account = (await w.app.deps.users.get(patient.userId))!;

    // Act
    await deleteAccount(deps, patient, META);
    const notice = notices.rows.get(patient.userId)!;
    const [queued] = queue.sent.splice(0).filter((s) => s.event.type === 'security_account_deleted');
    const sealedAddress = await w.app.deps.vault.open(noticePlaces.email(patient.userId, notice.eventId), notice.emailSealed);
    const outcome = await deliver(worker, queued!.event, 'msg-1');

    // Assess
    expect(queued!.event).toEqual({
      id: notice.eventId,
      type: 'security_account_deleted',
      recipientId: patient.userId,
      refs: {},
      occurredAt: notice.createdAt,
    });
    expect(sealedAddress).toBe(`${patient.userId}@example.com`);
    expect(notice.emailSealed).not.toContain('@example.com');
    expect(contacts.rows.has(patient.userId) || preferences.rows.has(patient.userId)).toBe(false);
    expect([...deliveries.rows.values()].filter((d) => d.recipientId === patient.userId && d.eventId !== notice.eventId)).toEqual([]);
    expect(contacts.rows.has(other.userId) && preferences.rows.has(other.userId)).toBe(true);
    expect(w.app.events.map((e) => [e.action, e.reason])).toEqual([
      ['account.delete', 'sessions_revoked,consents_revoked:0,appointments_cancelled:0,notifications_removed:4,data_key_destroyed,deletion_notice'],
      ['notification.send', 'security_account_deleted:email'],
    ]);
    expect(outcome).toEqual({ kind: 'done', channels: { email: 'sent' } });
    expect(channel.messages).toEqual([
      expect.objectContaining({ channel: 'email', to: `${patient.userId}@example.com`, subject: 'Your CareBow account was deleted' }),
    ]);
    expect(notices.rows.has(patient.userId)).toBe(false);
    await expect(w.app.deps.vault.open(noticePlaces.email(patient.userId, notice.eventId), notice.emailSealed)).rejects.toThrow();
    await expect(w.app.deps.vault.open(places.userEmail(patient.userId), account.emailSealed)).rejects.toThrow();
  });

  it('sends the notice once however often its event comes, and a retried deletion queues the same event', async () => {
    // Prepare
    const { deps, worker, patient, channel, queue } = await accountWorld();
    await deleteAccount(deps, patient, META);
    const first = queue.sent.splice(0).find((s) => s.event.type === 'security_account_deleted')!.event;

    // Act
    await deleteAccount(deps, patient, META);
    const retried = queue.sent.splice(0).find((s) => s.event.type === 'security_account_deleted')!.event;
    await deliver(worker, first, 'msg-1');
    const again = await deliver(worker, retried, 'msg-2');

    // Assess
    expect(retried).toEqual(first);
    expect(again).toEqual({ kind: 'done', channels: { email: 'already_settled' } });
    expect(channel.messages).toHaveLength(1);
  });

  it('leaves no notice when SES reported the address bouncing', async () => {
    // Prepare
    const { w, deps, patient, contacts, notices, queue } = await accountWorld();
    await contacts.repository.suppressEmail(patient.userId, { reason: 'bounce', at: w.app.clock.now().toISOString() });

    // Act
    await deleteAccount(deps, patient, META);

    // Assess
    expect(notices.rows.has(patient.userId)).toBe(false);
    expect(queue.sent.filter((s) => s.event.type === 'security_account_deleted')).toEqual([]);
    expect(w.app.events.at(-1)?.reason).not.toContain('deletion_notice');
  });

  it('sends nothing for a notice that waited too long, and still shreds it', async () => {
    // Prepare
    const { w, deps, worker, patient, notices, channel, queue } = await accountWorld();
    await deleteAccount(deps, patient, META);
    const event = queue.sent.find((s) => s.event.type === 'security_account_deleted')!.event;
    const notice = notices.rows.get(patient.userId)!;
    w.app.clock.advance(NOTICE_TTL_MS);

    // Act
    const outcome = await deliver(worker, event, 'msg-1');

    // Assess
    expect(outcome).toEqual({ kind: 'done', channels: { email: 'suppressed:stale' } });
    expect(channel.messages).toEqual([]);
    expect(notices.rows.has(patient.userId)).toBe(false);
    await expect(w.app.deps.vault.open(noticePlaces.email(patient.userId, notice.eventId), notice.emailSealed)).rejects.toThrow();
  });

  it('fails the deletion when the queue is down, after the rest is done; the same deletion again queues the notice', async () => {
    // Prepare
    const { deps, patient, notices, queue } = await accountWorld();
    queue.failNext();

    // Act
    await expect(deleteAccount(deps, patient, META)).rejects.toThrow('queue down');
    await deleteAccount(deps, patient, META);

    // Assess
    expect(queue.sent.filter((s) => s.event.type === 'security_account_deleted').map((s) => s.event.id)).toEqual([notices.rows.get(patient.userId)!.eventId]);
  });
});

describe('Use case: exportAccount, the notification items', () => {
  it('holds the caller’s contact with the phone opened, their preferences and every delivery, never another’s', async () => {
    // Prepare
    const { deps, patient } = await accountWorld();

    // Act
    const exported = await exportAccount(deps, patient, META);

    // Assess
    expect(exported.notifications.contact).toMatchObject({ phone: '+447700900123', phoneVerified: true, emailSuppressed: false });
    expect(exported.notifications.preferences).toMatchObject({ channels: { email: true, sms: true }, version: 1 });
    expect(exported.notifications.deliveries).toHaveLength(2);
    expect(exported.notifications.deliveries.every((d) => d.status === 'sent' && d.type === 'triage_ready')).toBe(true);
  });
});
