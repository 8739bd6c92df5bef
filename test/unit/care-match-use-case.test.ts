import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { book, emptyLedger } from '../../shared/care/ledger';
import { MATCH_REACH_KM, MATCH_RINGS_KM, MAX_MATCH_CANDIDATES, MAX_MATCH_READ, matchCaregiversForVisit } from '../../shared/care/match-caregivers';
import type { AppointmentRecord, PractitionerRecord } from '../../shared/care/ports';
import { PractitionerProfileRequest } from '../../shared/contracts/care';
import type { Availability } from '../../shared/contracts/care-availability';
import type { CaregiverMatchRequest } from '../../shared/contracts/care-matching';
import * as z from '../../shared/zod';
import { weeklyHours } from '../helpers/care-fixtures';
import { inMemoryVisitHistory } from '../helpers/fakes/care';
import { careWorld } from '../helpers/fakes/care-world';
import { META } from '../helpers/in-memory';

/**
 * Caregiver matching's use case on fakes: the candidates and their facts come from the store
 * (directory, account, availability, ledger, rating aggregate, the patient's own appointments), and
 * each hard filter of shared/care/matching.ts drops a caregiver through that data.
 */

/** Mumbai, and places at known distances from it. */
const VISIT = { lat: 19.076, lon: 72.8777 };
const NEAR = { lat: 19.08, lon: 72.88, city: 'Mumbai' };
/** ~25 km north: outside a 20 km radius, inside the second ring. */
const THANE_NORTH = { lat: 19.3, lon: 72.9, city: 'Thane' };
/** ~120 km away (Pune): only the last ring reaches it. */
const PUNE = { lat: 18.5204, lon: 73.8567, city: 'Pune' };

/** A Monday, 10:00 in Kolkata; the clock is 2026-11-25T12:00Z. */
const START = '2026-11-30T10:00:00+05:30';
const HOURS = weeklyHours('08:00', '20:00', { slotMinutes: 60, bufferAfterMinutes: 30, horizonDays: 60 });
const REQUEST: CaregiverMatchRequest = { needs: ['elder_care'], location: VISIT, start: START, durationHours: 2 };

const world = async () => {
  const { app, care, bookings, ratings, deps: ports } = await careWorld();
  const history = inMemoryVisitHistory(bookings.appointments);
  const deps = { ...ports, visits: history.visitHistory };
  const patient = await app.addUser(['patient']);

  /** A caregiver stored as the profile, verification and availability routes would leave them. */
  const caregiver = async (
    profile: Partial<PractitionerRecord> = {},
    options: { availability?: Availability | null; status?: 'active' | 'disabled'; roles?: ('patient' | 'caregiver')[] } = {},
  ) => {
    const user = await app.addUser(options.roles ?? ['patient', 'caregiver'], options.status ?? 'active');
    const record: PractitionerRecord = {
      userId: user.userId,
      kind: 'caregiver',
      verified: true,
      verifiedAt: '2026-11-01T00:00:00.000Z',
      verifiedBy: 'admin',
      displayName: 'Carer',
      skills: ['elder_care', 'dementia'],
      languages: ['en', 'hi'],
      timeZone: 'Asia/Kolkata',
      location: NEAR,
      serviceRadiusKm: 20,
      telehealth: false,
      credentials: [{ kind: 'caregiver_certification', number: 'CG-1', expiresOn: '2030-01-01' }],
      version: 1,
      updatedAt: '2026-11-01T00:00:00.000Z',
      ...profile,
    };
    const { verifiedAt: _at, verifiedBy: _by, ...unverified } = record;
    expect(await care.repository.put(record.verified ? record : unverified)).toBe(true);
    if (options.availability !== null) {
      await bookings.availabilityRepository.put(user.userId, { availability: options.availability ?? HOURS, version: 1, updatedAt: record.updatedAt });
    }
    return user.userId;
  };

  /** Books `start` (RFC 3339) for `hours` in the caregiver's ledger, as a booking's one conditional write would. */
  const occupy = async (caregiverId: string, start: string, hours: number) => {
    const date = start.slice(0, 10);
    const visit = { start: Date.parse(start), end: Date.parse(start) + hours * 3_600_000, bufferBeforeMinutes: 0, bufferAfterMinutes: 30 };
    const booked = book(emptyLedger('Asia/Kolkata', date), `appt-${caregiverId.slice(0, 8)}`, visit);
    if (!booked.ok) throw new Error(booked.reason);
    expect(await bookings.ledgerRepository.write(caregiverId, booked.ledger)).toBe(true);
  };

  /** An appointment copy in `holderId`'s partition. */
  const visit = async (holderId: string, patientId: string, practitionerId: string, status: AppointmentRecord['status']) => {
    const id = randomUUID();
    const record: AppointmentRecord = {
      id,
      patientId,
      practitionerId,
      status,
      start: '2026-11-01T10:00:00+05:30',
      end: '2026-11-01T12:00:00+05:30',
      startMs: Date.parse('2026-11-01T10:00:00+05:30'),
      endMs: Date.parse('2026-11-01T12:00:00+05:30'),
      date: '2026-11-01',
      mode: 'home_visit',
      createdAt: '2026-10-01T00:00:00.000Z',
      updatedAt: '2026-11-01T12:00:00.000Z',
      version: 3,
    };
    expect(await bookings.appointmentRepository.create(holderId, record)).toBe(true);
  };

  app.events.length = 0;
  const match = (request: Partial<CaregiverMatchRequest> = {}, as = patient) => matchCaregiversForVisit(deps, as, { ...REQUEST, ...request }, META);
  return { app, care, bookings, ratings, history, deps, patient, caregiver, occupy, visit, match, events: app.events };
};

const pointsOf = (item: { factors: { code: string; points: number }[] }, code: string) => item.factors.find((f) => f.code === code)!.points;

describe('Use case: matchCaregiversForVisit', () => {
  it('ranks the free caregivers near the visit, each score the sum of its factors, earliestStart the start in their zone', async () => {
    // Prepare
    const { caregiver, match } = await world();
    const closer = await caregiver();
    const farther = await caregiver({ location: { lat: 19.15, lon: 72.85, city: 'Mumbai' } });

    // Act
    const answer = await match({ start: '2026-11-30T04:30:00Z' });

    // Assess
    expect(answer.weightsVersion).toMatch(/^matching-/);
    expect(answer.items.map((i) => i.caregiverId)).toEqual([closer, farther]);
    for (const item of answer.items) {
      expect(item.factors.reduce((sum, f) => sum + f.points, 0)).toBe(item.score);
      // Booked by echoing it: the same instant, written with the caregiver's offset.
      expect(item.earliestStart).toBe(START);
    }
    expect(pointsOf(answer.items[0]!, 'distance')).toBeGreaterThan(pointsOf(answer.items[1]!, 'distance'));
  });

  it('drops every caregiver a hard filter refuses through the stored data: unverified, expired credential, outside their radius, booked', async () => {
    // Prepare
    const { caregiver, occupy, match } = await world();
    const fit = await caregiver();
    const unverified = await caregiver({ verified: false });
    // Valid until the day before the visit's date.
    const expired = await caregiver({ credentials: [{ kind: 'caregiver_certification', number: 'CG-2', expiresOn: '2026-11-29' }] });
    const outside = await caregiver({ location: THANE_NORTH, serviceRadiusKm: 20 });
    const booked = await caregiver();
    await occupy(booked, '2026-11-30T11:00:00+05:30', 1);
    const buffer = await caregiver();
    // 09:00–10:00 holds until 10:30 with its 30-minute buffer: the visit at 10:00 is free, its buffer is not.
    await occupy(buffer, '2026-11-30T09:00:00+05:30', 1);
    const noHours = await caregiver({}, { availability: null });
    const disabled = await caregiver({}, { status: 'disabled' });
    const roleRevoked = await caregiver({}, { roles: ['patient'] });
    const otherSkills = await caregiver({ skills: ['child_care'] });

    // Act
    const answer = await match();

    // Assess
    const ids = answer.items.map((i) => i.caregiverId);
    expect(ids).toEqual([fit]);
    for (const dropped of [unverified, expired, outside, booked, buffer, noHours, disabled, roleRevoked, otherSkills]) expect(ids).not.toContain(dropped);
  });

  it('keeps a caregiver whose credential is valid on the visit’s date, and one far away whose own radius reaches the visit', async () => {
    // Prepare
    const { caregiver, match } = await world();
    const lastDay = await caregiver({ credentials: [{ kind: 'caregiver_certification', number: 'CG-3', expiresOn: '2026-11-30' }] });
    const wide = await caregiver({ location: PUNE, serviceRadiusKm: MATCH_REACH_KM });

    // Act
    const answer = await match();

    // Assess
    expect(answer.items.map((i) => i.caregiverId)).toEqual([lastDay, wide]);
  });

  it('counts continuity from the patient’s own fulfilled visits only', async () => {
    // Prepare
    const { caregiver, visit, match, patient, app } = await world();
    const known = await caregiver();
    const stranger = await caregiver();
    const someoneElse = await app.addUser(['patient']);
    await visit(patient.userId, patient.userId, known, 'fulfilled');
    await visit(patient.userId, patient.userId, known, 'fulfilled');
    await visit(patient.userId, patient.userId, known, 'fulfilled');
    await visit(patient.userId, patient.userId, stranger, 'cancelled');
    await visit(patient.userId, patient.userId, stranger, 'noshow');
    await visit(someoneElse.userId, someoneElse.userId, stranger, 'fulfilled');

    // Act
    const answer = await match();

    // Assess
    const of = (id: string) => answer.items.find((i) => i.caregiverId === id)!;
    expect(pointsOf(of(known), 'continuity')).toBe(10);
    expect(pointsOf(of(stranger), 'continuity')).toBe(0);
    expect(answer.items[0]!.caregiverId).toBe(known);
  });

  it('scores the rating from the stored aggregate, a lone review pulled toward the prior', async () => {
    // Prepare
    const { caregiver, ratings, match } = await world();
    const praised = await caregiver();
    const criticised = await caregiver();
    const unrated = await caregiver();
    for (let i = 0; i < 20; i++) await ratings.repository.add(praised, 5);
    for (let i = 0; i < 20; i++) await ratings.repository.add(criticised, 1);

    // Act
    const answer = await match();

    // Assess
    const of = (id: string) => pointsOf(answer.items.find((i) => i.caregiverId === id)!, 'rating');
    expect(of(praised)).toBeGreaterThan(of(unrated));
    expect(of(unrated)).toBeGreaterThan(of(criticised));
  });

  it('gives the share of the recurring visits the caregiver can take over four weeks', async () => {
    // Prepare
    const { caregiver, occupy, match } = await world();
    const always = await caregiver();
    const noWednesdays = await caregiver({}, { availability: { ...HOURS, weekly: HOURS.weekly.filter((w) => w.day !== 'wed') } });
    const oneBusyMonday = await caregiver();
    await occupy(oneBusyMonday, '2026-12-07T10:00:00+05:30', 1);

    // Act
    const answer = await match({ weeklyDays: ['mon', 'wed'] });

    // Assess
    const of = (id: string) => pointsOf(answer.items.find((i) => i.caregiverId === id)!, 'availability');
    expect(of(always)).toBe(15);
    // 4 of 8 visits: half the weight.
    expect([7, 8]).toContain(of(noWednesdays));
    // 7 of 8 visits.
    expect(of(oneBusyMonday)).toBe(13);
  });

  it('gives the same ranking for the same input, ties broken by caregiver id', async () => {
    // Prepare
    const { caregiver, match } = await world();
    const twins = [await caregiver(), await caregiver(), await caregiver()];

    // Act
    const first = await match();
    const again = await match();

    // Assess
    expect(again).toEqual(first);
    expect(new Set(first.items.map((i) => i.score)).size).toBe(1);
    expect(first.items.map((i) => i.caregiverId)).toEqual([...twins].sort());
  });

  it('never matches the caller with themself', async () => {
    // Prepare
    const { caregiver, match } = await world();
    const self = await caregiver();
    const other = await caregiver();

    // Act
    const answer = await match({}, { userId: self, roles: ['patient', 'caregiver'], clientId: 'app', tokenId: randomUUID() });

    // Assess
    expect(answer.items.map((i) => i.caregiverId)).toEqual([other]);
  });

  it('widens the search in rings only until enough caregivers pass, each ring bounded, never more candidates than the cap', async () => {
    // Prepare
    const { caregiver, care, match } = await world();
    for (let i = 0; i < MAX_MATCH_CANDIDATES + 5; i++) await caregiver();
    const far = await caregiver({ location: PUNE, serviceRadiusKm: MATCH_REACH_KM });

    // Act
    const crowded = await match();
    const readsCrowded = care.finds.length;
    const wanted = await match({ needs: ['dementia', 'palliative'] });

    // Assess
    expect(crowded.items).toHaveLength(MAX_MATCH_CANDIDATES);
    expect(crowded.items.map((i) => i.caregiverId)).not.toContain(far);
    // The first ring held enough: at most its ≤ 9 cells were read.
    expect(readsCrowded).toBeLessThanOrEqual(9);
    expect(care.finds.every((f) => f.maxRead <= MAX_MATCH_READ && f.filter.kind === 'caregiver')).toBe(true);
    // One need filters in the index; several are filtered here.
    expect(care.finds[0]!.filter.skill).toBe('elder_care');
    expect(care.finds.at(-1)!.filter.skill).toBeUndefined();
    expect(wanted.items).toHaveLength(MAX_MATCH_CANDIDATES);
    expect(care.finds.length).toBeLessThanOrEqual(9 * MATCH_RINGS_KM.length);
  });

  it('widens to the caregivers’ full reach when the nearer rings hold too few', async () => {
    // Prepare
    const { caregiver, care, match } = await world();
    const far = await caregiver({ location: PUNE, serviceRadiusKm: MATCH_REACH_KM });

    // Act
    const answer = await match();

    // Assess
    expect(answer.items.map((i) => i.caregiverId)).toEqual([far]);
    expect(care.finds.length).toBeGreaterThan(1);
    expect(care.finds.length).toBeLessThanOrEqual(9 * MATCH_RINGS_KM.length);
  });

  it('appends one audit event on the patient’s chain that names neither the needs nor the place', async () => {
    // Prepare
    const { caregiver, match, events, patient } = await world();
    await caregiver();

    // Act
    await match({ needs: ['elder_care', 'palliative'], languages: ['mr'] });

    // Assess
    expect(events).toEqual([
      expect.objectContaining({
        action: 'caregiver.match',
        outcome: 'success',
        subjectId: patient.userId,
        resource: { type: 'caregiver' },
        reason: 'ranked,1',
      }),
    ]);
    const written = JSON.stringify(events);
    for (const secret of ['elder_care', 'palliative', '"mr"', String(VISIT.lat), String(VISIT.lon), START]) expect(written).not.toContain(secret);
  });

  it('audits a store failure as a failure and fails; an audit failure fails the request', async () => {
    // Prepare
    const { deps, patient, events, caregiver } = await world();
    await caregiver();
    const broken = { ...deps, ledgers: { days: async () => Promise.reject(new Error('store down')) } };
    const deaf = { ...deps, audit: { append: async () => Promise.reject(new Error('audit store down')) } };

    // Act
    const failing = matchCaregiversForVisit(broken, patient, REQUEST, META);
    const unaudited = matchCaregiversForVisit(deaf, patient, REQUEST, META);

    // Assess
    await expect(failing).rejects.toThrow('store down');
    await expect(unaudited).rejects.toThrow('audit store down');
    expect(events).toEqual([expect.objectContaining({ action: 'caregiver.match', outcome: 'failure', reason: 'error' })]);
  });

  it('searches as far as the profile schema lets a caregiver serve', () => {
    // Prepare
    const profile = {
      displayName: 'Carer',
      skills: ['elder_care'],
      languages: ['en'],
      timeZone: 'Asia/Kolkata',
      location: NEAR,
      telehealth: false,
      credentials: [{ kind: 'caregiver_certification', number: 'CG-9', expiresOn: '2030-01-01' }],
    };

    // Act
    const atReach = z.safeParse(PractitionerProfileRequest, { ...profile, serviceRadiusKm: MATCH_REACH_KM });
    const beyond = z.safeParse(PractitionerProfileRequest, { ...profile, serviceRadiusKm: MATCH_REACH_KM + 0.1 });

    // Assess
    expect(atReach.success).toBe(true);
    expect(beyond.success).toBe(false);
    expect(MATCH_RINGS_KM.at(-1)).toBe(MATCH_REACH_KM);
  });
});
