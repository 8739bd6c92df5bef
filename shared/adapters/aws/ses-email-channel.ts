import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { traced } from './xray';
import type { Channel, OutboundMessage, SendResult } from '../../notifications/ports';

/**
 * E-mail through Amazon SES (API v2), text only, with the stage's configuration set (its event
 * destination sends bounces and complaints to SNS, and from there, raw, to the notifications queue)
 * and two tags naming the account and the event, so the worker knows whose address bounced without
 * reading the address back.
 */

/** SES errors that concern this message or this address only: it will never go; recorded, not retried. */
const PERMANENT = new Set(['MessageRejected', 'BadRequestException', 'InvalidParameterValue']);

/**
 * `permanent` for the errors above; `transient` for everything else, throttling and outages but
 * also a suspended account or an unverified sender: an operator must fix those, and the message
 * waits in the DLQ (with its alarm) to be redriven, rather than being dropped.
 */
export const sesOutcome = (error: unknown): SendResult => {
  const name = error instanceof Error ? error.name : 'Unknown';
  return { outcome: PERMANENT.has(name) ? 'permanent' : 'transient', code: name };
};

export const RECIPIENT_TAG = 'carebow-recipient';
export const EVENT_TAG = 'carebow-event';

export class SesEmailChannel implements Channel {
  public constructor(
    private readonly from: string,
    private readonly configurationSet: string | undefined,
    private readonly ses: SESv2Client = traced(new SESv2Client({})),
  ) {}

  public async send(message: OutboundMessage): Promise<SendResult> {
    try {
      const { MessageId } = await this.ses.send(
        new SendEmailCommand({
          FromEmailAddress: this.from,
          Destination: { ToAddresses: [message.to] },
          Content: {
            Simple: {
              Subject: { Data: message.subject ?? 'CareBow', Charset: 'UTF-8' },
              Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
            },
          },
          ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
          EmailTags: [
            { Name: RECIPIENT_TAG, Value: message.recipientId },
            { Name: EVENT_TAG, Value: message.eventId },
            { Name: 'carebow-type', Value: message.type },
          ],
        }),
      );
      return { outcome: 'sent', ...(MessageId ? { providerId: MessageId } : {}) };
    } catch (error) {
      return sesOutcome(error);
    }
  }
}
