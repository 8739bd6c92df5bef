import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoAccountBatch } from '../../shared/adapters/aws/dynamo-account-reader';
import { DynamoAppointments, DynamoLedgers } from '../../shared/adapters/aws/dynamo-bookings';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { DynamoScheduleBatch } from '../../shared/adapters/aws/dynamo-schedule-reader';
import { DynamoShareConsents } from '../../shared/adapters/aws/dynamo-share-consents';
import { cancelFutureAppointments } from '../../shared/care/cancel-future-appointments';
import type { LedgerRepository } from '../../shared/care/ports';
import { PLACES, providerProfile, weeklyHours } from '../helpers/care-fixtures';
import { type CareNetwork, careNetwork, type Member } from '../helpers/care-network';
import { startTestBackend, type TestBackend } from '../helpers/test-backend';

/**
 * The appointment list by time on dynalite, through the real handlers: one Query of the sparse
 * `byPartyTime` index per page (start order, exact pages, the window a `BETWEEN`), the index
 * attributes moved by a reschedule's own write; the public profile of a practitioner whose
 * credentials all expired; an account deletion whose ledger release failed, finished by the same
 * deletion again; the batch readers of the directory, care options and matching.
 */
let backend: TestBackend;
let care: CareNetwork;
let client: DynamoDBDocumentClient;
beforeAll(async () => {
  backend = await startTestBackend();
  care = await careNetwork(backend);
  client = createDocumentClient({ endpoint: backend.dynamodbEndpoint });
});
afterAll(async () => {
  client?.destroy();
  await backend?.stop();
});

const PROFILE = providerProfile({
  displayName: 'Dr Meera Pillai',
  timeZone: 'Asia/Kolkata',
  location: PLACES.mumbai,
  credentials: [{ kind: 'medical_license', number: 'LIC-LIST-1', expiresOn: '2031-03-31' }],
});

/** A verified provider, 09:00–17:00 Kolkata in 30-minute slots (16 a day), and the day after tomorrow's slot starts. */
const provider = async (): Promise<{ member: Member; starts: string[] }> => {
  const member = await care.practitioner({ profile: PROFILE, availability: weeklyHours('09:00', '17:00', { slotMinutes: 30 }) });
  const starts = (await care.slots(member.userId, member.token)).items.map((slot) => slot.start);
  return { member, starts };
};

/** `GET /api/v1/appointments` with `query`, expecting 200: the page. */
const list = async (token: string, query: Record<string, string> = {}) => {
  const response = await backend.call('GET', `/api/v1/appointments?${new URLSearchParams(query)}`, { token });
  expect(response.status, response.text).toBe(200);
  return response.json as { items: { id: string; start: string; status: string }[]; nextCursor?: string };
};

/** Every page of `query` with `limit`: the page sizes and the items in order. */
const allPages = async (token: string, query: Record<string, string>, limit: number) => {
  const sizes: number[] = [];
  const items: { id: string; start: string; status: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(token, { ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
    sizes.push(page.items.length);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return { sizes, items };
};

const copiesOf = async (id: string) => (await backend.items('records')).filter((item) => item['sk'] === `APPT#${id}`);

describe('Route: GET /api/v1/appointments (the byPartyTime index)', () => {
  it('answers exact pages in start order across the cursor, for the patient and the practitioner alike', async () => {
    // Prepare
    const { member: practitioner, starts } = await provider();
    const patient = await care.account();
    // Booked out of start order, so id order (or write order) is not start order.
    const picks = [4, 0, 6, 2, 5, 1, 3];
    for (const i of picks) await care.booked(patient.token, { practitionerId: practitioner.userId, start: starts[i]! });
    const expected = [...picks].sort((a, b) => a - b).map((i) => starts[i]);

    // Act
    const mine = await allPages(patient.token, {}, 3);
    const schedule = await allPages(practitioner.token, {}, 2);
    const whole = await list(patient.token, { limit: '7' });

    // Assess
    expect(mine.sizes).toEqual([3, 3, 1]);
    expect(mine.items.map((a) => a.start)).toEqual(expected);
    expect(schedule.sizes).toEqual([2, 2, 2, 1]);
    expect(schedule.items.map((a) => a.start)).toEqual(expected);
    expect(whole.items).toHaveLength(7);
    expect(whole.nextCursor).toBeUndefined();
  });

  it('keeps to the window: from included, to excluded', async () => {
    // Prepare
    const { member: practitioner, starts } = await provider();
    const patient = await care.account();
    for (const i of [0, 1, 2, 3, 4]) await care.booked(patient.token, { practitionerId: practitioner.userId, start: starts[i]! });

    // Act
    const inside = await list(patient.token, { from: starts[1]!, to: starts[3]! });
    const past = await list(patient.token, { from: starts[5]! });
    const before = await list(patient.token, { to: starts[0]! });
    const empty = await list(patient.token, { from: starts[3]!, to: starts[1]! });

    // Assess
    expect(inside.items.map((a) => a.start)).toEqual([starts[1], starts[2]]);
    expect(past.items).toEqual([]);
    expect(before.items).toEqual([]);
    expect(empty.items).toEqual([]);
  });

  it('moves a rescheduled appointment to its new place, keeps a cancelled one listed with its status, and never lists a pending copy', async () => {
    // Prepare
    const { member: practitioner, starts } = await provider();
    const patient = await care.account();
    const moved = await care.booked(patient.token, { practitionerId: practitioner.userId, start: starts[0]! });
    const dropped = await care.booked(patient.token, { practitionerId: practitioner.userId, start: starts[2]! });
    const kept = await care.booked(patient.token, { practitionerId: practitioner.userId, start: starts[4]! });
    // A pending copy, as a booking that died after its first write leaves it.
    const pendingId = randomUUID();
    const [keptCopy] = (await copiesOf(kept.id)).filter((item) => item['pk'] === `USER#${patient.userId}`);
    const { apptParty: _p, apptStart: _s, ...plain } = keptCopy!;
    await client.send(
      new PutCommand({ TableName: backend.tables.records, Item: { ...plain, sk: `APPT#${pendingId}`, id: pendingId, status: 'pending', version: 1 } }),
    );

    // Act
    const rescheduled = await backend.call('POST', `/api/v1/appointments/${moved.id}/reschedule`, { token: patient.token, body: { start: starts[6] } });
    const cancelled = await backend.call('POST', `/api/v1/appointments/${dropped.id}/cancel`, { token: practitioner.token, body: {} });
    const mine = await list(patient.token);
    const schedule = await list(practitioner.token);

    // Assess
    expect([rescheduled.status, cancelled.status]).toEqual([200, 200]);
    const expected = [
      [dropped.id, starts[2], 'cancelled'],
      [kept.id, starts[4], 'booked'],
      [moved.id, starts[6], 'booked'],
    ];
    expect(mine.items.map((a) => [a.id, a.start, a.status])).toEqual(expected);
    expect(schedule.items.map((a) => [a.id, a.start, a.status])).toEqual(expected);
    const copies = await copiesOf(moved.id);
    expect(copies.map((item) => item['apptStart']).sort()).toEqual([
      `${String(Date.parse(starts[6]!)).padStart(16, '0')}#${moved.id}`,
      `${String(Date.parse(starts[6]!)).padStart(16, '0')}#${moved.id}`,
    ]);
    expect(copies.map((item) => item['apptParty']).sort()).toEqual([`${patient.userId}#patient`, `${practitioner.userId}#practitioner`].sort());
    expect((await copiesOf(pendingId)).map((item) => [item['status'], item['apptParty'], item['apptStart']])).toEqual([['pending', undefined, undefined]]);
  });

  it('refuses a cursor made for another user, another side or outside the window (400 invalid_cursor), and shows no one else’s appointment', async () => {
    // Prepare
    const { member: practitioner, starts } = await provider();
    const patient = await care.account();
    const other = await care.account();
    for (const i of [0, 1, 2]) await care.booked(patient.token, { practitionerId: practitioner.userId, start: starts[i]! });
    const { nextCursor: patientCursor } = await list(patient.token, { limit: '1' });
    const { nextCursor: scheduleCursor } = await list(practitioner.token, { limit: '1' });

    // Act
    const answers = await Promise.all([
      backend.call('GET', `/api/v1/appointments?limit=1&cursor=${patientCursor}`, { token: other.token }),
      backend.call('GET', `/api/v1/appointments?limit=1&as=patient&cursor=${scheduleCursor}`, { token: practitioner.token }),
      backend.call('GET', `/api/v1/appointments?limit=1&cursor=${patientCursor}&${new URLSearchParams({ from: starts[2]! })}`, { token: patient.token }),
    ]);
    const others = await list(other.token);

    // Assess
    expect(answers.map((a) => [a.status, a.json.error.code])).toEqual([
      [400, 'invalid_cursor'],
      [400, 'invalid_cursor'],
      [400, 'invalid_cursor'],
    ]);
    expect(others.items).toEqual([]);
  });
});

describe('Route: GET /api/v1/practitioners/{id} with every credential expired', () => {
  it('answers 404 like an unverified practitioner, audited as no_valid_credential', async () => {
    // Prepare
    const { member: practitioner } = await provider();
    const patient = await care.account();
    const before = await backend.call('GET', `/api/v1/practitioners/${practitioner.userId}`, { token: patient.token });
    await client.send(
      new UpdateCommand({
        TableName: backend.tables.records,
        Key: { pk: `USER#${practitioner.userId}`, sk: 'PRACTITIONER' },
        UpdateExpression: 'SET credentials = :expired',
        ExpressionAttributeValues: { ':expired': [{ kind: 'medical_license', number: 'LIC-LIST-1', expiresOn: '2020-01-31' }] },
      }),
    );

    // Act
    const after = await backend.call('GET', `/api/v1/practitioners/${practitioner.userId}`, { token: patient.token });

    // Assess
    expect(before.status).toBe(200);
    expect(after.status).toBe(404);
    expect(after.text).not.toContain('LIC-LIST-1');
    expect((await care.eventsOf(after.headers.get('x-request-id'))).map((e) => [e['action'], e['outcome'], e['reason']])).toEqual([
      ['practitioner.read', 'failure', 'no_valid_credential'],
    ]);
  });
});

describe('Account deletion whose ledger release failed (ADR 0006, "Crash leftovers")', () => {
  it('leaves the slot blocked and names it unreleased; the same deletion again (DELETE /api/v1/me) releases it', async () => {
    // Prepare
    const { member: practitioner, starts } = await provider();
    const patient = await care.account();
    const booked = await care.booked(patient.token, { practitionerId: practitioner.userId, start: starts[1]! });
    const real = new DynamoLedgers(client, backend.tables.records);
    // Every ledger write loses its condition, as if other writers won the day each time.
    const lost: LedgerRepository = { day: (id, date) => real.day(id, date), days: (id, from, to) => real.days(id, from, to), write: async () => false };
    const deps = {
      appointments: new DynamoAppointments(client, backend.tables.records),
      ledgers: lost,
      consents: new DynamoShareConsents(client, backend.tables.records),
      notifications: { enqueue: async () => undefined },
    };

    // Act
    const first = await cancelFutureAppointments(deps, patient.userId, new Date());
    const blocked = (await care.slots(practitioner.userId, practitioner.token)).items.map((slot) => slot.start);
    const again = await backend.call('DELETE', '/api/v1/me', { token: patient.token });

    // Assess
    expect(first).toEqual({ cancelled: [booked.id], unreleased: [booked.id] });
    expect(blocked).not.toContain(starts[1]);
    expect(again.status, again.text).toBe(204);
    expect((await care.slots(practitioner.userId, practitioner.token)).items.map((slot) => slot.start)).toContain(starts[1]);
    expect((await copiesOf(booked.id)).map((item) => item['status'])).toEqual(['cancelled', 'cancelled']);
  });
});

describe('Adapters: DynamoAccountBatch and DynamoScheduleBatch on dynalite', () => {
  it('reads 150 accounts and availabilities in batches of 100, each once, the missing ones absent', async () => {
    // Prepare
    const { member: practitioner } = await provider();
    const patient = await care.account();
    const unknown = Array.from({ length: 148 }, () => randomUUID());
    const ids = [practitioner.userId, patient.userId, ...unknown, practitioner.userId];

    // Act
    const accounts = await new DynamoAccountBatch(client, backend.tables.identity).getMany(ids);
    const schedules = await new DynamoScheduleBatch(client, backend.tables.records).getMany(ids);

    // Assess
    expect([...accounts.keys()].sort()).toEqual([practitioner.userId, patient.userId].sort());
    expect(accounts.get(patient.userId)).toMatchObject({ id: patient.userId, status: 'active', roles: ['patient'] });
    expect(accounts.get(patient.userId)).not.toHaveProperty('pk');
    expect([...schedules.keys()]).toEqual([practitioner.userId]);
    expect(schedules.get(practitioner.userId)).toMatchObject({ version: 1, availability: { slotMinutes: 30 } });
    expect(await new DynamoAccountBatch(client, backend.tables.identity).getMany([])).toEqual(new Map());
  });
});
