import { log } from '../logger';
import type { CountedKind, FigureName } from './figures';
import type { FigureCounter } from './figures-ports';

/**
 * Counts `figure` once for `(kind, sourceId)` in the ISO week of `at`, best effort: a store that fails is logged
 * (the kind and the error's name, nothing else) and swallowed, so counting never fails, delays a retry of, or
 * undoes the request or the work it counts. Without a counter (`undefined`: a caller's tests that do not look at
 * figures), nothing is counted.
 *
 * @example
 * await countOnce(deps.figures, 'accounts', 'account', user.id, now);
 */
export const countOnce = async (figures: FigureCounter | undefined, figure: FigureName, kind: CountedKind, sourceId: string, at: Date): Promise<void> => {
  if (figures === undefined) return;
  try {
    await figures.count({ figure, kind, sourceId, at });
  } catch (error) {
    log.warn('product figure not counted', {
      action: `figures.${kind}`,
      dependency: 'content:figures',
      errorName: (error as Error | undefined)?.name ?? 'unknown',
    });
  }
};
