import { appendFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Channel, OutboundMessage, SendResult } from '../../notifications/ports';

/**
 * The local stand-in for SES and SNS (`NOTIFICATION_CHANNELS=outbox`, `npm start`): each message a
 * JSON line in `<dataDir>/outbox/<YYYY-MM-DD>.jsonl` (UTC date), so a frontend developer sees what
 * would have been sent (also at `GET /api/v1/dev/outbox`). A write that fails is `transient`, as an
 * outage of the provider would be. Local only: Lambda bundles fold it away
 * (shared/runtime/target.ts), and the bundle budget test checks that none ships.
 */

export interface OutboxLine {
  readonly id: string;
  readonly at: string;
  readonly channel: OutboundMessage['channel'];
  readonly to: string;
  readonly subject?: string;
  readonly text: string;
  readonly type: OutboundMessage['type'];
  readonly eventId: string;
  readonly recipientId: string;
}

export const outboxDir = (dataDir: string): string => join(dataDir, 'outbox');

export class OutboxChannel implements Channel {
  #sent = 0;

  public constructor(
    private readonly dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  public async send(message: OutboundMessage): Promise<SendResult> {
    const at = this.now();
    const id = `outbox-${at.getTime()}-${++this.#sent}`;
    const line: OutboxLine = {
      id,
      at: at.toISOString(),
      channel: message.channel,
      to: message.to,
      ...(message.subject !== undefined ? { subject: message.subject } : {}),
      text: message.text,
      type: message.type,
      eventId: message.eventId,
      recipientId: message.recipientId,
    };
    try {
      await mkdir(outboxDir(this.dataDir), { recursive: true, mode: 0o700 });
      await appendFile(join(outboxDir(this.dataDir), `${line.at.slice(0, 10)}.jsonl`), `${JSON.stringify(line)}\n`, { mode: 0o600 });
      return { outcome: 'sent', providerId: id };
    } catch (error) {
      return { outcome: 'transient', code: error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.name) : 'Unknown' };
    }
  }
}

/** The latest `limit` messages of the outbox, newest first (the files of the last days, read whole: local only). */
export const readOutbox = async (dataDir: string, limit: number): Promise<OutboxLine[]> => {
  let files: string[];
  try {
    files = (await readdir(outboxDir(dataDir))).filter((name) => /^\d{4}-\d{2}-\d{2}\.jsonl$/.test(name)).sort();
  } catch {
    return [];
  }
  const lines: OutboxLine[] = [];
  for (const file of files.reverse()) {
    const content = await readFile(join(outboxDir(dataDir), file), 'utf8').catch(() => '');
    const parsed = content
      .split('\n')
      .filter((text) => text.length > 0)
      .flatMap((text) => {
        try {
          return [JSON.parse(text) as OutboxLine];
        } catch {
          return [];
        }
      });
    lines.push(...parsed.reverse());
    if (lines.length >= limit) break;
  }
  return lines.slice(0, limit);
};
