import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxDir, readOutbox, type OutboxLine } from '../../shared/adapters/local/outbox-channel';
import { devicesKey, userKey } from '../../shared/data/keys';
import { CAPTURE_DIR } from '../helpers/canaries';
import { signUp, startTestBackend, type TestBackend } from '../helpers/test-backend';
import { CHEST_PAIN, MILD_COLD, waitForResult } from '../helpers/triage';

/**
 * The producers of notifications outside the notifications area, through the local backend on
 * dynalite and fauxqs, the real workers and the outbox (issue 11): the triage worker's “assessment
 * ready”, login's new-device security e-mail, and account deletion's notice; and the account's
 * export and deletion of the notification items (docs/security.md #10, #27).
 */
let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(async () => {
  await backend?.stop();
});

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const PASSWORD = 'a perfectly long passphrase';

const user = async () => {
  const email = `producers-${randomUUID().slice(0, 8)}@example.com`;
  const account = await signUp(backend, email, PASSWORD);
  return { ...account, email, token: account.accessToken };
};

/** Messages in the outbox for one recipient, waiting up to `timeoutMs` until there are `count` that `match`. */
const outboxOf = async (recipientId: string, count: number, match: (line: OutboxLine) => boolean = () => true, timeoutMs = 20_000): Promise<OutboxLine[]> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lines = (await readOutbox(backend.dataDir, 10_000)).filter((l) => l.recipientId === recipientId && match(l));
    if (lines.length >= count || Date.now() > deadline) return lines.reverse();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const partition = async (table: 'records' | 'identity' | 'keys', pk: string) => (await backend.items(table)).filter((i) => i['pk'] === pk);

const login = (email: string, userAgent: string) =>
  backend.call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD }, headers: { 'user-agent': userAgent } });

describe('Producer: the triage worker (triage_ready)', () => {
  it('sends one “assessment ready” e-mail for a completed triage, with no symptom in it; none for an emergency answered at once', async () => {
    // Prepare
    const ann = await user();
    const canary = `canary free text: night sweats and weight loss ${randomUUID().slice(0, 8)}`;

    // Act
    const emergency = await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body: CHEST_PAIN });
    const queued = await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body: { ...MILD_COLD, freeText: canary } });
    const result = await waitForResult(backend, ann.token, queued.json.id);
    const ready = await outboxOf(ann.userId, 1, (l) => l.type === 'triage_ready');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const all = await outboxOf(ann.userId, 0, (l) => l.type === 'triage_ready', 0);

    // Assess
    expect([emergency.status, queued.status, result.status]).toEqual([201, 202, 'completed']);
    expect(all).toHaveLength(1);
    expect(ready[0]).toMatchObject({ channel: 'email', to: ann.email, subject: 'Your assessment is ready' });
    expect(ready[0]!.text).toContain(`/symptom-sessions/${queued.json.id}`);
    expect(all.some((l) => l.text.includes(emergency.json.id))).toBe(false);
    const deliveries = (await partition('records', userKey(ann.userId))).filter((i) => String(i['sk']).startsWith('DELIVERY#'));
    expect(deliveries.map((d) => [d['type'], d['channel'], d['status']]).sort()).toEqual([
      ['triage_ready', 'email', 'sent'],
      ['triage_ready', 'sms', 'suppressed'],
    ]);
    const outbox = readdirSync(outboxDir(backend.dataDir)).map((file) => readFileSync(join(outboxDir(backend.dataDir), file), 'utf8'));
    const logs = readdirSync(CAPTURE_DIR).map((file) => readFileSync(join(CAPTURE_DIR, file), 'utf8'));
    for (const [where, text] of [
      ['outbox', outbox.join('\n')],
      ['delivery records', JSON.stringify(deliveries)],
      ['logs', logs.join('\n')],
    ] as const) {
      for (const phi of [canary, 'runny nose', 'sore throat']) expect(text, `${where} holds ${phi}`).not.toContain(phi);
    }
  }, 40_000);
});

describe('Producer: login (security_new_login)', () => {
  it('e-mails a login from a new device once, and nothing for a known one; stores keyed hashes only', async () => {
    // Prepare: signUp logged in once (fetch's own User-Agent): the account's first device, no alert.
    const bob = await user();

    // Act
    const fromChrome = await login(bob.email, CHROME);
    const alert = await outboxOf(bob.userId, 1, (l) => l.type === 'security_new_login');
    await login(bob.email, CHROME);
    await backend.call('POST', '/api/v1/auth/login', { body: { email: bob.email, password: PASSWORD } });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await login(bob.email, FIREFOX);
    const alerts = await outboxOf(bob.userId, 2, (l) => l.type === 'security_new_login');

    // Assess
    expect(fromChrome.status).toBe(200);
    expect(alert[0]).toMatchObject({ channel: 'email', to: bob.email, subject: 'New sign-in to your CareBow account' });
    expect(alerts).toHaveLength(2);
    expect(new Set(alerts.map((l) => l.eventId)).size).toBe(2);
    const [devices] = await partition('identity', devicesKey(bob.userId));
    expect(devices).toMatchObject({ hashes: [expect.any(String), expect.any(String), expect.any(String)], version: 3 });
    expect(JSON.stringify(devices)).not.toMatch(/Chrome|Firefox|Windows|Linux|127\.0\.0|::1/);
    const audits = (await backend.items('audit')).filter((e) => e['subjectId'] === bob.userId && e['action'] === 'auth.login');
    expect(audits.filter((e) => e['reason'] === 'new_device')).toHaveLength(2);
  }, 40_000);
});

describe('Account: the notification items', () => {
  /** A user with a verified phone, preferences and a delivery or two (the phone's code). */
  const withNotifications = async () => {
    const cy = await user();
    const put = await backend.call('PUT', '/api/v1/me/contact', { token: cy.token, body: { phone: '+447700900555' } });
    expect(put.status, put.text).toBe(200);
    const [sms] = await outboxOf(cy.userId, 1, (l) => l.type === 'phone_verification');
    const verified = await backend.call('POST', '/api/v1/me/contact/verify', { token: cy.token, body: { code: /\b(\d{6})\b/.exec(sms!.text)![1] } });
    expect(verified.status, verified.text).toBe(200);
    const prefs = await backend.call('PUT', '/api/v1/me/notification-preferences', { token: cy.token, body: { channels: { sms: true } } });
    expect(prefs.status, prefs.text).toBe(200);
    return cy;
  };

  it('exports the contact with the phone opened, the preferences and the deliveries', async () => {
    // Prepare
    const cy = await withNotifications();

    // Act
    const exported = await backend.call('GET', '/api/v1/me/export', { token: cy.token });

    // Assess
    expect(exported.status, exported.text).toBe(200);
    expect(exported.json.notifications.contact).toMatchObject({ phone: '+447700900555', phoneVerified: true, emailSuppressed: false });
    expect(exported.json.notifications.preferences).toMatchObject({ channels: { email: true, sms: true }, version: 1 });
    expect(exported.json.notifications.deliveries).toContainEqual(expect.objectContaining({ type: 'phone_verification', channel: 'sms', status: 'sent' }));
  }, 30_000);

  it('deletes them with the account, e-mails the deletion notice, and afterwards nothing of the account opens', async () => {
    // Prepare
    const cy = await withNotifications();
    const before = await partition('records', userKey(cy.userId));

    // Act
    const deleted = await backend.call('DELETE', '/api/v1/me', { token: cy.token });
    const [notice] = await outboxOf(cy.userId, 1, (l) => l.type === 'security_account_deleted');
    await new Promise((resolve) => setTimeout(resolve, 500));

    // Assess
    expect(before.map((i) => i['sk'])).toEqual(expect.arrayContaining(['CONTACT', 'NOTIFYPREFS', expect.stringMatching(/^DELIVERY#/)]));
    expect(deleted.status, deleted.text).toBe(204);
    expect(notice).toMatchObject({ channel: 'email', to: cy.email, subject: 'Your CareBow account was deleted' });
    const after = await partition('records', userKey(cy.userId));
    expect(after.filter((i) => ['CONTACT', 'NOTIFYPREFS', 'NOTICE#account_deleted'].includes(String(i['sk'])))).toEqual([]);
    // Only the notice's own delivery record remains: ids and a status, no address, no text.
    expect(after.filter((i) => String(i['sk']).startsWith('DELIVERY#')).map((i) => [i['eventId'], i['status']])).toEqual([[notice!.eventId, 'sent']]);
    expect(JSON.stringify(after)).not.toContain(cy.email);
    expect(await partition('identity', devicesKey(cy.userId))).toEqual([]);
    const [accountKey] = await partition('keys', userKey(cy.userId));
    const [noticeKey] = await partition('keys', userKey(notice!.eventId));
    expect(accountKey).toMatchObject({ destroyedAt: expect.any(String) });
    expect(noticeKey).toMatchObject({ destroyedAt: expect.any(String) });
    expect(accountKey).not.toHaveProperty('versions');
    expect(noticeKey).not.toHaveProperty('versions');
    const audit = (await backend.items('audit')).find((e) => e['subjectId'] === cy.userId && e['action'] === 'account.delete');
    expect(audit?.['reason']).toMatch(/notifications_removed:\d+,data_key_destroyed,deletion_notice/);
  }, 30_000);
});
