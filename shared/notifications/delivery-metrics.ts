import type { MetricGroup } from '../observability/emf';
import type { DeliverOutcome } from './deliver';

/** A channel's result in `deliver`'s summary as its `Notifications` outcome; leases and settled duplicates do not count. */
const outcomeOf = (result: string): string | undefined =>
  result === 'sent'
    ? 'sent'
    : result === 'permanent'
      ? 'failed'
      : result === 'transient'
        ? 'retried'
        : result.startsWith('suppressed:')
          ? 'suppressed'
          : undefined;

/**
 * One `Notifications` figure per channel that sent, failed, will retry or was suppressed, by `Channel` and `Outcome`;
 * each its own record (the channels are values of one dimension). Nothing for a delayed event (quiet hours).
 *
 * @example
 * for (const group of deliveryFigures(outcome)) metrics.put(group);
 */
export const deliveryFigures = (outcome: DeliverOutcome): MetricGroup[] =>
  outcome.kind === 'delay'
    ? []
    : Object.entries(outcome.channels).flatMap(([channel, result]) => {
        const label = outcomeOf(result ?? '');
        return label === undefined ? [] : [{ dimensions: { Channel: channel, Outcome: label }, metrics: [['Notifications', 'Count', 1]] as const }];
      });
