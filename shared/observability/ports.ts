import type { MetricGroup } from './emf';

/**
 * Business figures out of the process (CloudWatch EMF in AWS and locally: a JSON line on stdout). The service
 * dimension is the publisher's, bound when the adapter is built.
 */
export interface Metrics {
  /**
   * Publishes the groups' figures at once, as one record; a dimension may appear in several groups only with one
   * value. Never throws and never waits: a figure must not fail or slow the request it describes.
   */
  put(...groups: MetricGroup[]): void;
}
