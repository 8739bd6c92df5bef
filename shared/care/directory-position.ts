import type { PractitionerKind } from '../contracts/care-bounds';
import { directorySort } from '../data/keys';
import { decode, encode, type LatLon } from './geohash';
import type { PractitionerRecord } from './ports';

/**
 * Where the practitioner directory places a profile (shared/care/directory.ts): pure arithmetic
 * with no schema behind it, so the adapter that writes the index keys (and so every function
 * that composes it) bundles no contract.
 *
 * A provider's position keeps 9 geohash characters (~5 m: they practise there, and the public view
 * shows the point anyway); a caregiver's keeps 5 (~5 km): their home is private, and the radius
 * filter, the order and the distance all use the centre of that cell.
 */

/** How many geohash characters a kind's directory position keeps. */
export const DIRECTORY_PRECISION: Readonly<Record<PractitionerKind, number>> = { provider: 9, caregiver: 5 };

/** Where the directory places a profile: a provider's own point, a caregiver's cell centre. */
export const directoryPoint = (record: Pick<PractitionerRecord, 'kind' | 'location'>): LatLon => {
  if (record.kind === 'provider') return { lat: record.location.lat, lon: record.location.lon };
  const cell = decode(encode(record.location.lat, record.location.lon, DIRECTORY_PRECISION.caregiver));
  return { lat: cell.lat, lon: cell.lon };
};

/** A profile's position in its kind's partition: `<geohash>#<id>`. */
export const directoryPosition = (record: Pick<PractitionerRecord, 'kind' | 'location' | 'userId'>): string =>
  directorySort(encode(record.location.lat, record.location.lon, DIRECTORY_PRECISION[record.kind]), record.userId);
