/**
 * The median of a sample (the mean of the two middle values when there is an even number), the bench's central figure
 * wherever one slow run must not move a result.
 *
 * @example
 * median([3, 1, 2, 10]); // 2.5
 */
export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** A range that holds a population's median with at least `coverage` probability. */
export interface MedianInterval {
  readonly low: number;
  readonly high: number;
  /** The interval's exact coverage (at least the confidence asked for): binomial, so it moves in steps. */
  readonly coverage: number;
}

/**
 * A distribution-free confidence interval for the median of whatever a sample was drawn from: its k-th smallest and
 * k-th largest values, with k the largest for which the median falls outside them less often than 1 − `confidence`
 * (each value is below the median with probability ½, so the count below it is binomial; W. J. Conover, *Practical
 * Nonparametric Statistics*, 3rd ed., §3.2). It assumes nothing about the shape of the distribution, which for import
 * times has a long right tail. Undefined when the sample is too small for the confidence (fewer than 5 values for 90 %).
 * Written here rather than imported: a dozen lines, and no dependency of the project computes it.
 *
 * @example
 * medianInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9); // { low: 3, high: 9, coverage: 0.935 }
 */
export const medianInterval = (values: readonly number[], confidence = 0.9): MedianInterval | undefined => {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  let k = 0;
  let outside = 0; // P(the median lies below the k-th smallest value), and as much above the k-th largest
  let below = 0; // P(at most j of the n values fall below the median)
  let choose = 1; // n choose j
  for (let j = 0; j < Math.floor(n / 2); j += 1) {
    below += choose / 2 ** n;
    if (2 * below > 1 - confidence) break;
    k = j + 1;
    outside = below;
    choose = (choose * (n - j)) / (j + 1);
  }
  if (k === 0) return undefined;
  return { low: sorted[k - 1]!, high: sorted[n - k]!, coverage: 1 - 2 * outside };
};
