import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BATCH_GET_ROUNDS, batchGet } from '../../shared/adapters/aws/dynamo-batch';
import { careOptions } from '../../shared/care/care-options';
import { searchPractitioners } from '../../shared/care/directory';
import { matchCaregiversForVisit } from '../../shared/care/match-caregivers';
import type { AvailabilityBatch, PractitionerRecord } from '../../shared/care/ports';
import { getPractitioner } from '../../shared/care/practitioners';
import { PractitionerSearchQuery } from '../../shared/contracts/care-directory';
import { NotFoundError } from '../../shared/errors';
import { providerProfile, weeklyHours } from '../helpers/care-fixtures';
import { inMemoryVisitHistory } from '../helpers/fakes/care';
import { careWorld } from '../helpers/fakes/care-world';
import { META } from '../helpers/in-memory';

/**
 * The batch reads of the directory, care options and caregiver matching (one BatchGetItem for a
 * page's accounts, and for the candidates' availability, instead of one GetItem each), the
 * BatchGetItem helper itself (100 keys a call, unprocessed keys asked again), and the public profile
 * of a practitioner whose every credential expired (404, ./standing.ts), on fakes.
 */

const LONDON = { lat: 51.5072, lon: -0.1276, city: 'London' };
const HOURS = weeklyHours('08:00', '20:00', { slotMinutes: 60, horizonDays: 60 });

/** The care world with `n` verified providers in London (the last `expired` of them with every credential expired). */
const world = async (n: number, expired = 0) => {
  const { app, care, bookings, deps, accountReads, verifiedProvider, storedSession } = await careWorld();
  const providers: string[] = [];
  for (let i = 0; i < n; i++) {
    const provider = await verifiedProvider(providerProfile({ displayName: `Dr ${i}`, location: { ...LONDON, lat: LONDON.lat + i / 1000 } }), HOURS);
    providers.push(provider.userId);
  }
  for (const id of providers.slice(n - expired)) {
    const record = care.practitioners.get(id)!;
    care.practitioners.set(id, { ...record, credentials: [{ kind: 'medical_license', number: 'KMC-1', expiresOn: '2020-01-31' }] });
  }
  const patient = await app.addUser(['patient']);
  app.events.length = 0;
  accountReads.calls.length = 0;
  return { app, care, bookings, deps, accountReads, providers, patient, storedSession, events: app.events };
};

/** A document client whose BatchGetItem answers from `items` by `pk`, leaving unprocessed the keys `hold` says, and logs each call's keys. */
const stubClient = (items: Map<string, Record<string, unknown>>, hold: (round: number, keys: Record<string, unknown>[]) => Record<string, unknown>[]) => {
  const calls: Record<string, unknown>[][] = [];
  const client = {
    send: async (command: { input: { RequestItems: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> } }) => {
      const [[table, { Keys, ConsistentRead }]] = Object.entries(command.input.RequestItems) as [
        [string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }],
      ];
      expect(ConsistentRead).toBe(true);
      calls.push(Keys);
      const held = hold(calls.length, Keys);
      const served = Keys.filter((key) => !held.includes(key));
      return {
        Responses: { [table]: served.flatMap((key) => (items.has(String(key['pk'])) ? [items.get(String(key['pk']))!] : [])) },
        ...(held.length > 0 ? { UnprocessedKeys: { [table]: { Keys: held } } } : {}),
      };
    },
  };
  return { client: client as unknown as DynamoDBDocumentClient, calls };
};

describe('Adapter helper: batchGet (BatchGetItem, 100 keys a call)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reads 250 keys (one given twice) in calls of at most 100, each key once, the missing ones absent', async () => {
    // Prepare
    const items = new Map(Array.from({ length: 240 }, (_, i) => [`USER#${i}`, { pk: `USER#${i}`, n: i }]));
    const { client, calls } = stubClient(items, () => []);
    const keys = [...Array.from({ length: 250 }, (_, i) => ({ pk: `USER#${i}` })), { pk: 'USER#7' }];

    // Act
    const found = await batchGet(client, 'records', keys);

    // Assess
    expect(calls.map((c) => c.length)).toEqual([100, 100, 50]);
    expect(found).toHaveLength(240);
    expect(new Set(found.map((item) => item['n'])).size).toBe(240);
  });

  it('asks again for the keys the store left unprocessed, after a back-off, and fails once the rounds run out', async () => {
    // Prepare
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((resolve: () => void) => {
      resolve();
      return 0;
    }) as unknown as typeof setTimeout);
    const items = new Map(Array.from({ length: 10 }, (_, i) => [`USER#${i}`, { pk: `USER#${i}` }]));
    const once = stubClient(items, (round, keys) => (round === 1 ? keys.slice(6) : []));
    const always = stubClient(items, (_, keys) => keys.filter((key) => key['pk'] === 'USER#9'));
    const keys = Array.from({ length: 10 }, (_, i) => ({ pk: `USER#${i}` }));

    // Act
    const found = await batchGet(once.client, 'records', keys);
    const failing = batchGet(always.client, 'records', keys);

    // Assess
    expect(once.calls.map((c) => c.length)).toEqual([10, 4]);
    expect(found.map((item) => item['pk']).sort()).toEqual(keys.map((key) => key.pk).sort());
    await expect(failing).rejects.toThrow(/unprocessed/);
    expect(always.calls).toHaveLength(BATCH_GET_ROUNDS);
  });

  it('makes no call for no keys', async () => {
    // Prepare
    const { client, calls } = stubClient(new Map(), () => []);

    // Act
    const found = await batchGet(client, 'records', []);

    // Assess
    expect(found).toEqual([]);
    expect(calls).toEqual([]);
  });
});

describe('Use cases: one batch of accounts per page or candidate list', () => {
  it('searchPractitioners reads the page’s accounts in one batch, leaving out the entries a credential already hides', async () => {
    // Prepare
    const { deps, accountReads, providers, patient } = await world(6, 2);
    const query = PractitionerSearchQuery.parse({ kind: 'provider', near: `${LONDON.lat},${LONDON.lon}`, radiusKm: '5' });

    // Act
    const page = await searchPractitioners(deps, patient, query, META);

    // Assess
    expect(page.items.map((p) => p.id).sort()).toEqual(providers.slice(0, 4).sort());
    expect(accountReads.calls).toHaveLength(1);
    expect(accountReads.calls[0]!.sort()).toEqual(providers.slice(0, 4).sort());
  });

  it('careOptions reads each directory query’s accounts and availability in one batch each', async () => {
    // Prepare
    const { deps, accountReads, bookings, providers, patient, storedSession } = await world(5);
    const availabilityReads: string[][] = [];
    const availability: AvailabilityBatch = {
      getMany: (ids) => (availabilityReads.push([...ids]), bookings.availabilityRepository.getMany(ids)),
    };
    const session = await storedSession(patient);

    // Act
    const answer = await careOptions({ ...deps, availability }, patient, session, META);

    // Assess
    expect(answer.items.map((o) => o.practitioner.id).sort()).toEqual([...providers].sort());
    // CONSULTATION_24 allows video: the telehealth query, then the others (none here) — one batch each.
    expect(accountReads.calls.map((ids) => ids.length)).toEqual([5, 0]);
    expect(availabilityReads.map((ids) => ids.length)).toEqual([5, 0]);
  });

  it('matchCaregiversForVisit reads every candidate’s account and availability in one batch each', async () => {
    // Prepare
    const { app, care, bookings, deps, accountReads, patient } = await world(0);
    const caregivers: string[] = [];
    for (let i = 0; i < 12; i++) {
      const user = await app.addUser(['patient', 'caregiver']);
      const record: PractitionerRecord = {
        userId: user.userId,
        kind: 'caregiver',
        verified: true,
        verifiedAt: '2026-11-01T00:00:00.000Z',
        verifiedBy: 'admin',
        displayName: `Carer ${i}`,
        skills: ['elder_care'],
        languages: ['en'],
        timeZone: 'Europe/London',
        location: { ...LONDON, lat: LONDON.lat + i / 1000 },
        serviceRadiusKm: 20,
        telehealth: false,
        credentials: [{ kind: 'caregiver_certification', number: `CG-${i}`, expiresOn: '2030-01-01' }],
        version: 1,
        updatedAt: '2026-11-01T00:00:00.000Z',
      };
      expect(await care.repository.put(record)).toBe(true);
      await bookings.availabilityRepository.put(user.userId, { availability: HOURS, version: 1, updatedAt: record.updatedAt });
      caregivers.push(user.userId);
    }
    const availabilityReads: string[][] = [];
    const availability: AvailabilityBatch = {
      getMany: (ids) => (availabilityReads.push([...ids]), bookings.availabilityRepository.getMany(ids)),
    };
    accountReads.calls.length = 0;
    const visits = inMemoryVisitHistory(bookings.appointments).visitHistory;

    // Act
    const answer = await matchCaregiversForVisit(
      { ...deps, availability, visits },
      patient,
      { needs: ['elder_care'], location: { lat: LONDON.lat, lon: LONDON.lon }, start: '2026-11-30T10:00:00+00:00', durationHours: 2 },
      META,
    );

    // Assess
    expect(answer.items.map((i) => i.caregiverId).sort()).toEqual([...caregivers].sort());
    expect(accountReads.calls.map((ids) => ids.length)).toEqual([12]);
    expect(availabilityReads.map((ids) => ids.length)).toEqual([12]);
  });
});

describe('Use case: getPractitioner with every credential expired', () => {
  it('answers 404 as for an unverified profile, without reading the account, audited no_valid_credential', async () => {
    // Prepare
    const { deps, providers, patient, events } = await world(2, 1);
    const read: string[] = [];
    const users = { get: (id: string) => (read.push(id), deps.users.get(id)) };

    // Act
    const shown = await getPractitioner({ ...deps, users }, patient, providers[0]!, META);
    const hidden = getPractitioner({ ...deps, users }, patient, providers[1]!, META);

    // Assess
    expect(shown.id).toBe(providers[0]);
    await expect(hidden).rejects.toBeInstanceOf(NotFoundError);
    expect(read).toEqual([providers[0]]);
    expect(events.map((e) => [e.action, e.outcome, e.reason])).toEqual([
      ['practitioner.read', 'success', 'public_view'],
      ['practitioner.read', 'failure', 'no_valid_credential'],
    ]);
  });
});
