import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { DynamoVisitHistory } from '../../shared/adapters/aws/dynamo-visit-history';
import { PLACES, type Place, weeklyHours } from '../helpers/care-fixtures';
import { type CareNetwork, careNetwork, type Party } from '../helpers/care-network';
import { startTestBackend, type TestBackend } from '../helpers/test-backend';
import { tokenFor } from '../helpers/tokens';

/**
 * Caregiver matching through the local backend on dynalite: caregivers made by the real profile,
 * verification and availability routes, found through the real directory index, their ledgers
 * filled by real bookings. Each test works in its own city (over 100 km from the others, beyond
 * every caregiver's 15 km radius), so the tests do not see each other's caregivers.
 */
let backend: TestBackend;
let client: DynamoDBDocumentClient;
let care: CareNetwork;
beforeAll(async () => {
  backend = await startTestBackend();
  client = createDocumentClient({ endpoint: backend.dynamodbEndpoint });
  care = await careNetwork(backend);
});
afterAll(async () => {
  client?.destroy();
  await backend?.stop();
});

/** A point ~`km` north of `city`. */
const north = (city: Place, km: number): Place => ({ ...city, lat: city.lat + km / 111.2 });

const HOURS = weeklyHours('08:00', '20:00', { slotMinutes: 60, bufferAfterMinutes: 30, horizonDays: 60 });
/** 10:00 in Kolkata, three days from now: bookable, inside everyone's horizon. */
const DAY = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
const START = `${DAY}T10:00:00+05:30`;

/** A caregiver at `location` with `HOURS`, verified by an admin unless told otherwise. */
const caregiver = (location: Place, options: { verified?: boolean; skills?: string[] } = {}) =>
  care.practitioner({
    kind: 'caregiver',
    profile: {
      displayName: `Carer ${location.city}`,
      skills: options.skills ?? ['elder_care', 'mobility'],
      serviceRadiusKm: 15,
      languages: ['en', 'hi'],
      timeZone: 'Asia/Kolkata',
      location,
      telehealth: false,
      credentials: [{ kind: 'caregiver_certification', number: `CG-${randomUUID().slice(0, 6)}`, expiresOn: '2031-03-31' }],
    },
    verified: options.verified !== false,
    availability: HOURS,
  });

const match = (token: string, body: Record<string, unknown>) => backend.call('POST', '/api/v1/caregivers/match', { token, body });
const visitAt = (city: Place, extra: Record<string, unknown> = {}) => ({
  needs: ['elder_care'],
  location: { lat: city.lat, lon: city.lon },
  start: START,
  durationHours: 2,
  ...extra,
});
/** A home visit of `durationMinutes` (two hours unless told). */
const book = (token: string, practitionerId: string, start: string, durationMinutes = 120) =>
  care.book(token, { practitionerId, start, durationMinutes, mode: 'home_visit' });
/** Every item of the records table, in key order. */
const snapshot = async () => (await backend.items('records')).map((item) => JSON.stringify(item)).sort();
const eventsOf = (response: { headers: Headers }) => care.eventsOf(response.headers.get('x-request-id'));

interface Item {
  caregiverId: string;
  score: number;
  factors: { code: string; weight: number; points: number }[];
  earliestStart: string | null;
}

describe('Route: POST /api/v1/caregivers/match', () => {
  it('ranks the verified caregivers free for the visit, nearest best, each score the sum of its factors; a booked one drops out', async () => {
    // Prepare
    const patient = await care.account();
    const near = await caregiver(north(PLACES.mumbai, 1));
    const farther = await caregiver(north(PLACES.mumbai, 8));
    const unverified = await caregiver(north(PLACES.mumbai, 1), { verified: false });
    const stored = await snapshot();

    // Act
    const before = await match(patient.token, visitAt(PLACES.mumbai));
    const untouched = await snapshot();
    const booked = await book(patient.token, near.userId, START);
    const after = await match(patient.token, visitAt(PLACES.mumbai));

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
    const patient = await care.account();
    const other = await care.account();
    const known = await caregiver(north(PLACES.bengaluru, 2));
    const newcomer = await caregiver(north(PLACES.bengaluru, 2));
    await fulfilledVisit(known, patient);
    await fulfilledVisit(newcomer, other);

    // Act
    const answer = await match(patient.token, visitAt(PLACES.bengaluru, { weeklyDays: ['mon', 'thu'] }));

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
    const patient = await care.account();
    await caregiver(north(PLACES.kolkata, 40));

    // Act
    const answer = await match(patient.token, visitAt(PLACES.kolkata, { needs: ['elder_care', 'dementia'], languages: ['bn'] }));

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
    const answers = await Promise.all(tokens.map(({ token }) => match(token, visitAt(PLACES.delhi))));
    const anonymous = await backend.call('POST', '/api/v1/caregivers/match', { body: visitAt(PLACES.delhi) });

    // Assess
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403]);
    for (const answer of answers) expect(await eventsOf(answer)).toEqual([expect.objectContaining({ action: 'route.denied', outcome: 'denied' })]);
    expect(anonymous.status).toBe(401);
  });

  it('answers 400 to bad input (unknown or free-text fields, unknown skills, out-of-range numbers, a start without offset), writing nothing', async () => {
    // Prepare
    const patient = await care.account();
    const bad = [
      visitAt(PLACES.delhi, { notes: 'free text is refused' }),
      visitAt(PLACES.delhi, { needs: [] }),
      visitAt(PLACES.delhi, { needs: ['elder_care', 'elder_care'] }),
      visitAt(PLACES.delhi, { needs: ['surgery'] }),
      visitAt(PLACES.delhi, { location: { lat: 91, lon: 0 } }),
      visitAt(PLACES.delhi, { location: { lat: 10, lon: 10, city: 'Somewhere' } }),
      visitAt(PLACES.delhi, { durationHours: 0.5 }),
      visitAt(PLACES.delhi, { durationHours: 25 }),
      visitAt(PLACES.delhi, { start: `${DAY}T10:00:00` }),
      visitAt(PLACES.delhi, { weeklyDays: ['someday'] }),
      visitAt(PLACES.delhi, { languages: ['not a tag'] }),
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
    const patient = await care.account();
    await caregiver(north(PLACES.hyderabad, 3));

    // Act
    const answer = await match(patient.token, visitAt(PLACES.hyderabad, { needs: ['elder_care', 'palliative'] }));

    // Assess
    expect(answer.status, answer.text).toBe(200);
    const events = await eventsOf(answer);
    expect(events).toEqual([
      expect.objectContaining({ action: 'caregiver.match', outcome: 'success', subjectId: patient.userId, reason: `ranked,${answer.json.items.length}` }),
    ]);
    const written = JSON.stringify(events);
    for (const secret of ['elder_care', 'palliative', String(PLACES.hyderabad.lat), String(PLACES.hyderabad.lon), START]) expect(written).not.toContain(secret);
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

/** A one-hour home visit of `patient` with `carer`, at the first free slot from 14:00 in Kolkata, fulfilled an hour ago. */
const fulfilledVisit = async (carer: Party, patient: Party) => {
  const { items } = await care.slots(carer.userId, patient.token, { from: `${DAY}T14:00:00+05:30`, to: `${DAY}T16:00:00+05:30` });
  await care.fulfilledVisit(carer, patient, { start: items[0]!.start, durationMinutes: 60, mode: 'home_visit' });
};
