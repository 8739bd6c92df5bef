/**
 * What the platform's detailed health check (`checkDependencies`) needs from outside: one probe per dependency.
 * Implemented by `tableProbe`, `kmsKeyProbe` and `queueProbe` (shared/adapters/aws/health-probes.ts), by
 * `localKeyringProbe` on the local keyring, and by the model-configuration probe in shared/runtime/composition.ts.
 */

/** A dependency check: resolves with an optional detail when healthy, rejects when down. */
export interface Probe {
  /** The dependency's name in the report (e.g. `table:identity`, `keys:kms`, `queue:triage`). */
  readonly name: string;
  /**
   * Resolves with a short detail (never a secret) or `undefined` when up; rejects when down, with an error whose `name`
   * says why (only the name is reported). Should stop when `signal` aborts; the check times it out regardless.
   */
  check(signal: AbortSignal): Promise<string | undefined>;
}
