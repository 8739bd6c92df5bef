import {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  SchedulerClient,
  UpdateScheduleCommand,
  type CreateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import { traced } from './xray';
import type { Reminder, ReminderScheduler } from '../../notifications/ports';

/** Where reminders live and go: the stage's schedule group, the notifications queue, the role Scheduler assumes, the reminders' DLQ. */
export interface ReminderTarget {
  /** `REMINDER_SCHEDULE_GROUP`: `carebow-<stage>-reminders`. */
  readonly groupName: string;
  /** `REMINDER_TARGET_QUEUE_ARN`: the notifications queue. */
  readonly queueArn: string;
  /** `REMINDER_SCHEDULER_ROLE_ARN`: may only send to that queue and the DLQ (lib/notifications.ts). */
  readonly roleArn: string;
  /** `REMINDER_DEAD_LETTER_QUEUE_ARN`: where a reminder Scheduler could not deliver goes (it alarms). */
  readonly deadLetterQueueArn: string;
}

/** A reminder Scheduler could not deliver for this long goes to the DLQ: later, it would only be stale (the worker sends nothing after the visit starts). */
export const REMINDER_MAX_EVENT_AGE_SECONDS = 1800;

/** How many times a create that finds the schedule, then an update that finds it gone (it fired or was deleted meanwhile), go round. */
const ATTEMPTS = 3;

const named = (error: unknown, name: string): boolean => (error as { name?: unknown } | undefined)?.name === name;

/** `at(2027-03-27T09:00:00)`: Scheduler's one-time expression, read in `ScheduleExpressionTimezone` (UTC). */
export const atExpression = (atMs: number): string => `at(${new Date(atMs).toISOString().slice(0, 19)})`;

/**
 * Reminders on EventBridge Scheduler: one one-time schedule per reminder in the stage's group, at
 * its instant in UTC, deleted by Scheduler once it has run (`ActionAfterCompletion: DELETE`). Its
 * target is the notifications queue, its input the reminder's event (ids only), sent with the
 * scheduler role; a reminder it could not deliver within `REMINDER_MAX_EVENT_AGE_SECONDS` goes to
 * the reminders' DLQ.
 *
 * `schedule` creates, and a create that finds the name taken updates with the same full definition
 * (UpdateSchedule replaces every field), so a redelivered event, a reschedule and a create racing
 * another worker all end with the schedule as the last call wrote it. `cancel` deletes, and a
 * schedule that is not there (never made, fired, deleted) is no error. The worker's role may do these
 * three calls on this group's schedules only, and pass the scheduler role to Scheduler only.
 */
export class SchedulerReminders implements ReminderScheduler {
  public constructor(
    private readonly target: ReminderTarget,
    private readonly scheduler: Pick<SchedulerClient, 'send'> = traced(new SchedulerClient({})),
  ) {}

  /** The full definition of `reminder`'s schedule, as CreateSchedule and UpdateSchedule both take it. */
  public request(reminder: Reminder): CreateScheduleCommandInput {
    return {
      Name: reminder.name,
      GroupName: this.target.groupName,
      ScheduleExpression: atExpression(reminder.at),
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      State: 'ENABLED',
      Target: {
        Arn: this.target.queueArn,
        RoleArn: this.target.roleArn,
        Input: JSON.stringify(reminder.event),
        DeadLetterConfig: { Arn: this.target.deadLetterQueueArn },
        RetryPolicy: { MaximumEventAgeInSeconds: REMINDER_MAX_EVENT_AGE_SECONDS },
      },
    };
  }

  public async schedule(reminder: Reminder): Promise<void> {
    const input = this.request(reminder);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        await this.scheduler.send(new CreateScheduleCommand(input));
        return;
      } catch (error) {
        if (!named(error, 'ConflictException')) throw error;
      }
      try {
        await this.scheduler.send(new UpdateScheduleCommand(input));
        return;
      } catch (error) {
        if (!named(error, 'ResourceNotFoundException')) throw error;
      }
    }
    throw new Error(`Schedule ${reminder.name} kept appearing and disappearing; try again`);
  }

  public async cancel(name: string): Promise<void> {
    try {
      await this.scheduler.send(new DeleteScheduleCommand({ Name: name, GroupName: this.target.groupName }));
    } catch (error) {
      if (!named(error, 'ResourceNotFoundException')) throw error;
    }
  }
}
