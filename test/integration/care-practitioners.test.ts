import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAuditLog } from '../../shared/adapters/aws/dynamo-audit-log';
import { DynamoLedgers } from '../../shared/adapters/aws/dynamo-bookings';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { DynamoPractitioners } from '../../shared/adapters/aws/dynamo-practitioners';
import type { PractitionerRecord, PractitionerRepository } from '../../shared/care/ports';
import { putOwnPractitioner, verifyPractitioner } from '../../shared/care/practitioners';
import type { Caller } from '../../shared/domain/caller';
import { CAPTURE_DIR } from '../helpers/canaries';
import { inMemoryPractitioners } from '../helpers/fakes/care';
import { META } from '../helpers/in-memory';
import { type CareNetwork, careNetwork } from '../helpers/care-network';
import { startTestBackend, type TestBackend } from '../helpers/test-backend';

/**
 * Practitioner profiles through the local backend with real tokens (docs/security.md #2, #3, #4,
 * #12, #14): who may write, verify and read them, 404 until verified, credentials and a caregiver's
 * exact location never in the public view and credential numbers in no log line, 412 on a stale
 * If-Match, one audit event per request; and the adapter's contract on dynalite.
 */
let backend: TestBackend;
let client: DynamoDBDocumentClient;
let adminToken: string;
let adminId: string;
/** The care network's steps (test/helpers/care-network.ts): accounts granted roles over HTTP, verification by the admin, one request's audit events. */
let account: CareNetwork['account'];
let verify: CareNetwork['verify'];
let eventsOf: CareNetwork['eventsOf'];
beforeAll(async () => {
  backend = await startTestBackend();
  client = createDocumentClient({ endpoint: backend.dynamodbEndpoint });
  ({ adminId, adminToken, account, verify, eventsOf } = await careNetwork(backend));
});
afterAll(async () => {
  client?.destroy();
  await backend?.stop();
});

/** Credential numbers unique to this file: they must reach no log line, and no public view. */
const LICENSE = `LIC-${randomUUID().slice(0, 8)}-CANARY`;
const CARE_CERT = `CGC-${randomUUID().slice(0, 8)}-CANARY`;
const COMMON = { languages: ['en', 'hi'], timeZone: 'Asia/Kolkata', telehealth: true };
const PROVIDER_BODY = {
  ...COMMON,
  displayName: 'Dr Meera Iyer',
  specialties: ['general_practice', 'ayurveda'],
  location: { lat: 19.076, lon: 72.8777, city: 'Mumbai' },
  bio: 'Family medicine and Ayurveda.',
  credentials: [{ kind: 'medical_license', number: LICENSE, expiresOn: '2031-03-31' }],
};
const CAREGIVER_BODY = {
  ...COMMON,
  displayName: 'Sunita P',
  skills: ['elder_care', 'dementia'],
  serviceRadiusKm: 12.5,
  location: { lat: 18.5204, lon: 73.8567, city: 'Pune' },
  credentials: [{ kind: 'caregiver_certification', number: CARE_CERT, expiresOn: '2030-12-31' }],
};

const putMe = (token: string, body: unknown, ifMatch?: string) =>
  backend.call('PUT', '/api/v1/practitioners/me', { token, body, ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}) });
const capturedLines = () => readdirSync(CAPTURE_DIR).flatMap((file) => readFileSync(join(CAPTURE_DIR, file), 'utf8').split('\n'));

describe('Route: PUT/GET /api/v1/practitioners/me', () => {
  it('creates an unverified profile (201, ETag "1"), reads it back with credentials, and stores kind, verified and location as attributes', async () => {
    // Prepare
    const provider = await account('provider');

    // Act
    const put = await putMe(provider.token, PROVIDER_BODY);
    const get = await backend.call('GET', '/api/v1/practitioners/me', { token: provider.token });

    // Assess
    expect(put.status).toBe(201);
    expect(put.headers.get('etag')).toBe('"1"');
    expect(put.json).toMatchObject({ id: provider.userId, kind: 'provider', verified: false, version: 1, credentials: PROVIDER_BODY.credentials });
    expect(get.status).toBe(200);
    expect(get.headers.get('etag')).toBe('"1"');
    expect(get.json).toEqual(put.json);
    const { Item } = await client.send(new GetCommand({ TableName: backend.tables.records, Key: { pk: `USER#${provider.userId}`, sk: 'PRACTITIONER' } }));
    expect(Item).toMatchObject({ kind: 'provider', verified: false, location: PROVIDER_BODY.location, version: 1 });
  });

  it('answers 404 before there is a profile', async () => {
    const caregiver = await account('caregiver');
    expect((await backend.call('GET', '/api/v1/practitioners/me', { token: caregiver.token })).status).toBe(404);
  });

  it('needs the current ETag to replace: a stale or missing If-Match is 412 and changes nothing', async () => {
    // Prepare
    const caregiver = await account('caregiver');
    await putMe(caregiver.token, CAREGIVER_BODY);

    // Act
    const fresh = await putMe(caregiver.token, { ...CAREGIVER_BODY, serviceRadiusKm: 20 }, '"1"');
    const stale = await putMe(caregiver.token, { ...CAREGIVER_BODY, serviceRadiusKm: 30 }, '"1"');
    const blind = await putMe(caregiver.token, { ...CAREGIVER_BODY, serviceRadiusKm: 40 });
    const after = await backend.call('GET', '/api/v1/practitioners/me', { token: caregiver.token });

    // Assess
    expect([fresh.status, stale.status, blind.status]).toEqual([200, 412, 412]);
    expect(fresh.headers.get('etag')).toBe('"2"');
    expect(stale.json.error.code).toBe('precondition_failed');
    expect(after.json).toMatchObject({ serviceRadiusKm: 20, version: 2 });
  });

  it('takes the kind from the role; a holder of both roles must name it (400), and nobody else may write one (403)', async () => {
    // Prepare
    const both = await account('provider', 'caregiver');
    const patient = await account();

    // Act
    const unnamed = await putMe(both.token, PROVIDER_BODY);
    const named = await putMe(both.token, { ...CAREGIVER_BODY, kind: 'caregiver' });
    const asPatient = await putMe(patient.token, PROVIDER_BODY);
    const asAdmin = await putMe(adminToken, PROVIDER_BODY);

    // Assess
    expect(unnamed.status).toBe(400);
    expect(unnamed.json.error.code).toBe('kind_required');
    expect(named.status).toBe(201);
    expect(named.json.kind).toBe('caregiver');
    expect([asPatient.status, asAdmin.status]).toEqual([403, 403]);
  });

  it('refuses a self-set verification, mixed or wrong-kind lists, bad language tags and time zones with 400, writing nothing', async () => {
    // Prepare
    const provider = await account('provider');
    const bodies = [
      { ...PROVIDER_BODY, verified: true },
      { ...PROVIDER_BODY, skills: ['elder_care'] },
      { ...PROVIDER_BODY, specialties: ['surgery'] },
      { ...PROVIDER_BODY, serviceRadiusKm: 5 },
      CAREGIVER_BODY,
      { ...PROVIDER_BODY, languages: ['english'] },
      { ...PROVIDER_BODY, languages: ['en-us'] },
      { ...PROVIDER_BODY, timeZone: '+05:30' },
      { ...PROVIDER_BODY, timeZone: 'Mars/Olympus_Mons' },
      { ...PROVIDER_BODY, location: { lat: 91, lon: 0, city: 'Nowhere' } },
      { ...PROVIDER_BODY, credentials: [{ kind: 'medical_license', number: `${LICENSE}!`, expiresOn: '2031-03-31' }] },
      { ...PROVIDER_BODY, credentials: [{ kind: 'medical_license', number: LICENSE, expiresOn: '2001-01-01' }] },
    ];

    // Act
    const statuses = [];
    for (const body of bodies) statuses.push((await putMe(provider.token, body)).status);

    // Assess
    expect(statuses).toEqual(bodies.map(() => 400));
    expect((await backend.call('GET', '/api/v1/practitioners/me', { token: provider.token })).status).toBe(404);
  });
});

describe('Route: POST /api/v1/admin/practitioners/{id}/verify and GET /api/v1/practitioners/{id}', () => {
  it('hides a profile until an admin verifies it; then shows it without credentials to any role', async () => {
    // Prepare
    const provider = await account('provider');
    await putMe(provider.token, PROVIDER_BODY);
    const patient = await account();
    const before = await backend.call('GET', `/api/v1/practitioners/${provider.userId}`, { token: patient.token });

    // Act
    const verified = await verify(provider.userId, true, '"1"');
    const readers = await Promise.all(
      [patient.token, provider.token, adminToken].map((token) => backend.call('GET', `/api/v1/practitioners/${provider.userId}`, { token })),
    );

    // Assess
    expect(before.status).toBe(404);
    expect(verified.status).toBe(200);
    expect(verified.json).toMatchObject({ verified: true, version: 2, verifiedAt: expect.any(String), credentials: PROVIDER_BODY.credentials });
    expect(verified.headers.get('etag')).toBe('"2"');
    for (const read of readers) {
      expect(read.status).toBe(200);
      expect(read.json).toEqual({
        id: provider.userId,
        kind: 'provider',
        verified: true,
        displayName: PROVIDER_BODY.displayName,
        specialties: PROVIDER_BODY.specialties,
        languages: COMMON.languages,
        timeZone: COMMON.timeZone,
        location: { city: 'Mumbai', lat: 19.076, lon: 72.8777 },
        telehealth: true,
        bio: PROVIDER_BODY.bio,
        rating: null,
        reviewCount: 0,
      });
      expect(read.text).not.toContain(LICENSE);
      expect(read.text).not.toMatch(/credential/i);
    }
  });

  it('shows a verified caregiver’s city only, never the exact location or a credential', async () => {
    // Prepare
    const caregiver = await account('caregiver');
    await putMe(caregiver.token, CAREGIVER_BODY);
    await verify(caregiver.userId, true);
    const patient = await account();

    // Act
    const read = await backend.call('GET', `/api/v1/practitioners/${caregiver.userId}`, { token: patient.token });

    // Assess
    expect(read.status).toBe(200);
    expect(read.json.location).toEqual({ city: 'Pune' });
    expect(read.json).toMatchObject({ kind: 'caregiver', skills: CAREGIVER_BODY.skills, serviceRadiusKm: 12.5 });
    for (const hidden of [CARE_CERT, '18.52', '73.85']) expect(read.text).not.toContain(hidden);
  });

  it('makes a verified profile unverified (so 404 publicly) when its credentials change, but not when its bio does', async () => {
    // Prepare
    const provider = await account('provider');
    await putMe(provider.token, PROVIDER_BODY);
    await verify(provider.userId, true);
    const patient = await account();
    const read = () => backend.call('GET', `/api/v1/practitioners/${provider.userId}`, { token: patient.token });

    // Act
    const bio = await putMe(provider.token, { ...PROVIDER_BODY, bio: 'Now also home visits.' }, '"2"');
    const afterBio = await read();
    const renewed = await putMe(provider.token, { ...PROVIDER_BODY, credentials: [{ ...PROVIDER_BODY.credentials[0]!, expiresOn: '2036-03-31' }] }, '"3"');
    const afterRenewal = await read();

    // Assess
    expect(bio.json).toMatchObject({ verified: true, version: 3 });
    expect(afterBio.status).toBe(200);
    expect(renewed.json).toMatchObject({ verified: false, version: 4 });
    expect(afterRenewal.status).toBe(404);
  });

  it('refuses a verification of a version other than the one reviewed (412), of no profile (404), and by anyone but an admin (403)', async () => {
    // Prepare
    const provider = await account('provider');
    await putMe(provider.token, PROVIDER_BODY);
    const caregiver = await account('caregiver');

    // Act
    const stale = await verify(provider.userId, true, '"7"');
    const missing = await verify(randomUUID(), true);
    const byPeer = await backend.call('POST', `/api/v1/admin/practitioners/${provider.userId}/verify`, { token: caregiver.token, body: { verified: true } });
    const bySelf = await backend.call('POST', `/api/v1/admin/practitioners/${provider.userId}/verify`, { token: provider.token, body: { verified: true } });

    // Assess
    expect([stale.status, missing.status, byPeer.status, bySelf.status]).toEqual([412, 404, 403, 403]);
    expect((await backend.call('GET', '/api/v1/practitioners/me', { token: provider.token })).json.verified).toBe(false);
  });

  it('hides a verified profile once its role is revoked, exactly like one that does not exist', async () => {
    // Prepare
    const caregiver = await account('caregiver');
    await putMe(caregiver.token, CAREGIVER_BODY);
    await verify(caregiver.userId, true);
    const patient = await account();

    // Act
    const revoked = await backend.call('POST', `/api/v1/admin/users/${caregiver.userId}/roles`, {
      token: adminToken,
      body: { action: 'revoke', role: 'caregiver' },
    });
    const hidden = await backend.call('GET', `/api/v1/practitioners/${caregiver.userId}`, { token: patient.token });
    const absent = await backend.call('GET', `/api/v1/practitioners/${randomUUID()}`, { token: patient.token });

    // Assess
    expect(revoked.status).toBe(200);
    expect([hidden.status, absent.status]).toEqual([404, 404]);
    expect(hidden.json.error.code).toBe(absent.json.error.code);
    expect(hidden.json.error.message).toBe(absent.json.error.message);
  });
});

describe('Care area: audit and logs', () => {
  it('writes exactly one audit event per request on every route, on the practitioner’s chain, success or not', async () => {
    // Prepare
    const provider = await account('provider');
    const patient = await account();

    // Act
    const calls = [
      [await backend.call('GET', '/api/v1/practitioners/me', { token: provider.token }), 'practitioner.read', provider.userId, 'failure'],
      [await putMe(provider.token, PROVIDER_BODY), 'practitioner.write', provider.userId, 'success'],
      [await putMe(provider.token, PROVIDER_BODY), 'practitioner.write', provider.userId, 'failure'],
      [await backend.call('GET', '/api/v1/practitioners/me', { token: provider.token }), 'practitioner.read', provider.userId, 'success'],
      [await backend.call('GET', `/api/v1/practitioners/${provider.userId}`, { token: patient.token }), 'practitioner.read', provider.userId, 'failure'],
      [await verify(provider.userId, true), 'practitioner.verify', provider.userId, 'success'],
      [await backend.call('GET', `/api/v1/practitioners/${provider.userId}`, { token: patient.token }), 'practitioner.read', provider.userId, 'success'],
    ] as const;

    // Assess
    expect(calls.map(([response]) => response.status)).toEqual([404, 201, 412, 200, 404, 200, 200]);
    for (const [response, action, subjectId, outcome] of calls) {
      const events = await eventsOf(response.headers.get('x-request-id'));
      expect(events, `${action} ${response.status}`).toHaveLength(1);
      expect(events[0]).toMatchObject({ action, subjectId, outcome, resource: { type: 'practitioner', id: subjectId }, sourceIp: expect.any(String) });
    }
    const [verifyEvent] = await eventsOf(calls[5][0].headers.get('x-request-id'));
    expect(verifyEvent).toMatchObject({ actor: { userId: adminId, roles: ['admin'] }, reason: 'verified' });
    const [publicRead] = await eventsOf(calls[6][0].headers.get('x-request-id'));
    expect(publicRead).toMatchObject({ actor: { userId: patient.userId }, reason: 'public_view' });
  });

  it('writes no credential number to any log line, nor to the audit trail', async () => {
    // Prepare: every route of the area has been called with the canary credentials above, and this adds a refused one.
    const provider = await account('provider');
    await putMe(provider.token, { ...PROVIDER_BODY, credentials: [{ kind: 'medical_license', number: `${LICENSE}<script>`, expiresOn: '2031-03-31' }] });
    await putMe(provider.token, PROVIDER_BODY);
    await verify(provider.userId, true);

    // Act
    const lines = capturedLines();
    const audit = JSON.stringify(await backend.items('audit'));

    // Assess
    expect(lines.some((line) => line.includes('"route":"practitionerPut"'))).toBe(true);
    for (const canary of [LICENSE, CARE_CERT]) {
      expect(lines.filter((line) => line.includes(canary))).toEqual([]);
      expect(audit).not.toContain(canary);
    }
  });
});

describe('Class: DynamoPractitioners (the port’s contract, as the fake keeps it)', () => {
  const table = () => new DynamoPractitioners(client, backend.tables.records);
  const record = (userId: string, version: number, change: Partial<PractitionerRecord> = {}): PractitionerRecord => ({
    userId,
    kind: 'caregiver',
    verified: false,
    displayName: 'Sunita P',
    skills: ['elder_care'],
    languages: ['en'],
    timeZone: 'Asia/Kolkata',
    location: { lat: 18.5204, lon: 73.8567, city: 'Pune' },
    serviceRadiusKm: 10,
    telehealth: false,
    credentials: [{ kind: 'first_aid', number: 'FA-1', expiresOn: '2030-01-01' }],
    version,
    updatedAt: `2026-01-0${version}T00:00:00.000Z`,
    ...change,
  });

  it.each([
    ['DynamoPractitioners', table],
    ['inMemoryPractitioners', () => inMemoryPractitioners().repository],
  ] as [string, () => PractitionerRepository][])('%s puts only over the version before, and undoes only its own write', async (_name, make) => {
    // Prepare
    const repository = make();
    const [id, other] = [randomUUID(), randomUUID()];

    // Act
    const created = await repository.put(record(id, 1));
    const again = await repository.put(record(id, 1, { displayName: 'Twice' }));
    const skipped = await repository.put(record(id, 3));
    const replaced = await repository.put(record(id, 2, { verified: true, verifiedAt: '2026-01-02T00:00:00.000Z', verifiedBy: 'admin' }));
    const undone = await repository.undoPut({ userId: id, version: 2 }, record(id, 1));
    const notOurs = await repository.undoPut({ userId: id, version: 2 }, record(id, 1, { displayName: 'Never' }));
    await repository.put(record(other, 1));
    const deleted = await repository.undoPut({ userId: other, version: 1 }, undefined);

    // Assess
    expect([created, again, skipped, replaced, undone, notOurs, deleted]).toEqual([true, false, false, true, true, false, true]);
    expect(await repository.get(id)).toEqual(record(id, 1));
    expect(await repository.get(other)).toBeUndefined();
  });

  it('leaves nothing behind when the audit append fails, on dynalite with a real audit log pointed at a missing table', async () => {
    // Prepare
    const provider: Caller = { userId: randomUUID(), roles: ['patient', 'provider'], clientId: 'app', tokenId: 't' };
    const admin: Caller = { userId: randomUUID(), roles: ['admin'], clientId: 'app', tokenId: 't' };
    const deps = {
      practitioners: table(),
      ledgers: new DynamoLedgers(client, backend.tables.records),
      audit: new DynamoAuditLog(client, 'carebow-local-no-such-audit-table'),
      clock: { now: () => new Date() },
      // The account check is not what this test is about: each caller's account is active and holds its token's roles.
      users: { get: async (userId: string) => ({ status: 'active', roles: userId === admin.userId ? admin.roles : provider.roles }) },
    };
    const working = { ...deps, audit: new DynamoAuditLog(client, backend.tables.audit) };
    const body = { ...PROVIDER_BODY, specialties: ['cardiology' as const], credentials: [] };

    // Act
    const create = putOwnPractitioner(deps, provider, body, undefined, META);
    await expect(create).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    const afterCreate = await deps.practitioners.get(provider.userId);
    await putOwnPractitioner(working, provider, body, undefined, META);
    const verification = verifyPractitioner(deps, admin, provider.userId, true, undefined, META);

    // Assess
    await expect(verification).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect(afterCreate).toBeUndefined();
    expect(await deps.practitioners.get(provider.userId)).toMatchObject({ verified: false, version: 1 });
  });
});
