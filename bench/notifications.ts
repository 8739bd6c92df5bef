import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import * as z from '../shared/zod';
import { deliver } from '../shared/notifications/deliver';
import { NotificationEventSchema } from '../shared/notifications/event-schema';
import { notificationEvent, type NotificationEvent } from '../shared/notifications/events';
import { contactPlaces } from '../shared/notifications/places';
import type { Channel } from '../shared/notifications/ports';
import { notificationWorld } from '../test/helpers/fakes/notifications';
import { median } from './median';

/**
 * The notifications worker's part of `npm run bench` (issue 11, "Performance"), in the bench's own
 * process: its CPU per message through `deliver` on in-memory ports with a stub channel, next to a
 * bare JSON round trip of the same event (the reference). A message here is what the handler does
 * with one SQS record: `JSON.parse` of the body, the event schema, then `deliver`: load the account,
 * preferences and contact, decide both channels (preferences, quiet hours in the user's zone), claim
 * two delivery records, open the e-mail and the phone (AES-256-GCM, warm key cache), render the
 * e-mail and the SMS templates, "send" (a stub that answers `sent`) and settle both records.
 *
 * Target: ≤ 200 µs of CPU per message. Wall-clock figures are reported, never tested. Standalone:
 * `npx tsx bench/notifications.ts`.
 */

export interface Section {
  readonly lines: string[];
  readonly failures: string[];
}

export const TARGET = { workerCpuUs: 200 } as const;

const cpuUs = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

export const notificationsBench = async ({ slices = 7, sliceMs = 300 } = {}): Promise<Section> => {
  const lines: string[] = [];
  const failures: string[] = [];
  const world = notificationWorld();
  const patient = await world.addUser();
  const at = world.clock.now().getTime();
  // Both channels on, a verified phone, quiet hours that are not now (so both are checked and both send).
  await world.deps.preferences.put(patient.userId, {
    preferences: {
      channels: { email: true, sms: true },
      types: { appointment_reminder: true, appointment_change: true, triage_ready: true, security: true, marketing: false },
      quietHours: { start: '01:00', end: '02:00', timeZone: 'Europe/London' },
    },
    version: 1,
    updatedAt: new Date(at).toISOString(),
  });
  world.contacts.rows.set(patient.userId, {
    phoneSealed: await world.deps.vault.seal(contactPlaces.phone(patient.userId), '+447700900123'),
    phoneVerified: true,
    version: 2,
    updatedAt: new Date(at).toISOString(),
  });
  const appointmentId = randomUUID();
  world.appointments.set(patient.userId, appointmentId, { status: 'booked', startMs: at + 2 * 86_400_000, timeZone: 'Asia/Kolkata' });
  const stub: Channel = { send: async () => ({ outcome: 'sent', providerId: 'stub' }) };
  let rows = 0;
  const deps = {
    ...world.deps,
    channel: stub,
    audit: { append: async () => undefined },
    // A fresh event per message (a claimed delivery is never sent again); forget the records now and then, so memory stays flat.
    deliveries: {
      ...world.deliveries.repository,
      settle: async (...args: Parameters<typeof world.deliveries.repository.settle>) => {
        if (++rows > 20_000) world.deliveries.rows.clear(), (rows = 0);
        return world.deliveries.repository.settle(...args);
      },
    },
  };
  const event = (): NotificationEvent => notificationEvent('appointment_booked', patient.userId, { appointmentId }, new Date(at));
  const body = (e: NotificationEvent) => JSON.stringify(e);

  const check = await deliver(deps, event(), 'bench');
  if (check.kind !== 'done' || check.channels.email !== 'sent' || check.channels.sms !== 'sent') {
    throw new Error(`bench: deliver did not send on both channels: ${JSON.stringify(check)}`);
  }

  const once = async () => {
    const parsed = z.safeParse(NotificationEventSchema, JSON.parse(body(event())));
    if (!parsed.success) throw new Error('bench: the event did not parse');
    await deliver(deps, parsed.data, 'bench');
  };
  const reference = () => JSON.parse(body(event())) as unknown;

  /** CPU µs and wall µs per call over ~ms (batches of 32). */
  const measure = async (run: () => unknown, ms: number) => {
    const cpu0 = cpuUs();
    const wall0 = performance.now();
    let count = 0;
    while (performance.now() - wall0 < ms) {
      for (let k = 0; k < 32; k += 1) await run();
      count += 32;
    }
    return { cpu: (cpuUs() - cpu0) / count, wall: ((performance.now() - wall0) * 1000) / count };
  };
  await measure(once, 200);
  await measure(reference, 100);
  const samples = { worker: [] as { cpu: number; wall: number }[], json: [] as { cpu: number; wall: number }[] };
  for (let slice = 0; slice < slices; slice += 1) {
    samples.worker.push(await measure(once, sliceMs));
    samples.json.push(await measure(reference, sliceMs / 2));
  }
  const w = { cpu: median(samples.worker.map((s) => s.cpu)), wall: median(samples.worker.map((s) => s.wall)) };
  const r = { cpu: median(samples.json.map((s) => s.cpu)), wall: median(samples.json.map((s) => s.wall)) };
  const ok = w.cpu <= TARGET.workerCpuUs;
  const fmt = (n: number) => n.toFixed(1);
  const perCore = (cpu: number) => Math.round(1e6 / cpu).toLocaleString('en-US');
  lines.push(`Notifications worker: own CPU per message, stub channel (in-process, process.cpuUsage, median of ${slices} interleaved slices):`);
  lines.push(`  operation                                      CPU µs   wall µs   msgs/s/core   target       result`);
  lines.push(
    `  parse + schema + deliver (2 channels)          ${fmt(w.cpu).padStart(6)}   ${fmt(w.wall).padStart(7)}   ${perCore(w.cpu).padStart(11)}   ≤ ${TARGET.workerCpuUs} µs     ${ok ? 'PASS' : '**FAIL**'}`,
  );
  lines.push(`  JSON round trip of the same event (ref)        ${fmt(r.cpu).padStart(6)}   ${fmt(r.wall).padStart(7)}   ${perCore(r.cpu).padStart(11)}`);
  lines.push(
    `  ratio deliver / JSON round trip                ${(w.cpu / r.cpu).toFixed(0)}×   (everything but the JSON: ${fmt(w.cpu - r.cpu)} µs CPU per message)`,
  );
  lines.push(`  per message: an appointment_booked event to a patient with e-mail and SMS on and a verified phone; preferences,`);
  lines.push(`  quiet hours (Europe/London, not now), the appointment's time in Asia/Kolkata, two delivery claims and settles,`);
  lines.push(`  the e-mail and the phone opened by the real Vault (warm key cache), both templates rendered; the channel is a stub`);
  lines.push(`  and the audit a no-op. Excludes SQS/Lambda, the SDK calls and the providers' network time (I/O wait, not CPU).`);
  if (!ok) failures.push(`notifications worker: ${fmt(w.cpu)} µs CPU per message > ${TARGET.workerCpuUs} µs (wall-clock, reported only)`);
  return { lines, failures };
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { lines, failures } = await notificationsBench();
  for (const line of lines) process.stdout.write(`${line}\n`);
  for (const failure of failures) process.stdout.write(`FAIL: ${failure}\n`);
}
