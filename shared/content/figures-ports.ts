import type { CountedKind, FigureName } from './figures';

/**
 * The product figures' store (content table, no PHI): per ISO week, one item of counters. Implemented by
 * `DynamoProductFigures` (shared/adapters/aws/dynamo-product-figures.ts); the fake is test/helpers/fakes/figures.ts.
 */

/** One thing to count: `figure` in the ISO week of `at` (UTC), once for `(kind, sourceId)`. */
export interface FigureEntry {
  readonly figure: FigureName;
  readonly kind: CountedKind;
  /** What is counted (a user, a session, an appointment's change): each counts once. Never stored as is: a digest of it keys the marker. */
  readonly sourceId: string;
  readonly at: Date;
}

/** A week's counters as stored: the figures counted at least once (an absent one is 0). */
export type WeekCounts = Readonly<Partial<Record<FigureName, number>>>;

export interface ProductFigures {
  /**
   * Adds one to `entry.figure` in the week of `entry.at`, iff `(kind, sourceId)` was never counted: first its marker
   * (`COUNTED#<kind>#<digest>`, a conditional put that expires after `COUNTED_TTL_DAYS`), then the atomic `ADD`.
   * `false` when the marker was there (nothing added). Throws when the store fails; a marker written and an `ADD` that
   * failed loses that one count, so a source is counted at most once, never twice. Callers count through
   * `countOnce` (shared/content/count-figure.ts), which never lets a failure reach the work it counts.
   */
  count(entry: FigureEntry): Promise<boolean>;
  /** The counters of `weeks` (`YYYY-Www`), by week; a week nothing was counted in is absent. One BatchGetItem. */
  weeks(weeks: readonly string[]): Promise<Map<string, WeekCounts>>;
}

/** What the writers (registration, the triage and notifications workers, the appointment status) use. */
export type FigureCounter = Pick<ProductFigures, 'count'>;
