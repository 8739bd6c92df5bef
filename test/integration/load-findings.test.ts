import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { DynamoUsageCounters } from '../../shared/adapters/aws/dynamo-usage-counters';
import { DynamoAuditTrail } from '../../shared/adapters/aws/dynamo-audit-trail';
import { verifyChain } from '../../shared/audit/chain';
import { BUDGETS } from '../../shared/budgets/limits';
import { windowAt } from '../../shared/budgets/spend';
import { canaryEmail } from '../helpers/canaries';
import { providerProfile, weeklyHours } from '../helpers/care-fixtures';
import { careNetwork, kolkataDay } from '../helpers/care-network';
import { signUp, startTestBackend, type TestBackend } from '../helpers/test-backend';
import { tokenFor } from '../helpers/tokens';
import { CHEST_PAIN, MILD_COLD } from '../helpers/triage';

/**
 * What a first load run found (issue 14), through the real handlers on dynalite and fauxqs: one subject's hot audit
 * chain never answers 500, one patient cannot start more than 10 non-emergency symptom sessions an hour, no caller
 * can book, reschedule or cancel (each messaging both parties) more than 30 times an hour, and no account can export
 * its data (every record read and opened) more than 5 times an hour.
 */
let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(async () => {
  await backend?.stop();
});

const patient = async () => {
  const user = await signUp(backend, canaryEmail(randomUUID().slice(0, 8)));
  return { ...user, token: await tokenFor(backend.dataDir, user.userId, ['patient']) };
};
const auditOf = async (userId: string) => (await backend.items('audit')).filter((item) => item['pk'] === `SUBJECT#${userId}`);

describe('Route: GET /api/v1/profile (16 reads of one patient in flight)', () => {
  it('answers every one 200 with its audit event, the trail verifying over its lanes (ADR 0019); never 500', async () => {
    // Prepare
    const ann = await patient();
    expect((await backend.call('PUT', '/api/v1/profile', { token: ann.token, body: { sex: 'female' } })).status).toBe(201);
    const before = (await auditOf(ann.userId)).length;

    // Act
    const responses = await Promise.all(Array.from({ length: 16 }, () => backend.call('GET', '/api/v1/profile', { token: ann.token })));

    // Assess
    expect(responses.map((response) => response.status)).toEqual(Array.from({ length: 16 }, () => 200));
    const events = await auditOf(ann.userId);
    expect(events).toHaveLength(before + 16);
    const requestIds = new Set(responses.map((response) => response.headers.get('x-request-id')));
    expect(events.filter((item) => requestIds.has(String(item['requestId'])) && item['action'] === 'profile.read')).toHaveLength(16);
    const trail = new DynamoAuditTrail(createDocumentClient({ endpoint: backend.dynamodbEndpoint }), backend.tables.audit);
    expect(verifyChain(await trail.chain(ann.userId), ann.userId)).toEqual({ ok: true, events: before + 16 });
  });
});

describe('Route: POST /api/v1/symptom-sessions (the symptomSession budget)', () => {
  it('refuses the 11th session within the hour: 429 budget_exceeded with Retry-After, nothing stored or queued, a denied audit event', async () => {
    // Prepare
    const ann = await patient();
    for (let n = 0; n < 10; n++) expect((await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body: MILD_COLD })).status).toBe(202);
    // Session ids, not whole items: the worker may complete the first ten while the eleventh is refused.
    const sessionIds = async () =>
      (await backend.items('records'))
        .filter((item) => item['pk'] === `USER#${ann.userId}` && String(item['sk']).startsWith('SESSION#'))
        .map((item) => String(item['sk']))
        .sort();
    const sessionsBefore = await sessionIds();

    // Act
    const eleventh = await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body: MILD_COLD });

    // Assess
    expect(eleventh.status).toBe(429);
    expect(eleventh.json.error.code).toBe('budget_exceeded');
    const retryAfter = Number(eleventh.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    const sessionsAfter = await sessionIds();
    expect(sessionsAfter).toEqual(sessionsBefore);
    expect(sessionsAfter).toHaveLength(10);
    // The refusal's own event, by its request id: the worker appends to the same chain meanwhile.
    const refusal = (await auditOf(ann.userId)).filter((event) => event['requestId'] === eleventh.headers.get('x-request-id'));
    expect(refusal).toEqual([expect.objectContaining({ action: 'triage.create', outcome: 'denied', reason: 'budget_exceeded' })]);
  });

  it('still settles an emergency at once for a patient whose budget is used up', async () => {
    // Prepare
    const ann = await patient();
    for (let n = 0; n < 10; n++) await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body: MILD_COLD });

    // Act
    const emergency = await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body: CHEST_PAIN });

    // Assess
    expect(emergency.status).toBe(201);
  });
});

describe('Route: POST /api/v1/appointments and its cancel (the appointmentChanges budget)', () => {
  it('refuses the 31st appointment change within the hour: 429 budget_exceeded with Retry-After, nothing booked, a denied audit event', async () => {
    // Prepare: 28 changes already counted this hour (straight on the counter), then a booking and its cancel make 30.
    const care = await careNetwork(backend);
    const ann = await care.account();
    const provider = await care.practitioner({ profile: providerProfile(), availability: weeklyHours('00:00', '23:30') });
    const [first, second] = (await care.slots(provider.userId, ann.token, kolkataDay())).items.map((slot) => slot.start);
    const counters = new DynamoUsageCounters(createDocumentClient({ endpoint: backend.dynamodbEndpoint }), backend.tables.records);
    const hour = windowAt('appointmentChanges', BUDGETS.appointmentChanges[0], Date.now());
    for (let n = 0; n < 28; n++) expect(await counters.increment(ann.userId, hour.counterId, 30, hour.expiresAt)).toBe(true);
    const booked = await care.book(ann.token, { practitionerId: provider.userId, start: first! });
    expect(booked.status).toBe(201);
    expect((await backend.call('POST', `/api/v1/appointments/${booked.json.id}/cancel`, { token: ann.token, body: {} })).status).toBe(200);
    const appointmentsBefore = (await backend.items('records')).filter((item) => String(item['sk']).startsWith('APPT#')).length;

    // Act
    const refused = await care.book(ann.token, { practitionerId: provider.userId, start: second! });

    // Assess
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe('budget_exceeded');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect((await backend.items('records')).filter((item) => String(item['sk']).startsWith('APPT#'))).toHaveLength(appointmentsBefore);
    const refusal = (await auditOf(ann.userId)).filter((event) => event['requestId'] === refused.headers.get('x-request-id'));
    expect(refusal).toEqual([expect.objectContaining({ action: 'appointment.book', outcome: 'denied', reason: 'budget_exceeded' })]);
  });
});

describe('Route: GET /api/v1/me/export (the dataExport budget)', () => {
  it('refuses the 6th export within the hour: 429 budget_exceeded with Retry-After, no PHI in the answer, a denied audit event', async () => {
    // Prepare: 4 exports already counted this hour (straight on the counter), then a fifth through the route.
    const email = canaryEmail(randomUUID().slice(0, 8));
    const user = await signUp(backend, email);
    const ann = { ...user, token: await tokenFor(backend.dataDir, user.userId, ['patient']) };
    expect((await backend.call('PUT', '/api/v1/profile', { token: ann.token, body: { sex: 'female', conditions: ['asthma'] } })).status).toBe(201);
    const counters = new DynamoUsageCounters(createDocumentClient({ endpoint: backend.dynamodbEndpoint }), backend.tables.records);
    const hour = windowAt('dataExport', BUDGETS.dataExport[0], Date.now());
    for (let n = 0; n < 4; n++) expect(await counters.increment(ann.userId, hour.counterId, 5, hour.expiresAt)).toBe(true);
    const fifth = await backend.call('GET', '/api/v1/me/export', { token: ann.token });
    expect(fifth.status).toBe(200);
    expect(fifth.json.profile.profile.conditions).toEqual(['asthma']);

    // Act
    const sixth = await backend.call('GET', '/api/v1/me/export', { token: ann.token });

    // Assess
    expect(sixth.status).toBe(429);
    expect(sixth.json).toEqual({ error: expect.objectContaining({ code: 'budget_exceeded' }) });
    const retryAfter = Number(sixth.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(sixth.text).not.toContain('asthma');
    expect(sixth.text).not.toContain(email);
    const events = (await auditOf(ann.userId)).filter((event) => event['action'] === 'account.export');
    expect(events.map((event) => [event['outcome'], event['reason'] ?? null, event['requestId'] === sixth.headers.get('x-request-id')])).toEqual([
      ['success', null, false],
      ['denied', 'budget_exceeded', true],
    ]);
  });
});
