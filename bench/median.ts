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
