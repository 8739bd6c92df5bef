import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bookAppointment } from '../../shared/care/book-appointment';
import { attemptAppointmentId } from '../../shared/care/booking-leftovers';
import type { AppointmentRecord } from '../../shared/care/ports';
import type { AuditEvent } from '../../shared/audit/ports';
import { Id } from '../../shared/contracts/common';
import { providerProfile, weeklyHours } from '../helpers/care-fixtures';
import { careWorld, failingAudit } from '../helpers/fakes/care-world';
import { errorResponse } from '../../shared/http/error-response';
import { META } from '../helpers/in-memory';

/**
 * What a refused booking leaves when its own undo fails too (ADR 0020, "The window that remains"), on the in-memory
 * ports: the undo's order keeps every `booked` copy's slot held by the ledger, and a retry under the same
 * Idempotency-Key clears what the refused attempt left before it books, so a slot is never booked twice.
 */

/** The clock of `careWorld` reads 2026-11-25T12:00Z; the provider keeps UTC hours. */
const NINE = '2026-11-27T09:00:00+00:00';
const KEY = 'retry-key-0001';

/** The undo's writes, each of which a test can make fail for good once the audit has failed. */
type UndoStep = 'withdraw' | 'practitioner_copy' | 'ledger' | 'patient_copy';

/**
 * A verified provider and a patient, with stores that fail `step` (every time) from the moment the audit fails until
 * `heal()`, and an audit that fails while `auditDown`.
 */
const faultyWorld = async (step: UndoStep | undefined) => {
  const w = await careWorld();
  const provider = await w.verifiedProvider(providerProfile(), weeklyHours('09:00', '17:00'));
  const patient = await w.app.addUser(['patient']);
  w.app.events.length = 0;
  let auditDown = false;
  let armed = false;
  const fail = (name: UndoStep) => {
    if (armed && step === name) throw new Error(`store down: ${name}`);
  };
  const appointments = w.deps.appointments;
  const ledgers = w.deps.ledgers;
  const deps = {
    ...w.deps,
    audit: {
      append: async (event: AuditEvent) => {
        if (!auditDown) return w.deps.audit.append(event);
        armed = true;
        throw new Error('audit store down');
      },
    },
    appointments: {
      ...appointments,
      get: appointments.get.bind(appointments),
      create: appointments.create.bind(appointments),
      stalePending: appointments.stalePending.bind(appointments),
      replace: async (holderId: string, record: AppointmentRecord) => {
        if (record.status === 'pending') fail('withdraw');
        return appointments.replace(holderId, record);
      },
      remove: async (holderId: string, appointmentId: string, version: number) => {
        fail(holderId === provider.userId ? 'practitioner_copy' : 'patient_copy');
        return appointments.remove(holderId, appointmentId, version);
      },
    },
    ledgers: {
      ...ledgers,
      day: ledgers.day.bind(ledgers),
      write: async (...args: Parameters<typeof ledgers.write>) => {
        fail('ledger');
        return ledgers.write(...args);
      },
    },
  };
  const book = (key: string | undefined) => bookAppointment(deps, patient, { practitionerId: provider.userId, start: NINE, mode: 'video' }, META, key);
  const copies = () => [...w.bookings.appointments.values()];
  const held = () => w.bookings.ledgers.get(`${provider.userId}|2026-11-27`)?.entries.map((entry) => entry.appointmentId) ?? [];
  return {
    ...w,
    provider,
    patient,
    book,
    copies,
    held,
    auditFails: (down: boolean) => {
      auditDown = down;
    },
    heal: () => {
      armed = false;
    },
  };
};

/** Settles `work` while advancing the fake timers the undo's pauses wait on. */
const settle = async <T>(work: Promise<T>): Promise<PromiseSettledResult<T>> => {
  let done = false;
  const outcome = Promise.allSettled([work]).then(([result]) => {
    done = true;
    return result!;
  });
  while (!done) await vi.advanceTimersByTimeAsync(500);
  return outcome;
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Function: attemptAppointmentId', () => {
  it('gives one valid id per patient and key, and another for another patient or key', () => {
    // Act
    const ids = [attemptAppointmentId('p1', KEY), attemptAppointmentId('p1', KEY), attemptAppointmentId('p2', KEY), attemptAppointmentId('p1', 'other-key-01')];

    // Assess
    expect(ids.every((id) => Id.safeParse(id).success)).toBe(true);
    expect(ids[0]).toBe(ids[1]);
    expect(new Set(ids).size).toBe(3);
  });
});

describe('Use case: a refused booking whose undo fails too', () => {
  it.each<UndoStep>(['withdraw', 'practitioner_copy', 'ledger', 'patient_copy'])(
    'leaves no booked copy whose slot the ledger let go when the undo’s %s write keeps failing',
    async (step) => {
      // Prepare
      const w = await faultyWorld(step);
      w.auditFails(true);

      // Act
      const refused = await settle(w.book(KEY));

      // Assess
      expect(refused.status).toBe('rejected');
      const booked = w.copies().filter((copy) => copy.status === 'booked');
      for (const copy of booked) expect(w.held()).toContain(copy.id);
      // Past the first step the patient's copy is withdrawn: hidden, and the sweep's to clear.
      if (step !== 'withdraw')
        expect(w.bookings.appointments.get(`${w.patient.userId}|${attemptAppointmentId(w.patient.userId, KEY)}`)?.status).toBe('pending');
    },
  );

  it.each<UndoStep>(['withdraw', 'practitioner_copy', 'ledger', 'patient_copy'])(
    'books once when the client retries under the same Idempotency-Key after the %s write failed',
    async (step) => {
      // Prepare
      const w = await faultyWorld(step);
      w.auditFails(true);
      await settle(w.book(KEY));
      w.heal();
      w.auditFails(false);

      // Act
      const retried = await settle(w.book(KEY));

      // Assess
      expect(retried.status).toBe('fulfilled');
      const id = attemptAppointmentId(w.patient.userId, KEY);
      expect((retried as PromiseFulfilledResult<{ id: string }>).value.id).toBe(id);
      expect(
        w
          .copies()
          .map((copy) => [copy.id, copy.status])
          .sort(),
      ).toEqual([
        [id, 'booked'],
        [id, 'booked'],
      ]);
      expect(w.held()).toEqual([id]);
      expect(w.app.events.filter((event) => event.action === 'appointment.book').map((event) => [event.outcome, event.resource?.id])).toEqual([
        ['success', id],
      ]);
    },
  );

  it('answers 503, never 500, when the patient’s copy keeps changing under the undo', async () => {
    // Prepare: the audit fails, and every write of the copy back to pending finds it changed.
    const w = await faultyWorld(undefined);
    w.auditFails(true);
    const replace = w.deps.appointments.replace.bind(w.deps.appointments);
    const deps = {
      ...w.deps,
      appointments: {
        ...w.deps.appointments,
        replace: async (holderId: string, record: AppointmentRecord) => record.status !== 'pending' && replace(holderId, record),
      },
    };

    // Act
    const refused = await settle(
      bookAppointment({ ...deps, audit: failingAudit }, w.patient, { practitionerId: w.provider.userId, start: NINE, mode: 'video' }, META),
    );

    // Assess
    expect(refused.status).toBe('rejected');
    expect(errorResponse((refused as PromiseRejectedResult).reason, 'r').statusCode).toBe(503);
  });

  it('leaves alone an appointment from an earlier life of the key (over a day old), and books under a fresh id', async () => {
    // Prepare: the key's id already names a real appointment, booked two days ago at another time.
    const w = await faultyWorld(undefined);
    const id = attemptAppointmentId(w.patient.userId, KEY);
    const twoDaysAgo = new Date(w.app.clock.now().getTime() - 2 * 86_400_000).toISOString();
    const old: AppointmentRecord = {
      id,
      patientId: w.patient.userId,
      practitionerId: w.provider.userId,
      status: 'booked',
      start: '2026-11-26T09:00:00+00:00',
      end: '2026-11-26T09:30:00+00:00',
      startMs: Date.parse('2026-11-26T09:00:00Z'),
      endMs: Date.parse('2026-11-26T09:30:00Z'),
      date: '2026-11-26',
      mode: 'video',
      createdAt: twoDaysAgo,
      updatedAt: twoDaysAgo,
      version: 2,
    };
    await w.bookings.appointmentRepository.create(w.patient.userId, old);

    // Act
    const booked = await w.book(KEY);

    // Assess
    expect(booked.id).not.toBe(id);
    expect(w.bookings.appointments.get(`${w.patient.userId}|${id}`)).toEqual(old);
    expect(w.held()).toEqual([booked.id]);
  });
});
