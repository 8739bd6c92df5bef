import { isoWeek } from '../../../shared/content/figures';
import type { FigureEntry, ProductFigures, WeekCounts } from '../../../shared/content/figures-ports';

/**
 * `ProductFigures` in memory, honouring its contract like `shared/adapters/aws/dynamo-product-figures.ts`: a
 * `(kind, sourceId)` counts once (its marker first, then the week's counter); `weeks` answers only the weeks counted
 * in. `failMarker` / `failAdd` make the next markers or adds throw (the marker stays written when the add fails).
 */
export const inMemoryFigures = () => {
  const markers = new Set<string>();
  const weeks = new Map<string, Record<string, number>>();
  const control = { failMarker: false, failAdd: false };
  const figures: ProductFigures = {
    count: async ({ figure, kind, sourceId, at }: FigureEntry) => {
      if (control.failMarker) throw Object.assign(new Error('store down'), { name: 'ProvisionedThroughputExceededException' });
      const marker = `${kind}#${sourceId}`;
      if (markers.has(marker)) return false;
      markers.add(marker);
      if (control.failAdd) throw Object.assign(new Error('store down'), { name: 'InternalServerError' });
      const week = weeks.get(isoWeek(at)) ?? {};
      week[figure] = (week[figure] ?? 0) + 1;
      weeks.set(isoWeek(at), week);
      return true;
    },
    weeks: async (asked) => new Map(asked.flatMap((week): [string, WeekCounts][] => (weeks.has(week) ? [[week, { ...weeks.get(week) } as WeekCounts]] : []))),
  };
  return { figures, markers, weeks, control };
};
