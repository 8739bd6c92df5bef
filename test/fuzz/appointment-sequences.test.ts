import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerProfile, weeklyHours } from '../helpers/care-fixtures';
import { type CareNetwork, careNetwork } from '../helpers/care-network';
import { type ApiResponse, startTestBackend, type TestBackend } from '../helpers/test-backend';
import { fuzzSettings } from './harness';

/**
 * Sequences of requests on one provider's three slots (issue 14, beside `sequences.test.ts`): a
 * patient books, moves and cancels visits in random order, then perhaps deletes the account, and the
 * provider's free slots are read between. A model of the requests so far says each answer: a slot is
 * held by one visit at most, a freed slot is bookable again at once, a cancel sent again answers
 * the same, a cancelled visit does not move, and after the deletion nothing is booked or moved and
 * every slot is free. Never a 5xx; a refusal is a JSON error. Fewer than 30 changes per sequence, so
 * the `appointmentChanges` budget never refuses. `npm test`: a fixed seed; `npm run fuzz`: more, from
 * a random seed (FUZZ_SEED replays).
 */

const settings = fuzzSettings();
const SEQUENCES = settings.long ? 40 : 6;
const MAX_COMMANDS = settings.long ? 28 : 16;
const SLOTS = 3;

interface Visit {
  readonly id: string;
  slot: number;
  status: 'booked' | 'cancelled';
}
interface Model {
  readonly visits: Visit[];
  deleted: boolean;
}
interface Real {
  readonly patient: { readonly userId: string; readonly token: string };
  readonly provider: { readonly userId: string; readonly token: string };
  /** The starts of three free slots of the provider's, at the sequence's start. */
  readonly slots: readonly string[];
  readonly log: string[];
}

let backend: TestBackend;
let care: CareNetwork;
beforeAll(async () => {
  backend = await startTestBackend({}, { worker: false });
  care = await careNetwork(backend);
  console.log(`appointment sequences: seed ${settings.seed}, ${SEQUENCES} sequences of up to ${MAX_COMMANDS} requests (replay: FUZZ_SEED=${settings.seed})`);
}, 60_000);
afterAll(async () => {
  await backend?.stop();
});

const newWorld = async (): Promise<Real> => {
  const provider = await care.practitioner({ profile: providerProfile(), availability: weeklyHours('00:00', '23:30') });
  const patient = await care.account();
  const slots = (await care.slots(provider.userId, patient.token)).items.slice(0, SLOTS).map((slot) => slot.start);
  return { patient, provider, slots, log: [] };
};

const heldBy = (model: Readonly<Model>, slot: number): Visit | undefined => model.visits.find((visit) => visit.status === 'booked' && visit.slot === slot);

const send = async (real: Real, label: string, call: Promise<ApiResponse>): Promise<ApiResponse> => {
  const response = await call;
  real.log.push(`${label} → ${response.status}`);
  expect(response.status, real.log.join('\n')).toBeLessThan(500);
  if (response.status >= 400) expect(typeof response.json?.error?.code, `${label}: ${response.text.slice(0, 200)}`).toBe('string');
  return response;
};
const expectAnswer = (real: Real, response: ApiResponse, status: number, code?: string): void => {
  const detail = `after:\n${real.log.join('\n')}\n${response.text.slice(0, 300)}`;
  expect(response.status, detail).toBe(status);
  if (code !== undefined) expect(response.json?.error?.code, detail).toBe(code);
};

class Book implements fc.AsyncCommand<Model, Real> {
  constructor(readonly slot: number) {}
  check = (): boolean => true;
  async run(model: Model, real: Real): Promise<void> {
    const response = await send(real, this.toString(), care.book(real.patient.token, { practitionerId: real.provider.userId, start: real.slots[this.slot] }));
    if (model.deleted) return expectAnswer(real, response, 404);
    if (heldBy(model, this.slot) !== undefined) return expectAnswer(real, response, 409, 'slot_unavailable');
    expectAnswer(real, response, 201);
    model.visits.push({ id: String(response.json.id), slot: this.slot, status: 'booked' });
  }
  toString = (): string => `book slot ${this.slot}`;
}

class Reschedule implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly slot: number,
  ) {}
  // Moving a visit onto its own slot is not a question this model asks.
  check = (model: Readonly<Model>): boolean => model.visits.length > 0 && model.visits[this.pick % model.visits.length]!.slot !== this.slot;
  async run(model: Model, real: Real): Promise<void> {
    const visit = model.visits[this.pick % model.visits.length]!;
    const response = await send(
      real,
      this.toString(),
      backend.call('POST', `/api/v1/appointments/${visit.id}/reschedule`, { token: real.patient.token, body: { start: real.slots[this.slot] } }),
    );
    // After the deletion, the token that outlived the account sees nothing (docs/security.md #8).
    if (model.deleted) return expectAnswer(real, response, 404);
    if (visit.status === 'cancelled') return expectAnswer(real, response, 409, 'not_reschedulable');
    if (heldBy(model, this.slot) !== undefined) return expectAnswer(real, response, 409, 'slot_unavailable');
    expectAnswer(real, response, 200);
    expect(response.json.start).toBe(real.slots[this.slot]);
    visit.slot = this.slot;
  }
  toString = (): string => `move visit #${this.pick} to slot ${this.slot}`;
}

class Cancel implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (model: Readonly<Model>): boolean => model.visits.length > 0;
  async run(model: Model, real: Real): Promise<void> {
    const visit = model.visits[this.pick % model.visits.length]!;
    const response = await send(
      real,
      this.toString(),
      backend.call('POST', `/api/v1/appointments/${visit.id}/cancel`, { token: real.patient.token, body: {} }),
    );
    // After the deletion (which cancelled it), the token that outlived the account sees nothing (docs/security.md #8);
    // else a cancel sent again answers the visit as it is.
    if (model.deleted) return expectAnswer(real, response, 404);
    expectAnswer(real, response, 200);
    expect(response.json.status).toBe('cancelled');
    visit.status = 'cancelled';
  }
  toString = (): string => `cancel visit #${this.pick}`;
}

class FreeSlots implements fc.AsyncCommand<Model, Real> {
  check = (): boolean => true;
  async run(model: Model, real: Real): Promise<void> {
    const response = await send(real, this.toString(), care.slotsCall(real.provider.userId, real.provider.token));
    expectAnswer(real, response, 200);
    const free = new Set((response.json.items as { start: string }[]).map((slot) => slot.start));
    const expected = real.slots.map((_, slot) => heldBy(model, slot) === undefined);
    expect(
      real.slots.map((start) => free.has(start)),
      real.log.join('\n'),
    ).toEqual(expected);
  }
  toString = (): string => 'the provider reads the free slots';
}

class DeleteAccount implements fc.AsyncCommand<Model, Real> {
  check = (model: Readonly<Model>): boolean => !model.deleted;
  async run(model: Model, real: Real): Promise<void> {
    const response = await send(real, this.toString(), backend.call('DELETE', '/api/v1/me', { token: real.patient.token }));
    expectAnswer(real, response, 204);
    model.deleted = true;
    // Visits that have not started are cancelled in both copies, their slots released (docs/security.md #10).
    for (const visit of model.visits) visit.status = 'cancelled';
  }
  toString = (): string => 'the patient deletes the account';
}

const slot = fc.nat(SLOTS - 1);
const book = slot.map((index) => new Book(index));
const reschedule = fc.tuple(fc.nat(5), slot).map(([pick, index]) => new Reschedule(pick, index));
const cancel = fc.nat(5).map((pick) => new Cancel(pick));
// fast-check draws each entry alike: the changes are listed more often than the reads, the deletion rarely (it ends the story).
const commands = fc.commands(
  [
    book,
    book,
    book,
    reschedule,
    reschedule,
    cancel,
    cancel,
    fc.constant(new FreeSlots()),
    fc.oneof({ weight: 1, arbitrary: fc.constant(new DeleteAccount()) }, { weight: 5, arbitrary: book }),
  ],
  { maxCommands: MAX_COMMANDS },
);

describe('Request sequences: a patient books, moves and cancels visits on one provider’s slots, and may delete the account', () => {
  it(
    'holds each slot for one visit at most, frees it at once, answers every request as the model says, never 5xx',
    async () => {
      await fc.assert(
        fc.asyncProperty(commands, async (sequence) => {
          // Prepare
          const real = await newWorld();
          const model: Model = { visits: [], deleted: false };

          // Act & Assess (each command checks its own answer), then the slots once more
          await fc.asyncModelRun(() => ({ model, real }), sequence);
          await new FreeSlots().run(model, real);
        }),
        { seed: settings.seed, numRuns: SEQUENCES },
      );
    },
    settings.long ? 3_600_000 : 120_000,
  );
});
