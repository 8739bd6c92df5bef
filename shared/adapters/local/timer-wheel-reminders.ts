import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NotificationQueue, Reminder, ReminderScheduler } from '../../notifications/ports';

/**
 * The local stand-in for EventBridge Scheduler (`NOTIFICATION_CHANNELS=outbox`, `npm start`): the
 * pending reminders are a list persisted in `<dataDir>/reminders.json`, and a timer wheel
 * (`startReminderWheel`, run by local/backend.ts) turns once a second and puts each reminder whose
 * instant has come on the local notifications queue, then drops it (as `ActionAfterCompletion:
 * DELETE` does). So reminders fire during `npm start` and survive its restart: one that fell due
 * while it was stopped fires on the first turn after it starts again, and the worker decides whether
 * it is still worth sending (a visit already started is `stale`).
 *
 * Every change reads and writes the whole file synchronously (written beside, then renamed over), so
 * the worker's `schedule`/`cancel` and the wheel, in the same process, never interleave. Local only:
 * Lambda bundles fold it away (shared/runtime/target.ts).
 */

export const remindersFile = (dataDir: string): string => join(dataDir, 'reminders.json');

interface RemindersDocument {
  readonly reminders: readonly Reminder[];
}

/** The pending reminders, soonest first; none when there is no file yet. */
export const readReminders = (dataDir: string): Reminder[] => {
  let text: string;
  try {
    text = readFileSync(remindersFile(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const document = JSON.parse(text) as Partial<RemindersDocument>;
  if (!Array.isArray(document.reminders)) throw new Error(`${remindersFile(dataDir)} is not a reminders list`);
  return [...document.reminders];
};

const writeReminders = (dataDir: string, reminders: readonly Reminder[]): void => {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = remindersFile(dataDir);
  const sorted = [...reminders].sort((a, b) => a.at - b.at || a.name.localeCompare(b.name));
  writeFileSync(`${file}.tmp`, `${JSON.stringify({ reminders: sorted } satisfies RemindersDocument, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
};

/** The `ReminderScheduler` port on the persisted list: create or replace by name, delete by name. */
export class TimerWheelReminders implements ReminderScheduler {
  public constructor(private readonly dataDir: string) {}

  public async schedule(reminder: Reminder): Promise<void> {
    writeReminders(this.dataDir, [...readReminders(this.dataDir).filter((r) => r.name !== reminder.name), reminder]);
  }

  public async cancel(name: string): Promise<void> {
    const reminders = readReminders(this.dataDir);
    const kept = reminders.filter((r) => r.name !== name);
    if (kept.length !== reminders.length) writeReminders(this.dataDir, kept);
  }
}

export interface ReminderWheelOptions {
  readonly dataDir: string;
  /** Where due reminders go: the local notifications queue (the scheduler's target). */
  readonly queue: NotificationQueue;
  /** @default 1000 */
  readonly tickMs?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

export interface ReminderWheel {
  /** One turn: sends what is due. Resolves with the names sent. */
  turn(): Promise<string[]>;
  /** Stops the timer, after the turn in progress (if any). */
  stop(): Promise<void>;
}

/**
 * Starts the wheel: every `tickMs` each due reminder is enqueued, then removed from the list iff it
 * is still the one that was due (a replacement written meanwhile stays). A send that fails stays
 * for the next turn, as Scheduler retries.
 */
export const startReminderWheel = (options: ReminderWheelOptions): ReminderWheel => {
  const now = options.now ?? Date.now;
  let running: Promise<string[]> | undefined;
  const turnOnce = async (): Promise<string[]> => {
    const sent: string[] = [];
    for (const due of readReminders(options.dataDir).filter((r) => r.at <= now())) {
      try {
        await options.queue.enqueue(due.event);
      } catch {
        continue;
      }
      writeReminders(
        options.dataDir,
        readReminders(options.dataDir).filter((r) => !(r.name === due.name && r.at === due.at && r.event.id === due.event.id)),
      );
      sent.push(due.name);
    }
    return sent;
  };
  const turn = (): Promise<string[]> => {
    running ??= turnOnce().finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(() => {
    turn().catch(() => undefined);
  }, options.tickMs ?? 1000);
  timer.unref();
  return {
    turn,
    stop: async () => {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
};
