/** The time, injected so use cases and tests agree on "now". */
/**
 * The interfaces use cases need. Adapters live in `shared/adapters/aws` (DynamoDB, KMS, Secrets
 * Manager) and `shared/adapters/local` (keyring); use cases never import an SDK.
 */

export interface Clock {
  now(): Date;
}
