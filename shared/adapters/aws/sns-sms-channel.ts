import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { traced } from './xray';
import type { Channel, OutboundMessage, SendResult } from '../../notifications/ports';

/** SNS errors that concern this number only (invalid, or not a mobile SNS can reach): recorded, not retried. */
const PERMANENT = new Set(['InvalidParameterException', 'InvalidParameterValueException']);

/** `permanent` for the errors above; anything else (throttling, an outage, a spending limit reached, permissions) `transient`. */
export const snsOutcome = (error: unknown): SendResult => {
  const name = error instanceof Error ? error.name : 'Unknown';
  return { outcome: PERMANENT.has(name) ? 'permanent' : 'transient', code: name };
};

/** SMS through Amazon SNS, sent as `Transactional` (delivery over price; the only kind CareBow sends). */
export class SnsSmsChannel implements Channel {
  public constructor(private readonly sns: SNSClient = traced(new SNSClient({}))) {}

  public async send(message: OutboundMessage): Promise<SendResult> {
    try {
      const { MessageId } = await this.sns.send(
        new PublishCommand({
          PhoneNumber: message.to,
          Message: message.text,
          MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
        }),
      );
      return { outcome: 'sent', ...(MessageId ? { providerId: MessageId } : {}) };
    } catch (error) {
      return snsOutcome(error);
    }
  }
}
