import type { DeliveryChannel } from '../domain/notifications';
import type { Channel } from './ports';

/** One `Channel` over one per channel (SES for e-mail, SNS for SMS): each message goes to its channel's. */
export const byChannel = (channels: Readonly<Record<DeliveryChannel, Channel>>): Channel => ({
  send: (message) => channels[message.channel].send(message),
});
