import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { DynamoVisitHistory } from '../../shared/adapters/aws/dynamo-visit-history';
import type { Role } from '../../shared/domain/roles';
import { signUp, startTestBackend, type TestBackend } from '../helpers/test-backend';
import { tokenFor } from '../helpers/tokens';

/**
 * Caregiver matching through the local backend on dynalite: caregivers made by the real profile,
 * verification and availability routes, found through the real directory index, their ledgers
 * filled by real bookings. Each test works in its own city (over 100 km from the others, beyond
 * every caregiver's 15 km radius), so the tests do not see each other's caregivers.
 */
let backend: TestBackend;
let client: DynamoDBDocumentClient;
let adminToken: string;
beforeAll(async () => {
  backend = await startTestBackend();
  client = createDocumentClient({ endpoint: backend.dynamodbEndpoint });
  adminToken = await tokenFor(backend.dataDir, randomUUID(), ['admin']);
});
afterAll(async () => {
  client?.destroy();
  await backend?.stop();
});

const CITIES = {
  mumbai: { lat: 19.076, lon: 72.8777, city: 'Mumbai' },
  bengaluru: { lat: 12.9716, lon: 77.5946, city: 'Bengaluru' },
  kolkata: { lat: 22.5726, lon: 88.3639, city: 'Kolkata' },
  delhi: { lat: 28.6139, lon: 77.209, city: 'Delhi' },
  hyderabad: { lat: 17.385, lon: 78.4867, city: 'Hyderabad' },
};
type City = (typeof CITIES)[keyof typeof CITIES];
/** A point ~`km` north of `city`. */
const north = (city: City, km: number): City => ({ ...city, lat: city.lat + km / 111.2 });

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const HOURS = {
  weekly: WEEK.map((day) => ({ day, start: '08:00', end: '20:00' })),
  exceptions: [],
  slotMinutes: 60,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 30,
  horizonDays: 60,
};
/** 10:00 in Kolkata, three days from now: bookable, inside everyone's horizon. */
const DAY = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
const START = `${DAY}T10:00:00+05:30`;

const account = async (...roles: Role[]) => {
  const user = await signUp(backend, `match-${randomUUID().slice(0, 8)}@example.com`);
  for (const role of roles) {
    const granted = await backend.call('POST', `/api/v1/admin/users/${user.userId}/roles`, { token: adminToken, body: { action: 'grant', role } });
    expect(granted.status).toBe(200);
  }
  return { ...user, token: await tokenFor(backend.dataDir, user.userId, ['patient', ...roles]) };
};

/** A caregiver at `location` with `HOURS`, verified by an admin unless told otherwise. */
const caregiver = async (location: City, options: { verified?: boolean; skills?: string[] } = {}) => {
  const user = await account('caregiver');
  const profile = {
    displayName: `Carer ${location.city}`,
    skills: options.skills ?? ['elder_care', 'mobility'],
    serviceRadiusKm: 15,
    languages: ['en', 'hi'],
    timeZone: 'Asia/Kolkata',
    location,
    telehealth: false,
    credentials: [{ kind: 'caregiver_certification', number: `CG-${randomUUID().slice(0, 6)}`, expiresOn: '2031-03-31' }],
  };
  const put = await backend.call('PUT', '/api/v1/practitioners/me', { token: user.token, body: profile });
  expect(put.status, put.text).toBe(201);
  if (options.verified !== false) {
    const verified = await backend.call('POST', `/api/v1/admin/practitioners/${user.userId}/verify`, { token: adminToken, body: { verified: true } });
    expect(verified.status, verified.text).toBe(200);
  }
  const hours = await backend.call('PUT', '/api/v1/practitioners/me/availability', { token: user.token, body: HOURS });
  expect(hours.status, hours.text).toBe(200);
  return user;
};

const match = (token: string, body: Record<string, unknown>) => backend.call('POST', '/api/v1/caregivers/match', { token, body });
const visitAt = (city: City, extra: Record<string, unknown> = {}) => ({
  needs: ['elder_care'],
  location: { lat: city.lat, lon: city.lon },
  start: START,
  durationHours: 2,
  ...extra,
});
const book = (token: string, practitionerId: string, start: string, durationMinutes = 120) =>
  backend.call('POST', '/api/v1/appointments', {
    token,
    body: { practitionerId, start, durationMinutes, mode: 'home_visit' },
    headers: { 'idempotency-key': randomUUID() },
  });
/** Every item of the records table, in key order. */
const snapshot = async () => (await backend.items('records')).map((item) => JSON.stringify(item)).sort();
const eventsOf = async (response: { headers: Headers }) =>
  (await backend.items('audit')).filter((event) => event['requestId'] === response.headers.get('x-request-id'));

interface Item {
  caregiverId: string;
  score: number;
  factors: { code: string; weight: number; points: number }[];
  earliestStart: string | null;
}

describe('Route: POST /api/v1/caregivers/match', () => {
  it('ranks the verified caregivers free for the visit, nearest best, each score the sum of its factors; a booked one drops out', async () => {
    // Prepare
    const patient = await account();
    const near = await caregiver(north(CITIES.mumbai, 1));
    const farther = await caregiver(north(CITIES.mumbai, 8));
    const unverified = await caregiver(north(CITIES.mumbai, 1), { verified: false });
    const stored = await snapshot();

    // Act
    const before = await match(patient.token, visitAt(CITIES.mumbai));
    const untouched = await snapshot();
    const booked = await book(patient.token, near.userId, START);
    const after = await match(patient.token, visitAt(CITIES.mumbai));

    // Assess
    expect(before.status, before.text).toBe(200);
    expect(before.json.weightsVersion).toMatch(/^matching-/);
    const items: Item[] = before.json.items;
    expect(items.map((i) => i.caregiverId)).toEqual([near.userId, farther.userId]);
    for (const item of items) {
      expect(item.factors.map((f) => f.code)).toEqual(['skills', 'language', 'distance', 'availability', 'rating', 'continuity']);
      expect(item.factors.reduce((sum, f) => sum + f.points, 0)).toBe(item.score);
      expect(item.earliestStart).toBe(START);
    }
    expect(items[0]!.score).toBeGreaterThan(items[1]!.score);
    expect(items.map((i) => i.caregiverId)).not.toContain(unverified.userId);
    expect(booked.status, booked.text).toBe(201);
    // Matching reads only.
    expect(untouched).toEqual(stored);
    expect(after.status).toBe(200);
    expect(after.json.items.map((i: Item) => i.caregiverId)).toEqual([farther.userId]);
  });

  it('counts the patient’s own fulfilled visits with a caregiver (continuity), not another patient’s', async () => {
    // Prepare
    const patient = await account();
    const other = await account();
    const known = await caregiver(north(CITIES.bengaluru, 2));
    const newcomer = await caregiver(north(CITIES.bengaluru, 2));
    await fulfilledVisit(known, patient);
    await fulfilledVisit(newcomer, other);

    // Act
    const answer = await match(patient.token, visitAt(CITIES.bengaluru, { weeklyDays: ['mon', 'thu'] }));

    // Assess
    expect(answer.status, answer.text).toBe(200);
    const continuity = (id: string) => (answer.json.items as Item[]).find((i) => i.caregiverId === id)!.factors.find((f) => f.code === 'continuity')!.points;
    // One visit of the three at which continuity gives its 10 points (3.3, rounded with the others).
    expect([3, 4]).toContain(continuity(known.userId));
    expect(continuity(newcomer.userId)).toBe(0);
    expect(answer.json.items[0].caregiverId).toBe(known.userId);
  });

  it('answers 200 with no items when no caregiver serves the place', async () => {
    // Prepare
    const patient = await account();
    await caregiver(north(CITIES.kolkata, 40));

    // Act
    const answer = await match(patient.token, visitAt(CITIES.kolkata, { needs: ['elder_care', 'dementia'], languages: ['bn'] }));

    // Assess
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.items).toEqual([]);
  });

  it('refuses every role but patient (403), and a caller without a token (401)', async () => {
    // Prepare
    const tokens = await Promise.all(
      (['caregiver', 'provider', 'admin', 'compliance'] as const).map(async (role) => ({ role, token: await tokenFor(backend.dataDir, randomUUID(), [role]) })),
    );

    // Act
    const answers = await Promise.all(tokens.map(({ token }) => match(token, visitAt(CITIES.delhi))));
    const anonymous = await backend.call('POST', '/api/v1/caregivers/match', { body: visitAt(CITIES.delhi) });

    // Assess
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403]);
    for (const answer of answers) expect(await eventsOf(answer)).toEqual([expect.objectContaining({ action: 'route.denied', outcome: 'denied' })]);
    expect(anonymous.status).toBe(401);
  });

  it('answers 400 to bad input (unknown or free-text fields, unknown skills, out-of-range numbers, a start without offset), writing nothing', async () => {
    // Prepare
    const patient = await account();
    const bad = [
      visitAt(CITIES.delhi, { notes: 'free text is refused' }),
      visitAt(CITIES.delhi, { needs: [] }),
      visitAt(CITIES.delhi, { needs: ['elder_care', 'elder_care'] }),
      visitAt(CITIES.delhi, { needs: ['surgery'] }),
      visitAt(CITIES.delhi, { location: { lat: 91, lon: 0 } }),
      visitAt(CITIES.delhi, { location: { lat: 10, lon: 10, city: 'Somewhere' } }),
      visitAt(CITIES.delhi, { durationHours: 0.5 }),
      visitAt(CITIES.delhi, { durationHours: 25 }),
      visitAt(CITIES.delhi, { start: `${DAY}T10:00:00` }),
      visitAt(CITIES.delhi, { weeklyDays: ['someday'] }),
      visitAt(CITIES.delhi, { languages: ['not a tag'] }),
    ];
    const stored = await snapshot();

    // Act
    const answers = await Promise.all(bad.map((body) => match(patient.token, body)));

    // Assess
    expect(answers.map((a) => a.status)).toEqual(bad.map(() => 400));
    for (const answer of answers) expect(answer.json.error.code).toBeTruthy();
    expect(await snapshot()).toEqual(stored);
  });

  it('appends exactly one audit event per request, on the patient’s chain, naming neither the needs nor the place', async () => {
    // Prepare
    const patient = await account();
    await caregiver(north(CITIES.hyderabad, 3));

    // Act
    const answer = await match(patient.token, visitAt(CITIES.hyderabad, { needs: ['elder_care', 'palliative'] }));

    // Assess
    expect(answer.status, answer.text).toBe(200);
    const events = await eventsOf(answer);
    expect(events).toEqual([
      expect.objectContaining({ action: 'caregiver.match', outcome: 'success', subjectId: patient.userId, reason: `ranked,${answer.json.items.length}` }),
    ]);
    const written = JSON.stringify(events);
    for (const secret of ['elder_care', 'palliative', String(CITIES.hyderabad.lat), String(CITIES.hyderabad.lon), START]) expect(written).not.toContain(secret);
  });
});

describe('Adapter: DynamoVisitHistory', () => {
  it('counts the patient’s own fulfilled copies per practitioner, and reads at most maxRead of them', async () => {
    // Prepare
    const history = new DynamoVisitHistory(client, backend.tables.records);
    const patient = randomUUID();
    const [a, b] = [randomUUID(), randomUUID()];
    const copy = (practitionerId: string, status: string, patientId = patient) => ({
      pk: `USER#${patient}`,
      sk: `APPT#${randomUUID()}`,
      id: randomUUID(),
      patientId,
      practitionerId,
      status,
      reasonSealed: 'cb1.not-read',
    });
    const items = [copy(a, 'fulfilled'), copy(a, 'fulfilled'), copy(b, 'fulfilled'), copy(b, 'cancelled'), copy(b, 'booked'), copy(patient, 'fulfilled', a)];
    for (const item of items) await client.send(new PutCommand({ TableName: backend.tables.records, Item: item }));

    // Act
    const all = await history.fulfilledByPractitioner(patient, 100);
    const few = await history.fulfilledByPractitioner(patient, 2);

    // Assess
    // The last copy is a visit the partition's owner gave as a practitioner: not theirs as a patient.
    expect(Object.fromEntries(all)).toEqual({ [a]: 2, [b]: 1 });
    expect([...few.values()].reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(2);
    await expect(history.fulfilledByPractitioner(patient, 0)).rejects.toThrow(RangeError);
  });
});

/**
 * A visit booked through the API, moved an hour into the past in the store (both copies' `startMs`:
 * a booking can only be made in the future), then marked fulfilled by the caregiver through the API.
 */
const fulfilledVisit = async (carer: { userId: string; token: string }, patient: { userId: string; token: string }) => {
  const slots = await backend.call(
    'GET',
    `/api/v1/practitioners/${carer.userId}/slots?from=${encodeURIComponent(`${DAY}T14:00:00+05:30`)}&to=${encodeURIComponent(`${DAY}T16:00:00+05:30`)}`,
    { token: patient.token },
  );
  expect(slots.status, slots.text).toBe(200);
  const booked = await book(patient.token, carer.userId, slots.json.items[0].start, 60);
  expect(booked.status, booked.text).toBe(201);
  const id: string = booked.json.id;
  for (const holder of [patient.userId, carer.userId]) {
    await client.send(
      new UpdateCommand({
        TableName: backend.tables.records,
        Key: { pk: `USER#${holder}`, sk: `APPT#${id}` },
        UpdateExpression: 'SET startMs = :past',
        ExpressionAttributeValues: { ':past': Date.now() - 3_600_000 },
      }),
    );
  }
  const done = await backend.call('POST', `/api/v1/appointments/${id}/status`, { token: carer.token, body: { status: 'fulfilled' } });
  expect(done.status, done.text).toBe(200);
};
