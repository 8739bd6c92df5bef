/** A dependency check: resolves with an optional detail when healthy, rejects when down. */
export interface Probe {
  readonly name: string;
  check(signal: AbortSignal): Promise<string | undefined>;
}
