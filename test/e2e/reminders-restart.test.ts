import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { endpointsFile } from '../../local/backend';
import { localTableName } from '../../local/stand-ins';
import { DynamoAppointments } from '../../shared/adapters/aws/dynamo-bookings';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { readOutbox } from '../../shared/adapters/local/outbox-channel';
import { readReminders, TimerWheelReminders } from '../../shared/adapters/local/timer-wheel-reminders';
import type { AppointmentRecord } from '../../shared/care/ports';
import { reminderFor } from '../../shared/notifications/reminders';
import { startLocalProcess, type LocalProcess } from '../helpers/local-process';

/**
 * Reminders survive a restart of `npm start` (issue 11): the local runtime plays EventBridge
 * Scheduler with a timer wheel over `$CAREBOW_DATA_DIR/reminders.json`. `bin/local.ts` in its own
 * process: a booked visit's reminder is on the wheel; the server is stopped (Ctrl-C) before it is
 * due and started again on the same data; the reminder still fires, through the queue and the
 * worker, to the outbox, and leaves the list.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'carebow-e2e-reminders-'));
let server: LocalProcess | undefined;
afterAll(async () => {
  if (server?.child.exitCode === null) await server.interrupt();
});

const waitFor = async <T>(read: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

const register = async (url: string): Promise<string> => {
  const response = await fetch(`${url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `reminders-${randomUUID().slice(0, 8)}@example.com`, password: 'a perfectly long passphrase' }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { user: { id: string } }).user.id;
};

/** A booked visit of `patientId` with `practitionerId` starting at `startMs`, in both partitions as a booking leaves it. */
const bookedVisit = async (dynamodbEndpoint: string, patientId: string, practitionerId: string, startMs: number): Promise<AppointmentRecord> => {
  const client = createDocumentClient({ endpoint: dynamodbEndpoint });
  const now = new Date().toISOString();
  const record: AppointmentRecord = {
    id: randomUUID(),
    patientId,
    practitionerId,
    status: 'booked',
    start: new Date(startMs).toISOString(),
    end: new Date(startMs + 1_800_000).toISOString(),
    startMs,
    endMs: startMs + 1_800_000,
    date: new Date(startMs).toISOString().slice(0, 10),
    mode: 'video',
    createdAt: now,
    updatedAt: now,
    version: 2,
  };
  try {
    const appointments = new DynamoAppointments(client, localTableName('records'));
    expect(await appointments.create(patientId, record)).toBe(true);
    expect(await appointments.create(practitionerId, record)).toBe(true);
  } finally {
    client.destroy();
  }
  return record;
};

describe('npm start: reminders across a restart', () => {
  it('fires, after a restart, a reminder set on the wheel before it', async () => {
    // Prepare: a booked visit, and its 1 h reminder on the wheel, due 15 s from now (as the worker sets it: the
    // integration tests show the worker setting it; a worker refuses one due within a minute, so it is written here).
    server = await startLocalProcess(dataDir, { PASSWORD_SCRYPT_LOG_N: '12' });
    const endpoints = JSON.parse(readFileSync(endpointsFile(dataDir), 'utf8')) as { dynamodbEndpoint: string };
    const [patientId, practitionerId] = [await register(server.url), await register(server.url)];
    const startMs = Math.ceil((Date.now() + 3_600_000 + 15_000) / 1000) * 1000;
    const visit = await bookedVisit(endpoints.dynamodbEndpoint, patientId, practitionerId, startMs);
    const reminder = reminderFor(visit.id, patientId, '1h', startMs);
    await new TimerWheelReminders(dataDir).schedule(reminder);
    const name = reminder.name;

    // Act: stop before it is due, then start again on the same data.
    const stopped = await server.interrupt();
    const stoppedAt = Date.now();
    const kept = readReminders(dataDir).filter((r) => r.name.startsWith(`appt-${visit.id}-`));
    server = await startLocalProcess(dataDir, { PASSWORD_SCRYPT_LOG_N: '12' });
    const reminded = await waitFor(
      async () => (await readOutbox(dataDir, 1000)).filter((l) => l.type === 'appointment_reminder' && l.recipientId === patientId),
      (lines) => lines.length > 0,
      45_000,
    );

    // Assess
    expect(stopped.code).toBe(0);
    expect(stoppedAt).toBeLessThan(reminder.at);
    expect(kept.map((r) => [r.name, r.at])).toEqual([[name, startMs - 3_600_000]]);
    expect(reminded.map((l) => [l.channel, l.subject, l.text.includes(`/appointments/${visit.id}`)])).toEqual([['email', 'Appointment reminder', true]]);
    expect(readReminders(dataDir).filter((r) => r.name === name)).toEqual([]);
    expect(existsSync(join(dataDir, 'reminders.json'))).toBe(true);
  }, 120_000);
});
