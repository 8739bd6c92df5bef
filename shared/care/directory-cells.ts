import type { PractitionerKind } from '../contracts/care-bounds';
import { DIRECTORY_PRECISION } from './directory-position';
import { cellsCovering, type LatLon } from './geohash';

/**
 * The cells a circle search of the directory reads, planned in this one place for the search
 * (./directory.ts) and caregiver matching (./match-caregivers.ts). No schema behind it: the
 * search's module brings its zod schemas into a bundle, and matching sits near its 100 KB budget.
 */

/**
 * The position prefixes a `near` search queries: the covering cells, cut to the kind's precision
 * (a caregiver's position has 5 characters, so a finer cell is searched through its parent), without
 * repeats, sorted.
 */
export const planCells = (kind: PractitionerKind, centre: LatLon, radiusKm: number): string[] => {
  const { cells } = cellsCovering(centre.lat, centre.lon, radiusKm);
  return [...new Set(cells.map((cell) => cell.slice(0, DIRECTORY_PRECISION[kind])))].sort();
};
