import { describe, expect, it } from 'vitest';
import { deleteAccount } from '../../shared/account/delete-account';
import { type ExportDeps, exportAccount } from '../../shared/account/export';
import { getAppointment } from '../../shared/care/appointment-queries';
import { bookAppointment } from '../../shared/care/book-appointment';
import { cancelAppointment } from '../../shared/care/cancel-appointment';
import { ownView } from '../../shared/care/practitioners';
import { providerProfile, weeklyHours } from '../helpers/care-fixtures';
import { careWorld } from '../helpers/fakes/care-world';
import { META } from '../helpers/in-memory';

/**
 * Account deletion and export with the care area, on fakes (docs/security.md #10, #12): a patient's
 * future visits are cancelled (both copies, the ledger released) and past ones left to the data key's
 * destruction; a practitioner's profile (and so their directory entry) and availability are deleted
 * and their future visits cancelled; the export holds the appointments (reasons opened on the
 * patient's own copies), a practitioner's own profile and availability. One audit event per call.
 */

const PROFILE = providerProfile({ specialties: ['cardiology'] });
const HOURS = weeklyHours('09:00', '17:00');
/** The clock starts at 2026-11-25T12:00Z. */
const EARLY = '2026-11-27T09:00:00+00:00';
const LATER = '2026-11-28T09:00:00+00:00';
const DAY_MS = 86_400_000;

/** A verified provider with HOURS, a patient with two visits booked with them (EARLY, LATER), every port in memory; events cleared. */
const world = async () => {
  const { app, care, bookings, deps: ports, verifiedProvider } = await careWorld();
  const deps = { ...ports, auditTrail: { chain: async () => [] } as unknown as ExportDeps['auditTrail'] };
  const provider = await verifiedProvider(PROFILE, HOURS);
  const patient = await app.addUser(['patient']);
  const book = (start: string, reason: string) => bookAppointment(deps, patient, { practitionerId: provider.userId, start, mode: 'video', reason }, META);
  const early = await book(EARLY, 'Chest pain on stairs');
  const later = await book(LATER, 'Follow-up on palpitations');
  app.events.length = 0;
  const copy = (holder: string, id: string) => bookings.appointments.get(`${holder}|${id}`);
  const held = (date: string) => (bookings.ledgers.get(`${provider.userId}|${date}`)?.entries ?? []).map((e) => e.appointmentId);
  return { app, care, bookings, deps, provider, patient, early, later, copy, held, events: app.events };
};

describe('Use case: deleteAccount with the care area', () => {
  it('a patient: cancels the future visit (both copies, ledger released), leaves the past one to the shredded key, one event', async () => {
    const { app, deps, patient, provider, early, later, copy, held, events } = await world();
    app.clock.advance(DAY_MS); // 2026-11-26T12:00Z: both ahead; then the early one starts.
    app.clock.advance(DAY_MS);

    await deleteAccount(deps, patient, META);

    expect(copy(patient.userId, later.id)).toMatchObject({ status: 'cancelled', version: 3 });
    expect(copy(provider.userId, later.id)).toMatchObject({ status: 'cancelled', version: 3 });
    expect(copy(provider.userId, later.id)?.reasonSealed).toBeUndefined();
    expect(held('2026-11-28')).toEqual([]);
    // The past visit stays as it was; its reason is ciphertext nothing opens any more.
    expect(copy(patient.userId, early.id)).toMatchObject({ status: 'booked' });
    expect(held('2026-11-27')).toEqual([early.id]);
    const sealed = copy(patient.userId, early.id)!.reasonSealed!;
    expect(sealed).toMatch(/^cb1\./);
    await expect(
      deps.vault.open({ userId: patient.userId, table: 'records', pk: `USER#${patient.userId}`, sk: `APPT#${early.id}`, attribute: 'reasonSealed' }, sealed),
    ).rejects.toThrow();
    expect(events).toEqual([
      expect.objectContaining({
        action: 'account.delete',
        outcome: 'success',
        subjectId: patient.userId,
        reason: expect.stringContaining('appointments_cancelled:1'),
      }),
    ]);
  });

  it('a practitioner: deletes the profile (out of the directory) and availability, cancels their future visits in the patients’ copies', async () => {
    const { care, bookings, deps, provider, patient, early, later, copy, held, events } = await world();

    await deleteAccount(deps, provider, META);

    expect(care.practitioners.has(provider.userId)).toBe(false);
    expect((await care.directory.find({ kind: 'provider' }, '', { limit: 10, maxRead: 100 })).entries).toEqual([]);
    expect(bookings.availability.has(provider.userId)).toBe(false);
    for (const id of [early.id, later.id]) {
      expect(copy(patient.userId, id)).toMatchObject({ status: 'cancelled' });
      expect(copy(patient.userId, id)?.reasonSealed).toMatch(/^cb1\./); // the patient's own data, still theirs
      expect(copy(provider.userId, id)).toMatchObject({ status: 'cancelled' });
    }
    expect([...held('2026-11-27'), ...held('2026-11-28')]).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({ action: 'account.delete', subjectId: provider.userId, reason: expect.stringContaining('appointments_cancelled:2') }),
    ]);
  });

  it('leaves an already cancelled visit alone, and a retry finishes with nothing left to cancel', async () => {
    const { deps, patient, early, later, copy, events } = await world();
    await cancelAppointment(deps, patient, early.id, {}, META);
    events.length = 0;

    await deleteAccount(deps, patient, META);
    await deleteAccount(deps, patient, META);

    expect(copy(patient.userId, early.id)).toMatchObject({ status: 'cancelled', version: 3 });
    expect(copy(patient.userId, later.id)).toMatchObject({ status: 'cancelled', version: 3 });
    expect(events.map((e) => e.reason)).toEqual([expect.stringContaining('appointments_cancelled:1'), expect.stringContaining('appointments_cancelled:0')]);
  });
});

describe('Use case: exportAccount with the care area', () => {
  it('a patient: every appointment, the reasons opened on their own copies; no practitioner profile', async () => {
    const { deps, patient, early, later, events } = await world();
    await cancelAppointment(deps, patient, later.id, { reason: 'Feeling better' }, META);
    events.length = 0;

    const exported = await exportAccount(deps, patient, META);

    expect(exported.appointments).toEqual([
      { ...(await getAppointment(deps, patient, early.id, META)) },
      { ...(await getAppointment(deps, patient, later.id, META)), cancelReason: 'Feeling better' },
    ]);
    expect(exported.appointments[0]).toMatchObject({ reason: 'Chest pain on stairs' });
    expect(exported.practitioner).toBeNull();
    expect(exported.availability).toBeNull();
    expect(events.filter((e) => e.action === 'account.export')).toHaveLength(1);
  });

  it('a practitioner: their schedule without the patients’ reasons, their own profile (credentials) and availability', async () => {
    const { care, deps, provider, early, later, events } = await world();

    const exported = await exportAccount(deps, provider, META);

    expect(exported.appointments.map((a) => a.id)).toEqual([early.id, later.id]);
    expect(exported.appointments.every((a) => a.reason === undefined)).toBe(true);
    const record = care.practitioners.get(provider.userId)!;
    expect(exported.practitioner).toEqual(ownView(record));
    expect(exported.practitioner?.credentials).toEqual([{ kind: 'medical_license', number: 'KMC-1', expiresOn: '2030-06-30' }]);
    expect(exported.availability).toMatchObject({ availability: HOURS, timeZone: 'UTC', version: 1 });
    expect(events).toEqual([expect.objectContaining({ action: 'account.export', subjectId: provider.userId })]);
  });
});
