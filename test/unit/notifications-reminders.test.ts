import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreateScheduleCommand, DeleteScheduleCommand, UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from '../../shared/zod';
import { REMINDER_MAX_EVENT_AGE_SECONDS, SchedulerReminders } from '../../shared/adapters/aws/scheduler-reminders';
import { readReminders, remindersFile, startReminderWheel, TimerWheelReminders } from '../../shared/adapters/local/timer-wheel-reminders';
import { instantsAt } from '../../shared/care/time-zone';
import { NotificationEventSchema } from '../../shared/notifications/event-schema';
import { notificationEvent, type NotificationEvent } from '../../shared/notifications/events';
import { reminderAt, reminderEventId, reminderFor, reminderName, syncReminders } from '../../shared/notifications/reminders';
import { renderMessage, whenText } from '../../shared/notifications/render';
import { inMemoryAppointmentLookup, recordingNotificationQueue, recordingReminders } from '../helpers/fakes/notifications';
import { testClock } from '../helpers/in-memory';

/**
 * Appointment reminders (issue 11, docs/adr/0010-notifications.md): the pure schedule computation
 * (names, instants across daylight-saving changes, event ids), the worker's `syncReminders` on
 * fakes, the EventBridge Scheduler adapter's requests on a stubbed client, and the local timer
 * wheel over its persisted list.
 */

const TARGET = {
  groupName: 'carebow-dev-reminders',
  queueArn: 'arn:aws:sqs:eu-west-1:111122223333:carebow-dev-notifications',
  roleArn: 'arn:aws:iam::111122223333:role/carebow-dev-scheduler',
  deadLetterQueueArn: 'arn:aws:sqs:eu-west-1:111122223333:carebow-dev-reminder-dlq',
};

describe('Reminders: when and what', () => {
  it('reminds of 10:00 Europe/London the morning after the clocks go forward 24 real hours before: 2027-03-27T09:00:00Z', () => {
    // Prepare: 2027-03-28 is the last Sunday of March; 10:00 BST is 09:00Z.
    const [startMs] = instantsAt('Europe/London', '2027-03-28', '10:00');
    const appointmentId = randomUUID();
    const patientId = randomUUID();

    // Act
    const day = reminderFor(appointmentId, patientId, '24h', startMs!);
    const hour = reminderFor(appointmentId, patientId, '1h', startMs!);
    const values = { when: whenText(startMs!, 'Europe/London'), timeZone: 'Europe/London', link: `https://app.carebow.test/appointments/${appointmentId}` };
    const text = renderMessage('appointment_reminder', 'email', values, 'https://app.carebow.test').text;

    // Assess
    expect(new Date(startMs!).toISOString()).toBe('2027-03-28T09:00:00.000Z');
    expect(new Date(day.at).toISOString()).toBe('2027-03-27T09:00:00.000Z');
    expect(new Date(hour.at).toISOString()).toBe('2027-03-28T08:00:00.000Z');
    expect(text).toContain('10:00 (Europe/London)');
    expect(day).toMatchObject({
      name: `appt-${appointmentId}-24h`,
      event: { type: 'appointment_reminder', recipientId: patientId, refs: { appointmentId, offset: '24h' }, occurredAt: '2027-03-27T09:00:00.000Z' },
    });
  });

  it('reminds of 10:00 America/New_York the morning after the clocks go back at 15:00Z the day before (11:00 EDT)', () => {
    // Prepare: 2027-11-07 is the first Sunday of November; 10:00 EST is 15:00Z.
    const [startMs] = instantsAt('America/New_York', '2027-11-07', '10:00');

    // Act
    const at = reminderAt(startMs!, '24h');

    // Assess
    expect(new Date(at).toISOString()).toBe('2027-11-06T15:00:00.000Z');
    expect(whenText(at, 'America/New_York')).toContain('11:00');
  });

  it('names a schedule from the appointment and the offset, within Scheduler’s 64 characters', () => {
    // Prepare
    const id = randomUUID().toUpperCase();

    // Act
    const names = [reminderName(id, '24h'), reminderName(id, '1h')];

    // Assess
    expect(names).toEqual([`appt-${id.toLowerCase()}-24h`, `appt-${id.toLowerCase()}-1h`]);
    expect(Math.max(...names.map((n) => n.length))).toBeLessThanOrEqual(64);
    expect(names.every((n) => /^[0-9a-zA-Z-_.]+$/.test(n))).toBe(true);
  });

  it('gives the same reminder the same event id (a uuid v7 of its instant) and another time another id; the event passes the worker’s schema', () => {
    // Prepare
    const id = randomUUID();
    const startMs = Date.parse('2027-01-10T10:30:00Z');

    // Act
    const first = reminderEventId(id, '24h', startMs);
    const again = reminderEventId(id, '24h', startMs);
    const moved = reminderEventId(id, '24h', startMs + 1_800_000);
    const other = reminderEventId(id, '1h', startMs);
    const parsed = z.safeParse(NotificationEventSchema, reminderFor(id, randomUUID(), '1h', startMs).event);

    // Assess
    expect(first).toBe(again);
    expect(new Set([first, moved, other]).size).toBe(3);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(first.replaceAll('-', '').slice(0, 12), 16)).toBe(reminderAt(startMs, '24h'));
    expect(parsed.success).toBe(true);
  });
});

describe('Use case: syncReminders', () => {
  const setup = () => {
    const clock = testClock('2027-01-08T12:00:00.000Z');
    const appointments = inMemoryAppointmentLookup();
    const scheduler = recordingReminders();
    const deps = { appointments: appointments.lookup, reminders: scheduler.reminders, clock };
    const patientId = randomUUID();
    const practitionerId = randomUUID();
    const appointmentId = randomUUID();
    const startMs = Date.parse('2027-01-10T10:30:00Z');
    const stands = (status: string, start = startMs) => {
      for (const holder of [patientId, practitionerId])
        appointments.set(holder, appointmentId, { status, startMs: start, patientId, timeZone: 'Europe/London' });
    };
    const event = (type: NotificationEvent['type'], recipientId = patientId) => notificationEvent(type, recipientId, { appointmentId }, clock.now());
    return { clock, scheduler, deps, patientId, practitionerId, appointmentId, startMs, stands, event };
  };

  it('schedules both reminders for the patient of a booked visit, and does it again unchanged on a redelivery', async () => {
    // Prepare
    const { scheduler, deps, appointmentId, patientId, startMs, stands, event } = setup();
    stands('booked');
    const booked = event('appointment_booked');

    // Act
    const first = await syncReminders(deps, booked);
    const snapshot = structuredClone([...scheduler.pending.values()]);
    const again = await syncReminders(deps, booked);

    // Assess
    expect([first, again]).toEqual(['24h:scheduled,1h:scheduled', '24h:scheduled,1h:scheduled']);
    expect([...scheduler.pending.values()]).toEqual(snapshot);
    expect(snapshot).toEqual([reminderFor(appointmentId, patientId, '24h', startMs), reminderFor(appointmentId, patientId, '1h', startMs)]);
    expect(snapshot.map((r) => new Date(r.at).toISOString())).toEqual(['2027-01-09T10:30:00.000Z', '2027-01-10T09:30:00.000Z']);
  });

  it('leaves the practitioner’s copy of a booking or a move to the patient’s own event', async () => {
    // Prepare
    const { scheduler, deps, practitionerId, stands, event } = setup();
    stands('booked');

    // Act
    const outcomes = [
      await syncReminders(deps, event('appointment_booked', practitionerId)),
      await syncReminders(deps, event('appointment_rescheduled', practitionerId)),
    ];

    // Assess
    expect(outcomes).toEqual([undefined, undefined]);
    expect(scheduler.calls).toEqual([]);
  });

  it('replaces both on a move (same names, new instants) and deletes both on a cancellation to either party', async () => {
    // Prepare
    const { scheduler, deps, appointmentId, practitionerId, startMs, stands, event } = setup();
    stands('booked');
    await syncReminders(deps, event('appointment_booked'));

    // Act
    stands('booked', startMs + 86_400_000);
    await syncReminders(deps, event('appointment_rescheduled'));
    const moved = [...scheduler.pending.values()].map((r) => [r.name, new Date(r.at).toISOString()]);
    stands('cancelled');
    const cancelled = await syncReminders(deps, event('appointment_cancelled', practitionerId));

    // Assess
    expect(moved).toEqual([
      [`appt-${appointmentId}-24h`, '2027-01-10T10:30:00.000Z'],
      [`appt-${appointmentId}-1h`, '2027-01-11T09:30:00.000Z'],
    ]);
    expect(cancelled).toBe('24h:cancelled,1h:cancelled');
    expect(scheduler.pending.size).toBe(0);
  });

  it('deletes instead of scheduling a reminder already past or due within a minute, and everything of a visit cancelled or gone, whatever the event says', async () => {
    // Prepare
    const { clock, scheduler, deps, appointmentId, startMs, stands, event } = setup();
    stands('booked');
    clock.set(new Date(startMs - 3_600_000 - 30_000).toISOString());

    // Act
    const soon = await syncReminders(deps, event('appointment_booked'));
    clock.set(new Date(startMs - 2 * 3_600_000).toISOString());
    const within = await syncReminders(deps, event('appointment_booked'));
    stands('cancelled');
    const late = await syncReminders(deps, event('appointment_booked'));
    const gone = await syncReminders({ ...deps, appointments: { get: async () => undefined } }, event('appointment_booked'));

    // Assess
    expect([soon, within, late, gone]).toEqual([
      '24h:cancelled,1h:cancelled',
      '24h:cancelled,1h:scheduled',
      '24h:cancelled,1h:cancelled',
      '24h:cancelled,1h:cancelled',
    ]);
    expect(scheduler.calls.at(-1)).toBe(`cancel appt-${appointmentId}-1h`);
    expect(scheduler.pending.size).toBe(0);
  });

  it('ignores every other event, and throws what the scheduler throws (the message is retried)', async () => {
    // Prepare
    const { scheduler, deps, patientId, stands, event } = setup();
    stands('booked');
    scheduler.failNext();

    // Act
    const other = await syncReminders(deps, notificationEvent('security_new_login', patientId, {}, new Date()));
    const reminder = await syncReminders(deps, {
      ...event('appointment_booked'),
      type: 'appointment_reminder',
      refs: { ...event('appointment_booked').refs, offset: '1h' },
    });
    const failing = syncReminders(deps, event('appointment_booked'));

    // Assess
    expect([other, reminder]).toEqual([undefined, undefined]);
    await expect(failing).rejects.toThrow('scheduler down');
  });
});

describe('Class: SchedulerReminders', () => {
  const stub = (...failures: (string | undefined)[]) => {
    const sent: { command: string; input: unknown }[] = [];
    const client = {
      send: async (command: CreateScheduleCommand | UpdateScheduleCommand | DeleteScheduleCommand) => {
        sent.push({ command: command.constructor.name, input: command.input });
        const failure = failures.shift();
        if (failure) throw Object.assign(new Error(failure), { name: failure });
        return {};
      },
    };
    return { sent, scheduler: new SchedulerReminders(TARGET, client as never) };
  };
  const [startMs] = instantsAt('Europe/London', '2027-03-28', '10:00');
  const reminder = reminderFor(randomUUID(), randomUUID(), '24h', startMs!);

  it('creates a one-time schedule at the instant in UTC, deleted after it runs, that puts the event on the queue as the scheduler role, with the reminders’ DLQ', async () => {
    // Prepare
    const { sent, scheduler } = stub();

    // Act
    await scheduler.schedule(reminder);

    // Assess
    expect(sent).toEqual([
      {
        command: 'CreateScheduleCommand',
        input: {
          Name: reminder.name,
          GroupName: 'carebow-dev-reminders',
          ScheduleExpression: 'at(2027-03-27T09:00:00)',
          ScheduleExpressionTimezone: 'UTC',
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          State: 'ENABLED',
          Target: {
            Arn: TARGET.queueArn,
            RoleArn: TARGET.roleArn,
            Input: JSON.stringify(reminder.event),
            DeadLetterConfig: { Arn: TARGET.deadLetterQueueArn },
            RetryPolicy: { MaximumEventAgeInSeconds: REMINDER_MAX_EVENT_AGE_SECONDS },
          },
        },
      },
    ]);
    expect(JSON.parse((sent[0]!.input as { Target: { Input: string } }).Target.Input)).toEqual(reminder.event);
  });

  it('updates with the same definition when the name exists, and creates again when the update finds it gone', async () => {
    // Prepare
    const replaced = stub('ConflictException');
    const raced = stub('ConflictException', 'ResourceNotFoundException');

    // Act
    await replaced.scheduler.schedule(reminder);
    await raced.scheduler.schedule(reminder);

    // Assess
    expect(replaced.sent.map((s) => s.command)).toEqual(['CreateScheduleCommand', 'UpdateScheduleCommand']);
    expect(replaced.sent[1]!.input).toEqual(replaced.sent[0]!.input);
    expect(raced.sent.map((s) => s.command)).toEqual(['CreateScheduleCommand', 'UpdateScheduleCommand', 'CreateScheduleCommand']);
  });

  it('deletes by name in the group, a missing schedule being no error; any other error is thrown', async () => {
    // Prepare
    const missing = stub('ResourceNotFoundException');
    const throttled = stub('ThrottlingException');

    // Act
    await missing.scheduler.cancel(reminder.name);
    const failing = throttled.scheduler.cancel(reminder.name);

    // Assess
    expect(missing.sent).toEqual([{ command: 'DeleteScheduleCommand', input: { Name: reminder.name, GroupName: 'carebow-dev-reminders' } }]);
    await expect(failing).rejects.toMatchObject({ name: 'ThrottlingException' });
  });
});

describe('Class: TimerWheelReminders and the local wheel', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'carebow-reminders-'));
    dirs.push(dir);
    return dir;
  };
  /** A 1 h reminder that fires at `at`. */
  const reminderAtMs = (at: number) => reminderFor(randomUUID(), randomUUID(), '1h', at + 3_600_000);

  it('keeps the list in reminders.json: replaced and deleted by name, soonest first', async () => {
    // Prepare
    const dir = dataDir();
    const scheduler = new TimerWheelReminders(dir);
    const later = reminderAtMs(Date.parse('2027-01-02T10:00:00Z'));
    const sooner = reminderAtMs(Date.parse('2027-01-01T10:00:00Z'));
    const moved = { ...later, at: later.at - 60_000 };

    // Act
    await scheduler.schedule(later);
    await scheduler.schedule(sooner);
    await scheduler.schedule(moved);
    await scheduler.cancel(sooner.name);
    await scheduler.cancel('appt-unknown-1h');

    // Assess
    expect(readReminders(dir)).toEqual([moved]);
    expect(JSON.parse(readFileSync(remindersFile(dir), 'utf8'))).toEqual({ reminders: [moved] });
  });

  it('sends what is due (its instant reached) to the queue and drops it; keeps what is not due', async () => {
    // Prepare
    const dir = dataDir();
    const scheduler = new TimerWheelReminders(dir);
    const nowMs = Date.parse('2027-01-01T10:00:00Z');
    const overdue = reminderAtMs(nowMs - 1000);
    const due = reminderAtMs(nowMs);
    const future = reminderAtMs(nowMs + 1000);
    for (const r of [future, due, overdue]) await scheduler.schedule(r);
    const queue = recordingNotificationQueue();
    const wheel = startReminderWheel({ dataDir: dir, queue: queue.queue, tickMs: 3_600_000, now: () => nowMs });

    // Act
    const sent = await wheel.turn();
    await wheel.stop();

    // Assess
    expect(sent).toEqual([overdue.name, due.name]);
    expect(queue.sent.map((s) => s.event)).toEqual([overdue.event, due.event]);
    expect(readReminders(dir)).toEqual([future]);
  });

  it('keeps a reminder whose send failed for the next turn, and fires after a restart what was persisted before it', async () => {
    // Prepare: a wheel that cannot send, stopped; then a new one over the same folder, as after `npm start` again.
    const dir = dataDir();
    const nowMs = Date.parse('2027-01-01T10:00:00Z');
    const due = reminderAtMs(nowMs - 1000);
    await new TimerWheelReminders(dir).schedule(due);
    const down = recordingNotificationQueue();
    down.failNext(1);
    const before = startReminderWheel({ dataDir: dir, queue: down.queue, tickMs: 3_600_000, now: () => nowMs });

    // Act
    const failed = await before.turn();
    await before.stop();
    const up = recordingNotificationQueue();
    const after = startReminderWheel({ dataDir: dir, queue: up.queue, tickMs: 3_600_000, now: () => nowMs });
    const fired = await after.turn();
    await after.stop();

    // Assess
    expect(failed).toEqual([]);
    expect(fired).toEqual([due.name]);
    expect(up.sent.map((s) => s.event.id)).toEqual([due.event.id]);
    expect(readReminders(dir)).toEqual([]);
  });
});
