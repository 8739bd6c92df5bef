import { randomUUID } from 'node:crypto';
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { DynamoPractitioners } from '../../shared/adapters/aws/dynamo-practitioners';
import { directoryPoint } from '../../shared/care/directory';
import { distanceKm, encode } from '../../shared/care/geohash';
import { PLACES, type Place } from '../helpers/care-fixtures';
import { type CareNetwork, careNetwork } from '../helpers/care-network';
import { startTestBackend, type TestBackend } from '../helpers/test-backend';
import { tokenFor } from '../helpers/tokens';

/**
 * The practitioner directory through the local backend (dynalite, the real `byDirectory` index):
 * verified providers and caregivers at real places, found by kind and filters, nearest first with
 * correct distances, never unverified, never with credentials or a caregiver's exact point; pages
 * that cover every match once; a profile update moving its entry and an unverify removing it; one
 * audit event per search.
 */
let backend: TestBackend;
let client: DynamoDBDocumentClient;
let care: CareNetwork;
let patientToken: string;
let patientId: string;
beforeAll(async () => {
  backend = await startTestBackend();
  client = createDocumentClient({ endpoint: backend.dynamodbEndpoint });
  care = await careNetwork(backend);
  patientId = randomUUID();
  patientToken = await tokenFor(backend.dataDir, patientId, ['patient']);
});
afterAll(async () => {
  client?.destroy();
  await backend?.stop();
});

const CANARY = `LIC-${randomUUID().slice(0, 8)}-CANARY`;
const body = (kind: 'provider' | 'caregiver', location: Place, extra: Record<string, unknown> = {}) => ({
  displayName: `${kind} ${location.city} ${randomUUID().slice(0, 4)}`,
  languages: ['en'],
  timeZone: 'Asia/Kolkata',
  location,
  telehealth: false,
  ...(kind === 'provider' ? { specialties: ['general_practice'] } : { skills: ['elder_care'], serviceRadiusKm: 10 }),
  credentials: [{ kind: kind === 'provider' ? 'medical_license' : 'caregiver_certification', number: CANARY, expiresOn: '2031-03-31' }],
  ...extra,
});

/** A registered account with `role`, its profile at `location`, verified by an admin unless told. */
const practitioner = async (kind: 'provider' | 'caregiver', location: Place, extra: Record<string, unknown> = {}, verified = true) => {
  const { userId, token } = await care.practitioner({ kind, profile: body(kind, location, extra), verified });
  return { id: userId, token, location };
};

const search = (query: Record<string, string>, token = patientToken) => backend.call('GET', `/api/v1/practitioners?${new URLSearchParams(query)}`, { token });

/** Every page of a search, following the cursors (bounded). */
const all = async (query: Record<string, string>) => {
  const items: Record<string, any>[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages++) {
    const res = await search({ ...query, ...(cursor ? { cursor } : {}) });
    expect(res.status).toBe(200);
    items.push(...res.json.items);
    cursor = res.json.nextCursor;
    if (cursor === undefined) return items;
  }
  throw new Error('more than 50 pages');
};

describe('Route: GET /api/v1/practitioners (near)', () => {
  it('returns verified providers within the radius, nearest first, with correct distances, in the public view', async () => {
    // Prepare
    const mumbai = await practitioner('provider', PLACES.mumbai, { specialties: ['cardiology'], languages: ['en', 'mr'], telehealth: true });
    const thane = await practitioner('provider', PLACES.thane, { specialties: ['cardiology', 'general_practice'], languages: ['hi'] });
    const navi = await practitioner('provider', PLACES.naviMumbai, { specialties: ['dermatology'], languages: ['mr'], telehealth: true });
    const pune = await practitioner('provider', PLACES.pune);
    const unverified = await practitioner('provider', PLACES.mumbai, {}, false);
    await practitioner('caregiver', PLACES.mumbai);

    // Act
    const res = await search({ kind: 'provider', near: '19.076,72.8777', radiusKm: '50' });
    const wide = await search({ kind: 'provider', near: '19.076,72.8777', radiusKm: '100' });
    const ids = async (query: Record<string, string>) => (await all({ kind: 'provider', near: '19.076,72.8777', ...query })).map((p) => p.id);

    // Assess
    expect(res.status).toBe(200);
    expect(res.json.items.map((p: { id: string }) => p.id)).toEqual([mumbai.id, navi.id, thane.id]);
    for (const [item, place] of res.json.items.map((p: { distanceKm: number }, i: number) => [p, [PLACES.mumbai, PLACES.naviMumbai, PLACES.thane][i]!])) {
      expect(item.distanceKm).toBeCloseTo(distanceKm(PLACES.mumbai, place), 1);
    }
    expect(res.json.items[1]).toMatchObject({ kind: 'provider', verified: true, location: PLACES.naviMumbai, specialties: ['dermatology'] });
    expect(res.text).not.toContain(CANARY);
    expect(res.text).not.toContain('credentials');
    expect(wide.json.items.map((p: { id: string }) => p.id)).not.toContain(pune.id); // ~120 km away
    expect(wide.json.items.map((p: { id: string }) => p.id)).not.toContain(unverified.id);
    expect(await ids({ specialty: 'cardiology' })).toEqual([mumbai.id, thane.id]);
    expect(await ids({ language: 'mr' })).toEqual([mumbai.id, navi.id]);
    expect(await ids({ telehealth: 'true', specialty: 'dermatology' })).toEqual([navi.id]);
    expect(await ids({ telehealth: 'false' })).toEqual([thane.id]);
  });

  it('finds caregivers by skill, measured from their ~5 km cell, with their city only', async () => {
    // Prepare
    const dementia = await practitioner('caregiver', PLACES.mysuru, { skills: ['dementia', 'mobility'], languages: ['kn', 'en'] });
    await practitioner('caregiver', PLACES.mysuru, { skills: ['child_care'] });

    // Act
    const res = await search({ kind: 'caregiver', near: '12.2958,76.6394', radiusKm: '20', skill: 'dementia', language: 'kn' });

    // Assess
    expect(res.status).toBe(200);
    expect(res.json.items).toHaveLength(1);
    const [item] = res.json.items;
    expect(item.id).toBe(dementia.id);
    expect(item.location).toEqual({ city: 'Mysuru' });
    expect(item.distanceKm).toBe(Math.round(distanceKm(PLACES.mysuru, directoryPoint({ kind: 'caregiver', location: PLACES.mysuru })) * 10) / 10);
    expect(res.text).not.toContain(String(PLACES.mysuru.lon));
    expect(res.text).not.toContain(CANARY);
  });

  it('pages with cursors: every match exactly once, nearest first, and the cursor refused by another search', async () => {
    // Prepare
    const seeded = [];
    for (let i = 0; i < 7; i++) {
      seeded.push(await practitioner('provider', { lat: PLACES.bengaluru.lat + i * 0.013, lon: PLACES.bengaluru.lon - i * 0.007, city: 'Bengaluru' }));
    }

    // Act
    const first = await search({ kind: 'provider', near: '12.9716,77.5946', radiusKm: '15', limit: '3' });
    const items = await all({ kind: 'provider', near: '12.9716,77.5946', radiusKm: '15', limit: '3' });
    const crossed = await search({ kind: 'caregiver', near: '12.9716,77.5946', radiusKm: '15', limit: '3', cursor: first.json.nextCursor });

    // Assess
    expect(first.json.items).toHaveLength(3);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    expect(items.map((p) => p.id)).toEqual(seeded.map((s) => s.id));
    expect(new Set(items.map((p) => p.id)).size).toBe(7);
    const distances = items.map((p) => p.distanceKm as number);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(crossed.status).toBe(400);
    expect(crossed.json.error.code).toBe('invalid_cursor');
  });

  it('moves a profile when its location changes, and takes it out when unverified', async () => {
    // Prepare
    const mover = await practitioner('provider', PLACES.chennai, { specialties: ['paediatrics'] });
    const inChennai = async () => (await all({ kind: 'provider', near: '13.0827,80.2707', radiusKm: '30', specialty: 'paediatrics' })).map((p) => p.id);
    const inKolkata = async () => (await all({ kind: 'provider', near: '22.5726,88.3639', radiusKm: '30', specialty: 'paediatrics' })).map((p) => p.id);
    const before = [await inChennai(), await inKolkata()];

    // Act
    const moved = await backend.call('PUT', '/api/v1/practitioners/me', {
      token: mover.token,
      body: body('provider', PLACES.kolkata, { specialties: ['paediatrics'], displayName: 'Dr Renamed' }),
      headers: { 'if-match': '"2"' },
    });
    const afterMove = [await inChennai(), await inKolkata()];
    const unverified = await care.verify(mover.id, false);
    const afterUnverify = [await inChennai(), await inKolkata()];
    const listed = (await all({ kind: 'provider', specialty: 'paediatrics' })).map((p) => p.id);

    // Assess
    expect(before).toEqual([[mover.id], []]);
    expect(moved.status).toBe(200);
    expect(moved.json.verified).toBe(false); // the display name changed (vouched for): unverified again
    expect(afterMove).toEqual([[], []]);
    expect(unverified.status).toBe(200);
    expect(afterUnverify).toEqual([[], []]);
    expect(listed).not.toContain(mover.id);
  });

  it('keeps a verified profile verified and moves its entry when only the location changes', async () => {
    // Prepare
    const fields = { specialties: ['obstetrics'], displayName: `Dr Moving ${randomUUID().slice(0, 4)}` };
    const mover = await practitioner('provider', PLACES.chennai, fields);

    // Act
    const moved = await backend.call('PUT', '/api/v1/practitioners/me', {
      token: mover.token,
      body: body('provider', PLACES.kolkata, fields),
      headers: { 'if-match': '"2"' },
    });
    const chennai = await all({ kind: 'provider', near: '13.0827,80.2707', radiusKm: '30', specialty: 'obstetrics' });
    const kolkata = await all({ kind: 'provider', near: '22.5726,88.3639', radiusKm: '30', specialty: 'obstetrics' });

    // Assess
    expect(moved.status).toBe(200);
    expect(moved.json.verified).toBe(true);
    expect(chennai).toEqual([]);
    expect(kolkata.map((p) => [p.id, p.location.city, p.distanceKm])).toEqual([[mover.id, 'Kolkata', 0]]);
  });
});

describe('Route: GET /api/v1/practitioners (without near)', () => {
  it('lists a kind in a deterministic order, pages covering every verified match once, no distances', async () => {
    // Prepare
    const mine = [
      await practitioner('caregiver', PLACES.kolkata, { skills: ['palliative'] }),
      await practitioner('caregiver', PLACES.pune, { skills: ['palliative'] }),
      await practitioner('caregiver', PLACES.chennai, { skills: ['palliative'] }),
      await practitioner('caregiver', PLACES.thane, { skills: ['palliative'] }),
    ];
    const hidden = await practitioner('caregiver', PLACES.pune, { skills: ['palliative'] }, false);

    // Act
    const first = await all({ kind: 'caregiver', skill: 'palliative', limit: '3' });
    const again = await all({ kind: 'caregiver', skill: 'palliative', limit: '2' });
    const everyone = await all({ kind: 'caregiver', limit: '5' });

    // Assess
    const ids = first.map((p) => p.id);
    expect(new Set(ids)).toEqual(new Set(mine.map((m) => m.id)));
    expect(ids).toHaveLength(4);
    expect(again.map((p) => p.id)).toEqual(ids);
    expect(first.every((p) => p.distanceKm === undefined && p.location.lat === undefined)).toBe(true);
    const all_ = everyone.map((p) => p.id);
    expect(new Set(all_).size).toBe(all_.length);
    expect(all_).not.toContain(hidden.id);
    for (const m of mine) expect(all_).toContain(m.id);
  });

  it('appends one audit event per search, success or refused, to the caller’s chain', async () => {
    // Act
    const ok = await search({ kind: 'provider', limit: '2' });
    const refused = await search({ kind: 'provider', cursor: 'bm90LWEtY3Vyc29y' });
    const invalid = await search({ kind: 'caregiver', specialty: 'cardiology' });

    // Assess
    expect([ok.status, refused.status, invalid.status]).toEqual([200, 400, 400]);
    const events = (await backend.items('audit')).filter((e) => e['action'] === 'practitioner.search');
    const of = (res: { headers: Headers }) => events.filter((e) => e['requestId'] === res.headers.get('x-request-id'));
    expect(of(ok)).toEqual([expect.objectContaining({ outcome: 'success', subjectId: patientId })]);
    expect(of(refused)).toEqual([expect.objectContaining({ outcome: 'failure', subjectId: patientId, reason: 'invalid_cursor' })]);
    // A query the schema refuses never reaches the use case: the route audits it as it audits any 400 (or not at all).
    expect(of(invalid).length).toBeLessThanOrEqual(1);
  });

  it('needs a signed-in caller (401)', async () => {
    const res = await backend.call('GET', '/api/v1/practitioners?kind=provider');
    expect(res.status).toBe(401);
  });
});

describe('Adapter: DynamoPractitioners as the directory', () => {
  it('keeps directory keys on a verified profile only, reads through the byDirectory index, and honours limit and maxRead', async () => {
    // Prepare
    const repo = new DynamoPractitioners(client, backend.tables.records);
    const a = await practitioner('provider', PLACES.mysuru, { specialties: ['physiotherapy'] });
    const b = await practitioner('provider', PLACES.mysuru, { specialties: ['physiotherapy'] });
    const unverified = await practitioner('provider', PLACES.mysuru, { specialties: ['physiotherapy'] }, false);

    // Act
    const index = await client.send(
      new QueryCommand({
        TableName: backend.tables.records,
        IndexName: 'byDirectory',
        KeyConditionExpression: 'dirKey = :k',
        ExpressionAttributeValues: { ':k': 'DIR#provider' },
      }),
    );
    const stored = await repo.get(a.id);
    const one = await repo.find({ kind: 'provider', specialty: 'physiotherapy' }, encode(PLACES.mysuru.lat, PLACES.mysuru.lon, 3), { limit: 1, maxRead: 100 });
    const rest = await repo.find({ kind: 'provider', specialty: 'physiotherapy' }, encode(PLACES.mysuru.lat, PLACES.mysuru.lon, 3), {
      after: one.resume!,
      limit: 10,
      maxRead: 100,
    });
    const tiny = await repo.find({ kind: 'provider' }, '', { limit: 100, maxRead: 1 });

    // Assess
    const indexed = (index.Items ?? []).map((i) => i['userId']);
    expect(indexed).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(indexed).not.toContain(unverified.id);
    expect(stored).not.toHaveProperty('dirKey');
    expect(stored).not.toHaveProperty('dirSort');
    expect(one.entries).toHaveLength(1);
    expect(one.resume).toBe(one.entries[0]!.position);
    expect([...one.entries, ...rest.entries].map((e) => e.record.userId).sort()).toEqual([a.id, b.id].sort());
    expect(rest.resume).toBeUndefined();
    expect(tiny.entries.length).toBeLessThanOrEqual(1);
    expect(tiny.resume).toEqual(expect.any(String));
  });
});
