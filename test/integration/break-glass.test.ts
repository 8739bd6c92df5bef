import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { providerProfile } from '../helpers/care-fixtures';
import { careNetwork, type CareNetwork, type Member } from '../helpers/care-network';
import { CANARY, CAPTURE_DIR } from '../helpers/canaries';
import { signUp, startTestBackend, type TestBackend } from '../helpers/test-backend';
import { accountHolding } from '../helpers/admin';
import { tokenFor } from '../helpers/tokens';

/** docs/security.md #9: break-glass end to end on dynalite, through the real routes. */
let backend: TestBackend;
let care: CareNetwork;
beforeAll(async () => {
  backend = await startTestBackend();
  care = await careNetwork(backend);
});
afterAll(async () => {
  vi.useRealTimers();
  await backend?.stop();
});

const PROFILE = { sex: 'female', allergies: ['penicillin'], conditions: ['epilepsy'] };
const REASON = { reason: CANARY.breakGlassReason };

/** A patient with a stored profile, and a token. */
const patient = async (): Promise<Member> => {
  const user = await signUp(backend, `bg-${randomUUID().slice(0, 8)}@example.com`);
  const member = { ...user, token: await tokenFor(backend.dataDir, user.userId, ['patient']) };
  const put = await backend.call('PUT', '/api/v1/profile', { token: member.token, body: PROFILE });
  expect(put.status, put.text).toBe(201);
  return member;
};
const verifiedProvider = () => care.practitioner({ profile: providerProfile() });
const breakGlass = (patientId: string, token: string, body: unknown = REASON) =>
  backend.call('POST', `/api/v1/patients/${patientId}/break-glass`, { token, body });
const readProfile = (patientId: string, token: string) => backend.call('GET', `/api/v1/patients/${patientId}/profile`, { token });

/** The UTC day a grant was opened on (its count's key): an hour before it expires, which may be the day before. */
const openedDay = (expiresAt: string): string => new Date(Date.parse(expiresAt) - 60 * 60_000).toISOString().slice(0, 10);
describe('Route: POST /api/v1/patients/{patientId}/break-glass', () => {
  it('opens the profile to a verified provider for 60 minutes: 404 without consent, 200 under the grant, 404 after expiry', async () => {
    // Prepare
    const ann = await patient();
    const doctor = await verifiedProvider();

    // Act
    const before = await readProfile(ann.userId, doctor.token);
    const opened = await breakGlass(ann.userId, doctor.token);
    const during = await readProfile(ann.userId, doctor.token);
    const again = await breakGlass(ann.userId, doctor.token);
    // The clock moves past the grant's expiry (the handlers run in this process); tokens are minted at that time.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(opened.json.expiresAt) + 1000 });
    const later = await tokenFor(backend.dataDir, doctor.userId, ['patient', 'provider']);
    const after = await readProfile(ann.userId, later);
    vi.useRealTimers();

    // Assess
    expect(before.status).toBe(404);
    expect(opened.status, opened.text).toBe(201);
    expect(opened.json).toEqual({ grantId: expect.any(String), patientId: ann.userId, expiresAt: expect.any(String) });
    expect(Date.parse(opened.json.expiresAt) - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(Date.parse(opened.json.expiresAt) - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    expect(during.status, during.text).toBe(200);
    expect(during.json.profile).toEqual(PROFILE);
    expect(again.status).toBe(200);
    expect(again.json).toEqual(opened.json);
    expect(after.status).toBe(404);
    const grants = (await backend.items('records')).filter((item) => item['pk'] === `USER#${ann.userId}` && item['kind'] === 'break_glass');
    expect(grants).toEqual([
      expect.objectContaining({
        sk: `CONSENT#${opened.json.grantId}`,
        granteeId: doctor.userId,
        scopes: ['profile.read'],
        purpose: 'emergency',
        expiresAt: opened.json.expiresAt,
        reasonSealed: expect.stringMatching(/^cb1\./),
      }),
    ]);
    const count = (await backend.items('records')).find((item) => item['pk'] === `USER#${doctor.userId}` && String(item['sk']).startsWith('BREAKGLASS#'));
    expect(count).toEqual({ pk: `USER#${doctor.userId}`, sk: `BREAKGLASS#${openedDay(opened.json.expiresAt)}`, n: 1 });
  });

  it('audits one high-severity breakglass.open per request, with reason codes only: the reason is sealed in the grant and in no log line', async () => {
    // Prepare
    const ann = await patient();
    const doctor = await verifiedProvider();
    const compliance = (await accountHolding(backend, 'compliance')).token;

    // Act
    const opened = await breakGlass(ann.userId, doctor.token);
    const read = await readProfile(ann.userId, doctor.token);
    const verified = await backend.call('GET', `/api/v1/audit/verify?subjectId=${ann.userId}`, { token: compliance });

    // Assess
    expect(await care.eventsOf(opened.headers.get('x-request-id'))).toEqual([
      expect.objectContaining({
        action: 'breakglass.open',
        outcome: 'success',
        subjectId: ann.userId,
        actor: { userId: doctor.userId, roles: ['patient', 'provider'] },
        resource: { type: 'break_glass', id: opened.json.grantId },
        reason: 'granted',
        severity: 'high',
      }),
    ]);
    expect(await care.eventsOf(read.headers.get('x-request-id'))).toEqual([
      expect.objectContaining({ action: 'profile.read', outcome: 'success', subjectId: ann.userId, reason: `breakglass:${opened.json.grantId}` }),
    ]);
    expect(verified.json).toEqual({ ok: true, events: expect.any(Number), anchored: { result: 'not_anchored', digestsRead: 0 } });
    expect(JSON.stringify(await backend.items('audit'))).not.toContain('Canaryreason');
    const stored = JSON.stringify(await backend.items('records'));
    expect(stored).not.toContain('Canaryreason');
    expect(stored).not.toContain('unconscious');
    const logged = readdirSync(CAPTURE_DIR).map((file) => readFileSync(join(CAPTURE_DIR, file), 'utf8'));
    expect(logged.join('').length).toBeGreaterThan(0);
    for (const text of logged) expect(text).not.toContain('Canaryreason');
  });

  it('shows the break-glass and every read under it in the patient’s access log', async () => {
    // Prepare
    const ann = await patient();
    const doctor = await verifiedProvider();
    await breakGlass(ann.userId, doctor.token);
    await readProfile(ann.userId, doctor.token);

    // Act
    const log = await backend.call('GET', '/api/v1/me/access-log', { token: ann.token });

    // Assess
    expect(log.status).toBe(200);
    const actor = { userId: doctor.userId, roles: ['patient', 'provider'] };
    expect(log.json.items.slice(0, 2)).toEqual([
      expect.objectContaining({ action: 'profile.read', outcome: 'success', actor }),
      expect.objectContaining({
        action: 'breakglass.open',
        outcome: 'success',
        actor,
        severity: 'high',
        resource: expect.objectContaining({ type: 'break_glass' }),
      }),
    ]);
  });

  it('keeps patients, caregivers, admins and compliance out (403 by role), an unverified provider out (403), and answers 404 for an unknown or deleted patient', async () => {
    // Prepare
    const ann = await patient();
    const gone = await patient();
    expect((await backend.call('DELETE', '/api/v1/me', { token: gone.token })).status).toBe(204);
    const caregiver = await care.practitioner({
      kind: 'caregiver',
      profile: { ...providerProfile(), specialties: undefined, skills: ['elder_care'], serviceRadiusKm: 10 },
    });
    const unverified = await care.practitioner({ profile: providerProfile(), verified: false });
    const doctor = await verifiedProvider();
    const byRole = [
      ann.token,
      caregiver.token,
      await tokenFor(backend.dataDir, randomUUID(), ['admin']),
      await tokenFor(backend.dataDir, randomUUID(), ['compliance']),
    ];

    // Act
    const refusedByRole = await Promise.all(byRole.map((token) => breakGlass(ann.userId, token)));
    const notVerified = await breakGlass(ann.userId, unverified.token);
    const unknown = await breakGlass(randomUUID(), doctor.token);
    const deleted = await breakGlass(gone.userId, doctor.token);

    // Assess
    expect(refusedByRole.map((response) => response.status)).toEqual([403, 403, 403, 403]);
    expect(await care.eventsOf(refusedByRole[1]!.headers.get('x-request-id'))).toEqual([
      expect.objectContaining({ action: 'route.denied', outcome: 'denied', subjectId: caregiver.userId }),
    ]);
    expect(notVerified.status).toBe(403);
    expect(notVerified.json.error.code).toBe('practitioner_not_verified');
    expect(await care.eventsOf(notVerified.headers.get('x-request-id'))).toEqual([
      expect.objectContaining({ action: 'breakglass.open', outcome: 'denied', reason: 'provider_not_verified', severity: 'high', subjectId: ann.userId }),
    ]);
    expect([unknown.status, deleted.status]).toEqual([404, 404]);
    expect(deleted.json.error.code).toBe('not_found');
    expect(await care.eventsOf(deleted.headers.get('x-request-id'))).toEqual([
      expect.objectContaining({ action: 'breakglass.open', outcome: 'failure', reason: 'patient_not_found', severity: 'high' }),
    ]);
    expect((await backend.items('records')).filter((item) => item['kind'] === 'break_glass' && item['pk'] === `USER#${ann.userId}`)).toEqual([]);
    expect((await readProfile(ann.userId, caregiver.token)).status).toBe(404);
  });

  it('refuses a reason under 20 or over 500 characters, and unknown fields (400), writing nothing', async () => {
    // Prepare
    const ann = await patient();
    const doctor = await verifiedProvider();

    // Act
    const answers = await Promise.all([
      breakGlass(ann.userId, doctor.token, { reason: 'too short' }),
      breakGlass(ann.userId, doctor.token, { reason: 'x'.repeat(501) }),
      breakGlass(ann.userId, doctor.token, { ...REASON, scopes: ['triage.read'] }),
      breakGlass(ann.userId, doctor.token, {}),
    ]);

    // Assess
    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 400, 400]);
    expect((await backend.items('records')).filter((item) => item['pk'] === `USER#${doctor.userId}` && String(item['sk']).startsWith('BREAKGLASS#'))).toEqual(
      [],
    );
  });

  it('refuses a provider’s 4th grant of the UTC day with 429 break_glass_limit and Retry-After until midnight UTC', async () => {
    // Prepare
    const doctor = await verifiedProvider();
    const patients = [await patient(), await patient(), await patient(), await patient()];
    const granted = [];
    for (const p of patients.slice(0, 3)) granted.push(await breakGlass(p.userId, doctor.token));

    // Act
    const fourth = await breakGlass(patients[3]!.userId, doctor.token);

    // Assess
    expect(granted.map((response) => response.status)).toEqual([201, 201, 201]);
    expect(fourth.status).toBe(429);
    expect(fourth.json.error.code).toBe('break_glass_limit');
    const now = new Date();
    const untilMidnight = (Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime()) / 1000;
    expect(Math.abs(Number(fourth.headers.get('retry-after')) - untilMidnight)).toBeLessThan(30);
    expect(await care.eventsOf(fourth.headers.get('x-request-id'))).toEqual([
      expect.objectContaining({ action: 'breakglass.open', outcome: 'denied', reason: 'daily_limit', severity: 'high', subjectId: patients[3]!.userId }),
    ]);
    expect((await readProfile(patients[3]!.userId, doctor.token)).status).toBe(404);
  });
});
